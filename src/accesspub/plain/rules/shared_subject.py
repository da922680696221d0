"""Main clauses that share their subject become sentences of their own, the subject said again:
"Das Gesetz stammt von 1999, sieht hohe Gebühren vor und wird wenig genutzt." → "Das Gesetz stammt von 1999." +
"Das Gesetz sieht hohe Gebühren vor." + "Das Gesetz wird wenig genutzt."; "The Council will monitor the trial
and has secured the right to withdraw." → "The Council will monitor the trial." + "The Council has secured …".

Only where the subject opens the sentence and stands right before the first finite verb, and nothing before
the last seam can open a clause of its own (a subordinate clause's verb is never taken for a main verb)."""

from __future__ import annotations

from .. import nouns
from ..grammar import noun_phrase_end, parse
from ..text import Tok, end_sentence, join, word_count
from .subordinate import zu_tail

NAME, KIND, LANGS = "shared_subject", "split", ("de", "en")

DE_FINITE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")
EN_FINITE = ("VBZ", "VBD", "VHZ", "VHD", "VDZ", "VDD", "VM0", "VVZ", "VVD")
_DE_SUBJECT_PRONOUNS = {"ich", "er", "sie", "es", "wir"}
_DE_NOM_ARTICLES = {"der", "die", "das", "ein", "eine", "dieser", "diese", "dieses", "unser", "unsere", "sein",
                    "seine", "ihr", "ihre", "jeder", "jede", "jedes", "kein", "keine", "viele", "alle", "beide"}
