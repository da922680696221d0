"""A zu-infinitive that says what a noun like "Möglichkeit" or "Aufgabe" holds becomes a line of its own after
a colon, the infinitive without "zu": "Das Gesetz bietet die Möglichkeit, die Behörden zu modernisieren." →
"Das Gesetz bietet die Möglichkeit:" + "Die Behörden modernisieren." (German; the form of "Das Ziel ist:"). After
"wir" and a verb of deciding the infinitive becomes what "wir" do: "Wir haben beschlossen, im Mai zu bauen."
→ "Wir haben beschlossen:" + "Wir bauen im Mai." (for "wir" the infinitive is the finite form). An appeal to someone
says what they should do: "Der Senat fordert die Bezirke auf, die Listen vorzulegen." → "Der Senat fordert die
Bezirke auf:" + "Die Bezirke sollen die Listen vorlegen." (never a statement that they do it)."""

from __future__ import annotations

from .. import nouns
from ..grammar import analyze, is_finite, noun_phrase_end, parse, to_main_clause
from ..text import Tok, body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "infinitive", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")
_AFTER_NOUN = ("VV(INF)", "VA(INF)", "VV(PP)", "PTKVZ")      # "die Möglichkeit erhalten, …"


def bare(toks: list[Tok]) -> list[Tok]:
    """An infinitive phrase without its "zu": "offenzulegen" → "offenlegen", "zu stärken" → "stärken"."""
    out = []
    for t in toks:
        if t.tag == "VV(IZU)":
            lemma = analyze(t.text)[0] if t.lemma == t.text else t.lemma
            out.append(Tok(lemma, t.space, "VV(INF)", lemma))
        elif t.tag != "PTKZU":
            out.append(t)
    return out


def _is_infinitive(phrase: list[Tok]) -> bool:
    """A zu-infinitive phrase: "… offenzulegen", "… zu stärken"; no clause inside it."""
    if len(phrase) < 2 or any(t.text in _STOP or t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV",
                                                                                        "KOUI") for t in phrase):
        return False
    last = phrase[-1]
    return last.tag == "VV(IZU)" or phrase[-2].tag == "PTKZU" and last.tag.endswith("(INF)")


def _we_do(phrase: list[Tok], vorfeld: list[Tok], ctx) -> list[Tok] | None:
    """The infinitive phrase as a main clause with "wir": "zunächst nicht zu gehen" → "Wir gehen zunächst
    nicht"; after another Vorfeld ("Stattdessen") "wir" follows the verb."""
    data = ctx.data["decision"]
    body = bare(phrase)
    verb = body[-1]
    if verb.lemma in data["irregular"]:
        body = body[:-1] + [Tok(data["irregular"][verb.lemma], verb.space, "VA(FIN)", verb.lemma)]
    clause = to_main_clause(body, vorfeld or [Tok(data["we"], True)])
    if not clause or not vorfeld:
        return clause
    return clause[:len(vorfeld) + 1] + [Tok(data["we"].lower(), True)] + clause[len(vorfeld) + 1:]


def _decision(toks: list[Tok], end: int, ctx) -> list[str] | None:
    """'Wir haben beschlossen, X zu tun(, sondern Y zu tun).' → 'Wir haben beschlossen:' + 'Wir tun X.'
    (+ 'Stattdessen tun wir Y.')."""
    c = next((k for k in range(3, end) if toks[k].text == ","), None)
    if c is None:
        return None
    head = toks[:c]
    if not any(t.text.lower() == "wir" for t in head) or not any(is_finite(t) for t in head) \
            or not any(t.lemma in ctx.data["decision"]["verbs"] for t in head) \
            or any(t.text in _STOP or t.tag in ("KOUS", "PRELS") for t in head) \
            or any(t.text.lower() in ctx.data["negation"] and t.tag != "APPR" for t in head):
        return None     # "Wir haben nicht beschlossen, X zu tun" does not say "Wir tun X"
    s = next((k for k in range(c + 1, end - 1) if toks[k].text == "," and toks[k + 1].text.lower() == "sondern"),
             end)
    first, second = toks[c + 1:s], toks[s + 2:end]
    if not _is_infinitive(first) or s < end and not _is_infinitive(second):
        return None
    clause = _we_do(first, [], ctx)
    if not clause:
        return None
    out = [join(head) + ":", end_sentence(join(clause))]
    if s < end:
        instead = ctx.data["instead"]
        rest = second[1:] if second[0].text.lower() == instead.lower() else second
        clause = _we_do(rest, [Tok(instead, True)], ctx)
        if not clause:
            return None
        out.append(end_sentence(join(clause)))
    return out


_SUBJECT_PRONOUNS = {"wir", "ich", "er", "ihr"}      # after the verb: the subject, not the one addressed
_MASCULINE_ACCUSATIVE = {"den", "einen", "keinen", "diesen", "jeden", "seinen", "ihren", "unseren", "meinen", "euren"}


def _number(np: list[Tok], plural_words) -> str | None:
    """'sg' or 'pl' of a noun phrase in the accusative whose nominative is the same; None when unsure (a
    masculine accusative changes: "den Senat" → "der Senat")."""
    if np[0].text.lower() in _MASCULINE_ACCUSATIVE or any(t.tag in ("PPER", "PRF", "PDS") for t in np):
        return None
    if any(t.text in ("und", "sowie") for t in np) or np[0].text.lower() in plural_words:
        return "pl"
    heads = [t for t in np if t.tag in ("NN", "NE")]
    if not heads:
        return None
    head = heads[-1] if np[0].tag in ("ART", "PDAT", "PPOSAT") or len(heads) == 1 else heads[0]
    if head.tag == "NE" and np[0].tag not in ("ART", "PDAT", "PPOSAT"):
        return "sg"                   # "Deutschland", "Fridays for Future"
    numbers = {n for _, n, case in nouns.features(head.text) if case == "acc"}
    if np[0].text.lower() == "die":
        numbers &= {"pl"} if not {g for g, n, c in nouns.features(head.text) if g == "f" and n == "sg"} else {"sg"}
    elif np[0].text.lower() in ("das", "ein", "eine", "kein", "keine", "diese", "dieses"):
        numbers &= {"sg"}
    return next(iter(numbers)) if len(numbers) == 1 else None


