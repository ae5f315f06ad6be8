"""Measure ``archive.names``: recall on name variants, false matches, speed.

Not collected by pytest (the name does not start with ``test_``). Run from the
repository root, with an English word list (Debian's ``wamerican`` package gives
/usr/share/dict/words; the archive never needs it at run time):

    .venv/bin/python -m tests.names_false_matches [--words /usr/share/dict/words]

It prints Markdown that goes into NAMES.md: (a) how many English words share a key
with another English word, (b) how many known variant pairs get one key,
(c) how many English words share a key with a common Syrian or Iraqi name,
(d) tokens per second and (e) which different names share a key. (a), (b), (c)
and (e) are given for the chosen key and for alternatives derived from it, which
differ from it only in how they treat vowels.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from archive.names import fold, name_key, names_in

# Pairs of spellings of one name, as they appear in English-language sources.
VARIANT_PAIRS: list[tuple[str, str]] = [
    # places in Syria
    ("Qasrak", "Qasrik"),
    ("Kharab al-Jir", "Kharab Al-Jeir"),
    ("Hasakah", "Hasaka"),
    ("Al-Hasakah", "Ḥasakah"),
    ("Al-Hasakah", "Al-Hasakeh"),
    ("al-Shaddadi", "Al-Shaddadi"),
    ("Shaddadi", "Shadadi"),
    ("Deir Ez-Zor", "Deir ez-Zor"),
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Deir ez-Zor", "Dayr al-Zawr"),
    ("Deir ez-Zor", "Dayr az-Zawr"),
    ("Raqqa", "Raqqah"),
    ("Raqqa", "Al-Raqqa"),
    ("Ar-Raqqah", "Raqqa"),
    ("Raqqa", "Rakka"),
    ("Ain Al-Arab", "Ayn al-Arab"),
    ("Qamishli", "Qamishly"),
    ("Qamishli", "Al-Qamishli"),
    ("Qamishli", "Kamishli"),
    ("Tal Baydar", "Tell Baidar"),
    ("Tal Abyad", "Tell Abiad"),
    ("Ras al-Ayn", "Ras al-Ain"),
    ("Rmelan", "Rmeilan"),
    ("Rmeilan", "Rumaylan"),
    ("Kobani", "Kobane"),
    ("Manbij", "Menbij"),
    ("Idlib", "Idleb"),
    ("Homs", "Hims"),
    ("Hama", "Hamah"),
    ("Daraa", "Deraa"),
    ("Daraa", "Dar'a"),
    ("As-Suwayda", "Sweida"),
    ("Latakia", "Lattakia"),
    ("Latakia", "Latakiyah"),
    ("Tartus", "Tartous"),
    ("Jableh", "Jablah"),
    ("Baniyas", "Banias"),
    ("Tadmur", "Tadmor"),
    ("Al-Mayadin", "Mayadeen"),
    ("Hajin", "Hajeen"),
    ("Al-Tanf", "At-Tanf"),
    ("Tabqa", "Tabaqa"),
    ("Afrin", "Efrin"),
    ("Azaz", "A'zaz"),
    ("Jarabulus", "Jarablus"),
    ("Maarat al-Numan", "Ma'arrat al-Nu'man"),
    ("Saraqib", "Saraqeb"),
    ("Douma", "Duma"),
    ("Ghouta", "Ghuta"),
    ("Daraya", "Darayya"),
    ("Zabadani", "Zebdani"),
    ("Qusayr", "Al-Qusair"),
    ("Yarmouk", "Yarmuk"),
    ("Quneitra", "Qunaytirah"),
    ("Muadamiyah", "Moadamiya"),
    ("Al-Hol", "Al-Hawl"),
    ("Al-Omar", "Al-Umar"),
    ("Jazira", "Djazira"),
    ("Conoco", "Koniko"),
    # places in Iraq
    ("Iraq", "Irak"),
    ("Mosul", "Mawsil"),
    ("Tikrit", "Tekrit"),
    ("Fallujah", "Falluja"),
    ("Kirkuk", "Karkuk"),
    ("An-Najaf", "Najaf"),
    ("Karbala", "Kerbala"),
    ("Basra", "Basrah"),
    ("Erbil", "Irbil"),
    ("Diyala", "Diala"),
    # people
    ("Ahmed al-Sharaa", "Ahmad Al-Sharaa"),
    ("Abdul-Zahra", "Abd al-Zahra"),
    ("Abdulrahman", "Abd al-Rahman"),
    ("Bashar al-Assad", "Bashar al-Asad"),
    ("Bashar al-Assad", "Bachar al-Assad"),
    ("Muhammad", "Mohammed"),
    ("Mohamed", "Muhammad"),
    ("Hussein", "Husayn"),
    ("Hussain", "Hussein"),
    ("Abu Mohammad al-Julani", "Abu Muhammad al-Jolani"),
    ("Mazloum Abdi", "Mazlum Abdi"),
    ("Asaad al-Shaibani", "Asaad Al-Shibani"),
    ("Murhaf Abu Qasra", "Murhaf Abu Kasra"),
    ("Hafez", "Hafiz"),
    ("Nouri al-Maliki", "Nuri al-Maliki"),
    ("Muqtada al-Sadr", "Moqtada al-Sadr"),
    ("Qassem Soleimani", "Qasem Suleimani"),
    ("Osama", "Usama"),
    ("Omar", "Umar"),
    ("Khaled", "Khalid"),
    ("Yusuf", "Youssef"),
    ("Mahmoud", "Mahmud"),
    ("Mustafa", "Moustafa"),
    ("Mustafa", "Moustapha"),
    ("Ibrahim", "Ebrahim"),
    ("Hassan", "Hasan"),
    ("Hamid", "Hameed"),
    ("Saleh Muslim", "Salih Muslim"),
    ("Walid", "Waleed"),
    ("Faisal", "Faysal"),
    ("Abu Hatem Shaqra", "Abu Hatim Shaqra"),
    ("Ilham Ahmed", "Ilham Ahmad"),
    ("Sheikh Maqsoud", "Shaykh Maqsud"),
]

# Common names of places, people and groups in Syria and Iraq, one per line.
COMMON_NAMES: list[str] = """
Damascus Aleppo Homs Hama Latakia Tartus Idlib Raqqa Deir ez-Zor Hasakah Qamishli
Daraa Suwayda Quneitra Palmyra Tadmur Kobani Manbij Afrin Azaz Jarabulus al-Bab
Tal Abyad Ras al-Ain Amuda Derbasiyah Malikiyah Rmeilan Shaddadi Markada Qasrak
Kharab al-Jir Tal Baydar Tal Tamr Hol Tabqa Mayadin Bukamal Hajin Busayra Tanf
Rukban Jableh Baniyas Masyaf Salamiyah Qusayr Yabroud Nabk Zabadani Douma Ghouta
Harasta Daraya Muadamiyah Jobar Yarmouk Qaboun Barzeh Saraqib Maarat Ariha Jisr
Shughur Khan Shaykhun Kafr Nabl Sarmada Atmeh Dana Hayat Tahrir Sham Nusra Jazira
Euphrates Khabur Sinjar Mosul Kirkuk Erbil Baghdad Anbar Ramadi Fallujah Tikrit
Basra Najaf Karbala Diyala Qaim Omar Conoco Tishreen Qarachok Maqsoud
Bashar Assad Hafez Maher Asma Rifaat Ahmed Sharaa Julani Asaad Shaibani Murhaf
Qasra Anas Khattab Mazloum Abdi Ilham Farhad Shami Hadi Bahra Hatem Shaqra
Muhammad Ahmad Ali Hassan Hussein Khaled Mahmoud Mustafa Ibrahim Youssef
Abdullah Khalil Karim Samir Nabil Walid Faisal Tariq Ziad Rami Fadi Bassam
Hisham Jamal Nizar Majid Adnan Bilal Hamza Amer Amr Saad Salim Nasser Jaber
Mansour Fares Wael Yasser Ayman Ammar Mazen Hani Ghassan Imad Issam Riad
Fawaz Ayham Louay Qusay Ghiath Fatima Aisha Zainab Maryam Layla Rania Huda
Hiba Nour Lina Dima Rasha Reem Baghdadi Qurashi Hashemi Abdulrahman Othman
Suleiman Younis Hamdan Jassim Makhlouf Tlass Shalish Qabbani Atassi
Kurdi Haddad Khoury Nasrallah Hezbollah Kataib Quds Soleimani Muhandis
""".split()

# Words in many names that identify none alone; not counted as name tokens.
GENERIC = set("abu umm bin ibn abd tal tell deir ras ain kafr khan jisr".split())

WORDS = Path("/usr/share/dict/words")
SAMPLES = Path(__file__).resolve().parent.parent / "archive" / "samples"
Key = Callable[[str], str]


def flat_vowels(text: str) -> str:
    """The chosen key with every vowel run alike: no initial or final classes."""
    return re.sub("[aio]", "a", name_key(text))


def ends_only(text: str) -> str:
    """The chosen key with no class for a first vowel run inside the word."""
    return " ".join(
        re.sub(r"^([^aio]+)[aio](?=.)", r"\1a", w) for w in name_key(text).split()
    )


def no_vowels(text: str) -> str:
    """The chosen key with vowels dropped, save a mark for a word-initial one."""
    return " ".join(re.sub("(?<=.)[aio]", "", w) for w in name_key(text).split())


def english_words(path: Path) -> list[str]:
    """Lowercase, all-letter entries: ordinary words, no proper nouns."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({w for w in lines if re.fullmatch("[a-z]+", w)})


