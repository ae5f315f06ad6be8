"""Serve the site over a benchmark data folder with waitress, on 127.0.0.1 only.

    python -m bench.serve --data DIR --port 8123 --threads 4

Started and stopped by ``bench.web_phase.throughput``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    import waitress

    from web import create_app

    app = create_app({"DATA_DIR": str(args.data)})
    app.extensions["archive"].searcher.warm()
    waitress.serve(app, host="127.0.0.1", port=args.port, threads=args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
