"""Main clauses joined by a semicolon, or by one dash, become sentences of their own: "… merken kann - für neue
Mieter ist dies unmöglich." → "… merken kann." + "Für neue Mieter ist dies unmöglich." A dash counts only when
the sentence has one, and the part after it opens a main clause (a finite verb among its first words)."""

from __future__ import annotations

from ..text import capitalize, end_sentence, join, sentences_at, word_count

NAME, KIND, LANGS = "semicolon", "split", ("de", "en")
_DASHES = ("-", "–", "—")
_FINITE = {"de": ("VV(FIN)", "VA(FIN)", "VM(FIN)"),
           "en": ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")}
_JOINERS = {"und", "oder", "aber", "denn", "sondern", "and", "or", "but", "so", "thus", "whilst", "while"}


def _dash(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, ctx.lang)
    dashes = [k for k, t in enumerate(toks) if t.text in _DASHES]
    if len(dashes) != 1 or any(t.text in ("„", "“", "”", "\"", "(", ")") for t in toks):
        return None
    d = dashes[0]
    if ctx.lang == "en" and d and not (toks[d - 1].space and toks[d].space):
        return None     # a hyphen inside a word ("on-call", "third-party") is no dash between clauses
    head, tail = toks[:d], toks[d + 1:]
    finite = _FINITE.get(ctx.lang, ())
    if not tail or tail[0].text.lower() in _JOINERS or not tail[0].text[:1].isalpha():
        return None
    if not any(t.tag in finite for t in head) or not any(t.tag in finite for t in tail[:5]):
        return None
    if word_count(join(head), ctx.lang) < 4 or word_count(join(tail), ctx.lang) < 4:
        return None
    return [end_sentence(join(head)), end_sentence(capitalize(join(tail)))]


def apply(sentence: str, ctx) -> list[str] | None:
    parts = sentences_at(sentence, ";", ctx.lang)
    if len(parts) > 1:
        return [end_sentence(capitalize(p)) for p in parts]
    return _dash(sentence, ctx)
