"""Sentences for synthetic reports and wire stories, built from slots.

Report sentences say what happened, where and when, in the register of COI
reports; the formatter puts footnote markers after them. Wire sentences come in
two sorts: attributed ones, whose source the ingester finds ("two security
sources said", "told Reuters", "according to the SDF"), each known to give one
claim with one citation, and background ones that name no source.
"""

from __future__ import annotations

import random

from bench.names import GOVERNORATES, PLACE_NAMES, Name, person, village

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
VILLAGES = 400
PEOPLE = 120

_ACTORS = (
    "government forces", "the SDF", "factions of the Syrian National Army",
    "unidentified gunmen", "ISIL cells", "the US-led coalition", "tribal fighters",
    "security forces of the transitional government", "the Asayish",
    "armed groups affiliated with the former government", "Turkish drones",
    "Israeli forces", "local defence militias", "the General Security Service",
    "fighters of the Military Operations Command", "members of the Military Police",
)  # fmt: skip
_ACTIONS = (
    "conducted a raid on {v}", "shelled the outskirts of {v}",
    "set up checkpoints around {v}", "withdrew from positions near {v}",
    "took control of {v}", "arrested {n} men in {v}", "reinforced their bases near {v}",
    "carried out a drone strike near {v}", "imposed a curfew in {v}",
    "launched a security campaign in {v}", "abducted {n} civilians from {v}",
    "confiscated houses belonging to displaced families in {v}",
    "clashed with rival factions near {v}", "opened a new crossing point at {v}",
    "recruited at least {n} children in {v}", "evacuated military equipment from {v}",
    "targeted a convoy travelling between {v} and {p2}",
    "demolished several homes in {v}", "seized weapons depots near {v}",
)  # fmt: skip
_WHERE = (
    "in the {p} countryside", "in {g} governorate", "east of {p}", "near {p}",
    "on the road to {p}", "in the northern countryside of {p}",
    "close to the frontline with {p}",
)  # fmt: skip
_AFTER = (
    "killing {n} civilians", "displacing around {n} families",
    "according to local sources", "wounding {n} people, including {k} children",
    "before withdrawing to their positions", "amid a wave of arbitrary arrests",
    "following a dispute over the control of oil fields",
    "in retaliation for an earlier attack on a checkpoint",
    "after residents protested against the lack of services",
)  # fmt: skip
_STATS = (
    "{o} documented {n} cases of arbitrary arrest in {g} governorate in {m} {y}",
    "The number of returnees to {p} reached {n} by the end of {m} {y}",
    "At least {n} people were killed in {g} governorate between {m} and {m2} {y}",
    "{o} recorded {n} security incidents in {g} governorate during {m} {y}",
    "Around {n} families remained displaced from {v} as of {m} {y}",
    "The population of the camp at {p} fell to about {n} by {m} {y}",
    "Prices of bread and fuel in {p} rose by {k} percent in {m} {y}",
    "{o} reported {n} explosions of remnants of war in the {p} countryside in {y}",
)  # fmt: skip
_PERSON = (
    "{h}, the de facto leader, met delegations from {p} in {m} {y}",
    "In {m} {y}, {h} announced a new committee to oversee detainee releases",
    "{h} was appointed governor of {g} in {m} {y}",
    "Forces loyal to {h} entered {p} in {m} {y}",
    "A delegation headed by {h} visited {v} on {d} {m} {y}",
)  # fmt: skip
_CONTEXT = (
    "The situation in {p} remained volatile throughout the reference period.",
    "Access for humanitarian organisations to {v} remained limited.",
    "Information on the exact number of victims could not be corroborated.",
    "Further details on the security situation in {g} governorate are provided "
    "below.",
    "Sources differ on which group controlled {v} at the time.",
)  # fmt: skip
SUBHEADINGS = (
    "Security incidents", "Arrests and detention", "Displacement and returns",
    "Presence of armed actors", "Humanitarian situation", "Targeting of civilians",
    "Recruitment of children", "Housing, land and property", "Freedom of movement",
    "Checkpoints", "Conflict-related casualties", "Explosive remnants of war",
)  # fmt: skip


def capital(text: str) -> str:
    """``text`` as a sentence starts: "al-Hasakah lies" -> "Al-Hasakah lies"."""
    return text[:1].upper() + text[1:]


