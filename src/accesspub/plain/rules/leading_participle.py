"""A participle phrase before the main clause becomes a sentence of its own, with the main clause's subject and
tense: "Working with local schools, the Council will plant 500 trees." → "The Council will work with local
schools." + "The Council will plant 500 trees." ("… has planted" → "The Council has been working with …");
"As well as running the fair, the school opens its garden." → "The school runs the fair." + "The school also
opens its garden." (English; only with a main verb in the present, the present perfect or after "will", and not
with participles that say when or act as prepositions: "Starting in May, …", "Following …")."""

from __future__ import annotations

from ..grammar import analyze_en, third_person
from ..text import Tok, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "leading_participle", "split", ("en",)
_SUBJECT_START = ("AT0", "DPS", "NP0", "NN1", "NN2", "PNP")
_PRESENT_3SG = ("VBZ", "VHZ", "VDZ", "VVZ")
_PRESENT = ("VBB", "VHB", "VDB", "VVB")
_FINITE = _PRESENT_3SG + _PRESENT + ("VBD", "VHD", "VDD", "VVD", "VM0")
_CLAUSE = ("CJS", "CJT", "PNQ", "DTQ", "AVQ", "TO0")
_STOP = ("“", "”", "\"", "(", ")", ";", ":", "-", "–", "—")
# participles that say when, act as prepositions or open a comment: no action of the subject
_NOT_ACTIONS = {"following", "including", "according", "regarding", "concerning", "considering", "excluding",
                "starting", "beginning", "ending", "running", "lasting", "coming", "being", "having", "given",
                "depending", "assuming", "providing", "speaking", "talking", "looking", "moving", "going",
                "turning", "judging", "generally", "notwithstanding", "pending", "barring"}


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    p = 3 if [t.text.lower() for t in toks[:3]] == ["as", "well", "as"] else 0
    if len(toks) < p + 8 or toks[p].text.lower() in _NOT_ACTIONS or toks[-1].text not in ".!:":
        return None
    base = toks[p].lemma.lower() if toks[p].tag == "VVG" else None
    if base is None and p and toks[p].text.endswith("ing"):
        lemma, tag = analyze_en(toks[p].text.lower())       # after "as well as" HanTa may read an adjective
        base = lemma if tag == "VVG" else None
    f = next((k for k, t in enumerate(toks) if t.tag in _FINITE), None)
    c = max((k for k in range(f or 0) if toks[k].text == ","), default=None)
    if base is None or f is None or c is None or c < p + 3 \
            or any(t.tag in _CLAUSE or t.text in _STOP for t in toks[p:f]) \
            or any(t.text in _STOP[:3] for t in toks[f:]):
        return None
    subject = toks[c + 1:f]
    while subject and subject[-1].tag == "AV0":
        subject = subject[:-1]              # "the Council also aims": "also" stays with its verb
    pronoun = toks[c + 1].text.lower() if toks[c + 1].tag == "PNP" else None
    # "Working with X, it is hoped …": "it" is the subject only of a verb that says what it does
    if not subject or len(subject) > 6 or subject[0].tag not in _SUBJECT_START or pronoun and \
            pronoun not in ("we", "they", "he", "she", "i", "you") and not (pronoun == "it" and toks[f].tag == "VVZ"):
        return None
    verb = toks[f]
    own = _own_verb(toks, f, base, toks[p].text.lower())
    if own is None:
        return None
    main = toks[c + 1:]
    if p and not any(t.text.lower() == "also" for t in main):
        at = f - c - 1 if verb.tag.startswith("VV") else f - c    # "it also sets out", "the Council will also …"
        main = main[:at] + [Tok("also", True)] + main[at:]
    if word_count(join(main), "en") < 5:
        return None
    first = subject[0]
    lead = [Tok(capitalize(first.text), first.space, first.tag)] + subject[1:]
    return [end_sentence(join(lead + own + toks[p + 1:c])), end_sentence(capitalize(join(main)))]


def _own_verb(toks: list[Tok], f: int, base: str, ing: str) -> list[Tok] | None:
    """The participle's verb in the tense of the main clause's finite verb at `f`: "works" (present), "will work",
    "is working" (present progressive), "has been working" (present perfect: "…, the council has fitted …" says
    the work went on until now, not that it goes on); None for past forms and other modals ("can", "may" say
    more than we know) and for a passive ("…, the park is cleaned": the subject does not do the action)."""
    verb = toks[f]
    after = [t for t in toks[f + 1:f + 4] if t.tag != "AV0"]      # "has also fitted", "is now planting"
    nxt, later = (after + [Tok(""), Tok("")])[:2]
    if verb.tag in ("VHZ", "VHB") and (nxt.tag == "VVN" or nxt.text == "been" and later.tag == "VVG"):
        return [Tok(verb.text.lower(), True), Tok("been", True), Tok(ing, True)]
    if verb.tag in ("VHZ", "VHB", "VBZ", "VBB") and (nxt.tag == "VVN" or nxt.text == "been"):
        return None
    if verb.tag in ("VBZ", "VBB") and nxt.tag == "VVG":
        return [Tok(verb.text.lower(), True), Tok(ing, True)]
    if verb.tag in _PRESENT_3SG:
        return [Tok(third_person(base), True)]
    if verb.tag in _PRESENT:
        return [Tok(base, True)]
    if verb.tag == "VM0" and verb.text.lower() in ("will", "’ll"):
        return [Tok("will", True), Tok(base, True)]
    return None
