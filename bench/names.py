"""Who and where the synthetic corpus talks about: outlets, places and people.

Places and people come in the transliterations real sources use side by side
(Qasrak/Qasrik, Hasakah/Al-Hasaka, Ahmed/Ahmad al-Sharaa), and villages are made
up from Arabic-looking syllables, each with a few spellings, so that the name
matcher meets a long tail of rare names as it does in real reports.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# (short name as cited, weight, kind): the head of the citation mix. Weights are
# shares of citations; the long tail of unknown outlets takes TAIL_SHARE.
OUTLETS: tuple[tuple[str, float, str], ...] = (
    ("SOHR", 14, "monitor"),
    ("SNHR", 7, "report"),
    ("OCHA", 7, "un"),
    ("Al Jazeera", 6, "news"),
    ("Reuters", 6, "news"),
    ("HRW", 5, "ngo"),
    ("ACLED", 5, "data"),
    ("Enab Baladi", 4, "news"),
    ("North Press", 4, "news"),
    ("Syria Direct", 3, "news"),
    ("UNHCR", 3, "un"),
    ("Amnesty International", 2, "ngo"),
    ("AP", 2, "news"),
    ("AFP", 2, "news"),
    ("ICG", 1.5, "think"),
    ("ISW", 1.5, "think"),
    ("UN COI", 1.5, "un"),
    ("USDOD", 1, "gov"),
    ("Rudaw", 1, "news"),
    ("Asharq Al-Awsat", 1, "news"),
    ("SANA", 1, "news"),
    ("The New Arab", 1, "news"),
    ("Al-Monitor", 1, "news"),
    ("UNICEF", 1, "un"),
    ("Carnegie", 0.5, "think"),
    ("BBC", 0.5, "news"),
)
TAIL_SHARE = 20.0
_TAIL_FIRST = (
    "Jazira", "Khabur", "Orontes", "Euphrates", "Levant", "Qalamoun", "Hauran",
    "Badia", "Sham", "Furat", "Zagros", "Tigris", "Golan", "Ghab", "Afrin", "Jabal",
    "Balikh", "Sinjar", "Nineveh", "Anbar", "Mesopotamia", "Fertile Crescent",
    "Horan", "Tadmur", "Coastal", "Northern", "Eastern", "Free", "Independent",
    "Civic", "Southern", "Desert", "River", "Citadel", "Olive", "Cedar", "Jasmine",
)  # fmt: skip
_TAIL_SECOND = (
    "Post", "Monitor", "Times", "Voice", "News Network", "Observer", "Daily",
    "Media Center", "Documentation Centre", "Research Initiative", "Chronicle",
    "Lens", "Watch", "Press Agency", "Dispatch", "Bulletin", "Radio", "Forum",
    "Network for Rights", "Studies Unit",
)  # fmt: skip


def tail_outlet(index: int) -> str:
    """The ``index``-th outlet of the long tail: 'Khabur Monitor', 'Levant Post 3'."""
    first = _TAIL_FIRST[index % len(_TAIL_FIRST)]
    second = _TAIL_SECOND[(index // len(_TAIL_FIRST)) % len(_TAIL_SECOND)]
    edition = index // (len(_TAIL_FIRST) * len(_TAIL_SECOND))
    return f"{first} {second}" + (f" {edition + 1}" if edition else "")


# Places: every spelling a source may use; the first is the commonest.
PLACES: tuple[tuple[str, ...], ...] = (
    ("Qasrak", "Qasrik", "Qasrek"),
    ("Hasakah", "Al-Hasaka", "Al-Hasakah", "Hasakeh", "al-Hasakah"),
    ("Deir ez-Zor", "Deir Ezzor", "Deir Ez-Zor", "Dayr al-Zawr", "Deir al-Zor"),
    ("Raqqa", "Al-Raqqa", "Ar-Raqqah", "Raqqah"),
    ("Qamishli", "Al-Qamishli", "Qamishlo", "Kamishli"),
    ("Kobani", "Ain Al-Arab", "Ayn al-Arab", "Kobane"),
    ("Manbij", "Menbij", "Manbej"),
    ("Idlib", "Idleb", "Edlib"),
    ("Aleppo", "Halab"),
    ("Homs", "Hims"),
    ("Hama", "Hamah"),
    ("Daraa", "Deraa", "Dar'a"),
    ("Suwayda", "As-Suwayda", "Sweida", "Suwaida"),
    ("Latakia", "Lattakia", "Al-Ladhiqiyah"),
    ("Tartus", "Tartous"),
    ("Al-Shaddadi", "Ash-Shaddadi", "Shaddadi", "al-Shaddadah"),
    ("Rmelan", "Rmeilan", "Rumeilan"),
    ("Kharab al-Jir", "Kharab Al-Jeir", "Kharab al-Jeer"),
    ("Tal Tamr", "Tell Tamer", "Tal Tamir"),
    ("Al-Hol", "al Hol", "Al-Hawl"),
    ("Abu Kamal", "Albu Kamal", "Al-Bukamal"),
    ("Al-Mayadin", "Mayadin", "Al-Mayadeen"),
    ("Tabqa", "Al-Tabqa", "At-Tabqah"),
    ("Ras al-Ain", "Ras Al-Ayn", "Serekaniye"),
    ("Tal Abyad", "Tell Abiad", "Tal Abiad"),
    ("Afrin", "Efrin"),
    ("Jarablus", "Jarabulus"),
    ("Al-Tanf", "At-Tanf", "al-Tanf"),
    ("Palmyra", "Tadmur", "Tadmor"),
    ("Douma", "Duma"),
    ("Jableh", "Jabla", "Jableh"),
    ("Sinjar", "Shingal"),
    ("Kirkuk", "Karkuk"),
    ("Mosul", "Al-Mawsil"),
    ("Erbil", "Arbil", "Hawler"),
)
GOVERNORATES = (
    "Hasakah", "Deir ez-Zor", "Raqqa", "Aleppo", "Idlib", "Homs", "Hama", "Daraa",
    "Suwayda", "Latakia", "Tartus", "Quneitra", "Rural Damascus", "Damascus",
)  # fmt: skip

PEOPLE: tuple[tuple[str, ...], ...] = (
    ("Ahmed al-Sharaa", "Ahmad Al-Sharaa", "Ahmed Al-Sharaa", "Ahmad al-Shara"),
    ("Mazloum Abdi", "Mazlum Abdi", "Mazlum Kobani"),
    ("Asaad al-Shibani", "As'ad al-Shaibani", "Asaad Al-Shaibani"),
    ("Murhaf Abu Qasra", "Murhaf Abu Qasrah"),
    ("Anas Khattab", "Anas Khatab"),
    ("Bashar al-Assad", "Bashar al-Asad", "Bashar Al-Assad"),
    ("Ilham Ahmed", "Ilham Ahmad"),
    ("Farhad Shami", "Ferhad Shami"),
    ("Hussein al-Salama", "Husayn al-Salamah"),
    ("Mohammed al-Bashir", "Muhammad al-Bashir", "Mohamed Al-Bashir"),
    ("Abu Mohammed al-Jolani", "Abu Muhammad al-Julani", "Abu Mohammad al-Golani"),
    ("Siham Darwish", "Seham Darwish"),
    ("Khaled al-Hamad", "Khalid al-Hamad"),
    ("Youssef al-Hamoud", "Yusuf al-Hamud"),
)
_FIRST = (
    ("Mohammed", "Muhammad", "Mohamed"), ("Hussein", "Husayn", "Hussain"),
    ("Khaled", "Khalid"), ("Omar", "Umar"), ("Youssef", "Yusuf", "Yousef"),
    ("Abdulrahman", "Abd al-Rahman", "Abdel Rahman"), ("Ibrahim",),
    ("Mahmoud", "Mahmud"),
    ("Ali",), ("Hassan", "Hasan"), ("Fatima", "Fatma"), ("Layla", "Leila"),
    ("Nour", "Noor"), ("Rami",), ("Samer",), ("Walid", "Waleed"),
)  # fmt: skip
_FAMILY = (
    ("al-Hassan", "Al-Hasan"), ("Darwish",), ("Haddad",), ("al-Ali", "Al-Ali"),
    ("al-Khalaf", "Al-Khalaf"), ("Suleiman", "Sulayman"), ("al-Jasim", "Al-Jassem"),
    ("Mustafa", "Mostafa"), ("al-Ahmad", "Al-Ahmed"), ("Othman", "Uthman"),
)  # fmt: skip

_ONSETS = ("b", "d", "f", "gh", "h", "j", "k", "kh", "m", "n", "q", "r", "s", "sh")
_ONSETS += ("t", "z", "w", "l")
_VOWELS = {"a": ("a", "e"), "i": ("i", "ee", "e"), "u": ("u", "ou", "o")}
_PREFIXES = (
    ("Tal", "Tell"), ("Khirbet", "Khirbat"), ("Umm",), ("Ain", "Ayn", "Ein"),
    ("Abu",), ("Bir",), ("Kafr", "Kfar"), ("Sheikh", "Shaykh"), ("Jub",),
    ("Al-", "al-", "Al "),
)  # fmt: skip


_CAPITAL = re.compile(r"(?:^|(?<=[ -]))[a-z]")


@dataclass(frozen=True, slots=True)
class Name:
    """One place or person and every spelling used for it."""

    spellings: tuple[str, ...]

    @property
    def main(self) -> str:
        return self.spellings[0]

    def spell(self, rng: random.Random) -> str:
        """A spelling, the commonest one most often."""
        if len(self.spellings) == 1 or rng.random() < 0.55:
            return self.spellings[0]
        return rng.choice(self.spellings[1:])


def village(index: int) -> Name:
    """The ``index``-th made-up village, with two or three spellings of its name."""
    rng = random.Random(f"village:{index}")
    syllables = [
        (rng.choice(_ONSETS), rng.choice("aiu")) for _ in range(rng.randint(2, 3))
    ]
    coda = rng.choice(("", "n", "r", "l", "s", "k", "m", "d", "t"))
    prefix = rng.choice(_PREFIXES) if rng.random() < 0.45 else ("",)
    spellings: list[str] = []
    for variant in range(3):
        core = "".join(
            onset + _VOWELS[v][min(variant, len(_VOWELS[v]) - 1) if n % 2 else 0]
            for n, (onset, v) in enumerate(syllables)
        )
        head = prefix[min(variant, len(prefix) - 1)]
        joiner = "" if head.endswith(("-", " ")) or not head else " "
        word = (head + joiner + core + coda).strip()
        spelled = _CAPITAL.sub(lambda m: m.group(0).upper(), word)
        if spelled not in spellings:
            spellings.append(spelled)
    return Name(tuple(spellings))


def person(index: int) -> Name:
    """A named person: a well-known one, or a made-up one, with spellings."""
    if index < len(PEOPLE):
        return Name(PEOPLE[index])
    rng = random.Random(f"person:{index}")
    first, family = rng.choice(_FIRST), rng.choice(_FAMILY)
    return Name(tuple(dict.fromkeys(f"{a} {b}" for a in first for b in family)))


PLACE_NAMES = tuple(Name(p) for p in PLACES)