class Prose:
    """Sentence maker for one document: its random stream and its names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # --- slots ---------------------------------------------------------------

    def place(self) -> str:
        weights = self.rng.random()
        index = int(len(PLACE_NAMES) * weights**2)  # the big places more often
        return PLACE_NAMES[index].spell(self.rng)

    def village(self) -> str:
        return village(int(VILLAGES * self.rng.random() ** 1.5)).spell(self.rng)

    def person(self) -> Name:
        return person(int(PEOPLE * self.rng.random() ** 2))

    def number(self) -> str:
        scale = self.rng.choice((2, 5, 20, 100, 400))
        value = int(self.rng.paretovariate(1.3) * scale)
        return f"{value:,}" if value >= 1000 else str(value)

    def fill(
        self, template: str, outlet: str = "SOHR", year: int = 2025, **more
    ) -> str:
        return template.format(**self.slots(outlet, year), **more)

    def slots(self, outlet: str = "SOHR", year: int = 2025) -> dict[str, object]:
        month = self.rng.randrange(12)
        return {
            "v": self.village(),
            "p": self.place(),
            "p2": self.place(),
            "g": self.rng.choice(GOVERNORATES),
            "n": self.number(),
            "k": self.rng.randint(2, 40),
            "o": outlet,
            "h": self.person().spell(self.rng),
            "d": self.rng.randint(1, 28),
            "m": MONTHS[month],
            "m2": MONTHS[min(11, month + self.rng.randint(1, 3))],
            "y": year,
            "wd": self.rng.choice(WEEKDAYS),
        }

    # --- reports -------------------------------------------------------------

    def report_sentence(self, year: int, outlet: str) -> tuple[str, str | None]:
        """A sentence that a footnote supports: (text before the end, clause end).

        The first part ends where a mid-sentence marker may go (after a comma),
        the second, if any, completes the sentence; both leave out the full stop.
        """
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            when = rng.choice(
                ("On {d} {m} {y}, ", "In {m} {y}, ", "In early {m} {y}, ")
            )
            head = self.fill(
                when
                + rng.choice(_ACTORS)
                + " "
                + rng.choice(_ACTIONS)
                + " "
                + rng.choice(_WHERE),
                outlet,
                year,
            )
            head = capital(head)
            if rng.random() < 0.5:
                return head, self.fill(rng.choice(_AFTER), outlet, year)
            return head, None
        if roll < 0.85:
            return capital(self.fill(rng.choice(_STATS), outlet, year)), None
        return capital(self.fill(rng.choice(_PERSON), outlet, year)), None

    def context_sentence(self, year: int) -> str:
        """A sentence without a footnote (ends with its full stop)."""
        return capital(self.fill(self.rng.choice(_CONTEXT), year=year))

    # --- cited works ----------------------------------------------------------

    def work_title(self, kind: str, year: int) -> str:
        rng = self.rng
        templates = _TITLES.get(kind, _TITLES["news"])
        return self.fill(rng.choice(templates), year=year)


_TITLES = {
    "monitor": (
        "New reinforcements | US forces bring military equipment to bases in {p}",
        "Security chaos | Gunmen kill a young man in {v} in the {p} countryside",
        "Arrest campaign | Security forces detain {n} people in {v}",
        "{p} | Explosion of unknown origin rocks {v}",
        "Escalation | Drone strike targets a vehicle near {v}",
    ),
    "report": (
        "Monthly report on arbitrary arrests in Syria in {m} {y}",
        "At least {n} civilians killed in Syria in {m} {y}",
        "Documentation of violations in {g} governorate",
    ),
    "un": (
        "North-east Syria: Flash Update No. {k}",
        "Syrian Arab Republic: Humanitarian Situation Report No. {k}",
        "Syria: Returns to {p} and {p2}",
        "Report of the Commission of Inquiry on the situation in {g}",
    ),
    "ngo": (
        "Syria: Detainees from {p} Held Incommunicado",
        "Syria: Civilians in {v} Face Reprisals",
        "“We Have No Place to Go”: Evictions in {p}",
    ),
    "data": (
        "Regional Overview: Middle East {m} {y}",
        "Syria: Shifting control in the {p} countryside",
    ),
    "think": (
        "Iran Update, {d} {m} {y}",
        "Syria’s transition and the future of the north-east",
        "The struggle for {p}: tribes, the SDF and Damascus",
    ),
    "gov": ("Statement on the situation in {p}", "US troop levels in Syria"),
    "news": (
        "US forces pull out of {p} base as Damascus extends control",
        "Clashes near {v} kill {n} in {g} province",
        "Government troops enter {p} under deal with SDF",
        "Families return to {v} after years of displacement",
        "Who controls {p}? What we know",
        "{h} visits {p}, first trip since taking office",
    ),
}