def _masculine_nominative(np: list[Tok]) -> list[Tok] | None:
    """'den (neuen) Senat' → 'der (neue) Senat': a masculine accusative of article, at most one adjective and a
    noun whose nominative singular is the same word (not "den Präsidenten"); None otherwise."""
    if len(np) not in (2, 3) or np[0].text.lower() != "den" or np[-1].tag != "NN" \
            or ("m", "sg", "nom") not in nouns.features(np[-1].text):
        return None
    if len(np) == 3 and (np[1].tag != "ADJ(A)" or not np[1].text.endswith("en")):
        return None
    adjective = [Tok(np[1].text[:-1], True, "ADJ(A)", np[1].lemma)] if len(np) == 3 else []
    return [Tok("der", True, "ART", "der")] + adjective + [np[-1]]


def _appeal(toks: list[Tok], end: int, ctx) -> list[str] | None:
    """'A fordert B (dazu) auf, X zu tun.' → 'A fordert B auf:' + 'B soll X tun.' (also 'ruft … auf', 'bittet',
    'ermutigt', 'appelliert an', in the perfect too); B a noun phrase whose nominative is its accusative, or
    "uns", "euch", "alle"; not negated, no clause inside."""
    data = ctx.data["appeal_verbs"]
    c = next((k for k in range(3, end) if toks[k].text == ","), None)
    if c is None:
        return None
    head, phrase = toks[:c], toks[c + 1:end]
    if not _is_infinitive(phrase) or any(t.text in _STOP or t.tag in ("KOUS", "PRELS") for t in head) \
            or any(t.text.lower() in ctx.data["negation"] and t.tag != "APPR" for t in head):
        return None
    particle = head[-1].text if head[-1].tag == "PTKVZ" else ""
    verb = next((k for k, t in enumerate(head) if (is_finite(t) or t.tag == "VV(PP)")
                 and (t.lemma in data["verbs"] or particle + t.lemma in data["verbs"])), None)
    finite = next((k for k, t in enumerate(head) if is_finite(t)), None)
    if verb is None or finite is None:
        return None
    stop = len(head) - (1 if particle or head[-1].tag == "VV(PP)" else 0)
    start = (verb if is_finite(head[verb]) else finite) + 1
    if start < stop and head[start].text.lower() in _SUBJECT_PRONOUNS:
        start += 1                                    # "Deshalb rufen wir alle dazu auf"
    if head[verb].lemma == "appellieren":
        start = next((k + 1 for k in range(start, stop) if head[k].text == "an"), None)
        if start is None:
            return None
    while start < stop:                               # "fordert deshalb (unter anderem) das Abgeordnetenhaus auf"
        if head[start].tag in ("ADV", "PROAV") and head[start].text.lower() != "dazu":
            start += 1
        elif start + 1 < stop and (head[start].text, head[start + 1].text) == ("unter", "anderem"):
            start += 2
        else:
            break
    if stop > start and head[stop - 1].text.lower() == "dazu":
        stop -= 1
    np = head[start:stop]
    if not np:
        return None
    pronoun = data["pronouns"].get(np[0].text) if len(np) == 1 else None
    if pronoun:
        if any(t.tag == "PRF" for t in phrase) and pronoun[0] in ("Wir", "Ihr"):
            return None                               # "sich" would have to become "uns"
        subject, modal = [Tok(pronoun[0], True)], pronoun[1]
    else:
        if noun_phrase_end(np, 0) != len(np):
            return None
        masculine = _masculine_nominative(np)
        number = "sg" if masculine else _number(np, data["plural"])
        if number is None:
            return None
        np = masculine or np
        subject, modal = [Tok(capitalize(np[0].text), np[0].space, np[0].tag, np[0].lemma)] + np[1:], \
            data["modal"][number]
    shown = head[:stop] + head[stop + 1:] if stop < len(head) and head[stop].text.lower() == "dazu" else head
    clause = subject + [Tok(modal, True, "VM(FIN)", "sollen")] + bare(phrase)
    return [join(shown) + ":", end_sentence(join(clause))]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    found = _decision(toks, body_end(toks), ctx) or _appeal(toks, body_end(toks), ctx)
    if found:
        return found
    end = body_end(toks)
    nouns = set(ctx.data["infinitive_nouns"])
    for c in range(3, end - 2):
        if toks[c].text != ",":
            continue
        noun = c - 1 if toks[c - 1].tag in _AFTER_NOUN and c >= 4 else c
        noun -= 1
        if toks[noun].tag != "NN" or toks[noun].lemma not in nouns:
            continue
        head, phrase = toks[:c], toks[c + 1:end]
        if not any(is_finite(t) for t in head) or any(t.text in _STOP for t in head + phrase) \
                or any(t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV", "KOUI") for t in phrase):
            return None
        last = phrase[-1]
        if not (last.tag == "VV(IZU)" or len(phrase) > 1 and phrase[-2].tag == "PTKZU"
                and last.tag.endswith("(INF)")):
            return None
        if word_count(join(phrase), "de") < 3:
            return None
        return [join(head) + ":", end_sentence(capitalize(join(bare(phrase))))]
    return None
