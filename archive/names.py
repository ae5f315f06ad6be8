"""Arabic place and person names as they reach English: one folding, one key.

The same place turns up as Qasrak and Qasrik, Deir ez-Zor and Dayr al-Zawr, Hasakah
and Al-Hasakeh. ``fold`` removes what never distinguishes two names (case,
diacritics, ʿayn and hamza marks, hyphens, the article al- and its assimilated forms
ad-, ar-, as-, ash-, az- ...). ``name_key`` goes further and forgives the vowel
spellings that transliteration systems disagree on, so that variants share a key.
``names_in`` picks the proper names out of a passage of English prose and returns
their keys.

The key is meant for names. Applied to ordinary English words it merges bat, bet
and bit; NAMES.md at the repository root has the measured figures and the advice
that follows from them: key the names, not every word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

__all__ = ["NAME_KEYS_VERSION", "fold", "name_key", "names_in"]

# The version of the keys ``names_in`` gives: raise it with any change to ``fold``,
# ``name_key`` or ``names_in`` that changes a key, and ``archive rederive``
# recomputes the keys the archive stores (``passage_name``) from its passages.
NAME_KEYS_VERSION = 1

# --- fold -------------------------------------------------------------------------

_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff])")
_FUSED_LATIN_ARTICLE = re.compile(r"\b[AE]l(?=[A-Z][a-z])")  # AlSayed, ElBaradei
_POSSESSIVE = re.compile(r"(?<=[a-z]{3})'s\b")  # Qasrak's, but not Ra's al-Ayn
_MARKS = re.compile(r"['`]")  # what anyascii makes of ' ʿ ʾ ‘ ’ ´
_CHUNK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# al-, el- before anything; ad-, ar-, as-, ash-, at-, az-, an-, ath-, adh- (and the
# e- forms, ez-Zor) only before the sun letter they are assimilated to.
_ARTICLE = re.compile(r"[ae]l|[ae](th|dh|sh|[tdrzsn])")
# Written apart (al Hol, Deir ez Zor): al/el always; the assimilated forms only if
# they cannot be English (as, at, an are left alone) and the sun letter follows.
_LOOSE_ARTICLES = {"al": "", "el": "", "ez": "z", "es": "s", "esh": "sh", "az": "z"}


def fold(text: str) -> str:
    """Fold ``text`` for comparison: lowercase ASCII words separated by one space.

    Diacritics, ʿayn/hamza marks and apostrophes go, hyphens separate words, and
    the Arabic article is dropped where it prefixes a name:
    ``fold("Al-Hasakah") == fold("al Hasakah") == "hasakah"``.
    """
    text = _ARABIC_ARTICLE.sub("", text)
    text = _FUSED_LATIN_ARTICLE.sub("", text)
    text = anyascii(text).lower()
    text = _MARKS.sub("", _POSSESSIVE.sub("", text))
    words: list[str] = []
    for chunk in _CHUNK.findall(text):
        parts = chunk.split("-")
        for i, part in enumerate(parts):
            if i + 1 < len(parts) and _is_article(part, parts[i + 1]):
                continue
            words.append(part)
    kept = [
        w
        for w, following in zip(words, [*words[1:], ""], strict=False)
        if not (following and following.startswith(_LOOSE_ARTICLES.get(w, "-")))
    ]
    return " ".join(kept)


def _is_article(part: str, following: str) -> bool:
    match = _ARTICLE.fullmatch(part)
    if match is None:
        return False
    letter = match.group(1)
    return letter is None or following.startswith(letter)


# --- name_key ---------------------------------------------------------------------

_ABD = frozenset("abdul abdel abdal abdil abdol abdoul abdu abdo".split())
_FUSED_SUN_ARTICLE = re.compile(r"e(sh|[tdrzsn])\1(?=[aeiou].)")  # Ezzor -> zor
_CONSONANT_SPELLINGS = (("q", "k"), ("ck", "k"), ("ph", "f"), ("dj", "j"))
_C = "bcdfghjklmnpqrstvxz"
_GLIDE_Y = re.compile(rf"(?<=[{_C}])iy?(?=[aeiou])")  # Abiad, Latakiya -> y
_GLIDE_W = re.compile(rf"(?<=[{_C}])(?:uw?|o)(?=[aei])")  # Suwayda, Moadamiya
_CLOSING_W = re.compile(r"(?<=[aeiou])w(?![aeiou])")  # Zawr, Hawl: aw is a vowel
_VOWEL_Y = re.compile(r"(?<=.)y(?![aeiou])")  # Dayr, Qamishly: y is a vowel
_TA_MARBUTA = re.compile(r"[aei]h$")  # Hasakah, Hasakeh, Jableh -> final a
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")


@lru_cache(maxsize=1 << 16)
def name_key(word_or_name: str) -> str:
    """The vowel-tolerant key of a name or a single token, for matching.

    ``name_key("Qasrak") == name_key("Qasrik")`` and
    ``name_key("Deir ez-Zor") == name_key("Dayr al-Zawr")``. A name of several
    words gives the keys of its words, separated by one space.
    """
    return " ".join(_word_key(word) for word in fold(word_or_name).split())


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """Consonants kept; each run of vowels becomes one class letter.

    The first run keeps whether it was o/u (or aw) or not: Omar/Umar and
    Mosul/Mawsil stay together, Hassan and Hussein apart. A word-final run keeps
    a, i or o (Daraa, Qamishly, Abu), with the ta marbuta -ah/-eh/-ih counted as a.
    Any other run becomes ``a`` whatever it was (Qasrak/Qasrik, Tadmur/Tadmor).
    """
    if word in _ABD:
        return "abd"
    fused = _FUSED_SUN_ARTICLE.match(word)
    if fused:
        word = word[fused.end() - len(fused.group(1)) :]
    for spelling, sound in _CONSONANT_SPELLINGS:
        word = word.replace(spelling, sound)
    word = _GLIDE_W.sub("w", _GLIDE_Y.sub("y", word))
    word = _VOWEL_Y.sub("i", _CLOSING_W.sub("u", word))
    word = _DOUBLED.sub(r"\1", _TA_MARBUTA.sub("a", word))
    first = _VOWELS.search(word)
    start = first.start() if first else -1
    return _VOWELS.sub(lambda run: _vowel_class(run, start, len(word)), word)


def _vowel_class(run: re.Match[str], first: int, length: int) -> str:
    vowels = run.group()
    if run.end() == length:
        return "a" if vowels[-1] == "a" else "o" if vowels[-1] in "ou" else "i"
    if run.start() == first:
        return "o" if vowels[0] in "ou" or vowels == "au" else "a"
    return "a"


# --- names_in ---------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018\u02bc\u02bf\u02be`"
_TOKEN = re.compile(
    rf"(?P<word>(?:(?:[AaEe]l|[AaEe](?:th|dh|sh|[tdrzsn]))-)?"
    rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*)"
    rf"|(?P<stop>[.!?\n])"
    # any other marks (digits, commas, quotes ...): all one break, as each was
    rf"|(?P<break>(?:[\d_]|[^\w\s.!?-])+)"
)
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abi", "umm", "ez"})
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col sgt maj capt st no vs etc jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split()
)
_NOT_NAMES = frozenset(
    """a an the and but or nor if in on at of for from to by with as into onto
    it its he she they we you his her their our my your this that these those
    there here then when while after before during since until according also
    however meanwhile although though because some many most all both several
    other such what which who whom whose where why how not no yes so yet
    mr mrs ms dr gen general col colonel lt sgt maj capt president prime minister
    ministry secretary spokesman spokesperson commander king prince
    january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr jun jul aug sep sept oct nov dec us""".split()
)
# Words that are part of many place and person names but identify none alone.
_GENERIC = frozenset(
    name_key(w)
    for w in "abu umm bin ibn bint abd tal tell deir ras ain jabal wadi kafr khan "
    "sheikh bir jisr tall qasr".split()
)
_ARABIC_LOOKING = re.compile(r"q(?!u)|kh|dh|aa|uu|^[ae]l-|[" + _APOSTROPHES + r"]\w")


@lru_cache(maxsize=1024)
def names_in(text: str) -> frozenset[str]:
    """The keys of the proper names that ``text``, English prose, mentions.

    Capitalised runs of words are names (with al-, bin, abu ... inside them);
    function words, titles, months and weekdays are not. A word that opens a
    sentence counts only if it is part of a longer name, looks Arabic (al-, q
    without u, kh, an ʿayn ...), or appears capitalised mid-sentence too. Each name
    gives the key of the whole name and the key of each distinctive word in it.
    Recent texts are remembered.
    """
    runs = _capitalised_runs(text)
    seen_inside = {_fold_word(w) for run, opens in runs for w in run[opens:]}
    keys: set[str] = set()
    for run, opens in runs:
        if opens and len(run) == 1 and not _counts_at_sentence_start(run[0]):
            if _fold_word(run[0]) not in seen_inside:
                continue
        whole = name_key(" ".join(run))
        if not whole:
            continue
        keys.add(whole)
        keys.update(k for k in whole.split() if k not in _GENERIC and len(k) > 1)
    return frozenset(keys)


_fold_word = lru_cache(maxsize=1 << 16)(fold)  # words recur across passages


def _counts_at_sentence_start(word: str) -> bool:
    return _ARABIC_LOOKING.search(word.lower()) is not None


def _capitalised_runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of name words, each with whether it opens a sentence."""
    runs: list[tuple[list[str], bool]] = []
    run: list[str] = []
    pending: list[str] = []  # particles waiting for a name word after them
    opens = at_start = True
    previous = ""
    for word, stop, _ in _TOKEN.findall(text):
        if not word:  # a stop or any other mark ends a run
            if stop == "\n" or (stop and not _is_abbreviation(previous)):
                at_start = True
            if run:
                runs.append((run, opens))
                run, pending = [], []
            continue
        previous = word
        if not run:
            if _is_name_word(word):
                opens = at_start
                run = [word]
        elif word.lower() in _PARTICLES:
            pending.append(word)
        elif _is_name_word(word):
            if pending:
                run += pending
                pending = []
            run.append(word)
        else:
            runs.append((run, opens))
            run, pending = [], []
        at_start = False
    if run:
        runs.append((run, opens))
    return runs


def _is_abbreviation(word: str) -> bool:
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


@lru_cache(maxsize=1 << 16)
def _is_name_word(word: str) -> bool:
    """Capitalised (after any al- prefix), not all capitals, not a function word."""
    core = word.split("-", 1)[1] if "-" in word else word
    core = core.lstrip(_APOSTROPHES)
    if len(core) < 2 or not core[0].isupper() or core.isupper():
        return False
    return core.lower() not in _NOT_NAMES
