"""A tail "– und das <phrase>" after a main clause becomes a sentence of its own: "Am Montag beginnt die Sammlung
– und das mit einem großen Fest!" → "Am Montag beginnt die Sammlung." + "Das passiert mit einem großen Fest!"
(German). "und das" takes up the whole event of the clause before, so "Das passiert …" says the same — but only
where that clause states an event: its one finite verb is a full verb of happening or doing (`dash_tail`
`verbs`) in a regular present or past form (→ "Das passierte …"), no modal or auxiliary verb ("Wir wollen starten – und das mit …": the wish
would become a fact), no negation or doubt ("Vielleicht beginnt …"), no other clause, no quotation; and the
tail is a phrase without a verb that opens with a preposition of manner, time or concession (`openers`:
"mit", "seit", "trotz", "ohne"), never one the verb may demand ("steigen – und das um 20 Prozent"). A bare
"– trotz …" goes the same way (`bare`); a bare "– mit …" may describe the noun before it ("eine Zweigstelle –
mit Café") and stays."""

from __future__ import annotations

from ..grammar import parse
from ..text import Tok, body_end, end_sentence, join, word_count

NAME, KIND, LANGS = "dash_tail", "split", ("de",)
_DASHES = ("-", "–", "—")
_STOP = ("„", "“", "”", "\"", "(", ")", ",", ":", ";", "?")
_CLAUSE = ("KOUS", "KOUI", "PRELS", "PWAV", "PWS", "PTKZU", "VV(IZU)")


def _tense(tok: Tok) -> str | None:
    """"present" or "past" when the finite verb is a regular (weak) form of its lemma ("startet", "beginnen";
    "sanierte", "starteten"); None for any other form (a strong past, a vowel change: unsure)."""
    lemma, form = tok.lemma, tok.text.lower()
    if not lemma.endswith("en") or lemma != lemma.lower():
        return None
    stem = lemma[:-2]
    if form == lemma or form in (stem + "t", stem + "et"):
        return "present"
    if form in (stem + "te", stem + "ete", stem + "ten", stem + "eten"):
        return "past"
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    if ctx.lang != "de" or word_count(sentence, "de") <= ctx.split_above:
        return None
    data = ctx.data.get("dash_tail")
    if not data:
        return None
    toks = parse(sentence, "de")
    dashes = [k for k, t in enumerate(toks) if t.text in _DASHES]
    if len(dashes) != 1 or any(t.text in _STOP for t in toks):
        return None
    d = dashes[0]
    end = body_end(toks)
    if end != len(toks) - 1 or toks[end].text not in (".", "!"):
        return None
    head, tail = toks[:d], toks[d + 1:end]
    if len(tail) >= 4 and [t.text.lower() for t in tail[:2]] == ["und", "das"]:
        phrase = tail[2:]
    elif len(tail) >= 2 and tail[0].text.lower() in data["bare"]:
        phrase = tail    # "… – trotz knapper Kassen.": a concession always goes with the event
    else:
        return None
    if phrase[0].text.lower() not in data["openers"] or phrase[0].tag not in ("APPR", "APPRART"):
        return None
    if any(t.tag.startswith(("VV", "VA", "VM")) or t.tag in _CLAUSE or t.text.lower() in ("und", "oder")
           for t in phrase):
        return None     # a verb or a second phrase in the tail: it may say more than how the event happens
    verbs = [k for k, t in enumerate(head) if t.tag.startswith(("VV", "VA", "VM"))]
    if len(verbs) != 1 or head[verbs[0]].tag != "VV(FIN)" or verbs[0] == 0:
        return None     # one finite full verb, not first (no question, no imperative)
    verb = head[verbs[0]]
    tense = _tense(verb)
    if verb.lemma not in data["verbs"] or tense is None:
        return None
    low = {t.text.lower() for t in head}
    if low & set(ctx.data["negation"]) or low & set(data["doubt"]) or any(t.tag in _CLAUSE for t in head):
        return None
    if any(t.text.lower() in ("und", "oder", "sowie", "aber") for t in head[verbs[0]:]) and \
            any(t.tag == "KON" for t in head):
        return None     # "Die Stadt baut und die Bahn fährt – und das …": which event is meant?
    if word_count(join(head), "de") < 5:
        return None
    return [end_sentence(join(head)), f"{data['lead'][tense]} {join(phrase)}{toks[end].text}"]
