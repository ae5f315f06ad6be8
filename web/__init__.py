"""The site and its JSON API: ``create_app`` builds it (see ``web.app``)."""

from __future__ import annotations

from web.app import create_app

__all__ = ["create_app"]