def collisions(words: list[str], key: Key) -> dict[str, list[str]]:
    """Words by key, for keys that more than one word shares."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[key(word)].append(word)
    return {k: ws for k, ws in groups.items() if len(ws) > 1}


def recall(key: Key) -> list[tuple[str, str]]:
    """The variant pairs that ``key`` leaves apart."""
    return [(a, b) for a, b in VARIANT_PAIRS if key(a) != key(b)]


def name_tokens() -> set[str]:
    return {w for name in COMMON_NAMES for w in fold(name).split()} - GENERIC


def false_name_matches(words: list[str], key: Key) -> dict[str, list[str]]:
    """Name token -> the English words (other spellings) that share its key."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in words:
        by_key[key(word)].append(word)
    found = {}
    for token in sorted(name_tokens()):
        others = [w for w in by_key.get(key(token), []) if w != token]
        if others:
            found[token] = others
    return found


def confused_names(key: Key) -> list[list[str]]:
    """Groups of name tokens that share a key and are not known variants."""
    groups: dict[str, list[str]] = defaultdict(list)
    for token in sorted(name_tokens()):
        groups[key(token)].append(token)
    same = {
        frozenset(words)
        for a, b in VARIANT_PAIRS
        for words in zip(fold(a).split(), fold(b).split(), strict=False)
    }
    return [g for g in groups.values() if len(g) > 1 and frozenset(g) not in same]