# tags that open a clause of its own (its verb must not be read as a main clause's)
_DE_CLAUSE = ("KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "PWAT", "KOKOM")
_DE_OWN_CLAUSE = tuple(c for c in _DE_CLAUSE if c != "KOKOM")     # "als" of a comparison opens none: "mehr als 30"
_EN_CLAUSE = ("CJS", "CJT", "PNQ", "DTQ", "AVQ", "TO0")
_EN_SUBJECT_START = ("AT0", "DPS", "DT0", "NP0", "NN1", "NN2", "PNP", "CRD")
_EN_PRONOUNS = {"he", "she", "it", "we", "they", "i", "this", "that", "you"}
_QUOTES = ("„", "“", "”", "\"", "(", ")", ":", ";", "–", "-")


def _german_subject(toks: list[Tok]) -> int | None:
    """Index after the subject when the sentence opens with a nominative noun phrase and the finite verb."""
    first = toks[0]
    low = first.text.lower()
    if first.tag == "PPER":
        end = 1 if low in _DE_SUBJECT_PRONOUNS else None
    elif first.tag in ("ART", "PDAT", "PPOSAT", "PIAT", "PIDAT"):
        end = noun_phrase_end(toks, 0) if low in _DE_NOM_ARTICLES else None
    elif first.tag in ("NN", "NE"):
        end = noun_phrase_end(toks, 0)
        # a bare noun: nominative only if the lexicon allows it ("Transparenzgesetze ermöglichen …")
        if end and first.tag == "NN" and nouns.features(first.text) \
                and not any(f[2] == "nom" for f in nouns.features(first.text)):
            end = None
    else:
        end = None
    if not end or end >= len(toks) or toks[end].tag not in DE_FINITE:
        return None
    if any(t.text in (",",) + _QUOTES or t.tag in _DE_CLAUSE for t in toks[:end]):
        return None
    return end


def _english_subject(toks: list[Tok]) -> int | None:
    first = toks[0]
    if first.tag not in _EN_SUBJECT_START and first.text.lower() not in _EN_PRONOUNS:
        return None
    if first.tag == "PNP" and first.text.lower() not in _EN_PRONOUNS:
        return None
    end = next((k for k, t in enumerate(toks) if t.tag in EN_FINITE), None)
    if end is None or end == 0 or end > 6:
        return None
    if any(t.text in (",",) + _QUOTES or t.tag in _EN_CLAUSE or t.tag.startswith(("VVG", "VVN", "PRP", "PRF"))
           for t in toks[:end]):
        return None
    return end


def _seams(toks: list[Tok], start: int, lang: str) -> list[tuple[int, int, str]]:
    """(first token of the seam, index of the finite verb after it, the joining word) for each ',', 'und',
    ', und' (English 'and'), ', aber' or ', sondern' before a finite verb that starts a new main clause."""
    finite = DE_FINITE if lang == "de" else EN_FINITE
    joiners = ("und", "aber", "sondern") if lang == "de" else ("and",)
    out = []
    k = start + 1
    while k < len(toks) - 2:
        t = toks[k]
        j = k + 1 if t.text == "," and toks[k + 1].text.lower() in joiners else k
        word = toks[j].text.lower()
        if word in ("aber", "sondern") and t.text != ",":
            k += 1
            continue
        # "… und plant, X zu tun": a comma after the verb only before a zu-infinitive that ends the sentence
        if (t.text == "," or word in joiners) and j + 2 < len(toks) and toks[j + 1].tag in finite \
                and (toks[j + 2].is_word or lang == "de" and zu_tail(toks, j + 2) is not None):
            out.append((k, j + 1, word if word in ("aber", "sondern") else ""))
            k = j + 1
        k += 1
    return out


def _cased(tok: Tok, first: bool) -> Tok:
    text = tok.text
    if not first and tok.tag in ("ART", "PPER", "PDAT", "PPOSAT", "PIAT", "PIDAT") and text != "Sie":
        text = text[:1].lower() + text[1:]
    return Tok(text, tok.space, tok.tag, tok.lemma)


_DE_NONFINITE = ("VV(INF)", "VA(INF)", "VM(INF)", "VV(PP)", "VA(PP)")
_EN_NONFINITE = ("VVI", "VBI", "VHI", "VDI")


def _nominative_phrase(toks: list[Tok], start: int) -> int | None:
    """Index after a noun phrase at `start` that can be a subject (German): a nominative pronoun, or an
    article and noun that agree in the nominative."""
    from ..gate import DETERMINERS
    first = toks[start]
    if first.tag == "PPER":
        return start + 1 if first.text.lower() in _DE_SUBJECT_PRONOUNS else None
    end = noun_phrase_end(toks, start)
    if end <= start:
        return None
    head = next((t for t in toks[start:end] if t.tag in ("NN", "NE")), None)
    if head is None or any(t.text in (",", "und", "oder", "sowie") for t in toks[start:end]):
        return None
    det = DETERMINERS.get(first.text.lower())
    if first.tag in ("ART", "PDAT", "PPOSAT") and det is not None:
        feats = nouns.features(head.text)
        if feats and not {f for f in det if f[2] == "nom"} & set(feats):
            return None
    elif first.tag not in ("NN", "NE"):
        return None
    return end


def _shared_verb(toks: list[Tok], ctx) -> list[str] | None:
    """One finite modal or auxiliary for two verb phrases: 'Darum muss der Senat handeln und sein Versprechen
    umsetzen.' → 'Darum muss der Senat handeln.' + 'Der Senat muss sein Versprechen umsetzen.'"""
    lang = ctx.lang
    finite = DE_FINITE if lang == "de" else EN_FINITE
    nonfinite = _DE_NONFINITE if lang == "de" else _EN_NONFINITE
    body = toks[:-1] if toks[-1].text in (".", "!") else toks
    inner = _inner_clause(body) if lang == "de" else None
    verbs = [k for k, t in enumerate(body) if t.tag in finite and not (inner and inner[0] < k < inner[1])]
    if len(verbs) != 1 or not body or lang == "de" and body[-1].tag not in nonfinite:
        return None
    v = verbs[0]
    if inner and v < inner[0]:        # a full verb has no infinitive of its own to share
        return _split_shared(toks, body, v, inner[1] + 1, ctx) if body[v].tag != "VV(FIN)" else None
    if lang == "de" and body[v].tag == "VV(FIN)" or lang == "en" and body[v].tag not in ("VM0", "VBZ", "VHZ", "VBD",
                                                                                          "VHD", "VBB", "VHB"):
        return None         # a full verb has no infinitive of its own to share
    clause = tuple(c for c in (_DE_CLAUSE if lang == "de" else _EN_CLAUSE) if c != "KOKOM")   # "als bisher"
    if any(t.text in _QUOTES + (",",) or t.tag in clause or t.tag == "PTKZU" for t in body[v:]):
        return None
    if lang == "de":        # the first verb phrase ends with its infinitive or participle before "und"
        ands = [k for k in range(v + 2, len(body) - 1) if body[k].text == "und" and body[k - 1].tag in nonfinite]
    else:                   # "will repair … and build …": the verb right after the modal and after "and"
        after = next((t for t in body[v + 1:] if t.tag != "AV0"), None)
        ands = [k for k in range(v + 2, len(body) - 1) if body[k].text == "and" and body[k + 1].tag in nonfinite] \
            if after is not None and after.tag in nonfinite else []
    if len(ands) != 1:
        return None
    return _split_shared(toks, body, v, ands[0], ctx)


def _inner_clause(body: list[Tok]) -> tuple[int, int] | None:
    """German: (comma before, comma after) a clause inside the verb phrase of a modal that closes with ", und"
    ("können prüfen, ob X geschlossen wurde, und Y anfragen"): it opens with "ob", "dass" or a w-word right
    after an infinitive, ends with its verb, and the sentence has no other comma, quotation or clause."""
    commas = [k for k, t in enumerate(body) if t.text == ","]
    if len(commas) != 2:
        return None
    c1, c2 = commas
    opener = body[c1 + 1] if c1 + 1 < len(body) else None
    if opener is None or not (opener.tag == "KOUS" and opener.text.lower() in ("ob", "dass")
                              or opener.tag in ("PWAV", "PWS")) or body[c1 - 1].tag not in _DE_NONFINITE \
            or c2 + 2 >= len(body) or body[c2 + 1].text != "und" or not body[c2 - 1].tag.startswith(("VV", "VA", "VM")):
        return None
    outside = body[:c1] + body[c2 + 1:]
    if any(t.text in _QUOTES or t.tag in _DE_OWN_CLAUSE or t.tag == "PTKZU" for t in outside) \
            or any(t.text in _QUOTES or t.tag in _DE_OWN_CLAUSE for t in body[c1 + 2:c2]):
        return None
    return c1, c2


def _split_shared(toks: list[Tok], body: list[Tok], v: int, a: int, ctx) -> list[str] | None:
    """The sentence up to "und" at `a`, and the subject (or the Vorfeld and the subject) with the finite verb at
    `v` and what follows "und"."""
    lang = ctx.lang
    first_end = a - 1 if body[a - 1].text == "," else a
    # the second verb phrase needs an object of its own: in "den Plan prüfen und ändern" both share it
    own = ("ART", "PPOSAT", "PDS", "PDAT", "PPER", "PIAT", "PIS", "NN", "NE") if lang == "de" else \
        ("AT0", "DPS", "PNP", "DT0", "NN1", "NN2", "NP0", "AJ0", "CRD")
    prep = ("APPR", "APPRART") if lang == "de" else ("PRP", "PRF")
    if not any(t.tag in own and not (k and body[k - 1].tag in prep) for k, t in enumerate(body[a + 1:], a + 1)):
        return None
    vorfeld: list[Tok] = []
    if lang == "de":
        if v == 0:
            return None
        if _german_subject(toks) == v:
            subject = toks[:v]
        else:
            end = _nominative_phrase(toks, v + 1)
            if end is None or toks[0].tag not in ("ADV", "PAV", "PROAV", "APPR", "APPRART", "ADJ(D)"):
                return None     # an object before the verb ("Den Antrag will …") belongs to both: unsure
            subject = toks[v + 1:end]
            vorfeld = toks[:v]  # said again: "Im Mai will die Stadt …" holds for both verb phrases
    else:
        end = _english_subject(toks)
        if end != v:
            return None
        subject = toks[:v]
    while len(subject) > 1 and subject[-1].tag in ("AV0", "XX0", "ADV"):
        subject = subject[:-1]
    if vorfeld:
        second = vorfeld + [body[v]] + subject + body[a + 1:]
    else:
        first = subject[0]
        lead = Tok(first.text[:1].upper() + first.text[1:], first.space, first.tag, first.lemma)
        second = [lead] + subject[1:] + [body[v]] + body[a + 1:]
    if word_count(join(body[:first_end]), lang) < 4 or word_count(join(second), lang) < 4:
        return None
    return [end_sentence(join(body[:first_end])), end_sentence(join(second))]


# what may stand before the verb and frame both clauses, so that the second says it again ("Im Mai eröffnet die
# Gemeinde … und feiert …" → "Im Mai feiert die Gemeinde …"): adverbs of time, place and sequence, and phrases
# with a preposition that never opens a verb's own object ("Auf die Frage antwortet …", "Damit rechnet …" stay)
# adverbs that say when: a framing Vorfeld, and a time of the clause's own
_WHEN = {"heute", "jetzt", "nun", "dann", "danach", "später", "bald", "bisher", "inzwischen", "seitdem", "zuletzt",
         "anschließend", "gestern", "morgen", "künftig", "zukünftig", "erstmals"}
_FRAME_ADVERBS = _WHEN | {"außerdem", "zudem", "deshalb", "daher", "deswegen", "trotzdem", "dennoch", "hier", "dort",
                          "somit"}
# (not "seit", "ab", "bis", "während": a span may hold for the first clause only — "Seit 2019 wohnt die Familie
# in Berlin und hat zwei Kinder" says nothing of the children since 2019)
_FRAME_PREPOSITIONS = {"laut", "trotz", "wegen", "nach", "gemäß", "im", "am", "beim"}


_TIME_ADVERBS = _WHEN | {"täglich", "wöchentlich", "jährlich", "zunächst", "vorher", "früher", "sofort", "wieder",
                         "noch"}
_TIME_PREPOSITIONS = {"seit", "ab", "bis", "während", "am", "im", "beim", "nach", "vor", "um", "innerhalb", "binnen"}
# verbs of a phase or a duration: a time before the first verb says when it starts, not when the second holds
_PHASE_VERBS = {"beginnen", "starten", "anfangen", "enden", "aufhören", "dauern", "laufen", "andauern", "gelten",
                "bleiben"}


def _temporal(vorfeld: list[Tok]) -> bool:
    """The Vorfeld says a time ("Heute", "Am Montag", "Seit dem Frühjahr"; not "Nach diesem", "Laut Senat")."""
    first = vorfeld[0]
    low = first.text.lower()
    if first.tag not in ("APPR", "APPRART"):
        return low in _TIME_ADVERBS
    return low in _TIME_PREPOSITIONS and not (len(vorfeld) > 1 and vorfeld[1].tag in ("PDS", "PIS"))


def _time_word(t: Tok) -> bool:
    """A word that gives the clause a time of its own ("bis Mai", "drei Wochen", "dann")."""
    low = t.text.lower()
    return t.tag == "CARD" or low in _TIME_ADVERBS or t.tag in ("APPR", "APPRART") and low in _TIME_PREPOSITIONS


def _frame_end(toks: list[Tok]) -> int | None:
    """Index after a framing Vorfeld: one adverb from `_FRAME_ADVERBS`, or one phrase with a preposition from
    `_FRAME_PREPOSITIONS` and its noun phrase."""
    first = toks[0]
    low = first.text.lower()
    if first.tag in ("ADV", "PAV", "PROAV", "ADJ(D)") and low in _FRAME_ADVERBS:
        return 1
    if first.tag in ("APPR", "APPRART") and low in _FRAME_PREPOSITIONS and len(toks) > 2:
        if toks[1].tag == "CARD" and toks[2].tag in ("NN", "NE"):
            return 3                        # "Nach 3 Jahren …"
        end = noun_phrase_end(toks, 1)
        if end > 1 and not any(t.tag in ("APPR", "APPRART") for t in toks[1:end]):
            return end
        if toks[1].tag in ("PDS", "PIS", "NE", "CARD") and first.tag == "APPR":
            return 2                        # "Nach diesem …"
    return None


def _inverted(toks: list[Tok]) -> list[str] | None:
    """German, the subject after the verb: 'Im Mai eröffnet die Gemeinde das Bad und feiert ein Fest.' →
    'Im Mai eröffnet die Gemeinde das Bad.' + 'Im Mai feiert die Gemeinde ein Fest.'. A framing Vorfeld
    (`_frame_end`), the finite verb, a noun phrase that can be the subject, and one 'und' before a second
    finite verb that has no subject of its own right after it; no comma, quotation or clause of its own."""
    body_end_ = len(toks) - 1 if toks[-1].text in (".", "!") else len(toks)
    body = toks[:body_end_]
    if any(t.text in _QUOTES + (",",) or t.tag in _DE_OWN_CLAUSE or t.tag == "PTKZU" for t in body):
        return None
    f = _frame_end(body)
    if f is None or f >= len(body) - 2 or body[f].tag not in DE_FINITE:
        return None
    end = _nominative_phrase(body, f + 1)
    if end is None:
        return None
    seams = [k for k in range(end + 1, len(body) - 2) if body[k].text == "und" and body[k + 1].tag in DE_FINITE]
    finites = [k for k, t in enumerate(body) if t.tag in DE_FINITE]
    if len(seams) != 1 or finites != [f, seams[0] + 1]:
        return None
    k = seams[0]
    rest = body[k + 2:]
    while rest and rest[0].tag in ("ADV", "ADJ(D)"):
        rest = rest[1:]
    if not rest or rest[0].tag == "PPER" and rest[0].text.lower() in _DE_SUBJECT_PRONOUNS or \
            rest[0].tag in ("ART", "PDAT", "PPOSAT", "PIAT", "PIDAT") and _nominative_phrase(rest, 0) is not None:
        return None                         # "… und beginnt der Sommer": a subject of its own may follow
    if _temporal(body[:f]) and (body[f].lemma in _PHASE_VERBS or body[k + 1].lemma in _PHASE_VERBS
                                or any(_time_word(t) for t in body[k + 2:])):
        return None     # "Am Montag beginnt der Prozess und dauert drei Wochen": the time is the start's only
    subject = [_cased(t, False) for t in body[f + 1:end]]
    second = body[:f] + [body[k + 1]] + subject + body[k + 2:]
    if word_count(join(body[:k]), "de") < 5 or word_count(join(second), "de") < 5:
        return None
    return [end_sentence(join(body[:k])), end_sentence(join(second))]


def _not_only(toks: list[Tok]) -> list[Tok] | None:
    """'… nicht nur A tun, sondern auch B tun' → '… A tun und auch B tun' (German): "nicht nur … sondern auch"
    adds B to A, so the two verb phrases split like any others and "auch" stays with the second. None when the
    sentence has no such pair (or more than one)."""
    pairs = [k for k in range(len(toks) - 1) if toks[k].text.lower() == "nicht"
             and toks[k + 1].text.lower() in ("nur", "bloß", "allein")]
    seams = [k for k in range(len(toks) - 2) if toks[k].text == "," and toks[k + 1].text.lower() == "sondern"
             and toks[k + 2].text.lower() == "auch" or toks[k].text == "," and toks[k + 1].text.lower() == "sondern"
             and toks[k + 2].tag in DE_FINITE and k + 3 < len(toks) and toks[k + 3].text.lower() == "auch"]
    if len(pairs) != 1 or len(seams) != 1 or not pairs[0] < seams[0]:
        return None
    n, c = pairs[0], seams[0]
    if not (toks[c - 1].tag in _DE_NONFINITE or toks[c + 2].tag in DE_FINITE):
        return None         # "nicht nur für A, sondern auch für B": two phrases of one clause
    return toks[:n] + toks[n + 2:c] + [Tok("und", True, "KON", "und")] + toks[c + 2:]


_EN_VERB_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VVZ", "VVD", "VVB")
_EN_AUX = ("VM0", "VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB")


def _english_not_only(toks: list[Tok]) -> list[str] | None:
    """'The scheme not only saves money but also cuts emissions.' → 'The scheme saves money.' + 'The scheme also
    cuts emissions.'; 'It will not only save X but also cut Y.' → 'It will save X.' + 'It will also cut Y.'; 'The
    park is not only a garden but also a school.' → 'The park is a garden.' + 'The park is also a school.'. The
    subject opens the sentence; both parts open alike (two verbs of the same form, or two phrases after "is");
    "not only for A but also for B" and the like stay: one clause."""
    body = toks[:-1] if toks and toks[-1].text in (".", "!") else toks
    nots = [k for k in range(len(body) - 1) if body[k].text.lower() == "not" and body[k + 1].text.lower() == "only"]
    buts = [k for k in range(len(body) - 1) if body[k].text.lower() == "but" and body[k + 1].text.lower() == "also"]
    if len(nots) != 1 or len(buts) != 1 or not nots[0] + 3 < buts[0] or buts[0] + 3 >= len(body):
        return None
    n, m = nots[0], buts[0]
    first = body[n + 2:m - 1 if body[m - 1].text == "," else m]
    second = body[m + 2:]
    if any(t.text in _QUOTES + (",",) for t in first + second) or any(t.text in _QUOTES for t in body[:n]):
        return None
    a, b = first[0], second[0]
    if a.tag in _EN_VERB_FINITE and b.tag in _EN_VERB_FINITE:       # "The scheme not only saves …"
        subject, aux = body[:n], []
    elif n and body[n - 1].tag in _EN_AUX and a.tag[:2] in ("VV", "VB", "VH", "VD") and a.tag == b.tag \
            and a.tag not in _EN_VERB_FINITE:                             # "It will not only save …"
        subject, aux = body[:n - 1], [body[n - 1]]
    elif n and body[n - 1].tag in ("VBZ", "VBD", "VBB") and a.tag in ("AT0", "AJ0", "DPS", "NN1", "NN2", "DT0") \
            and b.tag in ("AT0", "AJ0", "DPS", "NN1", "NN2", "DT0"):     # "The park is not only a garden …"
        subject, aux = body[:n - 1], [body[n - 1]]
    else:
        return None
    if not subject or subject[0].tag not in _EN_SUBJECT_START and subject[0].text.lower() not in _EN_PRONOUNS \
            or any(t.text == "," or t.tag in EN_FINITE + ("VBB", "VHB", "VVB") + _EN_CLAUSE for t in subject) \
            or len(subject) > 6:
        return None
    lead = [Tok(subject[0].text[:1].upper() + subject[0].text[1:], True, subject[0].tag)] + subject[1:]
    one, two = lead + aux + first, lead + aux + [Tok("also", True, "AV0")] + second
    if word_count(join(one), "en") < 4 or word_count(join(two), "en") < 4:
        return None
    return [end_sentence(join(one)), end_sentence(join(two))]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    if not toks:
        return None
    if ctx.lang == "en" and any(t.text.lower() == "not" for t in toks):
        found = _english_not_only(toks)
        if found:
            return found
    if ctx.lang == "de":
        toks = _not_only(toks) or toks
    end = _german_subject(toks) if ctx.lang == "de" else _english_subject(toks)
    if end is None or not _seams(toks, end, ctx.lang):
        return _shared_verb(toks, ctx) or (_inverted(toks) if ctx.lang == "de" and end is None else None)
    seams = _seams(toks, end, ctx.lang)
    if not seams:
        return None
    clause = _DE_CLAUSE if ctx.lang == "de" else _EN_CLAUSE
    head = toks[end + 1:seams[-1][0]]
    if any(t.text in _QUOTES or t.tag in clause for t in head):
        return None
    if ctx.lang == "de" and any(t.tag == "PTKZU" for t in head):
        return None
    if any(w == "sondern" for _, _, w in seams) and any(
            a.text.lower() == "nicht" and b.text.lower() in ("nur", "bloß", "allein") for a, b in zip(toks, toks[1:])):
        return None     # "nicht nur …, sondern auch …" adds, it does not replace (_not_only made it "und auch")
    finite = DE_FINITE if ctx.lang == "de" else EN_FINITE
    starts = [end] + [v for _, v, _ in seams]
    stops = [a for a, _, _ in seams]
    if any(sum(1 for t in toks[a:b] if t.tag in finite) != 1 for a, b in zip(starts, stops)):
        return None     # "This acknowledges the Council has … and is …": a second verb may own the seam
    subject = toks[:end]
    while len(subject) > 1 and subject[-1].tag in ("AV0", "XX0", "ADV"):
        subject = subject[:-1]         # "The technology unobtrusively monitors": the adverb stays with its verb
    parts = [toks[:stops[0]]]
    for n, (_, v, word) in enumerate(seams):
        part = toks[v:stops[n + 1] if n + 1 < len(stops) else len(toks)]
        if word == "sondern":
            part = [Tok(ctx.data["instead"], True), part[0]] + [_cased(t, False) for t in subject] + part[1:]
        elif word == "aber":
            part = [Tok("Aber", True)] + [_cased(t, False) for t in subject] + part
        else:
            part = subject + part
        parts.append(part)
    if any(word_count(join(p), ctx.lang) < len(subject) + 2 for p in parts):
        return None
    return [end_sentence(join(p)) for p in parts]
