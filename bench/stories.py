"""Synthetic wire stories (Reuters, AFP, AP) as text files or saved article pages.

Every story has a dateline ("DAMASCUS, March 3 (Reuters) -", "BEIRUT, March 3,
2025 (AFP) -", "QAMISHLI, Syria (AP) —"), short paragraphs, the agency's credits
or byline and its copyright line. Attributed sentences each give one claim (and
the citations listed with them); background sentences name no source.
"""

from __future__ import annotations

import random
from html import escape

from bench.names import person
from bench.prose import MONTHS, Prose, capital

_EVENTS = (
    "U.S. forces began pulling out of their base at {p} on {wd}",
    "government troops took over checkpoints on the main roads into {p}",
    "at least {n} people were killed in clashes near {v} in {g} province",
    "dozens of trucks carrying armoured vehicles left the base at {p}",
    "{k} suspected Islamic State militants were arrested in raids south of {p}",
    "the pullout from {p} was expected to take about a month",
    "an explosion hit a military vehicle on the road between {p} and {p2}",
    "more than {n} families have fled {v} since {m}",
    "the handover of {p} was part of an agreement reached in {m}",
    "coalition helicopters circled over {v} for several hours",
    "{k} detainees were released from the central prison in {p}",
    "fighters loyal to {h} had entered {v} before dawn",
    "water pumping to {p} stopped after the station at {v} was damaged",
)  # fmt: skip
# (template, citations): {e} is an event clause. A non-answer ("did not respond")
# cites nobody: 0, no claim; the story lists it as asked, no comment.
_ATTRIBUTED = (
    ("{E}, two security sources said.", 1),
    ("{E}, three Syrian military and security sources said.", 1),
    ("{E}, residents said.", 1),
    ("{E}, according to the Syrian Observatory for Human Rights, a Britain-based "
     "war monitor.", 1),
    ("{E}, according to the U.N. humanitarian office.", 1),
    ("{E}, according to the SDF.", 1),
    ("A senior U.S. official told {a} that {e}.", 1),
    ("A senior Iraqi security official told {a} that {e}.", 1),
    ("{s}, a spokesman for the SDF, told {a} by phone that {e}.", 1),
    ("The Syrian defence ministry did not immediately respond to a request for "
     "comment.", 0),
    ("Central Command declined to comment on the operation.", 0),
    ("The Wall Street Journal reported last week that {e}.", 1),
    ("The Syrian Observatory for Human Rights said in a statement that {e}.", 1),
    ("Human Rights Watch has said that {e}.", 1),
    ("Neither the Syrian defence ministry nor the SDF responded to requests for "
     "comment.", 0),
)  # fmt: skip
_BACKGROUND = (
    "The extremist group lost control of the last territory it held in Syria in "
    "2019.",
    "{p} has been a main hub for the coalition fighting Islamic State in Syria.",
    "The SDF controls much of the northeast, including oil fields in {g} province.",
    "Tribal leaders accuse the SDF of marginalising Arabs in the province.",
    "{p} lies on the main road between {p2} and the Iraqi border.",
    "Thousands of people fled {v} during the fighting in {m}.",
    "The camp at Al-Hol once held more than 70,000 people.",
    "{h} took power after the fall of Bashar al-Assad in December 2024.",
    "Syria joined the U.S.-led coalition to combat Islamic State last year.",
)  # fmt: skip
_SUBHEADS = (
    "DRAWDOWN EXPECTED TO TAKE WEEKS", "FEARS AMONG RESIDENTS",
    "TENSIONS WITH DAMASCUS", "PRISONS AND CAMPS", "OIL FIELDS AT STAKE",
)  # fmt: skip
CITIES = (
    ("DAMASCUS", "Syria"), ("BEIRUT", "Lebanon"), ("QAMISHLI", "Syria"),
    ("ERBIL", "Iraq"), ("BAGHDAD", "Iraq"), ("AMMAN", "Jordan"), ("ALEPPO", "Syria"),
    ("RAQQA", "Syria"), ("HASAKAH", "Syria"), ("ISTANBUL", "Turkey"),
)  # fmt: skip
SITES = ("The Levant Ledger", "Euphrates Daily", "Gulf Wire Review")


