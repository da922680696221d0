"""A long noun phrase loses its attributes to a sentence of its own: "So wird eine enge Vernetzung der Kräfte
mit wichtigen Akteuren gesichert." → "So wird eine enge Vernetzung gesichert." + "Gemeint ist die Vernetzung
der Kräfte mit wichtigen Akteuren."."""

from __future__ import annotations

from ..grammar import is_noun, is_verb, parse
from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "postmodifiers", "split", ("de",)
MIN_ATTRIBUTES = 5
_DEFINITE = {"der": "der", "die": "die", "das": "das", "eine": "die"}
_STOP = ("ADJ(D)", "VV(PP)", "VA(PP)", "VV(INF)", "VA(INF)", "VM(INF)", "VV(FIN)", "VA(FIN)", "VM(FIN)", "PTKVZ", "$,",
         "$.", "KOUS", "PRELS")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above + 5 or sentence.startswith(ctx.data["meant"]):
        return None
    toks = parse(sentence, "de")
    for k, det in enumerate(toks):
        article = _DEFINITE.get(det.text.lower())
        if det.tag != "ART" or not article:
            continue
        h = k + 1
        while h < len(toks) and toks[h].tag in ("ADJ(A)", "ADV", "CARD"):
            h += 1
        if h >= len(toks) or not is_noun(toks[h]) or h + 1 >= len(toks):
            continue
        if toks[h + 1].text.lower() not in ("der", "des", "mit", "von", "für", "zwischen"):
            continue
        end = h + 1
        while end < len(toks) and toks[end].tag not in _STOP and not is_verb(toks[end]):
            end += 1
        attributes = toks[h + 1:end]
        if word_count(join(attributes), "de") < MIN_ATTRIBUTES or end >= len(toks):
            continue
        main = toks[:h + 1] + toks[end:]
        label = ctx.data["meant"]
        extra = [Tok(label, True), Tok(article, True), Tok(toks[h].text, True)] + attributes
        return [end_sentence(join(main)), end_sentence(join(extra))]
    return None
