"""A phrase before the main clause that says on what condition, despite what or as part of what the action
happens becomes a sentence of its own after it: "Subject to planning approval, the council will open the pool in
May." → "The council will open the pool in May." + "This is subject to planning approval." (English; only
phrases that open with a word group from `leading_phrases`, hold no verb of their own and stand before a main
clause that opens with its subject); "At the X Committee last night, members heard …" too, where X is a meeting
or an event: "This was at …" after the main clause, or, when the next sentence points back to the main clause
("This includes …"), the meeting first: "The X Committee met last night." + "Members heard …"."""

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


def _main_clause(main: list[Tok]) -> int | None:
    """Index of the finite verb when `main` opens with its subject and that verb (no comma, clause or participle
    between them, but for the commas of a name: "the Finance, Policy and Resources Committee", and a date in
    parentheses after it: "the Committee (18 February) agreed"); None otherwise."""
    verb = next((k for k, t in enumerate(main) if t.tag in _FINITE), None)
    if not main or main[0].tag not in _SUBJECT_START or verb is None:
        return None
    subject = _outside_parentheses(main[:verb])
    if subject is None or len(subject) > 8 or any(
            t.text == "," and not _in_name(subject, k) or t.tag in _CLAUSE or t.tag.startswith(("VVG", "VVN"))
            for k, t in enumerate(subject)):
        return None
    return verb


def _outside_parentheses(toks: list[Tok]) -> list[Tok] | None:
    """The tokens without one closed group in parentheses at the end ("the Committee (18 February)"); None when
    a parenthesis is left open or stands elsewhere."""
    if "(" not in [t.text for t in toks]:
        return None if ")" in [t.text for t in toks] else toks
    k = [t.text for t in toks].index("(")
    return toks[:k] if toks[-1].text == ")" and not any(t.text in "()" for t in toks[k + 1:-1]) else None


def _in_name(toks: list[Tok], k: int) -> bool:
    """The comma at `k` stands between two capitalised words of a name ("Finance, Policy and Resources")."""
    return 0 < k < len(toks) - 1 and toks[k - 1].text[:1].isupper() and toks[k + 1].text[:1].isupper() \
        and toks[k - 1].tag.startswith(("NN", "NP")) and toks[k + 1].tag.startswith(("NN", "NP"))


_NP = ("AT0", "DPS", "DT0", "AJ0", "NN1", "NN2", "NN0", "NP0", "CRD")


def _past_read_as_participle(main: list[Tok]) -> int | None:
    """Index of a past form the tagger read as a participle ("Members heard how …": VVN): right after a subject
    of nouns, not before "by" (a participle after a noun: "members invited by the Council …"), and no finite
    verb after it before the next clause; None otherwise."""
    v = next((k for k, t in enumerate(main[:5]) if t.tag not in _NP), None)
    if v is None or v == 0 or main[v].tag != "VVN" or main[0].tag not in _SUBJECT_START or v + 1 >= len(main) \
            or main[v + 1].text.lower() == "by" or main[v - 1].tag not in ("NN1", "NN2", "NN0", "NP0"):
        return None
    for t in main[v + 1:]:
        if t.tag in _CLAUSE or t.tag == "TO0":
            break
        if t.tag in _FINITE:
            return None
    return v


def _at_meeting(toks: list[Tok], ctx) -> list[str] | None:
    """'At the Planning Committee last night (3 May), councillors agreed X.' → 'Councillors agreed X.' + 'This was
    at the Planning Committee last night (3 May).': a phrase with "at" and a meeting or an event (`meeting_nouns`)
    before a main clause in the past or present; the comma that ends the phrase is the first one after which a
    main clause opens (a name may hold commas: "the Health, Housing and Care Committee"). When the next sentence
    points back to the main clause, the meeting comes first (`_meeting_first`), or the sentence stays."""
    if len(toks) < 8 or toks[0].text != "At" or toks[1].tag not in ("AT0", "DPS") or toks[-1].text not in (".", "!") \
            or any(t.text in _STOP[:3] for t in toks):
        return None
    for c in range(3, len(toks) - 5):
        if toks[c].text != ",":
            continue
        phrase, main = toks[1:c], toks[c + 1:]
        verb = _main_clause(main)
        past = verb is not None and main[verb].tag in ("VVD", "VBD", "VHD", "VDD")
        if verb is None:
            verb = _past_read_as_participle(main)
            past = True
        if verb is None:
            continue
        if any(t.tag in _FINITE + _CLAUSE or t.text in (";", ":", "-", "–", "—") for t in phrase) \
                or not any(t.lemma.lower() in ctx.data["meeting_nouns"] for t in phrase if t.tag.startswith("NN")) \
                or word_count(join(main), "en") < 5:
            return None
        tense = main[verb].tag
        lead = "This was at" if past else \
            "This is at" if tense in ("VVZ", "VVB", "VBZ", "VBB", "VHZ", "VHB", "VDZ", "VDB") else None
        if lead is None:
            return None     # "At the fair, visitors can …": "This can be at" says more than we know
        if ctx.before_pointer:
            # the next sentence's "This" points to the main clause: it must stay the last sentence
            first = _meeting_first(phrase, ctx) if past else None
            return [first, end_sentence(capitalize(join(main)))] if first else None
        return [end_sentence(capitalize(join(main))), end_sentence(f"{lead} {join(phrase)}")]
    return None


