"""A dass-clause after a verb of saying, showing or knowing, after a noun that announces a content ("die
Information, dass …") or after a short "Es ist klar, dass …" becomes a main clause after a colon:
"Die Verwaltung teilte mit, dass die Schätzung später kommt." → "Die Verwaltung teilte mit:" +
"Die Schätzung kommt später.". After a verb of demanding the clause says what should be, never what is:
"Wir fordern, dass der Senat ein Register schafft." → "Wir fordern:" + "Der Senat soll ein Register schaffen."."""

from __future__ import annotations

from .. import nouns
from ..gate import DETERMINERS
from ..grammar import as_demand, is_finite, is_verb, noun_phrase_end, parse, to_main_clause
from ..text import body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "dass", "split", ("de",)


def _expletive(head, appeals) -> bool:
    """'Es ist klar, dass …' / 'Es überrascht nicht, dass …': a short main clause whose subject is the
    dass-clause itself ("es" first, a finite verb, at most six words). Not 'Es ist Zeit / wichtig, dass …':
    that asks for what the clause says, and after a colon it would read as a fact."""
    words = [t for t in head if t.is_word]
    return bool(words) and words[0].text == "Es" and len(words) <= 6 and \
        any(t.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)") for t in head) and \
        not any(t.lemma in appeals or t.text.lower() in appeals for t in words)


_PLURAL = {"sind", "haben", "werden", "können", "müssen", "sollen", "dürfen", "wollen", "waren", "hatten", "wurden"}
_NOMINATIVE_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man"}


def could_be_subject(tail, plural: bool) -> bool:
    """Some noun phrase in `tail` could be the subject of its verb: a nominative pronoun, or an article or bare
    noun (not after a preposition) with a nominative reading in the verb's number."""
    number = "pl" if plural else "sg"
    for k, t in enumerate(tail):
        if k and tail[k - 1].tag in ("APPR", "APPRART"):
            continue
        low = t.text.lower()
        if t.tag == "PPER" and low in _NOMINATIVE_PRONOUNS:
            return True
        if t.tag in ("ART", "PDAT", "PPOSAT", "PIAT"):
            det = {f for f in DETERMINERS.get(low, set()) if f[2] == "nom"} if low in DETERMINERS else None
            if det is not None and not det:
                continue            # "den", "dem", "des": never a subject
            head = next((x for x in tail[k + 1:k + 4] if x.tag in ("NN", "NE")), None)
            feats = {f for f in nouns.features(head.text) if f[2] == "nom"} if head is not None else set()
            if det is None or not feats or any(f[1] == number for f in det & feats):
                return True
        elif t.tag in ("NN", "NE") and not (k and tail[k - 1].tag in ("ART", "PDAT", "PPOSAT", "PIAT", "ADJ(A)")):
            feats = nouns.features(t.text)
            if not feats or any(f[2] == "nom" and f[1] == number for f in feats):
                return True
    return False


def _shared_subject(body) -> list[list] | None:
    """'Politik und Verwaltung transparenter werden und eine Pflicht haben' → 'Politik und Verwaltung werden
    transparenter.' + 'Politik und Verwaltung haben eine Pflicht.': two verb-final clauses joined by "und",
    the second without a subject of its own (no noun phrase in it could be one)."""
    ands = [k for k in range(2, len(body) - 2) if body[k].text == "und" and is_verb(body[k - 1])]
    if len(ands) != 1 or not is_verb(body[-1]):
        return None
    k = ands[0]
    end = noun_phrase_end(body, 0)
    if not end or end >= k or body[0].tag not in ("NN", "NE", "ART", "PDAT", "PPOSAT", "PIAT"):
        return None
    verb = body[-1].text.lower()
    plural = verb in _PLURAL or verb.endswith("en")
    subject_plural = any(t.text in ("und", "sowie") for t in body[:end]) or any(
        f[1] == "pl" for t in body[:end] if t.tag == "NN" for f in nouns.features(t.text))
    if plural != subject_plural or could_be_subject(body[k + 1:], plural):
        return None
    first, second = to_main_clause(body[:k]), to_main_clause(body[:end] + body[k + 1:])
    return [first, second] if first and second else None


_QUOTE_MARKS = ("„", "“", "”", "\"")
# words that open a clause that depends on the dass-clause (or a word in it) and may stay after it:
# "dass X geheim halten darf, wie viel Y kostet", "dass X notwendig ist, damit …", "dass X kauft, das …"
_TAIL_OPENERS = ("KOUS", "KOUI", "PWAV", "PWS", "PWAT", "PRELS", "PRELAT")
# subordinators the tagger may read as adverbs after a comma (", damit auch … gesichert werden kann" is PROAV)
_SUBORDINATORS = {"damit", "dass", "ob", "weil", "obwohl", "wenn", "falls", "sodass", "nachdem", "bevor", "während"}


