"""A zu-infinitive that says what a noun like "Möglichkeit" or "Aufgabe" holds becomes a line of its own after
a colon, the infinitive without "zu": "Das Gesetz bietet die Möglichkeit, die Behörden zu modernisieren." →
"Das Gesetz bietet die Möglichkeit:" + "Die Behörden modernisieren." (German; the form of "Das Ziel ist:")."""

from __future__ import annotations

from ..grammar import analyze, is_finite, parse
from ..text import Tok, body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "infinitive", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")
_AFTER_NOUN = ("VV(INF)", "VA(INF)", "VV(PP)", "PTKVZ")      # "die Möglichkeit erhalten, …"


def bare(toks: list[Tok]) -> list[Tok]:
    """An infinitive phrase without its "zu": "offenzulegen" → "offenlegen", "zu stärken" → "stärken"."""
    out = []
    for t in toks:
        if t.tag == "VV(IZU)":
            lemma = analyze(t.text)[0] if t.lemma == t.text else t.lemma
            out.append(Tok(lemma, t.space, "VV(INF)", lemma))
        elif t.tag != "PTKZU":
            out.append(t)
    return out


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    end = body_end(toks)
    nouns = set(ctx.data["infinitive_nouns"])
    for c in range(3, end - 2):
        if toks[c].text != ",":
            continue
        noun = c - 1 if toks[c - 1].tag in _AFTER_NOUN and c >= 4 else c
        noun -= 1
        if toks[noun].tag != "NN" or toks[noun].lemma not in nouns:
            continue
        head, phrase = toks[:c], toks[c + 1:end]
        if not any(is_finite(t) for t in head) or any(t.text in _STOP for t in head + phrase) \
                or any(t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV", "KOUI") for t in phrase):
            return None
        last = phrase[-1]
        if not (last.tag == "VV(IZU)" or len(phrase) > 1 and phrase[-2].tag == "PTKZU"
                and last.tag.endswith("(INF)")):
            return None
        if word_count(join(phrase), "de") < 3:
            return None
        return [join(head) + ":", end_sentence(capitalize(join(bare(phrase))))]
    return None
