"""A long sentence with a colon before a full clause is split after the colon: "Dabei ist klar: Auch …". In
German a main clause after the colon may start in lower case ("Klar ist: die Stadt muss …"); as a sentence of
its own it starts with a capital (only a function word, never a name, and only when the finite verb follows
a first phrase of a few words)."""

from __future__ import annotations

from ..grammar import is_finite, parse
from ..text import Tok, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "colon", "split", ("de", "en")
# lower-case words that may open a German main clause after a colon (articles, pronouns, prepositions)
_OPENERS = ("ART", "PPOSAT", "PDAT", "PIAT", "PPER", "PDS", "PIS", "APPR", "APPRART")


def _lower_main_clause(tail: list[Tok]) -> bool:
    """'eine Offenlegung würde …', 'mit neun Teams ziehen wir …': a main clause in lower case."""
    first = tail[0]
    if not first.text[:1].islower() or first.tag not in _OPENERS:
        return False
    v = next((k for k, t in enumerate(tail) if t.tag.startswith(("VV", "VA", "VM")) or not t.is_word), None)
    return v is not None and 2 <= v <= 7 and is_finite(tail[v])


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    for c, t in enumerate(toks[:-1]):
        if t.text != ":" or c < 2 or f" {ctx.data['say']}" in join(toks[:c]) and c < 5:
            continue
        head, tail = toks[:c + 1], toks[c + 1:]
        lower = ctx.lang == "de" and _lower_main_clause(tail)
        if not (tail[0].text[:1].isupper() or lower) or word_count(join(tail), ctx.lang) < 3:
            continue
        if ctx.lang == "de" and not any(is_finite(x) for x in tail):
            continue
        return [join(head), end_sentence(capitalize(join(tail)) if lower else join(tail))]
    return None
