"""A phrase before the main clause that says on what condition, despite what or as part of what the action
happens becomes a sentence of its own after it: "Subject to planning approval, the council will open the pool in
May." → "The council will open the pool in May." + "This is subject to planning approval." (English; only
phrases that open with a word group from `leading_phrases`, hold no verb of their own and stand before a main
clause that opens with its subject)."""

from __future__ import annotations

from ..text import Tok, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "leading_phrase", "split", ("en",)
_SUBJECT_START = ("AT0", "DPS", "DT0", "NP0", "NN1", "NN2", "PNP", "CRD", "AJ0")
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")
_CLAUSE = ("CJS", "CJT", "PNQ", "DTQ", "AVQ")
_STOP = ("“", "”", "\"", "(", ")", ";", ":", "-", "–", "—")


def _opener(toks: list[Tok], table: dict) -> tuple[int, str] | None:
    """(number of words, lead) of the longest word group from the table the sentence opens with."""
    low = [t.text.lower() for t in toks[:4]]
    for key in sorted(table, key=lambda k: -len(k.split())):
        n = len(key.split())
        if low[:n] == key.split():
            return n, table[key]
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    found = _opener(toks, ctx.data["leading_phrases"])
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if found is None or c is None or c < found[0] + 1 or toks[-1].text not in (".", "!"):
        return None
    n, lead = found
    phrase, main = toks[n:c], toks[c + 1:]
    if not phrase or phrase[0].tag == "VVI" or any(t.tag in _FINITE + _CLAUSE or t.text in _STOP for t in phrase) \
            or any(t.text in _STOP[:3] for t in main):
        return None     # "Due to open in May, the centre …" says when, not why
    verb = next((k for k, t in enumerate(main) if t.tag in _FINITE), None)
    if not main or main[0].tag not in _SUBJECT_START or verb is None or verb > 8 \
            or any(t.text == "," or t.tag in _CLAUSE or t.tag.startswith(("VVG", "VVN")) for t in main[:verb]):
        return None
    if word_count(join(main), "en") < 5:
        return None
    return [end_sentence(capitalize(join(main))), end_sentence(f"{lead} {join(phrase)}")]
