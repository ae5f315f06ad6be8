"""Serving the site with waitress from one or more processes on one socket.

Searches are Python work, and one process runs Python on one core at a time
(the GIL), however many threads it has. So the site can be served by several
processes: the parent opens the listening socket, forks the others, and every
process builds its own app (its own database connections and index searchers:
nothing open is shared across a fork) and accepts connections from the same
socket with a waitress server of its own. Fork exists on Unix only; elsewhere
one process serves.

``archive serve`` starts one process per core (up to four) unless told: with
8 clients on the shared 2-core machine, two processes answered 1.6-1.9 times
the searches of the old single-lock server where one process without the lock
answered 1.1-1.2 times (BENCHMARKS.md). Each process holds its own searchers.

A child stops when the parent does: the parent ends its children when it stops
(Ctrl+C or SIGTERM), and a child whose parent has gone (killed outright) exits
within a second.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable

from flask import Flask

WATCH_EVERY = 1.0


def default_processes() -> int:
    """One process per core, up to four; one where fork does not exist."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def serve(
    build: Callable[[], Flask],
    listening: socket.socket,
    threads: int = 8,
    processes: int = 1,
) -> None:
    """Serve ``build()``'s app on ``listening`` until interrupted."""
    children: list[int] = []
    sys.stdout.flush()
    sys.stderr.flush()
    if hasattr(os, "fork"):
        parent = os.getpid()
        for _ in range(processes - 1):
            pid = os.fork()
            if pid == 0:
                _child(build, listening, threads, parent)
            children.append(pid)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        _run(build(), listening, threads)
    finally:
        signal.signal(signal.SIGTERM, previous)
        _end(children)


def _child(
    build: Callable[[], Flask], listening: socket.socket, threads: int, parent: int
) -> None:
    """A forked server: runs until its parent ends it or goes away; never returns."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    watcher = threading.Thread(target=_watch, args=(parent,), daemon=True)
    watcher.start()
    try:
        _run(build(), listening, threads)
    finally:
        os._exit(0)


def _run(app: Flask, listening: socket.socket, threads: int) -> None:
    import waitress

    from web.connections import warm

    warm(app)
    server = waitress.create_server(app, sockets=[listening], threads=threads)
    try:
        server.run()
    finally:
        server.close()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(0)


def _stop(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _end(children: list[int]) -> None:
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
    for pid in children:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            continue
