"""An indirect question at the end of a sentence becomes a direct question after a colon: "Die Stadt prüft,
ob die Brücke gesperrt werden muss." → "Die Stadt prüft:" + "Muss die Brücke gesperrt werden?". An
ob-clause leaves open whether it holds; a question does too, so nothing is stated that was only asked. A
w-clause becomes one only after a verb of asking or finding out in a form that has not found out yet ("Die
Bürger wollen erfahren, wie der Staat wirtschaftet und was mit dem Geld passiert." → "… erfahren:" + "Wie
wirtschaftet der Staat?" + "Was passiert mit dem Geld?"); after "zeigt", "weiß" or "hat erfahren" the answer
is known and a question would hide it."""

from __future__ import annotations

from ..grammar import as_clause, is_finite, is_verb, parse, to_main_clause
from ..text import Tok, body_end, capitalize, join, word_count

NAME, KIND, LANGS = "question", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")
# "ob und wann …", "ob …, wie …": a w-word or a conjunction of clauses makes more than one yes-no question
_OTHER_CLAUSE = ("PWAV", "PWS", "PWAT", "KOUS", "PRELS")
_W_WORDS = {"wie", "was", "wer", "wann", "wo", "warum", "weshalb", "wieso"}
# after the w-word, a word that makes it part of a longer phrase ("wie viel Geld", "wie gut", "wie lange")
_W_PHRASE = ("ADJ(D)", "ADJ(A)", "ADV", "PIAT", "PIS", "PIDAT", "NN", "CARD")

# verbs of finding out that, finite, say the answer is found ("erfahren", "finden heraus"): open only when wanted
_LEARN = {"erfahren", "herausfinden"}


def _open(head, k: int) -> bool:
    """The verb at `k` has not found out yet: finite ("prüft"), a zu-infinitive, or an infinitive after "zu" or
    with a modal ("wollen erfahren"); not a participle ("hat erfahren", which HanTa may tag an infinitive)."""
    x = head[k]
    if x.tag == "VV(FIN)" and x.lemma in _LEARN:
        return False        # "Die Leser erfahren im Buch, wie …": they learn it, the book answers
    return x.tag in ("VV(FIN)", "VV(IZU)") or x.tag == "VV(INF)" and (
        k and head[k - 1].tag == "PTKZU" or any(y.tag == "VM(FIN)" for y in head))


def _w_question(part, first: bool):
    """'wie der Staat wirtschaftet' → 'Wie wirtschaftet der Staat?' (None when it is not one plain w-clause).
    After "und" the tagger may read "was" as a relative pronoun; the first w-word must be read as one (after
    "alles, was …" the clause is relative)."""
    w = part[0]
    tags = ("PWAV", "PWS") if first else ("PWAV", "PWS", "PRELS")
    if w.text.lower() not in _W_WORDS or w.tag not in tags or len(part) < 3 \
            or part[1].tag in _W_PHRASE:
        return None
    body = as_clause(part[1:])
    if any(x.text in _STOP or x.tag in _OTHER_CLAUSE or x.tag == "KON" for x in body) or not is_verb(body[-1]):
        return None
    clause = to_main_clause(body, [Tok(capitalize(w.text), True, w.tag, w.lemma)])
    return capitalize(join(clause)) + "?" if clause else None


def _w_questions(toks, end, ctx) -> list[str] | None:
    """'…, wie A und was B.' after a verb of asking → the head with a colon and one question per w-clause."""
    for d, t in enumerate(toks[:end]):
        if t.text.lower() not in _W_WORDS or d < 3 or toks[d - 1].text != ",":
            continue
        head = toks[:d - 1]
        if not any(is_finite(x) for x in head) or any(x.text in ("„", "“", "”", "\"", ":", ",") for x in head) \
                or any(x.tag in _OTHER_CLAUSE for x in head) \
                or any(x.text.lower() in ctx.data["negation"] for x in head) \
                or not any(x.lemma in ctx.data["question_verbs"] and _open(head, k) for k, x in enumerate(head)):
            continue
        body = toks[d:end]
        seams = [k for k, x in enumerate(body) if x.text == "und" and k + 1 < len(body)
                 and body[k + 1].text.lower() in _W_WORDS]
        parts = [body[a:b] for a, b in zip([0] + [k + 1 for k in seams], seams + [len(body)])]
        questions = [_w_question(part, n == 0) for n, part in enumerate(parts)]
        if all(questions):
            return [join(head) + ":"] + questions
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    end = body_end(toks, (".",))
    if end != len(toks) - 1:
        return None                     # a sentence that already asks or exclaims stays
    found = _w_questions(toks, end, ctx)
    if found:
        return found
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
