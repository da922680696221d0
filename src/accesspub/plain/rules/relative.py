"""Relative clauses become sentences of their own where the rule is sure: a comma, a relative pronoun
that surely refers to the noun before the comma (gender and number from the lexicon, no coordination),
the verb at the end. "Die Stellen, die die Kommunen unterstützen, …"
→ "Die Stellen …" + "Diese Stellen unterstützen die Kommunen."."""

from __future__ import annotations

from .. import nouns
from ..grammar import as_demand, finite_last, is_noun, is_verb, parse, to_main_clause
from ..text import Tok, body_end, end_sentence, join, word_count

NAME, KIND, LANGS = "relative", "split", ("de", "en")
_BOUNDARY = (",", ".", "!", "?", ";", ":", "“", "”")


def _clause_end(toks: list[Tok], start: int) -> int:
    k = start
    while k < len(toks) and toks[k].text not in _BOUNDARY:
        k += 1
    return k


_PRONOUN = {"der": {("m", "sg")}, "die": {("f", "sg"), ("pl", "pl")}, "das": {("n", "sg")}}


def _readings(noun: Tok, pronoun: str) -> set:
    """The gender–number readings of a noun that fit the relative pronoun (lexicon)."""
    return {(g, n) for g, n, _ in nouns.features(noun.text)} & _PRONOUN[pronoun]


def _matches(noun: Tok, pronoun: str) -> bool:
    """The antecedent's gender and number fit the relative pronoun (lexicon), so the reference is sure."""
    return bool(_readings(noun, pronoun))


def _ambiguous(toks: list[Tok], c: int, pronoun: str) -> bool:
    """The clause could belong to more than the noun before the comma: a coordination ("Journalisten und
    Bürgerrechtler, die …") or a noun it is attached to that fits the pronoun too ("dem Volksbegehren für ein
    Transparenzgesetz, das …")."""
    k = c - 2
    while k >= 0 and toks[k].tag in ("ADJ(A)", "ART", "CARD", "PPOSAT", "PIAT", "ADV", "TRUNC"):
        k -= 1
        if toks[k + 1].tag in ("ART", "PPOSAT"):
            break           # the phrase starts at its article: "seit 2012 ein Gesetz" hangs on no noun
    if k >= 0 and (toks[k].text in (",", "und", "oder", "sowie", "bzw.") or toks[k].tag == "KON"):
        return True
    if k >= 0 and toks[k].tag in ("APPR", "APPRART"):
        for j in range(k - 1, max(-1, k - 5), -1):
            if toks[j].tag.startswith(("VV", "VA", "VM")) or toks[j].text == ",":
                break       # "die Käuferin verpflichtet sich zu Maßnahmen, die …": the phrase hangs on the verb
            if is_noun(toks[j]) and _matches(toks[j], pronoun):
                return True
    if k >= 1 and toks[k + 1].text.lower() in _GENITIVE and toks[k + 1].tag in ("ART", "PPOSAT", "PDAT") \
            and is_noun(toks[k]) and toks[k].tag != "NE" \
            and _readings(toks[k], pronoun) & _readings(toks[c - 1], pronoun):
        return True         # "die Halle der Stadt, die …": the noun the genitive hangs on fits as well
        # ("die Schätzung der Kosten, die …": singular and plural, the nearer noun as everywhere else)
    return False


# the last word of a main clause before an extraposed relative clause ("… schicken wir dir Listen zu, die …")
_CLAUSE_END = ("PTKVZ", "VV(PP)", "VA(PP)", "VV(INF)", "VA(INF)", "VM(INF)")


