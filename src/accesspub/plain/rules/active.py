"""English passive with its agent made active (plain English prefers the active voice):
"Significant progress has been made by the Council this year." → "The Council has made significant progress this
year."; "The plan was approved by the committee on Monday." → "The committee approved the plan on Monday."
Only in a main clause that opens with its subject, with "has/have been" (the participle stays) or "was/were" and
a regular "-ed" participle (the past form is the same word); the agent is a noun phrase right after "by"."""

from __future__ import annotations

from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "active", "rewrite", ("en",)
_SUBJECT_START = ("AT0", "DPS", "AJ0", "NN1", "NN2", "NP0", "CRD", "DT0", "ORD")
_AGENT_INNER = ("NN1", "NN2", "NN0", "NP0", "AJ0", "POS")
# "by March", "by the end of May", "by email": a time or a means, no agent
_NOT_AGENTS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "end", "time", "date", "deadline", "spring", "summer", "autumn", "winter", "year", "week", "month",
               "day", "night", "morning", "evening", "weekend", "now", "then", "far", "law", "hand", "email", "post",
               "phone", "car", "bus", "train", "bike", "way", "default", "chance", "mistake", "accident"}
_STOP = ("PUN", "PUL", "PUR", "PUQ", "CJS", "CJT", "PNQ", "DTQ", "VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VM0",
         "VVZ", "VVD", "VVB", "TO0", "PNP", "VVG")
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")


def _agent_end(toks: list[Tok], i: int) -> int | None:
    """Index after the agent noun phrase starting at `i` ("the Transport and Air Quality Committee",
    "the Mayor of London"); None when no noun phrase starts there."""
    k = i
    if k < len(toks) and toks[k].tag in ("AT0", "DPS"):
        k += 1
    start = k
    while k < len(toks):
        t = toks[k]
        if t.tag in _AGENT_INNER and (t.tag != "AJ0" or k + 1 < len(toks) and toks[k + 1].tag in _AGENT_INNER):
            k += 1
        elif t.text.lower() in ("and", "of") and k > start and toks[k - 1].text[:1].isupper() \
                and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and toks[k + 1].tag in ("NN1", "NP0", "NN2"):
            k += 1
        else:
            break
    if k == start or toks[k - 1].tag not in ("NN1", "NN2", "NN0", "NP0"):
        return None
    return k


_CLOSED_STOP = ("PUL", "PUR", "PUQ", "CJS", "CJT", "PNQ", "DTQ", "PNP") + _FINITE
_BARE_INFINITIVE_AFTER = {"help", "let", "make"}


def _bare_infinitive(toks: list[Tok], k: int) -> bool:
    """A base form after "help", "let" or "make" and their object ("helping rough sleepers stay"): no finite verb."""
    return toks[k].tag == "VVB" and any(x.lemma.lower() in _BARE_INFINITIVE_AFTER and x.tag.startswith("VV")
                                        for x in toks[max(0, k - 4):k])


def _closed_subject(toks: list[Tok], a: int) -> bool:
    """A long subject that a comma closes right before its verb ("A new strategy for helping X, building Y
    and supporting Z, has been agreed by …"): it opens the sentence with an article and a noun and holds no
    verb of its own (a base form only after "help", "let" or "make": "helping rough sleepers stay off the
    streets") and no clause ("which", "that", "because")."""
    if a < 4 or toks[a - 1].text != "," or toks[0].tag not in ("AT0", "DPS"):
        return False
    k = 1
    while k < a and toks[k].tag in ("AJ0", "AJC", "AJS", "ORD", "CRD", "NN1", "NN2", "NN0", "NP0"):
        k += 1
    if k == 1 or toks[k - 1].tag not in ("NN1", "NN2", "NN0", "NP0") or toks[k].tag not in ("PRP", "PRF"):
        return False
    for j in range(k, a - 1):
        t = toks[j]
        if _bare_infinitive(toks, j):
            continue
        if t.tag in _CLOSED_STOP or t.text in (";", ":", "(", ")", "“", "”", "\"", "-", "–", "—"):
            return False
    return True


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") < 6:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    finite = [k for k, t in enumerate(toks) if t.tag in _FINITE and not _bare_infinitive(toks, k)]
    if not finite:
        return None
    a = finite[0]
    closed = _closed_subject(toks, a)
    if closed:
        s0, subject_end = 0, a - 1
    else:
        # an opening phrase before the subject ("Subject to X, the plan was approved by …") stays in front
        s0, subject_end = max((k + 1 for k in range(a) if toks[k].text == ","), default=0), a
        if a == s0 or toks[s0].tag not in _SUBJECT_START \
                or any(t.tag in _STOP or t.text == "," for t in toks[s0:a]):
            return None
    aux = toks[a].text.lower()
    if aux in ("has", "have") and a + 2 < len(toks) and toks[a + 1].text == "been" and toks[a + 2].tag == "VVN":
        p = a + 2
    elif aux in ("was", "were") and a + 1 < len(toks) and toks[a + 1].tag == "VVN" and toks[a + 1].text.endswith("ed"):
        p = a + 1
    else:
        return None
    if p + 2 >= len(toks) or toks[p + 1].text != "by":
        return None
    end = _agent_end(toks, p + 2)
    if end is None or any(t.tag in _FINITE for t in toks[p + 1:end]):
        return None
    agent = toks[p + 2:end]
    determined = agent[0].tag in ("AT0", "DPS")
    if any(t.text.lower() in _NOT_AGENTS for t in agent) or not determined and not (
            agent[-1].tag == "NN2" or agent[-1].text[:1].isupper()):
        return None
    plural = any(t.text.lower() == "and" for t in agent) or agent[-1].tag == "NN2"
    opening, subject = toks[:s0], toks[s0:subject_end]
    first = subject[0]
    if first.tag not in ("NP0",) and not (first.text.isupper() and len(first.text) > 1):
        subject = [Tok(first.text[:1].lower() + first.text[1:], first.space, first.tag, first.lemma)] + subject[1:]
    lead = agent[0]
    if not opening:
        agent = [Tok(lead.text[:1].upper() + lead.text[1:], lead.space, lead.tag, lead.lemma)] + agent[1:]
    if p == a + 2:
        verb = [Tok("have" if plural else "has", True), toks[p]]
    else:
        verb = [toks[p]]
    rest = toks[end:]
    if rest and rest[0].text.lower() in ("and", "or", "&") \
            or len(rest) > 2 and rest[0].text == "," and rest[1].text.lower() in ("a", "an", "the") \
            or any(t.text.lower() in ("and", "but", "or") and k + 1 < len(rest) and rest[k + 1].tag.startswith(
                ("VV", "VB", "VH", "VD", "VM")) for k, t in enumerate(rest)):
        return None     # "… praised by residents and businesses": the agent goes on; "… was led by Dr Li, a
        # scientist at …, and took three years": the apposition belongs to the agent, the second verb to the
        # old subject
    return [end_sentence(join(opening + agent + verb + subject + rest))]
