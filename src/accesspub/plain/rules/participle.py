"""An extended participle attribute becomes a sentence of its own: "Die Stadt hält sich an die im Mai vom Rat
beschlossenen Regeln." → "Die Stadt hält sich an die Regeln." + "Diese Regeln wurden im Mai vom Rat beschlossen.".
Only past participles of verbs that form a passive (the attribute says what was done to the noun), with at
least two words before the participle, the noun right after it and a determiner whose form agrees with it."""

from __future__ import annotations

from .. import nouns
from ..gate import DETERMINERS
from ..grammar import analyze, parse
from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "participle", "split", ("de",)
_DETERMINER_TAGS = ("ART", "PPOSAT", "PDAT", "PIAT", "APPRART")
_EXTENSION = ("ADV", "ADJ(D)", "APPR", "APPRART", "ART", "NN", "NE", "CARD", "ADJ(A)", "PPOSAT", "PIAT", "PDAT")
_DEMONSTRATIVE = {("m", "sg"): "Dieser", ("f", "sg"): "Diese", ("n", "sg"): "Dieses", ("pl", "pl"): "Diese"}


def _passive_participle(tok: Tok, not_passive: list[str]) -> str | None:
    """The participle ("geplant") of an attributive past participle ("geplanten"), None for any other word,
    for verbs that form their perfect with "sein" ("die gestiegenen Mieten": no passive) and for participles
    that name a state ("die am Hafen gelegene Halle")."""
    if tok.tag != "ADJ(A)":
        return None
    _, morphs, _ = analyze(tok.text)
    if len(morphs) < 2 or morphs[-1][1] != "SUF_ADJ":
        return None
    base = "".join(m[0] for m in morphs[:-1])
    _, verb_morphs, pos = analyze(base)
    stem = next((m[0] for m in verb_morphs if m[1].startswith("VV")), "")
    if pos != "VV(PP)" or not stem or any(stem.endswith(s) for s in not_passive) or base.lower() in not_passive \
            or not tok.text.lower().startswith(base.lower()):
        return None
    return base


def _reading(det: Tok, noun: Tok) -> tuple[str, str] | None:
    """The one gender and number in which the determiner and the noun agree, None when unsure."""
    readings = {(g, n) for g, n, c in DETERMINERS.get(det.text.lower(), set()) & nouns.features(noun.text)}
    return next(iter(readings)) if len(readings) == 1 else None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    not_passive = ctx.data["sein_verbs"]
    for p, t in enumerate(toks[:-1]):
        participle = _passive_participle(t, not_passive)
        noun = toks[p + 1]
        if participle is None or noun.tag != "NN":
            continue
        d = p - 1
        while d >= 0 and toks[d].tag in _EXTENSION and not (toks[d].tag in _DETERMINER_TAGS and d < p - 1
                                                              and toks[d + 1].tag in ("APPR", "APPRART", "ADV",
                                                                                      "ADJ(D)")):
            d -= 1
        if d < 0 or toks[d].tag not in _DETERMINER_TAGS or p - d - 1 < 2 \
                or toks[d + 1].tag not in ("APPR", "APPRART", "ADV", "ADJ(D)"):
            continue
        extension = toks[d + 1:p]
        if not any(x.tag in ("APPR", "APPRART") for x in extension) \
                or any(x.text.lower() in ctx.data["durative"] for x in extension):
            continue        # "die seit Mai geschlossene Brücke" is a state: "wurde seit Mai geschlossen" is wrong
        reading = _reading(toks[d], noun)
        if reading is None:
            continue
        nominative = nouns.nominative(noun.text, reading[1]) or (noun.text if nouns.known(noun.text) else None)
        if nominative is None:
            continue
        verb = "wurde" if reading[1] == "sg" else "wurden"
        second = [Tok(_DEMONSTRATIVE[reading], True), Tok(nominative, True), Tok(verb, True)] + extension \
            + [Tok(participle, True)]
        return [join(toks[:d + 1] + toks[p + 1:]), end_sentence(join(second))]
    return None