def _opens_clause(toks, k: int) -> bool:
    """toks[k], after a comma, opens a dependent clause: a subordinator, relative or w-word, or "damit" … read
    as an adverb but not followed by a finite verb (", damit ist das Ziel erreicht" is a main clause), or "um"
    read as a preposition before its zu-infinitive (", um ca. 200 Stimmen zu sammeln")."""
    t = toks[k]
    if t.tag in _TAIL_OPENERS or t.tag == "APPR" and k + 1 < len(toks) and toks[k + 1].tag in ("PRELS", "PWS"):
        return True
    if t.text.lower() in ("um", "ohne", "statt", "anstatt"):      # ", um rund 200 Unterschriften zu sammeln"
        stop = next((j for j in range(k + 1, len(toks)) if toks[j].text in (",", ".", "!", "?", ";", ":")),
                    len(toks))
        return any(x.tag == "VV(IZU)" or x.tag == "PTKZU" for x in toks[k + 1:stop])
    return t.text.lower() in _SUBORDINATORS and not (k + 1 < len(toks) and is_finite(toks[k + 1]))


def _governed_inside(head) -> bool:
    """The words before ", dass" end in a dependent clause of their own ("…, damit gesichert ist, dass …",
    "…, weil sie wissen, dass …"): the dass-clause hangs on that clause's verb, not on the main clause."""
    c = max((k for k, x in enumerate(head) if x.text == ","), default=None)
    return c is not None and c + 1 < len(head) and _opens_clause(head, c + 1)


def _split_tail(body):
    """The dass-clause up to its first comma, and what follows when that is a clause of its own that hangs on
    it (a subordinate, relative or w-clause: it stays after the new main clause); the whole body and nothing
    when there is no comma, None and nothing when the comma starts something else (", und …")."""
    c = next((k for k, x in enumerate(body) if x.text == ","), None)
    if c is None:
        return body, []
    tail = body[c:]
    opens = len(tail) > 1 and _opens_clause(tail, 1)
    if not opens or not is_verb(body[c - 1]) or any(x.text in (":", ";", "(", ")", "–") + _QUOTE_MARKS
                                                     for x in tail) \
            or any(x.text == "," and y.tag == "KON" for x, y in zip(tail, tail[1:])):
        return None, []     # ", und die Bürger sind sauer" is the author's, not what the head reports
    return body[:c], tail


def _quotes_closed(toks, verbs_after: bool = False) -> bool:
    """Quotation marks come in pairs (none is left open); with `verbs_after`, the verbs all stand after the
    last one, so moving the finite verb leaves every quotation whole."""
    marks = [k for k, x in enumerate(toks) if x.text in _QUOTE_MARKS]
    if not marks:
        return True
    return len(marks) % 2 == 0 and not (verbs_after and any(is_verb(x) for x in toks[:marks[-1]]))


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    verbs = set(ctx.data["colon_verbs"])
    nouns = set(ctx.data["colon_nouns"])
    appeals = set(ctx.data["appeal_words"])
    for d, t in enumerate(toks):
        if t.text.lower() != "dass" or d < 3 or toks[d - 1].text != ",":
            continue
        head = toks[:d - 1]
        particle = head[-1].text if head[-1].tag == "PTKVZ" else ""     # "weist darauf hin" is "hinweisen"
        if not any(v.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)", "VV(PP)")
                   and (v.lemma in verbs or v.tag != "VV(PP)" and particle + v.lemma in verbs) for v in head) \
                and not (len(head) <= 3 and head[-1].lemma in ("bedeuten", "heißen", "zeigen")) \
                and not _expletive(head, appeals) and not (head[-1].tag == "NN" and head[-1].lemma in nouns):
            continue
        if _governed_inside(head):
            continue        # "Es zeigt sich, dass A nötig ist, damit gesichert ist, dass B": B is no fact
        if any(x.text == ":" for x in head) or not _quotes_closed(head):
            continue        # "„Wir wissen, dass …": the dass-clause is inside a quotation
        if any(x.text.lower() in ctx.data["negation"] and x.tag != "APPR" or "zweifel" in x.lemma.lower()
               for x in head) \
                and not any(x.lemma in ("überraschen", "wundern", "Wunder", "verwundern") for x in head):
            continue    # "Es ist nicht bekannt, dass X" does not say X: after a colon it would
            # ("Es überrascht nicht, dass X" does)
        body = toks[d + 1:]
        end = body_end(body, (".", "!", "?"))
        mark = body[end:] if end < len(body) else []
        body, tail = _split_tail(body[:end])
        if not body or any(x.text in (",", ";", ":", "(", ")", "–") for x in body) or not _quotes_closed(body, True):
            continue
        demand = ctx.data["appeal_verbs"]
        if any((particle + v.lemma if particle and v.tag != "VV(PP)" else v.lemma) in demand["demands"]
               for v in head if v.tag.startswith(("VV", "VA", "VM"))):
            body = as_demand(body, demand["modal"])
            if body is None:
                continue
        clauses = [to_main_clause(body)]
        if not clauses[0] and not tail and not any(t.lemma == "sollen" for t in body):
            clauses = _shared_subject(body)
        if not clauses or not clauses[0]:
            continue
        clauses[-1] = clauses[-1] + tail
        end_mark = mark[0].text if mark and mark[0].text in "!?" else ""
        return [join(head) + ":"] + [end_sentence(capitalize(join(c)) + end_mark) for c in clauses]
    return None
