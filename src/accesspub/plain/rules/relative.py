"""Relative clauses become sentences of their own where the rule is sure: a comma, a relative pronoun
(nominative, or after a preposition), the verb at the end. "Die Stellen, die die Kommunen unterstützen, …"
→ "Die Stellen …" + "Diese Stellen unterstützen die Kommunen."."""

from __future__ import annotations

from ..grammar import is_noun, is_verb, parse, to_main_clause
from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "relative", "split", ("de", "en")
_BOUNDARY = (",", ".", "!", "?", ";", ":", "“", "”")


def _clause_end(toks: list[Tok], start: int) -> int:
    k = start
    while k < len(toks) and toks[k].text not in _BOUNDARY:
        k += 1
    return k


def _german(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    for c, t in enumerate(toks):
        if t.text != "," or c == 0 or c + 2 >= len(toks):
            continue
        rel = toks[c + 1]
        prep = None
        if rel.tag == "APPR" and toks[c + 2].tag == "PRELS":
            prep, rel = rel, toks[c + 2]
            body_start = c + 3
        elif rel.text in ctx.data["relative"] and rel.tag in ("PRELS", "ART") and c + 2 < len(toks) \
                and not is_verb(toks[c + 2]):
            body_start = c + 2
        else:
            continue
        end = _clause_end(toks, body_start)
        body = toks[body_start:end]
        if not body or not is_verb(body[-1]):
            continue
        rest = toks[:c] + (toks[end + 1:] if end < len(toks) and toks[end].text == "," else toks[end:])
        if prep is not None:
            da = ctx.data["da_words"].get(prep.text.lower())
            if not da:
                continue
            vorfeld = [Tok(da.capitalize(), True)]
        else:
            word = ctx.data["relative"][rel.text]
            antecedent = toks[c - 1]
            vorfeld = [Tok(word, True)] + ([Tok(antecedent.text, True)] if is_noun(antecedent) else [])
        clause = to_main_clause(body, vorfeld)
        if not clause:
            continue
        return [end_sentence(join(rest)), end_sentence(join(clause))]
    return None


def _english(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "en")
    for c, t in enumerate(toks[:-1]):
        if t.text != "," or toks[c + 1].text.lower() != "which":
            continue
        end = _clause_end(toks, c + 2)
        body = toks[c + 2:end]
        if word_count(join(body), "en") < 2:
            continue
        rest = toks[:c] + (toks[end + 1:] if end < len(toks) and toks[end].text == "," else toks[end:])
        return [end_sentence(join(rest)), end_sentence(ctx.data["relative"]["which"] + " " + join(body))]
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    return _german(sentence, ctx) if ctx.lang == "de" else _english(sentence, ctx)
