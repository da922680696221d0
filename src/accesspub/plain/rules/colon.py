"""A long sentence with a colon before a full clause is split after the colon: "Dabei ist klar: Auch …"."""

from __future__ import annotations

from ..grammar import is_finite, parse
from ..text import end_sentence, join, word_count

NAME, KIND, LANGS = "colon", "split", ("de", "en")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    for c, t in enumerate(toks[:-1]):
        if t.text != ":" or c < 2 or f" {ctx.data['say']}" in join(toks[:c]) and c < 5:
            continue
        head, tail = toks[:c + 1], toks[c + 1:]
        if not tail[0].text[:1].isupper() or word_count(join(tail), ctx.lang) < 3:
            continue
        if ctx.lang == "de" and not any(is_finite(x) for x in tail):
            continue
        return [join(head), end_sentence(join(tail))]
    return None
