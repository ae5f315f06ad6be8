"""The works a synthetic corpus cites: a fixed pool per seed, cited unevenly.

Work ``i`` is made from the seed and ``i`` alone, so the pool is never held in
memory. Picks favour low numbers: a few works and outlets are cited hundreds of
times, most only once or twice, and a fifth of citations go to a long tail of
outlets the registry does not know.
"""

from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass
from itertools import accumulate

from bench.names import OUTLETS, TAIL_SHARE, tail_outlet
from bench.prose import MONTHS, Prose

TAIL_OUTLETS = 600
_CUMULATIVE = list(accumulate([w for _, w, _ in OUTLETS] + [TAIL_SHARE]))
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Work:
    outlet: str
    title: str
    day: int | None
    month: int
    year: int
    url: str

    @property
    def date(self) -> str:
        written = f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {written}" if self.day else written


class Works:
    """``pick(rng)`` draws a cited work from a pool of ``size`` works."""

    def __init__(self, seed: int, size: int) -> None:
        self.seed = seed
        self.size = max(20, size)

    def pick(self, rng: random.Random) -> Work:
        return self.work(int(self.size * rng.random() ** 2.2))

    def work(self, index: int) -> Work:
        rng = random.Random(f"{self.seed}:work:{index}")
        slot = bisect.bisect_right(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])
        if slot < len(OUTLETS):
            outlet, _, kind = OUTLETS[slot]
        else:
            outlet = tail_outlet(int(TAIL_OUTLETS * rng.random() ** 1.5))
            kind = rng.choice(("news", "monitor", "report"))
        year = rng.randint(2019, 2025)
        title = Prose(rng).work_title(kind, year)
        month = rng.randint(1, 12)
        day = None if rng.random() < 0.08 else rng.randint(1, 28)
        domain = _SLUG.sub("", outlet.lower()) or "source"
        path = _SLUG.sub("-", title.lower()).strip("-")[:60]
        url = f"https://www.{domain}.org/{year}/{month:02d}/{path}-{index}"
        return Work(outlet, title, day, month, year, url)
