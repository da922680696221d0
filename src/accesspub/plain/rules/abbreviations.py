"""Abbreviations written out: "bzw." → "beziehungsweise", "9 Mio." → "9 Millionen" (the language lexicon)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...language.lexicon import lexicon

NAME, KIND, LANGS = "abbreviations", "rewrite", ("de", "en")


@lru_cache(maxsize=None)
def patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    """(pattern, expansion) per abbreviation, longest first; spaces inside may vary ("z. B." = "z.B.")."""
    table = lexicon(lang).get("abbreviations", {})
    out = []
    for key in sorted(table, key=len, reverse=True):
        body = r"\s?".join(re.escape(part) for part in key.split())
        # not inside a compound ("EU-Kommission"): there the glossary explains the abbreviation
        end = r"(?![\w-])" if key[-1].isalnum() else ""
        out.append((re.compile(rf"(?<![\w.-]){body}{end}"), table[key]))
    return out


def apply(sentence: str, ctx) -> list[str] | None:
    out = sentence
    for pattern, expansion in patterns(ctx.lang):
        out = pattern.sub(expansion, out)
    return [out] if out != sentence else None
