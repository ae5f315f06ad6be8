"""One configuration for every command and the site, read at the edge in layers.

Each layer overrides the ones before it:

1. ``DEFAULTS`` (and the site's own defaults, in ``web.app``);
2. ``archive.cfg`` in the instance folder: a Python file of ``UPPER_CASE = value``
   lines, as Flask reads it. The folder is ``$ARCHIVE_INSTANCE_PATH``, else
   ``instance/`` beside the project's packages in a checkout, or
   ``<prefix>/var/archive-instance`` once installed;
3. ``ARCHIVE_*`` environment variables, without the prefix (``ARCHIVE_DATA_DIR``
   sets ``DATA_DIR``); a value that reads as JSON (``10``, ``true``) is taken as
   that, any other as text, as Flask's ``from_prefixed_env`` does;
4. options: the command line's (``archive --data-dir ...``), or the mapping a test
   passes to ``web.create_app``.

The ``archive`` command and the site call ``load_config`` (or ``load_settings``)
once and pass what they need on; no other module reads the environment.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.errors import ArchiveError

CONFIG_FILE = "archive.cfg"
PREFIX = "ARCHIVE_"
DEFAULT_DATA_DIR = "archive-data"
DEFAULTS: dict[str, Any] = {
    "DATA_DIR": DEFAULT_DATA_DIR,  # the SQLite file and the index
    "DATABASE_URL": None,  # any SQLAlchemy URL; default: SQLite in DATA_DIR
    "INDEX_DIR": None,  # default: DATA_DIR/index
    "OUTLETS_FILE": None,  # a TOML file of more outlets
    "PARSE_SECONDS": 120,  # a file parsing for longer fails (0: no limit)
    "PARSE_MEMORY_MIB": 1024,  # a file needing more to parse fails (0: no limit)
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the archive keeps its data, once every layer is read."""

    data_dir: Path
    database_url: str
    index_dir: Path
    outlets_file: str | None = None
    parse_seconds: float = DEFAULTS["PARSE_SECONDS"]
    parse_memory_mib: int = DEFAULTS["PARSE_MEMORY_MIB"]


def load_settings(
    environ: Mapping[str, str] | None = None,
    options: Mapping[str, Any] | None = None,
) -> Settings:
    """The settings that every layer gives (``environ``: ``os.environ``)."""
    return settings_of(load_config(environ, options))


def settings_of(config: Mapping[str, Any]) -> Settings:
    """The archive's settings from a layered configuration (``load_config``)."""
    data_dir = Path(str(config.get("DATA_DIR") or DEFAULT_DATA_DIR))
    url = config.get("DATABASE_URL") or f"sqlite:///{data_dir / 'archive.db'}"
    index_dir = Path(str(config.get("INDEX_DIR") or data_dir / "index"))
    outlets = config.get("OUTLETS_FILE")
    return Settings(
        data_dir,
        str(url),
        index_dir,
        str(outlets) if outlets else None,
        _limit(config, "PARSE_SECONDS", float),
        int(_limit(config, "PARSE_MEMORY_MIB", int)),
    )


def _limit(config: Mapping[str, Any], name: str, kind: type) -> float:
    """A budget setting: a number of 0 or more (0: no limit)."""
    value = config.get(name, DEFAULTS[name])
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if isinstance(value, bool) or number < 0:
        raise ArchiveError(f"{name} must be a number of 0 or more, not {value!r}")
    return number


def load_config(
    environ: Mapping[str, str] | None = None,
    options: Mapping[str, Any] | None = None,
    defaults: Mapping[str, Any] = DEFAULTS,
) -> dict[str, Any]:
    """Every layer, in order: ``defaults``, the file, ``environ``, ``options``."""
    env = os.environ if environ is None else environ
    config = dict(defaults)
    config.update(read_config_file(instance_folder(env) / CONFIG_FILE))
    config.update(from_environment(env))
    config.update(options or {})
    return config


def instance_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The folder that holds ``archive.cfg`` (it need not exist)."""
    env = os.environ if environ is None else environ
    if env.get(f"{PREFIX}INSTANCE_PATH"):
        return Path(env[f"{PREFIX}INSTANCE_PATH"]).absolute()
    project = Path(__file__).resolve().parent.parent
    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    if project == installed:
        return Path(sys.prefix) / "var" / "archive-instance"
    return project / "instance"


def read_config_file(path: Path) -> dict[str, Any]:
    """The ``UPPER_CASE`` names a Python configuration file sets ({} if none)."""
    try:
        source = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ArchiveError(f"{path}: cannot read the configuration: {error}") from None
    namespace: dict[str, Any] = {"__file__": str(path)}
    try:
        exec(compile(source, str(path), "exec"), namespace)
    except SyntaxError as error:
        raise ArchiveError(
            f"{path}: line {error.lineno}: not a Python configuration: {error.msg}"
        ) from None
    except (NameError, TypeError, ValueError, ArithmeticError) as error:
        raise ArchiveError(f"{path}: the configuration fails: {error}") from None
    return {name: value for name, value in namespace.items() if name.isupper()}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """``ARCHIVE_*`` variables without the prefix, JSON values read as such."""
    layer: dict[str, Any] = {}
    for name in sorted(environ):
        if not name.startswith(PREFIX) or name == f"{PREFIX}INSTANCE_PATH":
            continue
        value = environ[name]
        try:
            value = json.loads(value)
        except ValueError:
            pass
        layer[name.removeprefix(PREFIX)] = value
    return layer