def _meeting_first(phrase: list[Tok], ctx) -> str | None:
    """'the Planning Committee last night (3 May)' → 'The Planning Committee met last night (3 May).' (a meeting or
    an event "took place"): the phrase ends with a time (`meeting_times`, numbers, parentheses); the meeting noun
    that decides the verb is the last word before a preposition ("the meeting of the committee" took place)."""
    times = ctx.data["meeting_times"]
    start = next((j for j in range(2, len(phrase)) if phrase[j].text.lower() in ("last", "this", "on", "yesterday",
                                                                                  "earlier")
                  and all(t.text.lower() in times or t.tag in ("CRD", "ORD") or t.text in ("(", ")", ",")
                          for t in phrase[j:])), None)
    if start is None:
        return None
    meeting = phrase[:start]
    until = next((k for k, t in enumerate(meeting) if t.tag in ("PRP", "PRF")), len(meeting))
    head = meeting[until - 1] if until > 1 else None
    if head is None or not {head.lemma.lower(), head.text.lower()} & set(ctx.data["meeting_nouns"]):
        return None     # "the committee room": the meeting noun is no head of the phrase
    verbs = ctx.data["meeting_verbs"]
    verb = verbs["body"] if {head.lemma.lower(), head.text.lower()} & set(ctx.data["meeting_bodies"]) \
        else verbs["event"]
    return end_sentence(capitalize(join(meeting + [Tok(verb)] + phrase[start:])))


def _following(toks: list[Tok], ctx) -> list[str] | None:
    """'Following a review of the bids, the committee agreed X.' → 'The committee agreed X.' + 'This followed a
    review of the bids.' ("This follows …" after a present, perfect or future main clause): only before an event
    (`following_nouns`: "Following the river, the path …" is a way, no event). When the main clause must stay
    last (it ends with a colon before a list, or the next sentence points back to it), the event comes first:
    "There was a review of the bids." + "After this, the committee agreed …:" (a main clause in the past or
    present perfect, and an event with "a"/"an")."""
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3 or toks[-1].text not in (".", "!", ":") or any(t.text in _STOP[:3] for t in toks):
        return None
    phrase, main = toks[1:c], toks[c + 1:]
    head = next((t for t in phrase if t.tag.startswith("NN")), None)
    if head is None or head.lemma.lower() not in ctx.data["following_nouns"] \
            or any(t.tag in _FINITE + _CLAUSE or t.text in _STOP for t in phrase) \
            or any(t.tag not in ("AT0", "DPS", "AJ0", "AJS", "AJC", "ORD", "CRD", "DT0", "POS", "NP0") and t is not head
                   for t in phrase[:phrase.index(head)]):
        return None
    verb = _main_clause(main)
    past = verb is not None and main[verb].tag in ("VVD", "VBD", "VHD", "VDD")
    if verb is None:
        verb, past = _past_read_as_participle(main), True
    if verb is None or word_count(join(main), "en") < 5:
        return None
    if toks[-1].text == ":" or ctx.before_pointer:
        # the main clause must stay last: it opens a list, or the next sentence points back to it
        perfect = main[verb].tag in ("VHZ", "VHB") and verb + 1 < len(main) and main[verb + 1].tag == "VVN"
        if not (past or perfect) or phrase[0].text.lower() not in ("a", "an"):
            return None     # "There was the review" is no English; a future action may follow a future event
        first = ctx.data["following_first"]
        then = first["then_perfect"] if perfect else first["then"]
        return [end_sentence(f"{first['event']} {join(phrase)}"), f"{then} {join(main)}"]
    lead = "This followed" if past else "This follows"
    return [end_sentence(capitalize(join(main))), end_sentence(f"{lead} {join(phrase)}")]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    if toks and toks[0].text == "At":
        return _at_meeting(toks, ctx)
    if toks and toks[0].text == "Following":
        return _following(toks, ctx)
    found = _opener(toks, ctx.data["leading_phrases"])
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if found is None or c is None or c < found[0] + 1 or toks[-1].text not in (".", "!"):
        return None
    n, lead = found
    phrase, main = toks[n:c], toks[c + 1:]
    if not phrase or phrase[0].tag == "VVI" or any(t.tag in _FINITE + _CLAUSE or t.text in _STOP for t in phrase) \
            or any(t.text in _STOP[:3] for t in main):
        return None     # "Due to open in May, the centre …" says when, not why
    if _main_clause(main) is None or word_count(join(main), "en") < 5:
        return None
    return [end_sentence(capitalize(join(main))), end_sentence(f"{lead} {join(phrase)}")]
