"""One configuration for every command and the site: defaults, then the instance
folder's archive.cfg, then ARCHIVE_* variables, then options, each layer winning
over the ones before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from archive import ArchiveError
from archive.config import load_config, load_settings

INGEST = Path(__file__).parent.parent.parent / "ingest"


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    folder = tmp_path / "instance"
    folder.mkdir()
    (folder / "archive.cfg").write_text(
        'DATA_DIR = "/from/file"\nOUTLETS_FILE = "/file/outlets.toml"\n'
        "RESULTS_PER_PAGE = 7\n",
        encoding="utf-8",
    )
    return folder


def test_defaults_alone_keep_data_in_archive_data(tmp_path: Path) -> None:
    settings = load_settings({"ARCHIVE_INSTANCE_PATH": str(tmp_path / "none")})
    assert settings.data_dir == Path("archive-data")
    assert settings.database_url == "sqlite:///archive-data/archive.db"
    assert settings.index_dir == Path("archive-data/index")
    assert settings.outlets_file is None


def test_the_file_overrides_the_defaults(instance: Path) -> None:
    settings = load_settings({"ARCHIVE_INSTANCE_PATH": str(instance)})
    assert settings.data_dir == Path("/from/file")
    assert settings.database_url == "sqlite:////from/file/archive.db"
    assert settings.index_dir == Path("/from/file/index")
    assert settings.outlets_file == "/file/outlets.toml"


def test_the_environment_overrides_the_file(instance: Path) -> None:
    env = {
        "ARCHIVE_INSTANCE_PATH": str(instance),
        "ARCHIVE_DATA_DIR": "/from/env",
        "ARCHIVE_RESULTS_PER_PAGE": "12",
    }
    config = load_config(env)
    assert config["DATA_DIR"] == "/from/env"
    assert config["RESULTS_PER_PAGE"] == 12  # read as JSON, as Flask does
    assert config["OUTLETS_FILE"] == "/file/outlets.toml"  # the file's still holds


def test_options_override_the_environment(instance: Path) -> None:
    env = {"ARCHIVE_INSTANCE_PATH": str(instance), "ARCHIVE_DATA_DIR": "/from/env"}
    settings = load_settings(env, {"DATA_DIR": "/from/option"})
    assert settings.data_dir == Path("/from/option")
    assert settings.outlets_file == "/file/outlets.toml"


def test_a_database_url_and_an_index_folder_replace_the_data_folder_defaults(
    tmp_path: Path,
) -> None:
    settings = load_settings(
        {
            "ARCHIVE_INSTANCE_PATH": str(tmp_path),
            "ARCHIVE_DATABASE_URL": "postgresql+psycopg://u@h/db",
            "ARCHIVE_INDEX_DIR": "/idx",
        }
    )
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert settings.index_dir == Path("/idx")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("DATA_DIR = \n", "line 1: not a Python configuration: invalid syntax"),
        ("DATA_DIR = HOME\n", "the configuration fails: name 'HOME' is not defined"),
    ],
)
def test_a_broken_file_is_one_error_naming_it(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "archive.cfg").write_text(text, encoding="utf-8")
    with pytest.raises(ArchiveError) as raised:
        load_settings({"ARCHIVE_INSTANCE_PATH": str(tmp_path)})
    assert str(raised.value) == f"{tmp_path / 'archive.cfg'}: {message}"


def test_the_parser_package_reads_no_environment() -> None:
    """ingest/ is handed its configuration (the outlets file) by its caller."""
    for path in INGEST.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            node.attr if isinstance(node, ast.Attribute) else node.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute | ast.Name)
        }
        assert not names & {"environ", "getenv"}, path.name


def test_load_registry_ignores_the_environment(monkeypatch, tmp_path: Path) -> None:
    from ingest.outlets import load_registry

    extra = tmp_path / "outlets.toml"
    extra.write_text('[[outlet]]\nslug = "x24"\nname = "X24"\n', encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_OUTLETS_FILE", str(extra))
    assert load_registry().lookup("X24") is None
    assert load_registry(str(extra)).lookup("X24").slug == "x24"
