"""Main clauses joined by a comma and a conjunction become two sentences: "…, aber wir …" → "… . Aber wir …";
German main clauses joined by "und" without a comma too, where the second has its own subject and the verb
second: "Der Senat beschließt den Plan und die Bezirke setzen ihn um." → "Der Senat beschließt den Plan." +
"Die Bezirke setzen ihn um."."""

from __future__ import annotations

from .. import nouns
from ..gate import D_WORDS, agreement_errors
from ..grammar import is_finite, noun_phrase_end, parse, third_person
from ..text import Tok, body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "coordination", "split", ("de", "en")


_EN_FINITE = ("VBB", "VBD", "VBZ", "VDB", "VDD", "VDZ", "VHB", "VHD", "VHZ", "VM0", "VVB", "VVD", "VVZ")
_EN_PAST = ("VBD", "VDD", "VHD", "VVD")   # "had opened" too: the new sentence then says "This helped"
_EN_SUBJECT = ("AT0", "DPS", "PNP", "NP0", "DT0", "CRD")      # a clause of its own starts with one of these


_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "’re", "'re"}
_CONTRAST = (("rather", "than"), ("instead", "of"))     # "…, rather than waiting …" belongs to the phrase before


def _contrast_at(toks, k: int) -> bool:
    return toks[k].text == "," and k + 2 < len(toks) and \
        (toks[k + 1].text.lower(), toks[k + 2].text.lower()) in _CONTRAST


def _participle(toks, ctx) -> list[str] | None:
    """English: '…, allowing them to respond.' at the end → '…' + 'This allows them to respond.' (only verbs that
    say what the whole action brings about: `result_participles`); a contrast
    after it (', rather than waiting …') stays with it, and so does a progressive form ('is taking') and a last
    ', including …' (its examples: '…, helping 200 families, including 40 with young children.' → '…' + 'This
    helps 200 families, including 40 with young children.'); after a main clause in the past the verb is past
    too ('…, helping …' → 'This helped …')."""
    examples = None     # the comma of a last ", including …": examples of the phrase before, which stay with it
    for c in range(len(toks) - 2, 2, -1):
        if toks[c].text == "," and toks[c + 1].text.lower() == "including" and examples is None:
            examples = c    # "…, acknowledging X and is taking action, including Y": look for the participle before
            continue
        if toks[c].text != "," or toks[c + 1].tag != "VVG":
            continue
        if toks[c + 1].lemma.lower() not in ctx.data["result_participles"]:
            return None     # "…, performing in both cities": the band performs, not "this"
        stop = next((k for k in range(c + 2, len(toks)) if _contrast_at(toks, k)), examples or len(toks))
        phrase = toks[c + 2:stop]
        if not any(t.tag in _EN_FINITE for t in toks[:c]) or any(t.text == "," for t in phrase) \
                or any(t.tag == "VVG" and toks[k - 1].text.lower() not in _BE for k, t in enumerate(phrase, c + 2)) \
                or any(t.tag == "VVG" for t in toks[max(0, c - 6):c]):
            return None     # a list of -ing phrases ("helping …, preventing … and launching …") is no clause
        lemma = toks[c + 1].lemma.lower()
        main = next(t for t in toks[:c] if t.tag in _EN_FINITE)
        verb = ctx.data["result_past"].get(lemma) if main.tag in _EN_PAST else third_person(lemma)
        if verb is None:
            return None
        return [end_sentence(join(toks[:c])), end_sentence(join([Tok("This", True), Tok(verb, True)] + toks[c + 2:]))]
    return None