def tokens_per_second(tokens: list[str]) -> float:
    name_key.cache_clear()
    start = time.perf_counter()
    for token in tokens:
        name_key(token)
    return len(tokens) / (time.perf_counter() - start)


def samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def key_row(label: str, key: Key, words: list[str]) -> str:
    """One table row: figures (a), (b) and (c) for ``key``."""
    shared = sum(len(ws) for ws in collisions(words, key).values())
    together = len(VARIANT_PAIRS) - len(recall(key))
    against = false_name_matches(words, key)
    hits = sum(len(ws) for ws in against.values())
    confused = ", ".join("/".join(g) for g in confused_names(key))
    return (
        f"| {label} | {shared} ({shared / len(words):.1%}) "
        f"| {together}/{len(VARIANT_PAIRS)} ({together / len(VARIANT_PAIRS):.0%}) "
        f"| {hits} ({hits / len(words):.2%}) "
        f"| {len(against)}/{len(name_tokens())} | {confused} |"
    )


def speed_line(words: list[str]) -> str:
    """Figure (d): name_key on distinct words and on running text; names_in."""
    cold = tokens_per_second(words)
    running = re.findall(r"[^\W_]+", " ".join(samples()))
    stream = (running * (500_000 // len(running) + 1))[:500_000]
    warm = tokens_per_second(stream)
    start = time.perf_counter()
    for _ in range(20):
        for passage in samples():
            names_in(passage)
    chars = 20 * sum(len(p) for p in samples())
    return (
        f"(d) `name_key`: {cold:,.0f} tokens/s on distinct words (cache cold); "
        f"{warm:,.0f} tokens/s on the sample corpus's running text repeated to "
        f"{len(stream):,} tokens (cache warm after first sight); `names_in`: "
        f"{chars / (time.perf_counter() - start):,.0f} characters/s."
    )


def report(words: list[str]) -> str:
    """The figures, as Markdown."""
    keys: list[tuple[str, Key]] = [
        ("chosen: classes for the first and the last vowel run", name_key),
        ("classes for a word-initial and the last run", ends_only),
        ("every vowel run alike", flat_vowels),
        ("vowels dropped", no_vowels),
        ("`fold` only, no tolerance", fold),
    ]
    lines = [
        f"Measured {date.today()} on {platform.machine()}, Python "
        f"{platform.python_version()}: {len(words)} English words from "
        f"{WORDS}, {len(VARIANT_PAIRS)} variant pairs, {len(name_tokens())} name "
        "tokens.",
        "",
        "| key | (a) English words sharing a key with another | (b) variant pairs "
        "brought together | (c) English words sharing a key with a name | names "
        "with such a word | (e) different names sharing a key |",
        "| --- | --- | --- | --- | --- | --- |",
        *(key_row(label, key, words) for label, key in keys),
        "",
        speed_line(words),
        "",
        "Pairs the chosen key leaves apart: "
        + "; ".join(f"{a} / {b}" for a, b in recall(name_key))
        + ".",
        "",
        "Names and the English words that share their key (chosen key):",
        "",
    ]
    for token, others in false_name_matches(words, name_key).items():
        lines.append(f"- {token}: {', '.join(others)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=WORDS)
    args = parser.parse_args(argv)
    if not args.words.exists():
        print(
            f"{args.words}: no English word list; `apt-get install wamerican` "
            "or pass --words PATH",
            file=sys.stderr,
        )
        return 1
    print(report(english_words(args.words)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
