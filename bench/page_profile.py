"""CPU time of the search page, per request and by phase, over a data folder.

    python -m bench.page_profile --data D [--queries 40] [--rounds 1]
        [--variants] [--save DIR] [--cprofile N]

Requests the search page (``/?q=...``) for the benchmark's queries
(``bench.queries``, as ``bench.load`` sends them) through the WSGI app itself,
without a server, and charges the process's CPU time to the phase it was spent
in: the search (``web.connections.search``), the database reads (the
``archive.browse`` and ``archive.queries`` functions), ``url_for``, template
rendering, and the rest of the app (routing, the view's own work, headers).
A phase's time excludes the phases it calls: rendering does not include the
``url_for`` calls of the templates.

``--variants`` adds pages with filters, exclusions, other sorts and page 2.
``--save DIR`` writes each page's status and body to ``DIR`` (one file a
request, in order), so that two versions of the code can be compared page by
page (``diff -r``). ``--cprofile N`` prints the N functions with the most time
of their own (or by ``--sort``, e.g. ``cumulative``) instead of the phases.
The file runs as a script too (``python bench/page_profile.py``), so that it
measures whichever code ``PYTHONPATH`` points at.
"""

from __future__ import annotations

import sys

if __package__ in (None, ""):  # run as a file: bench/ must not hide the stdlib's
    del sys.path[0]  # ``profile``; the code measured is PYTHONPATH's

import argparse
import cProfile
import functools
import inspect
import pstats
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.queries import query_set

PHASES = ("search", "database", "url_for", "templates", "rest of the app")
VARIANTS = (
    {"group": "passages"},
    {"page": "2"},
    {"kind": "report"},
    {"not_kind": "wire"},
    {"outlet": "sohr", "sort": "newest"},
    {"exact": "1", "sort": "oldest"},
    {"not_outlet": ["sohr", "afp"], "group": "passages"},
    {"publisher": "reuters", "not_month": "2025-01"},
    {"from": "2024-06", "to": "2025-02", "country": "SY"},
)


class Phases:
    """CPU time by phase; a phase's time leaves out the phases it calls."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(PHASES, 0.0)
        self.stack: list[list] = []  # [phase, started, spent in callees]

    def wrap(self, function, phase: str):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self.stack.append([phase, time.process_time(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                name, started, inner = self.stack.pop()
                took = time.process_time() - started
                self.spent[name] += took - inner
                if self.stack:
                    self.stack[-1][2] += took

        return timed


def instrument(phases: Phases) -> None:
    """Wrap the phases' functions where the site looks them up (before the app
    is made: Jinja keeps the app's ``url_for`` when its environment is made)."""
    import flask
    import flask.templating

    import archive.browse
    import archive.queries
    import web.connections
    import web.search

    flask.Flask.url_for = phases.wrap(flask.Flask.url_for, "url_for")
    web.connections.search = phases.wrap(web.connections.search, "search")
    for module in (archive.browse, archive.queries):
        for name in getattr(module, "__all__", dir(module)):
            value = getattr(module, name, None)
            if inspect.isfunction(value):
                setattr(module, name, phases.wrap(value, "database"))
    render = phases.wrap(flask.templating.render_template, "templates")
    flask.templating.render_template = flask.render_template = render
    web.search.render_template = render


def urls(queries: int, variants: bool) -> list[str]:
    texts = [q.text for q in query_set(queries)]
    found = [f"/?{urlencode({'q': t})}" for t in texts]
    if variants:
        for number, text in enumerate(texts[::7]):
            extra = VARIANTS[number % len(VARIANTS)]
            found.append(f"/?{urlencode({'q': text, **extra}, doseq=True)}")
    return found


def request(app, path: str) -> tuple[int, bytes]:
    """``path`` through the WSGI app, the body read to its end."""
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(path=path, base_url="http://127.0.0.1/").get_environ()
    said: list[str] = []
    body = b"".join(app(environ, lambda status, _headers: said.append(status)))
    return int(said[0].split()[0]), body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.page_profile")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=40, help="per kind")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--variants", action="store_true")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--cprofile", type=int, metavar="N")
    parser.add_argument("--sort", default="tottime", help="of --cprofile's table")
    args = parser.parse_args(argv)
    phases = Phases()
    if not args.cprofile:
        instrument(phases)
    from web import create_app

    app = create_app({"DATA_DIR": str(args.data)})
    app.wsgi_app = phases.wrap(app.wsgi_app, "rest of the app")
    paths = urls(args.queries, args.variants)
    for path in paths[:20]:  # warm: searchers, facet tables, templates
        request(app, path)
    phases.spent = dict.fromkeys(PHASES, 0.0)
    profiler = cProfile.Profile() if args.cprofile else None
    statuses: dict[int, int] = {}
    started = time.process_time()
    if profiler:
        profiler.enable()
    for round_ in range(args.rounds):
        for number, path in enumerate(paths):
            status, body = request(app, path)
            statuses[status] = statuses.get(status, 0) + 1
            if args.save and round_ == 0:
                args.save.mkdir(parents=True, exist_ok=True)
                page = f"{path}\n{status}\n".encode() + body
                (args.save / f"{number:04d}.html").write_bytes(page)
    if profiler:
        profiler.disable()
    total = time.process_time() - started
    done = len(paths) * args.rounds
    _say(f"{done} requests, statuses {statuses}: {total / done * 1000:.2f} ms CPU each")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.cprofile)
        return 0
    for phase, spent in phases.spent.items():
        share = spent / total * 100 if total else 0.0
        _say(f"  {phase:16} {spent / done * 1000:7.2f} ms  {share:5.1f} %")
    return 0


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
