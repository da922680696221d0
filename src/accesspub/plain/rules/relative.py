"""Relative clauses become sentences of their own where the rule is sure: a comma, a relative pronoun
that surely refers to the noun before the comma (gender and number from the lexicon, no coordination),
the verb at the end. "Die Stellen, die die Kommunen unterstützen, …"
→ "Die Stellen …" + "Diese Stellen unterstützen die Kommunen."."""

from __future__ import annotations

from .. import nouns
from ..grammar import is_noun, is_verb, parse, to_main_clause
from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "relative", "split", ("de", "en")
_BOUNDARY = (",", ".", "!", "?", ";", ":", "“", "”")


def _clause_end(toks: list[Tok], start: int) -> int:
    k = start
    while k < len(toks) and toks[k].text not in _BOUNDARY:
        k += 1
    return k


_PRONOUN = {"der": {("m", "sg")}, "die": {("f", "sg"), ("pl", "pl")}, "das": {("n", "sg")}}


def _matches(noun: Tok, pronoun: str) -> bool:
    """The antecedent's gender and number fit the relative pronoun (lexicon), so the reference is sure."""
    feats = {(g, n) for g, n, _ in nouns.features(noun.text)}
    return bool(feats & _PRONOUN[pronoun])


def _ambiguous(toks: list[Tok], c: int, pronoun: str) -> bool:
    """The clause could belong to more than the noun before the comma: a coordination ("Journalisten und
    Bürgerrechtler, die …") or a noun it is attached to that fits the pronoun too ("dem Volksbegehren für ein
    Transparenzgesetz, das …")."""
    k = c - 2
    while k >= 0 and toks[k].tag in ("ADJ(A)", "ART", "CARD", "PPOSAT", "PIAT", "ADV", "TRUNC"):
        k -= 1
    if k >= 0 and (toks[k].text in (",", "und", "oder", "sowie", "bzw.") or toks[k].tag == "KON"):
        return True
    if k >= 0 and toks[k].tag in ("APPR", "APPRART"):
        for j in range(k - 1, max(-1, k - 5), -1):
            if is_noun(toks[j]) and _matches(toks[j], pronoun):
                return True
    return False


def _german(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    for c, t in enumerate(toks):
        if t.text != "," or c == 0 or c + 2 >= len(toks):
            continue
        rel = toks[c + 1]
        if rel.text not in _PRONOUN or rel.tag not in ("PRELS", "ART") or is_verb(toks[c + 2]):
            continue
        antecedent = toks[c - 1]
        if not is_noun(antecedent) or antecedent.tag == "NE" or not _matches(antecedent, rel.text) \
                or _ambiguous(toks, c, rel.text):
            continue
        end = _clause_end(toks, c + 2)
        body = toks[c + 2:end]
        if not body or not is_verb(body[-1]) or (end < len(toks) and toks[end].text in (":", "“", "”")):
            continue
        if end + 1 < len(toks) and toks[end].text == "," and (toks[end + 1].tag in ("KOUS", "PTKZU", "KOUI")
                                                             or toks[end + 1].text.lower() in ("dass", "ob", "zu")):
            continue    # "…, der als Folge haben könnte, dass …": the clause goes on after the comma
        rest = toks[:c] + (toks[end + 1:] if end < len(toks) and toks[end].text == "," else toks[end:])
        vorfeld = [Tok(ctx.data["relative"][rel.text], True), Tok(antecedent.text, True)]
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
        noun = toks[c - 1]
        k = c - 2
        while k >= 0 and toks[k].tag in ("AJ0", "AJC", "AJS", "NN1", "NN0", "ORD", "CRD"):
            k -= 1
        if k >= 0 and toks[k].tag in ("AT0", "DPS", "DT0") and k >= 1 and toks[k - 1].tag == "PRP":
            continue    # "… for the first time, which …": the clause may belong to a noun further back
        # "…, which aims" → "This scheme aims": the noun before the comma names what the clause is about
        subject = f"This {noun.text}" if noun.tag in ("NN1", "NN0") else ctx.data["relative"]["which"]
        return [end_sentence(join(rest)), end_sentence(subject + " " + join(body))]
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    return _german(sentence, ctx) if ctx.lang == "de" else _english(sentence, ctx)
