"""A phrase set off by commas between the subject and its verb that says with whom or as part of what becomes a
sentence of its own: "The Council, in partnership with two charities, is opening a new centre." → "The Council
is opening a new centre." + "This is in partnership with two charities." (English; only phrases that open
with a word group from `insertion_openers`, so the phrase surely describes the whole action)."""

from __future__ import annotations

from ..text import end_sentence, join, word_count

NAME, KIND, LANGS = "insertion", "split", ("en",)
_SUBJECT_START = ("NP0", "AT0", "DPS", "NN1", "NN2")
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")
_QUOTES = ("“", "”", "\"")
_INSIDE = ("(", ")", ";", ":", "-", "–")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c == 0 or c > 5 or toks[0].tag not in _SUBJECT_START \
            or any(t.tag in _FINITE for t in toks[:c]) or any(t.text in _QUOTES for t in toks):
        return None
    # a name inside the phrase may be tagged as a verb ("the InnOvaTe project"): verbs are lower case
    finite = next((k for k, t in enumerate(toks) if t.tag in _FINITE and t.text.islower()), None)
    if finite is None or finite < c + 3 or toks[finite - 1].text != ",":
        return None
    inserted = toks[c + 1:finite - 1]
    if any(t.text in _INSIDE for t in inserted):
        return None
    words = " ".join(t.text.lower() for t in inserted)
    if not any(words.startswith(o + " ") for o in ctx.data["insertion_openers"]):
        return None
    main, rest = toks[:c] + toks[finite:], inserted
    if word_count(join(main), "en") < 5:
        return None
    if words.startswith("as part of "):
        rest = rest[1:]     # "This is part of a trial", not "This is as part of a trial"
    return [end_sentence(join(main)), end_sentence(f"{ctx.data['insertion_lead']} {join(rest)}")]
