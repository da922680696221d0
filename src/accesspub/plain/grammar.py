"""German grammar cues from HanTa: tags and lemmas, finite verbs, noun phrases, main-clause word order."""

from __future__ import annotations

from functools import lru_cache

from ..language.registry import language_for
from .lexicon import words
from .text import Tok, tokens

FINITE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")
NOUNS = ("NN", "NE", "NNA", "NNI")
DETERMINERS = ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "PDS", "PPOSS")
NP_INNER = ("ADJ(A)", "CARD", "ADV", "ADJ(D)", "TRUNC", "KON")


_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


@lru_cache(maxsize=2)
def _tagger(lang: str = "de"):
    from HanTa import HanoverTagger as ht
    return ht.HanoverTagger(_MODELS.get(lang, _MODELS["en"]))


@lru_cache(maxsize=8192)
def _tag(words: tuple[str, ...], lang: str = "de") -> tuple[tuple[str, str], ...]:
    if not words:
        return ()
    try:
        return tuple((lemma, tag) for _, lemma, tag in _tagger(lang).tag_sent(list(words), taglevel=1))
    except (KeyError, ValueError, IndexError):
        # HanTa's Viterbi fails on some long token runs (KeyError((2, 0))); tag word by word instead
        out = []
        for w in words:
            try:
                (_, lemma, tag), = _tagger(lang).tag_sent([w], taglevel=1)
            except (KeyError, ValueError, IndexError):
                lemma, tag = w, ""
            out.append((lemma, tag))
        return tuple(out)


def third_person(base: str) -> str:
    """An English verb's present form after "he/she/it" ("allow" → "allows", "apply" → "applies")."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def parse(sentence: str, lang: str = "de") -> list[Tok]:
    """Tokens of a sentence with HanTa tag and lemma where the language's tagger is HanTa (German STTS-like tags,
    English CLAWS tags); other languages' tokens stay untagged."""
    toks = tokens(sentence, lang)
    if language_for(lang).tagger != "hanta" or lang not in _MODELS:
        return toks
    for tok, (lemma, tag) in zip(toks, _tag(tuple(t.text for t in toks), lang)):
        tok.tag, tok.lemma = tag, lemma
    return toks


@lru_cache(maxsize=8192)
def analyze(word: str) -> tuple:
    """HanTa's morphological analysis of one word: (lemma, [(morph, tag), …], pos)."""
    return tuple(_tagger("de").analyze(word, taglevel=3))


@lru_cache(maxsize=4096)
def analyze_en(word: str) -> tuple[str, str]:
    """HanTa's reading of one English word out of context: (lemma, tag), e.g. "reviewing" → ("review", "VVG")."""
    return tuple(_tagger("en").analyze(word))


def is_finite(tok: Tok) -> bool:
    return tok.tag in FINITE


def is_noun(tok: Tok) -> bool:
    return tok.tag in NOUNS or (tok.tag == "PPER" and tok.text.isupper() and len(tok.text) > 1)


# determiners that open a genitive attribute after a noun ("ein Verkauf ihres Hauses")
_GENITIVE_DETERMINERS = {"des", "der", "eines", "einer", "dieses", "meines", "deines", "seines", "ihres", "unseres",
                         "eures", "seiner", "ihrer", "unserer", "keines", "keiner", "jedes"}