def _extraposed(toks: list[Tok], c: int, pronoun: str, readings: set | None = None) -> Tok | None:
    """The antecedent of a relative clause after the end of the main clause: the one noun of that clause that
    fits the pronoun (none or two: unsure, None). Not after a subordinate clause or a quotation — except a
    dass-clause that starts right after a comma ("…, dass Berlin ein Gesetz einführt, durch das …": the
    clause is extraposed from the dass-clause, and only its nouns can take it). `readings`: the gender, number
    and case a noun after a preposition must have (`_AFTER_PREPOSITION`)."""
    start = max((k + 1 for k in range(c) if toks[k].text in _BOUNDARY + (",", "„")), default=0)
    clause = toks[start:c]
    if clause and clause[0].text == "dass" and start > 0 and toks[start - 1].text == ",":
        clause = clause[1:]
    if any(t.tag in ("KOUS", "PRELS", "PWAV", "KOUI", "PTKZU") for t in clause):
        return None
    fits = [t for t in clause if is_noun(t) and t.tag != "NE" and t.tag != "PPER"
            and (nouns.features(t.text) & readings if readings else _matches(t, pronoun))]
    others = [t for t in clause if t.tag in ("NN", "NE") and t not in fits]
    if len(fits) != 1:
        return None
    last = max(k for k, t in enumerate(clause) if t.tag in ("NN", "NE"))
    if any(t.tag == "NE" for t in others) and not (readings and clause[last] is fits[0]):
        return None     # a name may take the clause too; after a preposition only the last noun is sure
    return fits[0]


_GENITIVE = {"des", "eines", "dieses", "seines", "ihres", "unseres", "meines", "keines", "jedes",
             "der", "einer", "dieser", "seiner", "ihrer", "unserer", "meiner", "keiner"}


def _genitive_head(toks: list[Tok], c: int, pronoun: str) -> Tok | None:
    """The antecedent when the noun before the comma does not fit the pronoun: the noun before a genitive
    attribute ("eine Regelung des Gesetzes Berlin, die …": neither "Gesetzes" nor "Berlin" fits "die") or the
    noun before a name ("des Bündnisses Volksentscheid Transparenz, das …"), when no other noun fits."""
    k = c - 1
    while k > 0 and (is_noun(toks[k]) or toks[k].tag in ("ADJ(A)", "CARD")):
        k -= 1
    phrase = [t for t in toks[k + 1:c] if is_noun(t)]
    if k < 1 or not phrase or toks[k].tag not in ("ART", "PPOSAT", "PDAT"):
        return None
    fitting = [t for t in phrase if t.tag != "NE" and _matches(t, pronoun)]
    if not fitting:         # a genitive attribute that does not fit: the noun before it
        head = toks[k - 1]
        if toks[k].text.lower() not in _GENITIVE or not is_noun(head) or head.tag == "NE" \
                or not _matches(head, pronoun) or _ambiguous(toks, k, pronoun):
            return None
        return head
    if fitting != phrase[:1] or len(phrase) < 2 or _ambiguous(toks, k + 2, pronoun):
        return None         # more than one noun fits, or the fitting one is not the first: unsure
    return fitting[0]


def _nominative(noun: Tok, pronoun: str) -> str | None:
    """The antecedent in the nominative for "Dieser/Diese/Das …" ("des Gesetzentwurfes" → "Gesetzentwurf")."""
    wanted = _PRONOUN[pronoun]
    feats = nouns.features(noun.text)
    if any((g, n) in wanted and case == "nom" for g, n, case in feats) or not nouns.known(noun.text):
        return noun.text
    for _, number in sorted(wanted):
        form = nouns.nominative(noun.text, number)
        if form and any((g, n) in wanted and case == "nom" for g, n, case in nouns.features(form)):
            return form
    return None


# a relative pronoun after a preposition → (the readings it allows, the demonstrative that replaces it):
# "…, durch das die Verwaltung …" → "Durch dieses Gesetz …"
_AFTER_PREPOSITION = {"dem": ({("m", "sg", "dat"), ("n", "sg", "dat")}, "diesem"),
                      "der": ({("f", "sg", "dat")}, "dieser"),
                      "den": ({("m", "sg", "acc")}, "diesen"),
                      "das": ({("n", "sg", "acc")}, "dieses"),
                      "die": ({("f", "sg", "acc"), ("pl", "pl", "acc")}, "diese"),
                      "denen": ({("pl", "pl", "dat")}, "diesen")}
_PREPOSITIONS = {"in", "an", "auf", "bei", "mit", "durch", "für", "über", "unter", "von", "zu", "nach", "aus",
                 "vor", "neben", "gegen", "um", "ohne", "hinter", "zwischen"}


_NEGATIVE = {"kein", "keine", "keinen", "keinem", "keiner", "keines"}
_INDEFINITE = {"ein", "eine", "einen", "einem", "einer", "eines"}


