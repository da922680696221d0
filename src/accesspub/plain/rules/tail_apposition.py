"""A noun phrase after a comma at the end of a sentence that explains the noun before it becomes a sentence:
"The fund comes from the levy, a tax paid by developers." → "The fund comes from the levy." + "This is a tax
paid by developers."; "Die Stadt kauft das Haus, ein Denkmal aus dem Jahr 1890." → "… das Haus." + "Das ist ein
Denkmal aus dem Jahr 1890.". Only with an article that is nominative as written, no verb after the comma.
English also: a date in parentheses at the end after a word of time ("… last night (Wednesday 17 February)." →
"… last night." + "That was Wednesday 17 February.")."""

from __future__ import annotations

from ..text import body_end, end_sentence, join, word_count

NAME, KIND, LANGS = "tail_apposition", "split", ("de", "en")
_ARTICLES = {"de": {"ein", "eine"}, "en": {"a", "an", "the"}}
_NOUNS = {"de": ("NN", "NE"), "en": ("NN1", "NN2", "NN0", "NP0")}
_VERBS = {"de": ("VV(FIN)", "VA(FIN)", "VM(FIN)", "VV(INF)", "VV(IZU)", "PTKZU", "KOUS", "PRELS", "PWAV"),
          "en": ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB",
                 "VVI", "TO0", "CJS", "PNQ", "CJT")}
_LEAD = {"de": "Das ist", "en": "This is"}
_NP = {"de": ("NN", "NE", "ART", "ADJ(A)", "CARD", "PPOSAT", "PIAT", "PDAT", "TRUNC"),
       "en": ("NN1", "NN2", "NN0", "NP0", "AT0", "AJ0", "AJS", "AJC", "CRD", "ORD", "DPS", "DT0")}
_DETERMINERS = ("ART", "PPOSAT", "PDAT", "AT0", "DPS")
_PREP = {"de": ("APPR", "APPRART"), "en": ("PRP", "PRF")}


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, ctx.lang)
    end = body_end(toks)
    if ctx.lang == "en":
        found = _english_dash(toks, end) or _english_date(toks, end, ctx)
        if found:
            return found
    commas = [k for k in range(end) if toks[k].text == ","]
    if not commas:
        return None
    c = commas[-1]
    tail = toks[c + 1:end]
    before = toks[c - 1] if c else None
    if len(tail) < 3 or tail[0].text.lower() not in _ARTICLES[ctx.lang] or before is None:
        return None
    if not (before.tag in _NOUNS[ctx.lang] or before.text == ")"):
        return None
    if any(t.tag in _VERBS[ctx.lang] or t.text in ("„", "“", "”", "\"", ":", ";", "-", "–")
           for t in tail) or not any(t.tag in _NOUNS[ctx.lang] for t in tail[1:3]):
        return None
    # the noun phrase before the comma must hang on the verb, not on another noun ("the head teacher at the
    # school, a former nurse": the school or the teacher?)
    k = c - 1
    while k >= 0 and (toks[k].tag in _NP[ctx.lang] or toks[k].text in ("(", ")") or toks[k].text.isupper()):
        k -= 1
        if toks[k + 1].tag in _DETERMINERS:
            break                                   # the phrase starts at its article
    if k < 0:
        return None
    opener = toks[k + 1]
    own = opener.tag in _DETERMINERS and opener.text.lower() not in ("des", "der", "eines", "einer", "of")
    if toks[k].tag in _PREP[ctx.lang]:
        k -= 1
        own = False
    if not own and (k < 0 or toks[k].tag in _NOUNS[ctx.lang] or toks[k].tag in _PREP[ctx.lang]
                    or toks[k].text == ","):
        return None
    head = toks[:c]
    if any(t.text in ("„", "“", "”", "\"") for t in head) or word_count(join(head), ctx.lang) < 4:
        return None
    if ctx.lang == "de" and any(t.text.lower() in ("und", "oder", "sowie") for t in toks[max(0, c - 4):c]):
        return None     # "… Bund und Länder, eine …": which of them is meant is unsure
    if ctx.lang == "en" and any(t.text.lower() in ("and", "or") for t in toks[max(0, c - 4):c]):
        return None
    if ctx.lang == "en":
        return _english(head, tail)
    return [end_sentence(join(head)), end_sentence(f"{_LEAD[ctx.lang]} {join(tail)}")]