_WITH_NP = ("AT0", "DT0", "DPS", "CRD", "ORD", "AJ0", "AJC", "AJS", "NN1", "NN2", "NP0", "POS")
_WITH_CLAUSE = ("CJS", "CJT", "PNQ", "DTQ", "AVQ", "TO0", "VVG", "VBG", "VHG", "VDG")
_WITH_FUTURE = {"next", "from", "soon", "later", "tomorrow", "coming", "until", "by", "due", "set", "expected"}
_WITH_SCOPE = {"during", "while", "whilst", "when", "once", "after", "before", "between", "throughout"}
_WITH_NOW = {"already", "still", "now", "currently", "today", "yesterday", "recently", "last", "ago"}
# a state that may hold already: "The bus will stop at the hospital, with many patients living nearby" is no
# "Many patients will live nearby"
_STATIVE = {"live", "need", "have", "know", "depend", "belong", "remain", "face", "want", "own", "wait", "expect",
            "hope", "like", "contain", "include", "mean", "seem", "stay", "struggle", "lack", "rely", "suffer", "work"}
_QUOTES = ("“", "”", "\"", "‘", "’", "'")


def _with_absolute(toks) -> list[str] | None:
    """English: '…, with X -ing …' at the end, where X is a plain noun phrase: a sentence of its own with X as
    subject and the tense of the main clause ('The hubs will open next year, with the first hub opening in
    March.' → '…' + 'The first hub will open in March.'; 'The centre offers ten courses, with most courses
    running in the evening.' → '…' + 'Most courses run in the evening.'). Only after a main clause whose first
    finite verb is "will" or a simple present (no perfect, no "is due to", no word of a later time: "The lanes
    open next month, with buses running …" says when the buses run); a past main clause, a pronoun or a list as
    X, another clause, comma or quotation in the sentence keep it as it is."""
    end = body_end(toks, (".", "!"))
    if any(t.text in _QUOTES for t in toks):
        return None
    c = next((k for k in range(2, end - 3) if toks[k].text == "," and toks[k + 1].text.lower() == "with"), None)
    if c is None:
        return None
    head, tail = toks[:c], toks[c + 2:end]
    g = next((k for k, t in enumerate(tail) if t.tag not in _WITH_NP), None)
    if not g or tail[g].tag != "VVG" or tail[g - 1].tag not in ("NN1", "NN2", "NP0") \
            or any(t.tag == "POS" for t in tail[g - 2:g]):
        return None     # "with them running …", "with residents and staff working …", "with the council's"
    rest = tail[g + 1:]
    if len([t for t in rest if t.is_word]) < 2 or any(t.tag in _EN_FINITE + _WITH_CLAUSE or t.text in (",", ";", ":", "(", ")", "-", "–", "—") for t in rest):
        return None
    if any(t.text in (";", ":", "(", ")", "-", "–", "—") or t.tag in _WITH_CLAUSE for t in head) \
            or head[0].tag in ("CJS", "PRP", "AV0") or "that" in (t.text.lower() for t in head):
        return None     # "If the council opens …, with …", "… that opens …, with …": not the main clause's tense
    if any(t.text.lower() in _WITH_SCOPE for t in head):
        return None     # "… open during the holidays, with volunteers serving …": the time holds for both
    finite = next((t for t in head if t.tag in _EN_FINITE), None)
    if finite is None or word_count(join(head), "en") < 6:
        return None
    subject, verb = tail[:g], tail[g]
    plural = subject[-1].tag == "NN2"
    if any(t.text.lower() in _WITH_NOW for t in tail):
        return None     # "…, with residents already asking for …": the -ing holds now, not in the main clause's time
    if finite.tag == "VM0" and finite.text.lower() in ("will", "’ll", "'ll") and verb.lemma.lower() not in _STATIVE:
        form = ["will", verb.lemma.lower()]
    elif finite.tag in ("VVZ", "VVB", "VBZ", "VBB") and not any(t.text.lower() in _WITH_FUTURE for t in toks):
        form = [verb.lemma.lower() if plural else third_person(verb.lemma.lower())]
    else:
        return None     # past ("with the largest serving …" would need "was serving" or a past form), perfect, modal
    if not verb.lemma.isalpha() or verb.lemma.lower() == verb.text.lower():
        return None
    sentence = join(subject + [Tok(w, True) for w in form] + rest)
    return [end_sentence(join(head)), end_sentence(capitalize(sentence))]