def _determiner(toks: list[Tok], antecedent: Tok) -> str:
    """The determiner of the antecedent's noun phrase ("" for a bare noun)."""
    k = next((i for i, t in enumerate(toks) if t is antecedent), None)
    if k is None:
        return ""
    j = k - 1
    while j >= 0 and toks[j].tag in ("ADJ(A)", "ADJ(D)", "ADV", "CARD", "TRUNC"):
        j -= 1
    return toks[j].text.lower() if j >= 0 and toks[j].tag in ("ART", "PIAT", "PIDAT", "PPOSAT", "PDAT") else ""


def _mood(toks: list[Tok], c: int, antecedent: Tok, ctx) -> str | None:
    """How the relative clause holds once it is a sentence of its own: "fact"; "should" for a noun not yet there
    — indefinite, in a clause of need, search, demand or supposition ("Wir brauchen ein Gesetz, das die Daten
    schützt" → "Das Gesetz soll die Daten schützen"); None for a noun whose existence the sentence denies ("Es
    gibt kein Gesetz, das X regelt": no sentence may say what it regulates)."""
    data = ctx.data["hypothetical"]
    head, det = toks[:c], _determiner(toks, antecedent)
    if det in _NEGATIVE or any(t.lemma in data["absent"] for t in head):
        return None
    if det not in _INDEFINITE and det:
        return "fact"
    if any(t.text.lower() in ctx.data["negation"] and t.tag != "APPR" for t in head):
        return None         # "Es gibt nicht genug Wohnungen, die …"
    appeal = head and head[0].text == "Es" and any(t.text in ctx.data["appeal_words"] for t in head)
    if appeal or any(t.lemma in data["verbs"] or t.text.lower() in data["forms"] for t in head):
        return "should"
    return "fact"


def _as_mood(body: list[Tok], mood: str, ctx) -> list[Tok] | None:
    return body if mood == "fact" else as_demand(body, ctx.data["appeal_verbs"]["modal"])


def _prepositional(toks: list[Tok], c: int, ctx) -> list[str] | None:
    """'…, ein Portal, in dem die Stadt X zeigt.' → '… ein Portal.' + 'In diesem Portal zeigt die Stadt X.':
    the noun right before the comma is the antecedent (its form fits the pronoun's case, gender and number,
    nothing before it could take the clause), the clause runs to the end of the sentence."""
    prep, rel, antecedent = toks[c + 1], toks[c + 2], toks[c - 1]
    if prep.text not in _PREPOSITIONS or rel.text not in _AFTER_PREPOSITION or rel.tag not in ("PRELS", "ART", "PDS"):
        return None
    readings, demonstrative = _AFTER_PREPOSITION[rel.text]
    pronoun = {"dem": "der", "der": "die", "den": "der", "das": "das", "die": "die", "denen": "die"}[rel.text]
    if antecedent.tag in _CLAUSE_END or antecedent.tag.endswith("(FIN)"):
        # "…, dass Berlin ein Gesetz einführt, durch das …": the one noun of the clause before that fits
        antecedent = _extraposed(toks, c, pronoun, readings)
        if antecedent is None:
            return None
        noun = _nominative(antecedent, pronoun)
        if noun is None or not nouns.features(noun) & readings:
            return None     # the noun in the form the preposition demands ("durch das" → "durch dieses Gesetz")
    elif antecedent.tag != "NN" or not (nouns.features(antecedent.text) & readings) or _ambiguous(toks, c, pronoun):
        return None
    else:
        noun = antecedent.text
    mood = _mood(toks, c, antecedent, ctx)
    end = body_end(toks)
    body = finite_last(toks[c + 3:end])
    if mood is None or len(body) < 3 or any(t.text in _BOUNDARY + ("(", ")", "–", "-") for t in body) \
            or not is_verb(body[-1]):
        return None
    body = _as_mood(body, mood, ctx)
    if body is None:
        return None
    antecedent = Tok(noun, True, antecedent.tag, antecedent.lemma)
    vorfeld = [Tok(prep.text.capitalize(), True), Tok(demonstrative, True), Tok(antecedent.text, True)]
    clause = to_main_clause(body, vorfeld)
    if not clause:
        return None
    return [end_sentence(join(toks[:c])), end_sentence(join(clause))]


