"""The app factory: layered configuration, blueprints, no global app."""

from __future__ import annotations

from pathlib import Path

import pytest

import web
from tests.web.conftest import close_app
from web import create_app


@pytest.fixture
def isolated(monkeypatch, tmp_path: Path) -> Path:
    """Environment pointing the archive at an empty folder (never ./archive-data)."""
    for name in ("ARCHIVE_DATABASE_URL", "ARCHIVE_INDEX_DIR", "ARCHIVE_INSTANCE_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_create_app_without_config_is_not_testing(isolated) -> None:
    app = create_app()
    try:
        assert not app.testing
        assert app.config["DATA_DIR"] == str(isolated / "data")
        assert (isolated / "data" / "archive.db").exists()
    finally:
        close_app(app)


def test_test_mapping_turns_testing_on_and_wins_over_environment(isolated) -> None:
    app = create_app({"TESTING": True, "RESULTS_PER_PAGE": 4})
    try:
        assert app.testing
        assert app.config["RESULTS_PER_PAGE"] == 4
    finally:
        close_app(app)


def test_environment_variables_reach_the_config(isolated, monkeypatch) -> None:
    monkeypatch.setenv("ARCHIVE_RESULTS_PER_PAGE", "3")
    app = create_app()
    try:
        assert app.config["RESULTS_PER_PAGE"] == 3
    finally:
        close_app(app)


def test_instance_file_sits_between_defaults_and_environment(
    isolated, monkeypatch
) -> None:
    """GIVEN an instance folder whose archive.cfg sets two values
    WHEN one of them is also set in the environment
    THEN the file overrides the default, and the environment overrides the file."""
    instance = isolated / "instance"
    instance.mkdir()
    (instance / "archive.cfg").write_text(
        "RESULTS_PER_PAGE = 7\nDOCUMENTS_PER_PAGE = 9\n", encoding="utf-8"
    )
    monkeypatch.setenv("ARCHIVE_INSTANCE_PATH", str(instance))
    monkeypatch.setenv("ARCHIVE_DOCUMENTS_PER_PAGE", "11")
    app = create_app()
    try:
        assert app.config["RESULTS_PER_PAGE"] == 7
        assert app.config["DOCUMENTS_PER_PAGE"] == 11
    finally:
        close_app(app)


def test_one_blueprint_per_resource(isolated) -> None:
    app = create_app({"TESTING": True})
    try:
        assert set(app.blueprints) == {
            "search",
            "documents",
            "sources",
            "checklist",
            "api",
        }
    finally:
        close_app(app)


def test_package_exposes_the_factory_and_no_global_app() -> None:
    import importlib

    from flask import Flask

    assert web.__all__ == ["create_app"]
    for path in Path(web.__file__).parent.glob("*.py"):
        module = importlib.import_module(f"web.{path.stem}")
        apps = [
            name for name, value in vars(module).items() if isinstance(value, Flask)
        ]
        assert not apps, f"{path.name} holds an app: {apps}"


def test_views_hold_no_sql_or_whoosh() -> None:
    """STYLE rule 15: views call archive.browse / index; no queries of their own."""
    import re

    pattern = re.compile(r"select\(|\.execute\(|session\.|whoosh")
    for path in Path(web.__file__).parent.glob("*.py"):
        found = [line for line in path.read_text().splitlines() if pattern.search(line)]
        assert not found, f"{path.name}: {found}"
