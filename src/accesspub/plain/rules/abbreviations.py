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


_NAME_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)\s$")
# capitalised words that open a sentence, not a name: "The UK will …", "Across the UK"
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "For", "From", "To", "Across", "Throughout", "Within", "Of", "By",
              "With", "And", "Or", "But", "Our", "Their", "Its", "This", "That", "Both", "All", "Outside", "Inside"}


def _in_name(text: str, start: int, abbreviation: str) -> bool:
    """English: an upper-case abbreviation right after a capitalised word is part of a name ("Age UK",
    "Diabetes UK"): it stays as written."""
    m = _NAME_BEFORE.search(text[:start])
    return abbreviation.isupper() and m is not None and m.group(1) not in _NOT_NAMES


def apply(sentence: str, ctx) -> list[str] | None:
    out = sentence
    for pattern, expansion in patterns(ctx.lang):
        if ctx.lang == "en":
            out = pattern.sub(lambda m: m.group(0) if _in_name(m.string, m.start(), m.group(0)) else expansion, out)
        else:
            out = pattern.sub(expansion, out)
    return [out] if out != sentence else None