def _infinitive_after(toks: list[Tok], end: int) -> int | None:
    """End of a zu-infinitive phrase right after the relative clause's closing comma at `end` (it belongs to
    the clause: "…, der sich dafür einsetzt, mehr Bäume zu pflanzen"), None when something else follows."""
    if end >= len(toks) or toks[end].text != ",":
        return None
    stop = _clause_end(toks, end + 1)
    phrase = toks[end + 1:stop]
    if not phrase or any(t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV") for t in phrase):
        return None
    zu = phrase[-1].tag == "VV(IZU)" or len(phrase) > 1 and phrase[-2].tag == "PTKZU"
    return stop if zu else None


def _german(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    for c, t in enumerate(toks):
        if t.text != "," or c == 0 or c + 2 >= len(toks):
            continue
        if c + 3 < len(toks) and toks[c + 1].tag == "APPR":
            found = _prepositional(toks, c, ctx)
            if found:
                return found
            continue
        rel = toks[c + 1]
        if rel.text not in _PRONOUN or rel.tag not in ("PRELS", "ART") or is_verb(toks[c + 2]):
            continue
        antecedent = toks[c - 1]
        if toks[c - 1].tag in _CLAUSE_END:
            antecedent = _extraposed(toks, c, rel.text)
            if antecedent is None:
                continue
        elif not is_noun(antecedent) or antecedent.tag == "NE" or not _matches(antecedent, rel.text):
            antecedent = _genitive_head(toks, c, rel.text)
            if antecedent is None:
                continue
        elif _ambiguous(toks, c, rel.text):
            continue
        end = _clause_end(toks, c + 2)
        body = finite_last(toks[c + 2:end])
        if not body or not is_verb(body[-1]) or (end < len(toks) and toks[end].text in (":", "“", "”")):
            continue
        tail: list[Tok] = []
        stop = _infinitive_after(toks, end)
        if stop:            # "…, der sich dafür einsetzt, mehr Bäume zu pflanzen": the infinitive goes with it
            tail, end = toks[end:stop], stop
        if end + 1 < len(toks) and toks[end].text == "," and (toks[end + 1].tag in ("KOUS", "PTKZU", "KOUI")
                                                             or toks[end + 1].text.lower() in ("dass", "ob", "zu")):
            continue    # "…, der als Folge haben könnte, dass …": the clause goes on after the comma
        rest = toks[:c] + (toks[end + 1:] if end < len(toks) and toks[end].text == "," else toks[end:])
        noun = _nominative(antecedent, rel.text)
        mood = _mood(toks, c, antecedent, ctx)
        if noun is None or mood is None:
            continue
        body = _as_mood(body, mood, ctx)
        if body is None:
            continue
        vorfeld = [Tok(ctx.data["relative"][rel.text], True), Tok(noun, True)]
        clause = to_main_clause(body, vorfeld)
        if not clause:
            continue
        return [end_sentence(join(rest)), end_sentence(join(clause + tail))]
    return None


_EN_NAME = ("NN1", "NN0", "NN2", "NP0", "AJ0", "CRD")
_EN_VERB_FORMS = ("VV", "VB", "VH", "VD", "VM")


_DAYS_MONTHS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _time_start(toks: list[Tok], c: int, phrases: list[str]) -> int:
    """Index where the time phrases that end at the comma `c` start ("… for the first time this year, which");
    `c` itself when none ends there. A time phrase is never what a which-clause is about."""
    start = c
    while True:
        low = [t.text.lower() for t in toks[:start]]
        n = next((len(p.split()) for p in sorted(phrases, key=lambda p: -len(p.split()))
                  if low[-len(p.split()):] == p.split()), 0)
        if not n and start >= 2 and low[start - 2] in ("in", "during") and low[start - 1].isdigit() \
                and len(low[start - 1]) == 4:
            n = 2       # "in 2020"
        if not n and start >= 2 and low[start - 1] in _DAYS_MONTHS \
                and low[start - 2] in ("on", "in", "last", "next", "until", "from", "since", "by"):
            n = 2       # "on Friday", "in May", "last Monday"
        if not n and start >= 3 and low[start - 1] in _DAYS_MONTHS and low[start - 2].isdigit() \
                and low[start - 3] in ("on", "from", "until"):
            n = 3       # "on 3 May"
        if not n or n >= start:
            return start
        start -= n


def _named_antecedent(toks: list[Tok], s: int) -> tuple[int, int] | None:
    """(start, end) of a name right before `s` ("the Carbon Disclosure Project"), with its article, that hangs
    on the verb (after a verb, or after a preposition that follows a verb or "take part"); None otherwise: a
    name after "of", after a noun's preposition or in a list may not be what the clause is about."""
    k = s
    while k > 0 and toks[k - 1].tag in _EN_NAME and toks[k - 1].text[:1].isupper() and k - 1 > 0:
        k -= 1
    if k == s or toks[s - 1].tag not in ("NN1", "NN0", "NP0"):
        return None
    j = k
    while j > 1 and toks[j - 1].tag in ("AJ0", "ORD") and toks[j - 1].text.islower():
        j -= 1          # "the new Riverside Centre"
    if toks[j - 1].text.lower() == "the":
        k = j
    start = k - 1 if toks[k - 1].text.lower() == "the" else k
    before = toks[start - 1] if start else None
    if before is None or before.text in (",", "and", "or") or before.tag == "PRF":
        return None
    if before.tag == "PRP":
        verb = toks[start - 2] if start >= 2 else None
        if verb is None or not (verb.tag.startswith(_EN_VERB_FORMS) or verb.text.lower() == "part"):
            return None
    elif not before.tag.startswith(_EN_VERB_FORMS):
        return None
    return start, s


def _clause_verb(body: list[Tok]) -> Tok | None:
    """The first verb of a which-clause, the full verb after a modal ("will see" → "see")."""
    verbs = [t for t in body if t.tag.startswith(_EN_VERB_FORMS)]
    if not verbs:
        return None
    if verbs[0].tag == "VM0" and len(verbs) > 1:
        return verbs[1]
    return verbs[0]


def _after_time(toks: list[Tok], c: int, body: list[Tok], ctx) -> str | None:
    """The subject for a which-clause after a time phrase: the name before the time phrase ("The Council took
    part in the Carbon Disclosure Project for the first time, which rates …" → "The Carbon Disclosure Project
    rates …"). None when no such name hangs on the verb, or when the clause may be about the whole action
    ("…, which is great news", "…, which means …": `sentential_which_verbs`)."""
    s = _time_start(toks, c, ctx.data["time_phrases"])
    if s == c:
        return None
    found = _named_antecedent(toks, s)
    verb = _clause_verb(body)
    if found is None or verb is None or verb.tag in ("VBB", "VVB", "VHB", "VDB") or body[0].tag not in (
            "VVZ", "VBZ", "VHZ", "VDZ", "VVD", "VBD", "VHD", "VM0", "AV0") \
            or verb.lemma.lower() in ctx.data["sentential_which_verbs"] or verb.tag.startswith("VB"):
        return None
    name = toks[found[0]:found[1]]
    return join([Tok(name[0].text[:1].upper() + name[0].text[1:], True)] + name[1:])


def _english(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "en")
    for c, t in enumerate(toks[:-1]):
        if t.text != "," or toks[c + 1].text.lower() != "which":
            continue
        end = _clause_end(toks, c + 2)
        body = toks[c + 2:end]
        if word_count(join(body), "en") < 2:
            continue
        rest = toks[:c] + (toks[end + 1:] if end < len(toks) and toks[end].text == "," else toks[end:])
        plural = any(t.tag == "NN2" and t.text.islower() for t in body)
        single = any(t.tag in ("NN1", "NN0") and t.text.islower() for t in body)
        if any(t.text.lower() in ("them", "they", "their", "theirs") and plural
               or t.text.lower() in ("it", "its") and single for t in toks[end:]):
            continue    # "The council, which runs twelve libraries, will keep all of them open": "them" may
            # point into the clause, and would lose the libraries
        if _time_start(toks, c, ctx.data["time_phrases"]) < c:
            # "… for the first time, which …", "… this year, which …": the clause is about something before
            subject = _after_time(toks, c, body, ctx)
            if subject is None:
                continue
            clause = end_sentence(subject + " " + join(body))
            return _with_second_verb(toks, c, end, clause) or [end_sentence(join(rest)), clause]
        noun = toks[c - 1]
        k = c - 2
        while k >= 0 and toks[k].tag in ("AJ0", "AJC", "AJS", "NN1", "NN0", "ORD", "CRD"):
            k -= 1
        if k >= 0 and toks[k].tag in ("AT0", "DPS", "DT0") and k >= 1 and toks[k - 1].tag == "PRP":
            continue    # "… in the town centre, which …": the clause may belong to a noun further back
        if _reduced_relative(toks, c):
            continue    # "a course of action tailored to suit their part of the sector, which aims …"
        # "…, which aims" → "This scheme aims": the noun before the comma names what the clause is about;
        # "…, which include" → "These standards include"; a clause that may be about the whole action before
        # it ("…, which is more difficult", "…, which means …") keeps a plain "This", as open as "which"
        verb = _clause_verb(body)
        plural = verb is not None and (verb.tag in ("VBB", "VVB", "VHB", "VDB") or verb.text.lower() == "were")
        singular = verb is not None and (body[0].tag in ("VBZ", "VVZ", "VHZ", "VDZ") or body[0].text.lower() == "was")
        if noun.tag == "NN2" and (plural or not singular and not _about_the_action(body, verb, ctx)):
            subject = f"These {noun.text}"      # "…, which will be sold …" → "These homes will be sold …"
        elif noun.tag in ("NN1", "NN0") and not plural and not _about_the_action(body, verb, ctx):
            subject = f"This {noun.text}"
        elif plural:
            continue    # "…, which are …" after a noun in the singular: what the clause is about is unsure
        else:
            subject = ctx.data["relative"]["which"]
        clause = end_sentence(subject + " " + join(body))
        return _with_second_verb(toks, c, end, clause) or [end_sentence(join(rest)), clause]
    return None


_EN_FINITE = ("VBZ", "VBD", "VHZ", "VHD", "VDZ", "VDD", "VM0", "VVZ", "VVD")


def _about_the_action(body: list[Tok], verb: Tok | None, ctx) -> bool:
    """The which-clause may be about the whole action before it: a verb from `event_which_verbs`, or "is"
    with an adjective or "a …" after it ("…, which is significantly more difficult", "…, which is a first")."""
    if verb is None or verb.lemma.lower() in ctx.data["event_which_verbs"] and not verb.tag.startswith("VB"):
        return True
    if verb.tag.startswith("VB"):
        after = [t for t in body[body.index(verb) + 1:] if t.tag not in ("AV0", "XX0")]
        return not after or after[0].tag in ("AJ0", "AJC", "AJS") or after[0].text.lower() in ("a", "an")
    return False


def _reduced_relative(toks: list[Tok], c: int) -> bool:
    """A participle after a noun between the main verb and the comma ("a course of action tailored to suit
    their part of the sector,"): the noun before the comma sits deep inside a phrase of another noun."""
    finite = max((k for k in range(c) if toks[k].tag in _EN_FINITE + ("VBB", "VHB", "VVB", "VDB")), default=-1)
    return any(toks[k].tag == "VVN" and toks[k - 1].tag in ("NN1", "NN2", "NN0", "NP0")
               for k in range(finite + 2, c))


def _with_second_verb(toks: list[Tok], c: int, end: int, clause: str) -> list[str] | None:
    """'The Council joined X, which rates Y, and achieved Z.' → 'The Council joined X.' + 'X rates Y.' + 'The
    Council achieved Z.': when a second verb of the main clause follows the which-clause, the clause goes right
    after the noun it is about and the second verb gets the subject again, so the sentences keep the order of
    the original (a "this" in the next sentence still points to its end)."""
    from .shared_subject import _english_subject
    if end + 2 >= len(toks) or toks[end].text != "," or toks[end + 1].text.lower() != "and" \
            or toks[end + 2].tag not in _EN_FINITE:
        return None
    v = _english_subject(toks)
    if v is None or v >= c or any(t.text in (",", ";", ":") for t in toks[:v]):
        return None
    subject = toks[:v]
    while len(subject) > 1 and subject[-1].tag == "AV0":
        subject = subject[:-1]
    if any(t.text in (",", ";", ":", "(", ")", "“", "”", "\"") for t in toks[end + 1:]):
        return None
    return [end_sentence(join(toks[:c])), clause, end_sentence(join(subject + toks[end + 2:]))]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    return _german(sentence, ctx) if ctx.lang == "de" else _english(sentence, ctx)
