"""The ``archive`` command: the one place where ingest, archive, index and web meet.

Each module of this package holds a few commands; importing them here registers
them on the group.
"""

from archive.cli import (
    exporting,
    fetching,
    ingesting,
    maintenance,
    reading,
    searching,
    serving,
)
from archive.cli.group import cli

__all__ = ["cli"]
del exporting, fetching, ingesting, maintenance, reading, searching, serving
