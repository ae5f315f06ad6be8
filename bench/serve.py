"""Serve the site over a benchmark data folder with waitress, on 127.0.0.1 only.

    python -m bench.serve --data DIR --port 8123 --threads 4 [--processes 2]

Started and stopped by ``bench.web_phase.throughput`` and ``bench.load``; served
as ``archive serve`` serves (``web.server``), with one process unless told.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)

    from web import create_app
    from web.server import serve

    listening = socket.create_server(("127.0.0.1", args.port))
    try:
        serve(
            lambda: create_app({"DATA_DIR": str(args.data)}),
            listening,
            threads=args.threads,
            processes=args.processes,
        )
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
