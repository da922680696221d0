"""Main clauses joined by a semicolon, or by one dash, become sentences of their own: "… merken kann - für neue
Mieter ist dies unmöglich." → "… merken kann." + "Für neue Mieter ist dies unmöglich." A dash counts only when
the sentence has one, and the part after it opens a main clause (a finite verb among its first words). Two
sentences that the sentence splitter ran together after an abbreviation that may end a sentence ("… von Mehr
Demokratie e. V. Das Bündnis startet …") are parted there too."""

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


# words that open a German sentence and never go on a name that ends in an abbreviation: articles, pronouns
_OPENERS = ("ART", "PDAT", "PDS", "PPER", "PPOSAT")


def _abbreviation_end(toks, k: int, abbreviations: set[str]) -> bool:
    """An abbreviation from `abbreviations` ends with the token at `k` ("e." "V." is "e.V.")."""
    return any("".join(t.text for t in toks[k - n + 1:k + 1]) in abbreviations for n in (1, 2, 3) if k - n + 1 >= 0)


def _run_on(sentence: str, ctx) -> list[str] | None:
    """'… Mehr Demokratie e. V. Das Bündnis wird …' → '… Mehr Demokratie e. V.' + 'Das Bündnis wird …': after the
    abbreviation a capitalised article or pronoun, and a finite verb on both sides."""
    from ..grammar import parse
    abbreviations = {a.replace(" ", "") for a in ctx.data.get("sentence_end_abbreviations", ())}
    toks = parse(sentence, ctx.lang)
    finite = _FINITE.get(ctx.lang, ())
    for k in range(2, len(toks) - 3):
        nxt = toks[k + 1]
        if not _abbreviation_end(toks, k, abbreviations) or nxt.tag not in _OPENERS or not nxt.text[:1].isupper():
            continue
        head, tail = toks[:k + 1], toks[k + 1:]
        if any(t.tag in finite for t in head) and any(t.tag in finite for t in tail):
            return [join(head), end_sentence(join(tail))]
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    parts = sentences_at(sentence, ";", ctx.lang)
    if len(parts) > 1:
        return [end_sentence(capitalize(p)) for p in parts]
    return _run_on(sentence, ctx) or _dash(sentence, ctx)
