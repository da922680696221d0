"""No line break inside an amount: "2,3 Mio. €", "200 l", "12 %", "§ 5" keep their parts on one line.

The space between a number and the unit, scale word, currency or percent sign after it (and after a paragraph
sign before it) becomes a no-break space in the document model, so every rendition — page, PDF, EPUB — keeps
them together. Units, scales and currencies are the language's speech data (`normalise_<lang>.yaml`), the same
list the audio reads them from.
"""

from __future__ import annotations

import re
from functools import lru_cache

import panflute as pf

from ..language.abbreviations import ABBR_CLASS
from ..language.normalise import rules
from ..language.registry import language_for
from ..tree import stringify, walk

NBSP = "\u00a0"
_NUMBER_END = re.compile(r"\d[.,]?$")
_TRAIL = ".,;:!?)]“”\"'…"


@lru_cache(maxsize=None)
def _words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words that stick to the number before them, words that stick to a scale word before them)."""
    data = rules(lang if language_for(lang).normalise else "en").data    # units and signs are international
    currencies = set(data.get("currencies", {}))
    after_number = set(data.get("units", {})) | set(data.get("scales", {})) | currencies | {"%", "Prozent", "percent"}
    return frozenset(after_number), frozenset(currencies)


def _joins(before: str, after: str, lang: str) -> bool:
    after_number, currencies = _words(lang)
    word = after.rstrip(_TRAIL) or after
    if before in ("§", "§§", "Nr.", "No.", "Art.", "Abs.") and after[:1].isdigit():
        return True
    if _NUMBER_END.search(before) and (word in after_number or after in after_number):
        return True
    scales = set(rules(lang if language_for(lang).normalise else "en").data.get("scales", {}))
    return before in scales and (word in currencies or after in currencies)


def _word(e) -> str | None:
    """The text of a word: a Str, or an abbreviation marked by the abbreviations pass ("Mio.")."""
    if isinstance(e, pf.Str):
        return e.text
    if isinstance(e, pf.Span) and ABBR_CLASS in e.classes:
        return stringify(e)
    return None


def _inlines(items: list, lang: str) -> list | None:
    changed = False
    for i in range(1, len(items) - 1):
        a, gap, b = _word(items[i - 1]), items[i], _word(items[i + 1])
        if isinstance(gap, pf.Space) and a is not None and b is not None and _joins(a, b, lang):
            items[i] = pf.Str(NBSP)
            changed = True
    return items if changed else None


def apply(doc: pf.Doc, lang: str) -> None:
    """Join number and unit (and scale and currency) with no-break spaces throughout the body."""
    def action(e, d):
        content = getattr(e, "content", None)
        if isinstance(e, (pf.Inline, pf.Para, pf.Plain, pf.Header)) and content is not None and len(content) > 2 \
                and isinstance(content[0], pf.Inline):
            new = _inlines(list(content), lang)
            if new is not None:
                e.content = new
        return None

    walk(doc, action)
