"""The application factory: configuration in layers, the archive, the blueprints.

The configuration is the archive's one configuration (``archive.config``):
``DEFAULTS`` with the site's own below, the instance folder's ``archive.cfg``,
``ARCHIVE_*`` environment variables (``ARCHIVE_DATA_DIR`` becomes ``DATA_DIR``),
then the mapping passed to ``create_app`` (``archive serve`` passes what its
options gave; tests pass theirs). There is no module-level app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from archive.config import DEFAULTS as ARCHIVE_DEFAULTS
from archive.config import instance_folder, load_config, settings_of
from index import exports as index_exports
from web import (
    api,
    checklist,
    connections,
    display,
    documents,
    errors,
    search,
    security,
    sources,
)

DEFAULTS: dict[str, Any] = {
    **ARCHIVE_DEFAULTS,
    "RESULTS_PER_PAGE": 10,
    "DOCUMENTS_PER_PAGE": 50,
    "OUTLETS_PER_PAGE": 50,
    "WORKS_PER_PAGE": 20,
    "CLAIMS_PER_GROUP": 5,
    "CLAIMS_PER_PAGE": 25,
    # search exports: documents as references, passages as CSV rows
    "EXPORT_MAX_DOCUMENTS": index_exports.MAX_DOCUMENTS,
    "EXPORT_MAX_ROWS": index_exports.MAX_ROWS,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """A configured site; ``config`` overrides every other layer."""
    app = Flask(
        __name__, instance_path=str(instance_folder()), instance_relative_config=True
    )
    app.json.sort_keys = False
    app.config.from_mapping(load_config(options=config, defaults=DEFAULTS))
    settings = settings_of(app.config)
    connections.init_app(app, settings.database_url, settings.index_dir)
    display.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    for blueprint in (search.bp, documents.bp, sources.bp, checklist.bp, api.bp):
        app.register_blueprint(blueprint)
    return app
