"""Main clauses joined by a comma and a conjunction become two sentences: "…, aber wir …" → "… . Aber wir …"."""

from __future__ import annotations

from ..grammar import is_finite, parse
from ..text import capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "coordination", "split", ("de", "en")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    for c, t in enumerate(toks[:-1]):
        nxt = toks[c + 1]
        if t.text != "," or nxt.text.lower() not in ctx.data["coordination"]:
            continue
        head, tail = toks[:c], toks[c + 1:]
        if word_count(join(head), ctx.lang) < 3 or word_count(join(tail), ctx.lang) < 4:
            continue
        if ctx.lang == "de" and not (any(is_finite(x) for x in head) and any(is_finite(x) for x in tail[1:])):
            continue
        return [end_sentence(join(head)), end_sentence(capitalize(join(tail)))]
    return None