_MONTHS = {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"}


def _modifies_attribute(toks: list[Tok], j: int) -> bool:
    """An adverb belongs to a noun phrase only as the modifier of an adjective or number inside it ("sehr
    hohe Kosten", "rund 200 Menschen"); before a bare noun it is the clause's own ("dass hier Transparenz
    notwendig ist": "hier" is not part of the subject)."""
    k = j + 1
    while k < len(toks) and toks[k].tag == "ADV":
        k += 1
    return k + 1 < len(toks) and toks[k].tag in ("ADJ(A)", "CARD") and any(is_noun(t) for t in toks[k + 1:k + 4])


def noun_phrase_end(toks: list[Tok], start: int) -> int:
    """Index after the noun phrase that starts at `start` (determiner, adjectives, nouns, genitive
    attributes, coordinated phrases); `start` itself when no noun phrase starts there."""
    i = start
    if i < len(toks) and toks[i].tag in ("PPER", "PIS", "PDS") and not is_noun(toks[i]):
        return i + 1
    end = start
    while i < len(toks):
        j = i
        if toks[j].tag in DETERMINERS:
            j += 1
        while j < len(toks) and toks[j].tag in NP_INNER and toks[j].text not in (",",) \
                and not (toks[j].tag == "KON" and j == i):
            if toks[j].tag == "ADV" and not _modifies_attribute(toks, j):
                break
            j += 1
        if j < len(toks) and toks[j].text in ("„", "\"") and j + 2 < len(toks) and toks[j + 2].text in ("“", "\""):
            j += 3
        elif j < len(toks) and is_noun(toks[j]):
            while j < len(toks) and is_noun(toks[j]):
                j += 1
            if j < len(toks) and toks[j].tag == "CARD" and toks[j - 1].text in _MONTHS:
                j += 1          # "am 24. August 2024": the year belongs to the date
        else:
            return end
        end = j
        i = j
        # a noun right after a noun with its adjectives ("die Themen Interkulturelle Öffnung") continues it
        k = i
        while k < len(toks) and toks[k].tag == "ADJ(A)" and toks[k].text[:1].isupper():
            k += 1
        if k > i and k < len(toks) and is_noun(toks[k]):
            i = k
            continue
        # coordination or a genitive attribute continues the phrase
        if i < len(toks) and toks[i].text in ("und", "oder", "sowie"):
            i += 1
            continue
        if i < len(toks) and toks[i].text.lower() in _GENITIVE_DETERMINERS and i > start:
            continue
        return end
    return end


def is_verb(tok: Tok) -> bool:
    """A verb form that can carry tense (not a participle or zu-infinitive)."""
    return tok.tag.startswith(("VV", "VA", "VM")) and tok.tag not in ("VV(PP)", "VA(PP)", "VM(PP)", "VV(IZU)")


def separable_prefix(tok: Tok) -> str | None:
    """The separable particle of a verb form ("aufgehen" → "auf"), None when it has none."""
    _, morphs, _ = analyze(tok.text)
    if morphs and morphs[0][1] == "PTKVZ_SEP" and tok.text.lower().startswith(morphs[0][0]) \
            and "zu" not in [m[0] for m in morphs[1:2]] and not any(m[1] == "PREF_PP" for m in morphs):
        return morphs[0][0]
    return None


def as_clause(toks: list[Tok]) -> list[Tok]:
    """The tokens of a verb-final clause with its finite verb tagged as one: HanTa tags a clause-final
    "verzögert" or "erhöht" as a participle; with no other verb in the clause it is the finite verb
    ("da sich die Schätzung verzögert")."""
    verbs = [k for k, t in enumerate(toks) if t.tag.startswith(("VV", "VA", "VM"))]
    last = len(toks) - 1
    while last >= 0 and not toks[last].is_word:
        last -= 1
    if verbs != [last] or toks[last].tag != "VV(PP)" or not toks[last].text.endswith("t"):
        return toks
    t = toks[last]
    return toks[:last] + [Tok(t.text, t.space, "VV(FIN)", t.lemma)] + toks[last + 1:]


def finite_last(body: list[Tok]) -> list[Tok]:
    """A subordinate clause whose only verb, at its end, is tagged a participle: that verb is finite ("…, mit
    dem die Regierung die Arbeit bewertet": HanTa reads "bewertet" as a participle, but the clause needs a
    finite verb and has no other)."""
    if body and body[-1].tag == "VV(PP)" and not any(t.tag.startswith(("VV", "VA", "VM")) for t in body[:-1]):
        last = body[-1]
        return body[:-1] + [Tok(last.text, last.space, "VV(FIN)", last.lemma)]
    return body


def as_demand(body: list[Tok], modal: dict) -> list[Tok] | None:
    """A verb-final clause as what should be: '… ein Register schafft' → '… ein Register schaffen soll', '…
    erhöht werden' → '… erhöht werden sollen'; a modal verb already there stays. None when the finite verb's
    infinitive or number is unsure (then the caller does not split: a demand must not read as a fact).
    `modal`: the singular and plural of "sollen" ({"sg": …, "pl": …})."""
    body = finite_last(body)
    if body and body[-1].tag in ("VA(INF)", "VV(INF)") and not any(is_verb(t) for t in body[:-1]) \
            or body and body[-1].tag == "VA(INF)" and not any(t.tag.endswith("(FIN)") for t in body):
        last = body[-1]     # "… erhöht werden": the clause's finite verb, read as an infinitive (3rd plural)
        body = body[:-1] + [Tok(last.text, last.space, last.tag.replace("(INF)", "(FIN)"), last.lemma)]
    verbs = [k for k, t in enumerate(body) if t.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)")]
    if len(verbs) != 1 or verbs[0] != len(body) - 1:
        return None
    verb = body[-1]
    if verb.tag == "VM(FIN)":
        return body
    if verb.lemma in ("haben", "sein") and any(t.tag in ("VV(PP)", "VA(PP)") for t in body):
        return None         # "… gesehen haben sollen" would say "reportedly saw": no sure form
    low, lemma = verb.text.lower(), verb.lemma
    if not lemma.endswith("n") or lemma == low and low.endswith("ten") or low.endswith(("te", "test")):
        return None         # no infinitive known, or a past form ("schaffte"): unsure
    if any(t.tag == "PPER" and t.text.lower() in ("ich", "du", "ihr") for t in body):
        return None
    plural = low == lemma or low == "sind"
    return body[:-1] + [Tok(lemma, True, verb.tag.replace("(FIN)", "(INF)"), lemma),
                        Tok(modal["pl" if plural else "sg"], verb.space, "VM(FIN)", "sollen")]


def finite_index(toks: list[Tok]) -> int | None:
    """The finite verb of a verb-final clause: the last verb, or the first of two coordinated clauses
    ("… akzeptiert wird und nicht ausgrenzt" → "wird")."""
    for k, t in enumerate(toks[:-1]):
        if is_finite(t) and toks[k + 1].text in ("und", "oder"):
            return k
    verbs = [k for k, t in enumerate(toks) if is_verb(t)]
    return verbs[-1] if verbs else None


# adverbs that may open a main clause alone ("dass hier X gilt" → "Hier gilt X"); focus and modal particles
# ("auch", "nur", "nicht", "schon") may not: "Auch gilt X" says something else
_FRONT_ADVERBS = {"hier", "dort", "jetzt", "heute", "morgen", "gestern", "damals", "dann", "bald", "bisher", "künftig",
                  "zukünftig", "inzwischen", "seitdem", "deshalb", "daher", "darum", "trotzdem", "außerdem",
                  "dadurch", "damit", "dafür", "dabei", "danach", "davon", "darin", "darauf", "dazu", "hierbei",
                  "hierfür", "hierzu", "deswegen", "somit", "also", "endlich", "erstmals", "nun", "oft", "manchmal"}


_FOCUS = {"auch", "nur", "gerade", "sogar", "selbst", "besonders", "vor allem", "schon", "bereits", "erst"}


def _vorfeld_end(toks: list[Tok]) -> int:
    """Index after the phrase that can stand before the finite verb: the subject phrase, else a
    prepositional phrase ("mit der Schätzung"), else an adverb from a closed list; 0 when none."""
    if len(toks) > 2 and toks[0].text.lower() in _FOCUS and toks[1].tag in ("APPR", "APPRART", "ART", "NN", "NE",
                                                                             "PPOSAT", "PDAT", "ADJ(A)"):
        end = _vorfeld_end(toks[1:])
        return end + 1 if end else 0        # "auch die Schulen", "gerade bei großen Projekten"
    end = noun_phrase_end(toks, 0)
    if end:
        return end
    if toks and toks[0].tag in ("APPR", "APPRART") and toks[0].text.lower() not in ("zu", "als", "wie"):
        end = noun_phrase_end(toks, 1)
        return end if end > 1 else 0
    if toks and toks[0].text.lower() in _FRONT_ADVERBS and toks[0].tag in ("ADV", "PAV", "PROAV"):
        return 1
    return 0


def _object_of_noun(toks: list[Tok], end: int, limit: int) -> int:
    """Index after the subject phrase that ends at `end`, with the prepositional object its noun takes ("der
    Wunsch nach mehr Bussen", "die Kritik an der Stadt"): it stays before the verb, never after `limit`."""
    head = next((t for t in reversed(toks[:end]) if is_noun(t)), None)
    takes = words("de")["noun_objects"].get(head.lemma if head is not None else "", ())
    if end < limit and toks[end].tag == "APPR" and toks[end].text.lower() in takes:
        after = noun_phrase_end(toks, end + 1)
        if end + 1 < after <= limit:
            return after
    return end


def to_main_clause(toks: list[Tok], vorfeld: list[Tok] | None = None) -> list[Tok] | None:
    """A verb-final clause in main-clause order: Vorfeld (given, or the subject phrase) + finite verb + rest.

    None when the clause has no verb or no subject phrase can be found.
    """
    body = [t for t in toks if t.text not in (".", ",")]
    if sum(1 for t in body if is_finite(t)) > 1:
        return None      # coordinated clauses ("… hält und … fertig stellt"): no sure main-clause order
    for k, t in enumerate(body):
        # "… transparenter werden und eine Pflicht haben": a verb, "und", then more than verbs → two clauses
        # ("… es erlaubt und genug Helfer kommen": a participle-looking finite verb before "und" too)
        if t.text in ("und", "oder", "sowie") and k and body[k - 1].tag.startswith(("VV", "VA", "VM")) \
                and any(not x.tag.startswith(("VV", "VA", "VM")) for x in body[k + 1:-1]):
            return None
    v = finite_index(body)
    if v is None:
        return None
    verb = Tok(body[v].text, True, body[v].tag, body[v].lemma)     # it no longer ends the clause
    rest = body[:v] + body[v + 1:]
    particle = separable_prefix(verb)
    if particle:
        verb = Tok(verb.text[len(particle):], True, verb.tag, verb.lemma)
        rest = rest + [Tok(particle, True, "PTKVZ", particle)]
    if vorfeld is None:
        # a reflexive pronoun before the subject ("dass sich die Schätzung verzögert") goes after the verb:
        # "Die Schätzung verzögert sich"
        reflexive = rest[:1] if rest and rest[0].tag == "PRF" else []
        end = _vorfeld_end(rest[len(reflexive):])
        if end == 0 or end + len(reflexive) > v:
            return None
        end = _object_of_noun(rest, end + len(reflexive), v)
        return rest[len(reflexive):end] + [verb] + reflexive + rest[end:]
    return vorfeld + [verb] + rest
