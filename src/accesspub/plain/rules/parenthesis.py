"""Insertions in parentheses or between dashes leave the sentence and follow it as a sentence of their own."""

from __future__ import annotations

import re

from ..text import capitalize, end_sentence, word_count

NAME, KIND, LANGS = "parenthesis", "split", ("de", "en")
_PAIRS = (re.compile(r"\s*\(([^()]{3,})\)"), re.compile(r"\s+[–—]\s+([^–—]{3,}?)\s+[–—](?=\s)"))


def apply(sentence: str, ctx) -> list[str] | None:
    for pattern in _PAIRS:
        m = pattern.search(sentence)
        if not m or word_count(m.group(1), ctx.lang) < 2:
            continue
        main = (sentence[:m.start()] + sentence[m.end():]).strip()
        main = re.sub(r"\s+([,.;:!?])", r"\1", main)
        inner = m.group(1).strip()
        first, _, rest = inner.partition(" ")
        if first.lower() in ctx.data.get("relative", {}) and rest:
            inner = f"{ctx.data['relative'][first.lower()]} {rest}"
        return [end_sentence(main), end_sentence(capitalize(inner))]
    return None
