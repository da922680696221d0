"""A purpose clause becomes a sentence of its own, its words unchanged. German, at the end: "Wir brauchen ein
Gesetz, um die Rechte zu stärken." → "Wir brauchen ein Gesetz." + "Das Ziel ist, die Rechte zu stärken." (a
leading "Um … zu …" is the rule "subordinate"). English, at the start: "To support both schemes, the Council
will …" → "The aim is to support both schemes." + "For this, the Council will …"; at the end: "The Council is
installing new lights to make the park safer." → "The Council is installing new lights." + "The aim is to make
the park safer."."""

from __future__ import annotations

from ..text import Tok, body_end, end_sentence, join, word_count

NAME, KIND, LANGS = "purpose", "split", ("de", "en")
# words of degree: with them "um … zu" tells what is (not) enough for something, not an aim
_DEGREE = {"genug", "genügend", "ausreichend", "allzu", "hinreichend"}     # and "zu" before an adjective (PTKA)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")


_EN_SUBJECT = ("AT0", "DPS", "NP0", "PNP", "DT0", "NN1", "NN2")
_EN_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")


def _english(sentence: str, ctx) -> list[str] | None:
    from ..grammar import parse
    toks = parse(sentence, "en")
    if len(toks) < 6 or toks[0].text != "To" or toks[1].tag != "VVI":
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3 or c + 3 >= len(toks) or any(t.text in _STOP[1:] for t in toks[:c]):
        return None
    main = toks[c + 1:]
    if main[0].tag not in _EN_SUBJECT or not any(t.tag in _EN_FINITE for t in main[:6]) \
            or any(t.text in ("“", "”", "\"") for t in main):
        return None
    first = main[0]
    if first.tag in ("AT0", "DPS", "DT0") or first.text in ("We", "They", "It"):
        main = [type(first)(first.text.lower(), first.space, first.tag, first.lemma)] + main[1:]
    return [end_sentence(f"{ctx.data['purpose_clause']} {join([Tok('to', True)] + toks[1:c])}"),
            end_sentence(f"{ctx.data['purpose_main']} {join(main)}")]


_EN_OBJECT = ("AT0", "AJ0", "AJC", "AJS", "NN0", "NN1", "NN2", "NP0", "CRD", "ORD", "DPS", "POS", "PRP", "PRF", "AVP",
              "CJC", "DT0")


def _english_trailing(sentence: str, ctx) -> list[str] | None:
    """'The Council is installing new lights to make the park safer.' → 'The Council is installing new lights.' +
    'The aim is to make the park safer.': a verb from `purpose_verbs` (things one does for an aim), its object,
    then "to" and a verb; no negation, condition or modal other than "will" (they would make the aim a fact)."""
    from ..grammar import parse
    toks = parse(sentence, "en")
    end = body_end(toks)
    if end == len(toks) or toks[0].tag not in _EN_SUBJECT or any(
            t.text in _STOP or t.tag in ("CJS", "PNQ", "DTQ", "AVQ") or t.text.lower() in ctx.data["negation"]
            or t.tag == "VM0" and t.text.lower() not in ("will", "’ll") for t in toks[:end]):
        return None
    f = next((k for k, t in enumerate(toks) if t.tag in _EN_FINITE), None)
    if f is None or f > 6:
        return None
    v = f + 1 if f + 1 < end and (toks[f].tag == "VM0" and toks[f + 1].tag == "VVI" or toks[f].tag.startswith(
        ("VB", "VH")) and toks[f + 1].tag in ("VVG", "VVN")) else f
    if toks[v].lemma.lower() not in ctx.data["purpose_verbs"]:
        return None
    t = next((k for k in range(v + 1, end - 2) if toks[k].tag == "TO0" and toks[k + 1].tag == "VVI"), None)
    obj = toks[v + 1:t] if t else []
    if not obj or any(x.tag not in _EN_OBJECT for x in obj) or not any(x.tag.startswith(("NN", "NP")) for x in obj):
        return None
    main, aim = toks[:t], toks[t + 1:end]
    if word_count(join(main), "en") < 4 or word_count(join(aim), "en") < 3:
        return None
    return [end_sentence(join(main)), end_sentence(f"{ctx.data['purpose_clause']} to {join(aim)}")]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    if ctx.lang == "en":
        return _english(sentence, ctx) or _english_trailing(sentence, ctx)
    from ..grammar import is_finite, parse
    toks = parse(sentence, "de")
    for c in range(2, len(toks) - 3):
        if toks[c].text != "," or toks[c + 1].text.lower() != "um" or toks[c + 1].tag != "KOUI":
            continue
        end = body_end(toks)
        body = toks[c + 2:end]
        # commas only between coordinated words ("leichter, schneller und umfassender"), none before a clause
        if not body or any(t.text in _STOP and not (t.text == "," and k + 1 < len(body) and body[k + 1].tag in
                                                    ("ADJ(D)", "ADJ(A)", "ADV", "NN"))
                           for k, t in enumerate(body)):
            return None
        last = body[-1]
        if not (last.tag == "VV(IZU)" or (len(body) > 1 and body[-2].text == "zu" and last.tag.endswith("(INF)"))):
            return None
        head = toks[:c]
        if not any(is_finite(t) for t in head) or any(t.text in ("„", "“", "”", "\"") for t in head):
            return None
        if any(t.text.lower() in _DEGREE or t.tag == "PTKA" for t in head):
            return None     # "nicht genug Personal, um … zu bearbeiten", "zu spät, um …": a consequence, no aim
        if word_count(join(head), "de") < 4 or word_count(join(body), "de") < 3:
            return None
        return [end_sentence(join(head)), end_sentence(f"{ctx.data['purpose_clause']} {join(body)}")]
    return None
