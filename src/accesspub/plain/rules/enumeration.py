"""A list of activities after "include" becomes one line each: "This includes helping X, preventing Y and
launching Z." → "This includes:" + "Helping X." + "Preventing Y." + "Launching Z."."""

from __future__ import annotations

from ..text import Tok, body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "enumeration", "split", ("en",)
_LEADS = {"include", "includes", "included", "including"}


def _items(toks: list[Tok]) -> list[list[Tok]] | None:
    """The items of 'VVG …, VVG … and VVG …' (each opening with an -ing form), None if it is no such list."""
    items, current = [], []
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.text == "," and nxt is not None and nxt.text.lower() == "and":
            k += 1
            t, nxt = toks[k], toks[k + 1] if k + 1 < len(toks) else None
        if t.text in (",", "and") and nxt is not None and nxt.tag == "VVG" and current:
            items.append(current)
            current = []
        elif t.text in (";", ":", "(", ")", "“", "”", "\""):
            return None
        else:
            current.append(t)
        k += 1
    if current:
        items.append(current)
    if len(items) < 2 or any(i[0].tag != "VVG" or word_count(join(i), "en") < 3 for i in items):
        return None
    return items


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    end = body_end(toks)
    for k, t in enumerate(toks[:end]):
        if t.text.lower() in _LEADS and k + 1 < end and toks[k + 1].tag == "VVG" and k >= 1:
            items = _items(toks[k + 1:end])
            if items is None:
                return None
            head = join(toks[:k + 1])
            return [head + ":"] + [end_sentence(capitalize(join(i))) for i in items]
    return None
