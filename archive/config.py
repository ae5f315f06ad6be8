"""Where the archive keeps its data, from ``ARCHIVE_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = "archive-data"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    outlets_file: str | None = None

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


def settings_from_env(environ: dict[str, str] | None = None) -> Settings:
    """``ARCHIVE_DATA_DIR`` (default ``./archive-data``) holds the SQLite file and
    the index; ``ARCHIVE_DATABASE_URL`` names any other SQLAlchemy database."""
    env = os.environ if environ is None else environ
    data_dir = Path(env.get("ARCHIVE_DATA_DIR") or DEFAULT_DATA_DIR)
    url = env.get("ARCHIVE_DATABASE_URL") or f"sqlite:///{data_dir / 'archive.db'}"
    return Settings(data_dir, url, env.get("ARCHIVE_OUTLETS_FILE") or None)
