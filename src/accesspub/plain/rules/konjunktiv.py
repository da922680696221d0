"""Konjunktiv I → Indikativ inside reported speech the sentence attributes: "Sie teilte mit, dass es wichtig sei"
→ "Sie teilte mit, dass es wichtig ist"."""

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
    # Only where the sentence itself says who is speaking ("X teilte mit, dass … sei"): on its own the
    # Konjunktiv I is what marks a claim as someone else's, and the indicative would state it as fact.
    said = next((k for k, t in enumerate(toks) if t.text.lower() == "dass" and k and toks[k - 1].text == ","
                 and any(v.tag in ("VV(FIN)", "VA(FIN)") and v.lemma in ctx.data["say_verbs"]
                         for v in toks[:k])), None)
    if said is None:
        return None
    changed = False
    for t in toks[said:]:
        if t.tag in ("VA(FIN)", "VV(FIN)", "VM(FIN)"):
            form = indicative(t, ctx.data["konjunktiv"])
            if form:
                t.text = form if not t.text[0].isupper() else form.capitalize()
                changed = True
    return [join(toks)] if changed else None
