"""An enumeration in apposition becomes a list after a colon: "Die Themen A und B sind wichtig." →
"Die Themen sind wichtig:" + "A." + "B."."""

from __future__ import annotations

from ..grammar import is_finite, is_noun, parse
from ..text import Tok, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "enumeration", "split", ("de",)


def _items(toks: list[Tok]) -> list[list[Tok]]:
    items, current = [], []
    for k, t in enumerate(toks):
        if (t.text in ("und", "oder") and not (k and toks[k - 1].tag == "TRUNC")) or t.text == ",":
            items.append(current)
            current = []
        else:
            current.append(t)
    items.append(current)
    return [i for i in items if i]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above + 5:
        return None
    toks = parse(sentence, "de")
    for k in range(len(toks) - 3):
        det, head, nxt = toks[k], toks[k + 1], toks[k + 2]
        if det.tag != "ART" or head.tag != "NN" or head.lemma.lower() == head.text.lower():
            continue
        if not (nxt.text[:1].isupper() and (nxt.tag == "ADJ(A)" or is_noun(nxt))):
            continue
        v = next((j for j in range(k + 2, len(toks)) if is_finite(toks[j])), None)
        if v is None:
            continue
        items = _items(toks[k + 2:v])
        if len(items) < 2:
            continue
        body = toks[:k + 2] + toks[v:]
        if body[-1].text in (".", "!"):
            body = body[:-1]
        return [join(body) + ":"] + [end_sentence(capitalize(join(i))) for i in items]
    return None