def _english(head, tail) -> list[str] | None:
    """English: "…, the X and the Y" goes on with a list ("provided by the Home Office, the Department of Health
    and the Department for Education"): no apposition. After a name the new sentence names it again ("…
    chaired by Jo Li, the head of the trust." → "Jo Li is the head of the trust."); "This is …" would call a
    person "this"."""
    if tail[0].text.lower() == "the" and any(t.text.lower() in ("and", "or") for t in tail):
        return None
    k = len(head)
    while k and head[k - 1].text[:1].isupper() and head[k - 1].tag in ("NP0", "NN1", "NN2", "NN0") and k > 1:
        k -= 1
    name = head[k:]
    lead = _LEAD["en"]
    if len(name) >= 2 and any(t.tag == "NP0" for t in name) and head[k - 1].tag not in ("AT0", "DPS", "POS"):
        lead = f"{join(name)} is"
    return [end_sentence(join(head)), end_sentence(f"{lead} {join(tail)}")]


_NAMED = {"called", "named", "known"}


def _english_dash(toks, end) -> list[str] | None:
    """English, a list item or other phrase without a verb: " - a …" at the end says what the whole item is:
    "Conversion of the old hall into a repair workshop - a project called Fix It." → "Conversion of the old hall
    into a repair workshop." + "This is a project called Fix It.". One spaced dash, no comma and no verb before
    it, no name right before it (a person's role: "Jo Li - a nurse" is no "this"), no verb after it but "called"
    or "named"."""
    dashes = [k for k in range(end) if toks[k].text in ("-", "–", "—")]
    if len(dashes) != 1:
        return None
    d = dashes[0]
    head, tail = toks[:d], toks[d + 1:end]
    if d < 4 or not (toks[d - 1].space and toks[d].space) or len(tail) < 3 or tail[0].text.lower() not in ("a", "an"):
        return None
    if any(t.tag in _VERBS["en"] or t.text == "," for t in head) or head[-1].tag == "NP0" \
            or head[-1].tag not in _NOUNS["en"]:
        return None     # "Jo Li, chair of the Youth Forum - a group for …": the dash may explain the forum alone
    if any((t.tag in _VERBS["en"] or t.tag.startswith("VV")) and t.text.lower() not in _NAMED or t.text in (
            "„", "“", "”", "\"", ":", ";", "(", ")", ",") for t in tail) \
            or not any(t.tag in _NOUNS["en"] for t in tail[1:4]):
        return None
    if word_count(join(head), "en") < 4:
        return None
    return [end_sentence(join(head)), end_sentence(f"{_LEAD['en']} {join(tail)}")]


_PAST = ("VBD", "VDD", "VHD", "VVD")
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")


def _english_date(toks, end, ctx) -> list[str] | None:
    """English: a date in parentheses at the end says which day a time before it is: "… by the end of the
    planting season (31 March 2021)." → "… by the end of the planting season." + "That is 31 March 2021.";
    "… presented to the committee last night (Wednesday 17 February)." → "… last night." + "That was Wednesday
    17 February." (past main clause or a past time). Only a date (numbers, months, weekdays) right after a
    word of time (`date_times`: "season", "night", "Friday"); not after another noun ("at its meeting (3 March)"
    may date the meeting or the decision)."""
    if end < 6 or toks[end - 1].text != ")":
        return None
    p = max((k for k in range(end) if toks[k].text == "("), default=None)
    if p is None or p < 6:
        return None
    names = {w.lower() for w in ctx.data["meeting_times"]}
    inside = toks[p + 1:end - 1]
    if not inside or any(not (t.tag in ("CRD", "ORD") or t.text.lower() in names or t.text == ",") for t in inside) \
            or not any(t.tag in ("CRD", "ORD") for t in inside) or not any(t.text.lower() in names for t in inside):
        return None
    head = toks[:p]
    if toks[p - 1].text.lower() not in {*ctx.data["date_times"], *names} or toks[p - 1].tag == "PRP" \
            or any(t.text in ("(", ")", "“", "”", "\"", ":", ";") for t in head) or word_count(join(head), "en") < 6:
        return None
    finite = next((t for t in head if t.tag in _FINITE), None)
    if finite is None:
        return None
    past = finite.tag in _PAST or any(t.text.lower() in ("last", "yesterday", "ago", "earlier") for t in head[-4:])
    lead = ctx.data["date_lead"]["past" if past else "present"]
    return [end_sentence(join(head)), end_sentence(f"{lead} {join(inside)}")]
