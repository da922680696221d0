"""Hard words and phrases replaced by simpler ones from the language's word list ("mittlerweile" → "jetzt"); filler
patterns with a variable middle too (", als es bisher der Fall ist" → " als bisher")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import words

NAME, KIND, LANGS = "phrases", "rewrite", ("de", "en")


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    table = dict(words(lang).get("phrases", {}))
    fixed = [(re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])", re.I), v)
             for k, v in sorted(table.items(), key=lambda kv: -len(kv[0]))]
    return fixed + [(re.compile(k), v) for k, v in words(lang).get("phrase_patterns", {}).items()]


def apply(sentence: str, ctx) -> list[str] | None:
    out = sentence
    for pattern, plain in _patterns(ctx.lang):
        out = pattern.sub(lambda m, plain=plain, text=out: _cased(m.expand(plain), m, text), out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return [out] if out != sentence else None


def _cased(plain: str, m: re.Match, text: str) -> str:
    """The replacement with a capital where the replaced word started the sentence."""
    starts = m.start() == 0 or text[:m.start()].rstrip()[-1:] in ".:!?„“\""
    if plain and m.group(0)[0].isupper() and starts:
        return plain[0].upper() + plain[1:]
    return plain
