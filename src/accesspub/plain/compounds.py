"""Long German compounds split where both parts are frequent words (wordfreq) that the noun lexicon knows and
the lexicon does not know the whole word, with the Fugen-s handled: "Landesprogramm" → ("Landes", "programm");
"Plattform", "Antragsteller", "Unterschrift" stay whole."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from . import nouns

MIN_PART = 4
MIN_ZIPF = 3.0
FUGEN = ("s", "es", "n", "en", "")
PREFIXES = {"anti", "inter", "multi", "super", "ultra", "mega", "mini", "semi", "post", "pro", "prä", "haupt"}
SUFFIXES = {"schaft", "schaften", "heit", "heiten", "keit", "keiten", "ung", "ungen", "lich", "nis", "tum",
            "ling", "chen", "lein", "isch"}


@lru_cache(maxsize=65536)
def _freq(word: str) -> float:
    return zipf_frequency(word.lower(), "de")


def _left_ok(part: str) -> float:
    """How common the left part is as a word, its Fugen-element removed ("Landes" → "Land")."""
    best = 0.0
    for fuge in FUGEN:
        if fuge and not part.endswith(fuge):
            continue
        base = part[:len(part) - len(fuge)] if fuge else part
        if len(base) >= 3:
            best = max(best, _freq(base), _freq(base + "e") if fuge == "n" else 0.0)
    return best


@lru_cache(maxsize=8192)
def split(word: str, min_length: int = 12) -> tuple[str, ...]:
    """The parts of a compound noun, or (word,) when no split is sure."""
    if len(word) < min_length or not word[:1].isupper() or not word.isalpha():
        return (word,)
    if _freq(word) >= 4.5 or nouns.known(word):
        return (word,)          # a word the lexicon knows as a whole stays whole (Plattform, Unterschrift)
    best, where = 0.0, None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:i], word[i:]
        if left.lower() in PREFIXES or right.lower() in SUFFIXES:
            continue
        right_f = _freq(right.capitalize())
        left_f = _left_ok(left)
        score = min(left_f, right_f)
        if score >= MIN_ZIPF and score > best:
            best, where = score, i
    if where is None:
        return (word,)
    left, right = word[:where], word[where:].capitalize()
    if not spelled_right(f"{left}-{right}") or not _is_noun(right) or not nouns.known(right) \
            or not _left_known(left):
        return (word,)
    return split(left, MIN_PART * 2) + split(right, min_length)


def _left_known(part: str) -> bool:
    """The left part, its linking element removed, is a word the lexicon knows ("Landes" → "Land")."""
    for fuge in FUGEN:
        if fuge and not part.endswith(fuge):
            continue
        base = part[:len(part) - len(fuge)] if fuge else part
        if len(base) >= 3 and (nouns.known(base.capitalize()) or nouns.known(base.capitalize() + "e")):
            return True
    return False


def join_parts(parts: tuple[str, ...], separator: str) -> str:
    """Parts joined by hyphen ("Landes-Programm", BITV 2.0) or Mediopunkt ("Landes·programm")."""
    if separator == "mediopunkt":
        return parts[0] + "".join("·" + p.lower() for p in parts[1:])
    return "-".join(parts)


def _is_noun(word: str) -> bool:
    from .grammar import analyze
    return analyze(word)[2] in ("NN", "NE")


@lru_cache(maxsize=1)
def _dictionary():
    from importlib.metadata import version
    from pathlib import Path
    from spylls.hunspell import Dictionary
    from ..kept import file_key, kept
    base = Path("/usr/share/hunspell/de_DE")
    if not base.with_suffix(".dic").exists():
        return None
    key = ":".join([version("spylls"), file_key(base.with_suffix(".dic")), file_key(base.with_suffix(".aff"))])
    return kept("hunspell-de_DE", key, lambda: Dictionary.from_files(str(base)))


@lru_cache(maxsize=1 << 16)
def spelled_right(word: str) -> bool:
    """Hunspell (de_DE) accepts the word; True when no dictionary is installed. Remembered per word: spylls
    takes about a millisecond a word, and a press office's releases share most of their words."""
    d = _dictionary()
    return True if d is None else bool(d.lookup(word))
