"""Fetch many URLs: one request at a time per host, a few hosts at once.

Each host's URLs go, in order, to one thread with its own ``Fetcher`` (so its
robots.txt and pause apply); ``hosts`` threads run at once. What they fetch
comes back to the caller's thread, which alone writes the archive, in the order
fetches end. Setting ``stop`` (Ctrl+C) lets each thread end after its current
request; what was kept before stays kept.
"""

from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from archive.fetching.fetcher import Fetched, Fetcher, Rules

HOSTS = 4  # hosts fetched from at once


def by_host(urls: list[str]) -> list[list[str]]:
    """The URLs grouped by host, each group in the order given."""
    groups: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        groups[urlsplit(url).netloc.lower()].append(url)
    return list(groups.values())


def fetch_all(
    urls: list[str],
    rules: Rules,
    hosts: int = HOSTS,
    stop: threading.Event | None = None,
) -> Iterator[Fetched]:
    """Each URL fetched, as its fetch ends; fewer if ``stop`` is set."""
    stop = stop or threading.Event()
    groups: queue.Queue[list[str]] = queue.Queue()
    for group in by_host(urls):
        groups.put(group)
    results: queue.Queue[Fetched | None] = queue.Queue()
    workers = [
        threading.Thread(target=_work, args=(groups, results, rules, stop), daemon=True)
        for _ in range(max(1, min(hosts, groups.qsize())))
    ]
    for worker in workers:
        worker.start()
    running = len(workers)
    try:
        while running:
            item = results.get()
            if item is None:
                running -= 1
            else:
                yield item
    finally:
        stop.set()


def _work(
    groups: queue.Queue[list[str]],
    results: queue.Queue[Fetched | None],
    rules: Rules,
    stop: threading.Event,
) -> None:
    """Take host groups until none is left, fetching each group's URLs in turn."""
    try:
        while not stop.is_set():
            try:
                group = groups.get_nowait()
            except queue.Empty:
                return
            fetcher = Fetcher(rules, stop)
            try:
                for url in group:
                    if stop.is_set():
                        return
                    results.put(fetcher.fetch(url))
            finally:
                fetcher.close()
    finally:
        results.put(None)