_PLAIN_NP = ("AT0", "DT0", "DPS", "CRD", "ORD", "AJ0", "AJC", "AJS", "NN1", "NN2", "NP0", "CJC")
_VERB_PREPOSITIONS = {"for", "on", "in", "into", "with", "to", "from", "at"}
_VERB_REST = ("VVI", "VVN", "VVG", "VBI", "VBN", "VHI")
_TIME = {"this", "today", "tomorrow", "tonight", "yesterday", "last", "week", "weeks", "month", "months", "year",
         "years", "weekend", "spring", "summer", "autumn", "winter", "season", "day", "days", "monday", "tuesday",
         "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
         "june", "july", "august", "september", "october", "november", "december", "since", "already"}


def _as_well_as(toks) -> list[str] | None:
    """English: 'S V O, as well as X.' at the end, where the clause is only a subject, its verb (with one
    preposition after it) and a plain noun phrase, and X a plain noun phrase: 'S V O.' + 'S also V X.' ('The fund
    pays for books, games and sports kits, as well as laptops and printers.' → '… .' + 'The fund also pays for
    laptops and printers.'). Any other phrase before the comma ('lessons for older residents', 'next spring')
    keeps the sentence: X might belong to it, or the time might hold for X too; so do an -ing form after "as
    well as", a quotation, or a subject that is no plain noun phrase or pronoun."""
    end = body_end(toks, (".", "!"))
    if any(t.text in _QUOTES for t in toks):
        return None
    c = next((k for k in range(3, end - 4) if toks[k].text == "," and
              [t.text.lower() for t in toks[k + 1:k + 4]] == ["as", "well", "as"]), None)
    if c is None:
        return None
    extra = toks[c + 4:end]
    if not extra or any(t.tag not in _PLAIN_NP for t in extra) or not any(t.tag.startswith("NN") for t in extra) \
            or extra[-1].tag in ("CJC", "AT0", "DPS", "AJ0"):
        return None     # "…, as well as helping …", "…, as well as in the parks"
    v = next((k for k, t in enumerate(toks[:c]) if t.tag in _EN_FINITE), None)
    if not v or any(t.tag not in _PLAIN_NP[:-1] + ("PNP", "POS") for t in toks[:v]):
        return None
    if toks[0].tag == "PNP" and (v != 1 or toks[0].text.lower() not in ("we", "it", "they", "i", "he", "she")):
        return None
    o = v + 1
    while o < c and toks[o].tag in _VERB_REST:
        o += 1
    if o < c and toks[o].tag == "PRP" and toks[o].text.lower() in _VERB_PREPOSITIONS and toks[o - 1].tag.startswith("VV"):
        o += 1          # "pays for", "invest in"; not "planted over 300 trees": "over" belongs to the number
    obj = toks[o:c]
    if not obj or any(t.tag not in _PLAIN_NP and not (t.text == "," and any(x.tag == "CJC" for x in obj[i:]))
                      for i, t in enumerate(obj)) or not any(t.tag.startswith("NN") for t in obj) \
            or any(t.text.lower() in _WITH_FUTURE | _WITH_SCOPE | _TIME for t in obj + extra):
        return None     # "… planted 300 trees this winter, as well as …": the time may hold for both or not
    if word_count(join(toks[:c]), "en") < 6:
        return None
    finite = toks[v]
    verb = toks[v:o]
    if finite.tag.startswith("VV"):
        group = [Tok("also", True)] + verb
    else:
        group = [finite, Tok("also", True)] + verb[1:]
    subject = toks[:v]
    return [end_sentence(join(toks[:c])), end_sentence(capitalize(join(subject + group + extra)))]


