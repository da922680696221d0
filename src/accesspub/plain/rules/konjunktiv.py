"""Konjunktiv I → Indikativ: "… seien besonders wichtig" → "… sind besonders wichtig", "setze" → "setzt"."""

from __future__ import annotations

from ..grammar import parse
from ..text import Tok, join

NAME, KIND, LANGS = "konjunktiv", "rewrite", ("de",)


def indicative(tok: Tok, table: dict) -> str | None:
    """The indicative of a Konjunktiv-I form (3rd person), or None when the token is not one."""
    low = tok.text.lower()
    if low in table:
        return table[low]
    if tok.tag == "VV(FIN)" and low.endswith("e") and len(low) > 3:
        stem = tok.text[:-1]
        lemma = tok.lemma.lower()
        if lemma.endswith(("en", "ern", "eln")) and low[:-1] in lemma:
            return stem + ("et" if stem.endswith(("t", "d")) else "t")
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    if any(t.text.lower() == "ich" for t in toks):
        return None
    changed = False
    for t in toks:
        if t.tag in ("VA(FIN)", "VV(FIN)", "VM(FIN)"):
            form = indicative(t, ctx.data["konjunktiv"])
            if form:
                t.text = form if not t.text[0].isupper() else form.capitalize()
                changed = True
    return [join(toks)] if changed else None
