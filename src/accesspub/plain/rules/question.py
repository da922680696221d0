"""An indirect question at the end of a sentence becomes a direct question after a colon: "Die Stadt prüft,
ob die Brücke gesperrt werden muss." → "Die Stadt prüft:" + "Muss die Brücke gesperrt werden?". An
ob-clause leaves open whether it holds; a question does too, so nothing is stated that was only asked."""

from __future__ import annotations

from ..grammar import as_clause, is_finite, is_verb, parse, to_main_clause
from ..text import body_end, capitalize, join, word_count

NAME, KIND, LANGS = "question", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")
# "ob und wann …", "ob …, wie …": a w-word or a conjunction of clauses makes more than one yes-no question
_OTHER_CLAUSE = ("PWAV", "PWS", "PWAT", "KOUS", "PRELS")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    end = body_end(toks, (".",))
    if end != len(toks) - 1:
        return None                     # a sentence that already asks or exclaims stays
    for d, t in enumerate(toks[:end]):
        if t.text.lower() != "ob" or d < 3 or toks[d - 1].text != ",":
            continue
        head = toks[:d - 1]
        if not any(is_finite(x) for x in head) or any(x.text in ("„", "“", "”", "\"", ":") for x in head):
            continue
        body = as_clause(toks[d + 1:end])
        if len(body) < 3 or any(x.text in _STOP or x.tag in _OTHER_CLAUSE for x in body) \
                or body[0].tag == "KON" or not is_verb(body[-1]):
            continue                    # "ob X oder nicht" ends without a verb: no yes-no question; "ob und
            # wann X": more than one question
        clause = to_main_clause(body, [])
        if not clause:
            continue
        return [join(head) + ":", capitalize(join(clause)) + "?"]
    return None
