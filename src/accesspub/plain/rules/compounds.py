"""Long compounds split for reading: "Landesprogramm" → "Landes-Programm" (or "Landes·programm")."""

from __future__ import annotations

import re

from ..compounds import join_parts, split

NAME, KIND, LANGS = "compounds", "final", ("de",)
MIN_LENGTH = {"einfach": 13, "leicht": 10}
_WORD = re.compile(r"(?<![\w·-])([A-ZÄÖÜ][a-zäöüß]+)(?![\w·])")


def apply(sentence: str, ctx) -> list[str] | None:
    limit = MIN_LENGTH.get(ctx.level, 13)
    from ..grammar import parse
    names = {t.text for t in parse(sentence, "de") if t.tag == "NE"}    # names keep their spelling

    def swap(m):
        word = m.group(1)
        if word in ctx.aliases or word in names:
            return word
        return join_parts(split(word, limit), ctx.separator)
    out = _WORD.sub(swap, sentence)
    return [out] if out != sentence else None
