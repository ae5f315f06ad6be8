"""The application factory: configuration in layers, the archive, the blueprints.

Configuration is applied in order: ``DEFAULTS``, the instance folder's
``archive.cfg`` (a Python file of ``UPPER_CASE`` settings; the folder is
``$ARCHIVE_INSTANCE_PATH``, or Flask's default ``instance/``), ``ARCHIVE_*``
environment variables (``ARCHIVE_DATA_DIR`` becomes ``DATA_DIR``), then the
mapping passed to ``create_app`` (tests). There is no module-level app.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from archive.config import settings_from_env
from web import api, connections, display, documents, errors, search, security, sources

DEFAULTS: dict[str, Any] = {
    "DATA_DIR": "archive-data",
    "DATABASE_URL": None,
    "INDEX_DIR": None,
    "RESULTS_PER_PAGE": 10,
    "DOCUMENTS_PER_PAGE": 50,
    "OUTLETS_PER_PAGE": 50,
    "WORKS_PER_PAGE": 20,
    "CLAIMS_PER_GROUP": 5,
    "CLAIMS_PER_PAGE": 25,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """A configured site; ``config`` overrides every other layer."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("ARCHIVE_INSTANCE_PATH") or None,
        instance_relative_config=True,
    )
    app.json.sort_keys = False
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("archive.cfg", silent=True)
    app.config.from_prefixed_env("ARCHIVE")
    if config is not None:
        app.config.from_mapping(config)
    settings = settings_from_env(
        {
            "ARCHIVE_DATA_DIR": str(app.config["DATA_DIR"]),
            "ARCHIVE_DATABASE_URL": app.config["DATABASE_URL"] or "",
        }
    )
    index_dir = app.config["INDEX_DIR"] or settings.index_dir
    connections.init_app(app, settings.database_url, index_dir)
    display.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    for blueprint in (search.bp, documents.bp, sources.bp, api.bp):
        app.register_blueprint(blueprint)
    return app