def _english_clause(head, tail) -> bool:
    """Both sides of ', and/but/so …' are main clauses: a finite verb before the comma, and after the conjunction
    a subject and its finite verb (no "that", "if", "with" or list item after the conjunction)."""
    verb = next((j for j, t in enumerate(tail[1:7], 1) if t.tag in _EN_FINITE), None)
    if verb is None or verb == 1 or any(t.tag.startswith(("VVG", "VVN")) for t in tail[1:verb]) \
            or any(t.text == "," for t in head[-4:]):
        return False    # "…, and serves …": no subject of its own; "…, Gandi, Dreamhost, and Digital Ocean
        # helping sites move …": the end of a list
    if tail[1].text.lower() == "that":
        return False    # ", so that people can …" says what for: no main clause after "so"
    return any(t.tag in _EN_FINITE for t in head) and tail[1].tag not in (
        "CJS", "CJT", "PRP", "PRF", "VVG") and not any(t.text == "," for t in tail[1:verb])


def _and_clause(toks, ctx) -> list[str] | None:
    """English: 'X will help and RHP will continue …' → 'X will help.' + 'RHP will continue …'."""
    if toks and toks[0].tag == "CJS":
        return None         # "As people …, and as more people …, this demand …": the clauses hang together
    if toks and toks[0].tag in ("PRP", "AV0", "AVQ") and any(t.text == "," for t in toks[:8]):
        return None         # "Between 2003 and 2012, A called … and B visited …": the opening phrase is both's
    for k in range(3, len(toks) - 4):
        bare_subject = toks[k + 1].tag in ("NN1", "NN2") and toks[k + 2].tag in _EN_FINITE   # "and offences can"
        if toks[k].text.lower() != "and" or not (toks[k + 1].tag in _EN_SUBJECT or bare_subject or
                                                   (toks[k + 1].text.isupper() and len(toks[k + 1].text) > 1)):
            continue
        head, tail = toks[:k], toks[k + 1:]
        opener = max((j for j, t in enumerate(head) if t.tag in ("CJS", "CJT") or t.text.lower() == "that"), default=-1)
        if opener >= 0 and not any(t.tag in _EN_FINITE for t in head[opener + 1:]):
            continue        # "… signs so that walkers and cyclists know …": the "and" joins the clause's subject
        first_verb = next((j for j, t in enumerate(tail) if t.tag in _EN_FINITE), None)
        if first_verb is None or first_verb > 4 or not any(t.tag in _EN_FINITE for t in head) \
                or any(t.tag.startswith(("VVG", "VVN", "PNQ")) or t.text in (",", "that", "which", "who")
                       for t in tail[:first_verb]):
            continue
        # "the way a school promotes …", "the risks they pose": a clause inside the noun phrase, no subject;
        # "Fastly, Duda and ReliableSite.net are …": the last item of a list, no clause of its own
        if any(t.tag in _EN_SUBJECT[:4] for t in tail[1:first_verb]) or any(t.text == "," for t in head[-4:-1 if head[-1].text == "," else None]):
            continue
        if word_count(join(head), "en") < 5 or word_count(join(tail), "en") < 4:
            continue
        return [end_sentence(join(head).rstrip(",")), end_sentence(capitalize(join(tail)))]
    return None