class Story:
    """One wire story: its paragraphs and the counts the ingester must find."""

    def __init__(self, rng: random.Random, agency: str, year: int) -> None:
        self.rng = rng
        self.prose = Prose(rng)
        self.agency = agency
        self.year = year
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.claims = self.citations = 0
        self.paragraphs: list[str] = []
        self.subhead: tuple[int, str] | None = None
        self._write()

    @property
    def passages(self) -> int:
        return len(self.paragraphs) + (self.subhead is not None)

    def _write(self) -> None:
        rng = self.rng
        self._add([self._attributed()])
        for _ in range(rng.randint(4, 14)):
            self._add(
                [
                    self._attributed() if rng.random() < 0.55 else self._background()
                    for _ in range(rng.choice((1, 1, 2)))
                ]
            )
        if rng.random() < 0.35:
            self.subhead = (
                rng.randint(2, len(self.paragraphs) - 1),
                rng.choice(_SUBHEADS),
            )

    def _fill(self, template: str) -> str:
        event = self.prose.fill(self.rng.choice(_EVENTS), year=self.year)
        return self.prose.fill(
            template,
            year=self.year,
            e=event,
            E=capital(event),
            a=self.agency,
            s=person(14 + self.rng.randrange(40)).spell(self.rng),
        )

    def _add(self, sentences: list[tuple[str, int | None]]) -> None:
        """A paragraph of these sentences, unless the story has it already: a
        real story never repeats a paragraph word for word, and page readers
        drop such repeats."""
        paragraph = " ".join(text for text, _ in sentences)
        if paragraph in self.paragraphs:
            return
        self.paragraphs.append(paragraph)
        for _, citations in sentences:
            if citations:  # None: background; 0: a non-answer, no claim
                self.claims += 1
                self.citations += citations

    def _attributed(self) -> tuple[str, int | None]:
        template, citations = self.rng.choice(_ATTRIBUTED)
        return self._fill(template), citations

    def _background(self) -> tuple[str, int | None]:
        text = capital(self.prose.fill(self.rng.choice(_BACKGROUND), year=self.year))
        return text, None

    # --- rendering ------------------------------------------------------------

    def dateline(self) -> str:
        city, country = self.rng.choice(CITIES)
        month = MONTHS[self.month - 1]
        if self.agency == "Reuters":
            return f"{city}, {month} {self.day} (Reuters) - "
        if self.agency == "AFP":
            return f"{city}, {month} {self.day}, {self.year} (AFP) - "
        return f"{city}, {country} (AP) — "

    def body(self) -> list[str]:
        paragraphs = list(self.paragraphs)
        paragraphs[0] = self.dateline() + paragraphs[0]
        if self.subhead is not None:
            paragraphs.insert(*self.subhead)
        return paragraphs

    def text(self) -> str:
        rng = self.rng
        reporters = [person(40 + rng.randrange(60)).main for _ in range(3)]
        lines = self.body()
        if self.agency == "Reuters":
            credits = (
                f"(Reporting by {reporters[0]} in Damascus; Additional reporting by "
                f"{reporters[1]}; Editing by {reporters[2]})"
            )
            lines.append(credits)
            lines.append("Our Standards: The Thomson Reuters Trust Principles.")
            lines.append(f"© {self.year} Reuters. All rights reserved.")
        elif self.agency == "AFP":
            lines += ["sgh/ami", f"© {self.year} AFP"]
        else:
            byline = f"By {reporters[0].upper()} and {reporters[1].upper()}"
            lines = [byline, "Associated Press", *lines]
            lines.append(
                f"Associated Press writer {reporters[2]} in Baghdad contributed to "
                "this report."
            )
            lines.append(
                f"Copyright {self.year} The Associated Press. All rights reserved. "
                "This material may not be published, broadcast, rewritten or "
                "redistributed without permission."
            )
        return "\n\n".join(lines) + "\n"

    def html(self, headline: str) -> str:
        site = self.rng.choice(SITES)
        stamp = f"{self.year}-{self.month:02d}-{self.day:02d}T14:05:00+02:00"
        author = person(40 + self.rng.randrange(60)).main
        paragraphs = []
        for text in self.body():
            if self.subhead is not None and text == self.subhead[1]:
                paragraphs.append(f"  <h2>{escape(text.title())}</h2>")
            else:
                paragraphs.append(f"  <p>{escape(text)}</p>")
        return _PAGE.format(
            title=escape(headline),
            site=escape(site),
            stamp=stamp,
            author=escape(author),
            paragraphs="\n".join(paragraphs),
            year=self.year,
        )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{stamp}">
<meta name="author" content="{author}">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">{site}</a>
  <nav><a href="/syria">Syria</a> <a href="/iraq">Iraq</a></nav>
</header>
<main>
<article>
  <h1>{title}</h1>
  <p class="byline">By {author}</p>
{paragraphs}
  <div class="newsletter-box">
    <h3>Sign up for the Levant Briefing</h3>
    <p>Our daily newsletter, delivered to your inbox every weekday morning.</p>
  </div>
  <p>(Reporting by {author}; Editing by Sarah Lund)</p>
</article>
</main>
<footer>
  <p>© {year} {site}. All rights reserved.</p>
</footer>
</body>
</html>
"""
