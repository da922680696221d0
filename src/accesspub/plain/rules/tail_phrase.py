"""A phrase at the end of a sentence that says what the action follows or belongs to becomes a sentence of its
own: "The Council has planted 300 trees in line with its climate strategy." → "The Council has planted 300
trees." + "This is in line with its climate strategy."; "The school planted a hedge as part of the Green
Schools scheme." → "The school planted a hedge." + "This was part of the Green Schools scheme." (English; only
phrases that open with a word group from `tail_phrases` and run to the end of the sentence without a verb or a
clause of their own, and only before a noun the entry names: "in line with" a plan, a rule or a promise
(`line_with_nouns`: "prices rose in line with inflation" says by how much, not what the rise follows), "as
part of" a scheme or a campaign (`part_of_nouns`: "serve the certificate as part of the chain" says what the
certificate is part of).)"""

from __future__ import annotations

from ..text import Tok, body_end, end_sentence, join, word_count

NAME, KIND, LANGS = "tail_phrase", "split", ("en",)
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")
_PAST = ("VBD", "VHD", "VDD", "VVD")
_CLAUSE = ("CJS", "CJT", "PNQ", "DTQ", "AVQ", "VVG")
_STOP = ("“", "”", "\"", "(", ")", ";", ":", "-", "–", "—", ",")
_NOUNS = ("NN1", "NN2", "NN0", "NP0")
_TIME_WORDS = {"today", "tomorrow", "tonight", "yesterday", "next", "last", "week", "weeks", "month", "months",
               "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "june", "july", "august", "september", "october", "november",
               "december", "until", "since"}


def _phrase_at(toks: list[Tok], end: int, table: dict) -> tuple[int, int, dict] | None:
    """(index of the opener, its number of words, its entry) of the last word group from the table before
    `end`."""
    low = [t.text.lower() for t in toks[:end]]
    for p in range(end - 2, 2, -1):
        for key, entry in table.items():
            words = key.split()
            if low[p:p + len(words)] == words:
                return p, len(words), entry
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    end = body_end(toks, (".", "!"))
    found = _phrase_at(toks, end, ctx.data["tail_phrases"])
    if found is None:
        return None
    p, n, entry = found
    head, phrase = toks[:p], toks[p + n:end]
    if any(t.text in _STOP[:3] for t in toks) or any(t.tag in _FINITE + _CLAUSE or t.text in _STOP for t in phrase) \
            or not any(t.tag in _NOUNS for t in phrase):
        return None
    if entry.get("nouns") and not any(t.lemma.lower() in ctx.data[entry["nouns"]] for t in phrase if t.tag in _NOUNS):
        return None
    if any(t.text.lower() in _TIME_WORDS for t in phrase):
        return None     # "… apply for a grant as part of the scheme from next week": the time is the action's
    if head[-1].text == ",":
        head = head[:-1]    # "…, as part of …" belongs to the whole clause before the comma
    before = head[-1]
    if before.tag == "VVN" and len(head) > 1 and head[-2].tag in _NOUNS:
        return None     # "the repairs needed as part of the scheme": the phrase says which repairs
    if before.tag in ("PRP", "PRF", "AT0", "CJC") or before.text in _STOP:
        return None
    if before.tag in ("VVZ", "VVD", "VVB", "VVI", "VVG", "VBZ", "VBD", "VBB", "VBI"):
        return None     # "Staff work as part of a team", "act in line with": the phrase completes the verb
    finite = [t for t in head if t.tag in _FINITE]
    if not finite and toks[-1].text in (".", "!"):
        return None     # a sentence without a finite verb is a tagging slip ("staff work/NN1 as part of …"); only
        # a list item without a full stop is a phrase of its own ("Hill Park - new trees as part of …")
    if finite and any(t.tag in ("CJS", "CJT", "PNQ", "DTQ") for t in head[head.index(finite[0]):]):
        return None     # "… that they planted as part of …": the phrase may belong to the inner clause
    if word_count(join(head), "en") < 6:
        return None
    lead = entry["past"] if finite and finite[0].tag in _PAST else entry["lead"]
    return [end_sentence(join(head)), end_sentence(f"{lead} {join(phrase)}")]
