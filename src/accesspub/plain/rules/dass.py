"""A dass-clause after a verb of saying, showing or knowing, after a noun that announces a content ("die
Information, dass …") or after a short "Es ist klar, dass …" becomes a main clause after a colon:
"Die Verwaltung teilte mit, dass die Schätzung später kommt." → "Die Verwaltung teilte mit:" +
"Die Schätzung kommt später."."""

from __future__ import annotations

from ..grammar import parse, to_main_clause
from ..text import capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "dass", "split", ("de",)


def _expletive(head) -> bool:
    """'Es ist klar, dass …' / 'Es überrascht nicht, dass …': a short main clause whose subject is the
    dass-clause itself ("es" first, a finite verb, at most six words)."""
    words = [t for t in head if t.is_word]
    return bool(words) and words[0].text == "Es" and len(words) <= 6 and \
        any(t.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)") for t in head)


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    verbs = set(ctx.data["colon_verbs"])
    nouns = set(ctx.data["colon_nouns"])
    for d, t in enumerate(toks):
        if t.text.lower() != "dass" or d < 3 or toks[d - 1].text != ",":
            continue
        head = toks[:d - 1]
        if not any(v.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)", "VV(PP)") and v.lemma in verbs for v in head) \
                and not (len(head) <= 3 and head[-1].lemma in ("bedeuten", "heißen", "zeigen")) \
                and not _expletive(head) and not (head[-1].tag == "NN" and head[-1].lemma in nouns):
            continue
        if any(x.text in ("„", "“", "”", "\"", ":") for x in head):
            continue
        if any(x.text.lower() in ctx.data["negation"] or "zweifel" in x.lemma.lower() for x in head) \
                and not any(x.lemma in ("überraschen", "wundern", "Wunder", "verwundern") for x in head):
            continue    # "Es ist nicht bekannt, dass X" does not say X: after a colon it would
            # ("Es überrascht nicht, dass X" does)
        body = toks[d + 1:]
        end = len(body)
        while end and body[end - 1].text in (".", "!", "?"):
            end -= 1
        mark = body[end:] if end < len(body) else []
        body = body[:end]
        if not body or any(x.text in (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–") for x in body):
            continue
        clause = to_main_clause(body)
        if not clause:
            continue
        return [join(head) + ":", end_sentence(capitalize(join(clause)) + (mark[0].text if mark and
                                                                          mark[0].text in "!?" else ""))]
    return None