# tags that open a clause of their own: before such a word an "und" may join verb-final clauses
_DE_CLAUSE = ("KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "PWAT")
_DE_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")


def _past_attribute_clause(tail, end: int) -> int:
    """After the subject's noun phrase, a clause between commas that belongs to its noun ("die Chancen, dass die
    Wahl gelingt, sind …", "die Stadt, die das Bad baut, hat …"): the index after its closing comma when that
    clause opens with "dass", "ob" or a relative pronoun, ends with its verb and holds no other comma,
    quotation or clause; else `end` as it was."""
    if not end or end + 2 >= len(tail) or tail[end].text != "," or not (
            tail[end + 1].tag == "KOUS" and tail[end + 1].text.lower() in ("dass", "ob") or tail[end + 1].tag == "PRELS"):
        return end
    c = next((k for k in range(end + 2, len(tail)) if tail[k].text in _DE_STOP), None)
    if c is None or tail[c].text != "," or c + 1 >= len(tail) or not tail[c - 1].tag.startswith(("VV", "VA", "VM")) \
            or any(x.tag in _DE_CLAUSE for x in tail[end + 2:c]):
        return end
    return c + 1


def _german_and(toks) -> list[str] | None:
    """'A tut X und B tut Y.' → 'A tut X.' + 'B tut Y.': the part before "und" is one main clause (a finite
    verb, no comma, no word that opens another clause); after "und" a noun phrase, its finite verb, and
    more words after the verb (so the clause is no verb-final one)."""
    for k, t in enumerate(toks):
        if t.text != "und" or k < 3:
            continue
        head, tail = toks[:k], toks[k + 1:]
        if not any(is_finite(x) for x in head) or any(x.text in _DE_STOP or x.tag in _DE_CLAUSE for x in head):
            return None
        if head[0].tag in _DE_CLAUSE or not tail or tail[0].tag not in ("ART", "PDAT", "PPOSAT", "PPER", "NN", "NE"):
            continue
        if tail[0].tag == "PPER" and tail[0].text.lower() not in ("ich", "er", "sie", "es", "wir"):
            continue
        end = noun_phrase_end(tail, 0)
        while end and end + 1 < len(tail) and tail[end].tag in ("APPR", "APPRART") \
                and noun_phrase_end(tail, end + 1) > end + 1:
            end = noun_phrase_end(tail, end + 1)      # "die Frist für Behörden ist …"
        end = _past_attribute_clause(tail, end)         # "die Chancen, dass X gelingt, sind …"
        if not end or end + 1 >= len(tail) or not is_finite(tail[end]) \
                or not any(x.is_word for x in tail[end + 1:]):
            continue
        if word_count(join(head), "de") < 4 or word_count(join(tail), "de") < 4:
            continue
        return [end_sentence(join(head)), end_sentence(capitalize(join(tail)))]
    return None


def _german_splice(toks) -> list[str] | None:
    """'A gilt bisher, das will B ändern.' → 'A gilt bisher.' + 'Das will B ändern.': after the comma "das" or
    "dies", an auxiliary or modal right after it and the verb bracket closed at the end (a relative clause
    would put its finite verb last)."""
    end = body_end(toks)
    for c in range(3, end - 4):
        if toks[c].text != "," or toks[c + 1].text.lower() not in ("das", "dies") \
                or toks[c + 2].tag not in ("VA(FIN)", "VM(FIN)") \
                or toks[end - 1].tag not in ("VV(INF)", "VV(PP)", "VA(INF)", "VA(PP)", "VM(INF)"):
            continue
        head, tail = toks[:c], toks[c + 1:]
        if not any(is_finite(x) for x in head) or any(x.text in _DE_STOP or x.tag in _DE_CLAUSE for x in head) \
                or any(x.text in _DE_STOP or x.tag in _DE_CLAUSE for x in toks[c + 3:end]):
            return None
        return [end_sentence(join(head)), end_sentence(capitalize(join(tail)))]
    return None


_DE_NOMINATIVE = {"ich", "du", "er", "sie", "es", "wir", "ihr"}


def _adverbial_end(tail) -> int:
    """Index after the prepositional phrase that opens `tail` ("an der Abendkasse", "im Anschluss"); 0 when
    there is none or its article may be a relative pronoun: after "in der", "mit dem" the noun must be one the
    lexicon knows and fit the article in the preposition's case ("…, in der Kinder spielen" opens a relative
    clause)."""
    end = noun_phrase_end(tail, 1)
    if end <= 1:
        return 0
    if tail[0].tag == "APPR" and tail[1].text.lower() in D_WORDS:
        noun = next((x for x in tail[2:end] if x.tag in ("NN", "NE")), None)
        if noun is None or not nouns.features(noun.text) or agreement_errors(tail[:end]):
            return 0
    return end


def _german_comma_splice(toks, ctx) -> list[str] | None:
    """'A geschieht, B geschieht auch.' → two sentences: two main clauses joined by a comma alone. Before the
    comma a main clause (a finite verb, no subordinate clause, no verb that takes a clause without "dass":
    "Er sagt, die Stadt hat kein Geld" stays); after it a subject (a pronoun in the nominative or a noun
    phrase), an adverb from `clause_openers` or a prepositional phrase, then the finite verb — second, so it is
    no relative or verb-final clause — and more words after it, not in the Konjunktiv I."""
    end = body_end(toks)
    takes_clause = set(ctx.data["say_verbs"]) | set(ctx.data["colon_verbs"])
    for c in range(3, end - 3):
        if toks[c].text != ",":
            continue
        head, tail = toks[:c], toks[c + 1:end]
        # commas of a list may stand before ("Redner aus A, B und C, zuletzt spricht …"), no other mark
        if not any(is_finite(x) for x in head) or any(x.text in _DE_STOP and x.text != "," or x.tag in _DE_CLAUSE
                                                      for x in head):
            return None
        particle = head[-1].text if head[-1].tag == "PTKVZ" else ""     # "findet … statt" is no "finden"
        if any((particle + x.lemma if particle and is_finite(x) else x.lemma) in takes_clause for x in head):
            return None
        if any(x.text in _DE_STOP or x.tag in _DE_CLAUSE for x in tail):
            continue
        first = tail[0]
        if first.tag == "PPER" and first.text.lower() in _DE_NOMINATIVE or \
                first.tag in ("ADV", "PROAV") and first.text.lower() in ctx.data["clause_openers"]:
            v = 1
        elif first.tag in ("APPR", "APPRART"):
            v = _adverbial_end(tail)
        elif first.tag in ("ART", "PDAT", "PPOSAT", "PIAT", "NE", "NN"):
            v = noun_phrase_end(tail, 0)     # "…, das Kinder lieben": the gate refuses "Das Kinder lieben"
        else:
            continue
        words = [x for x in tail if x.is_word]
        if not v or v + 1 >= len(tail) or not is_finite(tail[v]) \
                or tail[v].text.lower() in ctx.data["konjunktiv"] \
                or not any(x.is_word and not x.tag.startswith(("VV", "VA", "VM")) for x in tail[v + 1:]) \
                or words[-1].tag.startswith(("VV", "VA", "VM")) and any(x.text in ("und", "oder") for x in tail[v:]):
            continue            # "…, die viele Vereine nutzen und die Schulen brauchen": verb-final clauses
        if word_count(join(head), "de") < 4 or word_count(join(tail), "de") < 4:
            continue
        return [end_sentence(join(head)), end_sentence(capitalize(join(toks[c + 1:])))]
    return None


def _clause_after(tail) -> bool:
    """German: the words after the conjunction hold a finite verb of their own, not only one right after a
    later comma ("aber nicht mit B, können Wähler …": that verb opens the main clause after a condition)."""
    v = next((k for k, x in enumerate(tail) if is_finite(x)), None)
    return v is not None and not (v and tail[v - 1].text == ",")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    if ctx.lang == "en":
        found = _participle(toks, ctx) or _with_absolute(toks) or _as_well_as(toks) or _and_clause(toks, ctx)
        if found:
            return found
    if ctx.lang == "de":
        found = _german_and(toks) or _german_splice(toks) or _german_comma_splice(toks, ctx)
        if found:
            return found
    for c, t in enumerate(toks[:-1]):
        nxt = toks[c + 1]
        if t.text != "," or nxt.text.lower() not in ctx.data["coordination"]:
            continue
        head, tail = toks[:c], toks[c + 1:]
        if word_count(join(head), ctx.lang) < 3 or word_count(join(tail), ctx.lang) < 4:
            continue
        if ctx.lang == "de" and not (any(is_finite(x) for x in head) and _clause_after(tail[1:])) \
                or ctx.lang == "de" and toks[c - 1].tag == "TRUNC":
            continue    # "nur mit Industrie-, aber nicht mit Umweltvertretern, können …": no clause after "aber"
        if ctx.lang == "en" and not _english_clause(head, tail):
            continue
        if ctx.lang == "en" and nxt.text.lower() == "and":
            tail = tail[1:]     # "…, and so we …" → "So we …": a new sentence needs no "and"
        return [end_sentence(join(head)), end_sentence(capitalize(join(tail)))]
    return None
