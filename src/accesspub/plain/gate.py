"""The grammar gate: a rewrite is kept only when every sentence it produces passes.

German (HanTa tags, the `german-nouns` lexicon): a finite verb where the original had one; no sentence that
starts with "sondern" or with a conjunction and no subject; no dangling zu-infinitive or separable particle;
article–adjective–noun agreement in the case the preposition demands; no preposition before "von".
English (HanTa's English model): a finite verb where the original had one; no fragment that starts with a
conjunction or a gerund; no sentence that ends in a preposition or "including".
Both: every noun, name and number of the original is still there, and the text inside quotation marks is
unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import nouns
from .grammar import analyze_en, parse, separable_prefix
from .text import Tok

DE_FINITE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")
EN_FINITE = ("VBB", "VBD", "VBZ", "VDB", "VDD", "VDZ", "VHB", "VHD", "VHZ", "VM0", "VVB", "VVD", "VVZ")

# determiner → the (gender, number, case) readings it allows; "pl" is the plural of every gender
_DER = {"er": {("m", "sg", "nom"), ("f", "sg", "gen"), ("f", "sg", "dat"), ("pl", "pl", "gen")},
        "e": {("f", "sg", "nom"), ("f", "sg", "acc"), ("pl", "pl", "nom"), ("pl", "pl", "acc")},
        "es": {("n", "sg", "nom"), ("n", "sg", "acc"), ("m", "sg", "gen"), ("n", "sg", "gen")},
        "en": {("m", "sg", "acc"), ("pl", "pl", "dat")},
        "em": {("m", "sg", "dat"), ("n", "sg", "dat")}}
_EIN = {"": {("m", "sg", "nom"), ("n", "sg", "nom"), ("n", "sg", "acc")},
        "e": {("f", "sg", "nom"), ("f", "sg", "acc"), ("pl", "pl", "nom"), ("pl", "pl", "acc")},
        "en": {("m", "sg", "acc"), ("pl", "pl", "dat")},
        "em": {("m", "sg", "dat"), ("n", "sg", "dat")},
        "er": {("f", "sg", "gen"), ("f", "sg", "dat"), ("pl", "pl", "gen")},
        "es": {("m", "sg", "gen"), ("n", "sg", "gen")}}
DETERMINERS: dict[str, set] = {
    "der": _DER["er"], "die": _DER["e"], "das": {("n", "sg", "nom"), ("n", "sg", "acc")},
    "den": _DER["en"], "dem": _DER["em"], "des": {("m", "sg", "gen"), ("n", "sg", "gen")},
    "vom": _DER["em"], "zum": _DER["em"], "im": _DER["em"], "am": _DER["em"], "beim": _DER["em"],
    "zur": {("f", "sg", "dat")}, "ins": {("n", "sg", "acc")}, "ans": {("n", "sg", "acc")},
}
for _stem in ("dies", "jen", "jed", "welch"):
    for _end, _feats in _DER.items():
        DETERMINERS[_stem + _end] = _feats
for _stem in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer"):
    for _end, _feats in _EIN.items():
        if _stem == "ein" and _end == "e":
            DETERMINERS["eine"] = {("f", "sg", "nom"), ("f", "sg", "acc")}
            continue
        DETERMINERS[_stem + _end] = _feats - ({("pl", "pl", c) for c in ("nom", "acc", "dat", "gen")}
                                              if _stem == "ein" else set())
DATIVE = {"von", "mit", "bei", "nach", "aus", "zu", "seit", "gegenüber", "ab", "vom", "zum", "zur", "beim",
          "entsprechend", "gemäß"}
ACCUSATIVE = {"für", "durch", "gegen", "ohne", "um", "ins", "ans"}
GENITIVE = {"wegen", "während", "trotz", "aufgrund", "statt", "anstatt", "innerhalb", "außerhalb", "mittels",
            "zugunsten", "seitens", "angesichts", "bezüglich", "hinsichtlich"}
TWO_WAY = {"in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen", "im", "am"}
_CASE_OF = {**{p: {"dat"} for p in DATIVE}, **{p: {"acc"} for p in ACCUSATIVE},
            **{p: {"gen"} for p in GENITIVE}, **{p: {"dat", "acc"} for p in TWO_WAY}}
_CONTRACTED = {"vom", "zum", "zur", "beim", "im", "am", "ins", "ans"}
_ADJ = ("ADJ(A)", "CARD", "ADV", "ADJ(D)", "PIAT", "PIDAT")
_EN_FUNCTION = {"which", "who", "whom", "that", "this", "these", "they", "it", "and", "but", "or", "so", "yet",
                "because", "although", "the", "a", "an", ",", ".", ";", ":", "also", "is", "are"}
_DE_JOINERS = {"sodass", "dass", "weil", "da", "damit", "obwohl", "wodurch", "um", "zu", "der", "die", "das"}
_DE_KEEP_TAGS = ("NN", "NE", "CARD", "ADJ(A)", "ADJ(D)", "NNA", "NNI")
_QUOTED = re.compile(r"„([^“”]*)[“”]|“([^”]*)”|\"([^\"]*)\"")


@dataclass
class Verdict:
    ok: bool
    reason: str = ""


def _has_finite(toks: list[Tok], lang: str) -> bool:
    if lang == "en":
        # "a project called Fix It": HanTa reads the participle after a noun as a past form
        return any(t.tag in EN_FINITE and not (t.text.lower() in ("called", "named") and k and toks[k - 1].tag in (
            "NN1", "NN2", "NN0")) for k, t in enumerate(toks))
    return any(t.tag in (DE_FINITE if lang == "de" else EN_FINITE) for t in toks)


def _words(toks: list[Tok]) -> list[Tok]:
    return [t for t in toks if t.is_word]


def agreement_error(toks: list[Tok], excused: frozenset[str] = frozenset()) -> str | None:
    """The first determiner–(adjective)–noun group whose forms cannot agree in the case its preposition
    demands ("vom Bündnisses", "von der Bürger") and whose key (`agreement_errors`) is not in `excused`; None
    when all agree or the lexicon does not know them."""
    return next((e for key, e in agreement_errors(toks).items() if key not in excused), None)


def _key(*words: Tok) -> str:
    """A mismatch as the same words in any spelling: a group that now opens the sentence, a noun split into
    its parts ("Sprach-Programm") or a number in digits between them is still the same."""
    return " ".join(w.text.lower().replace("-", "") for w in words)


D_WORDS = {"der", "die", "das", "dem", "den"}


def _relative_start(toks: list[Tok], i: int) -> bool:
    """A d-word at `i` where a relative clause may open (after a comma, or after a preposition after a comma),
    whatever HanTa tags it: in "…, das Kinder lieben" it is no article before "Kinder"."""
    return toks[i].text.lower() in D_WORDS and i > 0 and (toks[i - 1].text == "," or (
        i > 1 and toks[i - 1].tag in ("APPR", "APPRART") and toks[i - 2].text == ","))


def agreement_errors(toks: list[Tok]) -> dict[str, str]:
    """Every determiner–(adjective)–noun group whose forms cannot agree (see `agreement_error`): its key (the
    preposition, determiner and noun) → what is wrong."""
    found = {}
    for i, t in enumerate(toks):
        low = t.text.lower()
        if i and toks[i - 1].text.lower() in _CASE_OF and low in ("von", "vom") \
                and toks[i - 1].text.lower() not in ("ab", "bis", "aufgrund", "statt", "anstatt", "infolge"):
            found[_key(toks[i - 1], t)] = f"preposition before 'von': '{toks[i - 1].text} {t.text}'"
        det = DETERMINERS.get(low)
        if det is None or t.tag not in ("ART", "APPRART", "PDAT", "PIAT", "PPOSAT", "PDS", "PRELS", "APPR", "") \
                or _relative_start(toks, i):
            continue
        j = i + 1
        while j < len(toks) and toks[j].tag in _ADJ and toks[j].text not in (",", "und", "oder"):
            j += 1
        if j >= len(toks) or toks[j].tag not in ("NN", "NE") or not toks[j].text[:1].isupper():
            continue
        noun = toks[j]
        if low.startswith("dies") and noun.tag == "NE" and not nouns.features(noun.text):
            found[_key(t, noun)] = f"demonstrative before a name: '{t.text} {noun.text}'"
            continue
        feats = nouns.features(noun.text)
        if not feats:
            continue
        cases = None
        if low in _CONTRACTED:
            cases = _CASE_OF.get(low)
        elif i and toks[i - 1].tag in ("APPR", "APPRART") and toks[i - 1].text.lower() in _CASE_OF:
            cases = _CASE_OF[toks[i - 1].text.lower()]
        allowed = {f for f in det if cases is None or f[2] in cases}
        if not allowed & set(feats):
            start = i - 1 if i and toks[i - 1].tag in ("APPR", "APPRART") else i     # the case comes from it
            found[_key(*toks[start:i + 1], noun)] = \
                f"article and noun do not agree: '{' '.join(x.text for x in toks[start:j + 1])}'"
    return found


def _german(sentence: str, need_finite: bool, excused: frozenset[str] = frozenset()) -> str | None:
    toks = parse(sentence, "de")
    words = _words(toks)
    if not words:
        return None
    first = words[0].text.lower()
    if first == "sondern":
        return "starts with 'sondern'"
    if first in ("und", "oder", "aber", "doch", "denn") and len(words) > 1 and words[1].tag in DE_FINITE:
        return f"starts with '{words[0].text}' and has no subject"
    if need_finite and not _has_finite(toks, "de"):
        return "no finite verb"
    body = [t for t in toks if t.text not in ("“", "”", "„", "\"")]
    if len(body) >= 2 and body[-1].text in (".", "!", "?") and body[-2].text.lower() == "zu" \
            and len(body) >= 3 and body[-3].tag in ("ADJ(D)", "ADJ(A)", "ADV", "VV(INF)"):
        return "dangling zu"
    for k, t in enumerate(toks):
        if t.tag == "PTKZU" and (k + 1 >= len(toks) or not toks[k + 1].tag.startswith(("VV", "VA", "VM"))):
            return "dangling zu-infinitive"
        if t.tag in DE_FINITE and k + 1 < len(toks) and toks[k + 1].is_word and separable_prefix(t) \
                and k > 0 and toks[k - 1].tag not in ("KOUS", "PRELS", "PWAV", "KON", "$,", "PRELAT"):
            return f"separable verb not separated: '{t.text}'"
        if t.text.lower() == "dass" and k and toks[k - 1].text not in (",", "„", "(", "–", "-") \
                and toks[k - 1].text.lower() not in ("so", "und", "oder", "ohne", "statt", "anstatt", "außer", "aber"):
            return "'dass' without its comma"
        if t.tag == "PRELS" and k and toks[k - 1].text != "," and not (
                k > 1 and toks[k - 1].tag in ("APPR", "APPRART") and toks[k - 2].text == ","):
            return f"relative pronoun without its clause: '{t.text}'"
        if t.tag == "PTKVZ" and k == 1:
            return f"particle at the start: '{t.text}'"
    return agreement_error(toks, excused) or number_error(toks)


_PLURAL_VERBS = {"sind", "haben", "können", "müssen", "werden", "sollen", "dürfen", "wollen", "würden", "waren",
                 "hatten", "konnten", "mussten", "wurden", "sollten", "dürften", "wollten", "mögen"}


def number_error(toks: list[Tok]) -> str | None:
    """A subject phrase at the start (article + noun) whose number the finite verb after it contradicts."""
    v = next((k for k, t in enumerate(toks) if t.tag in DE_FINITE), None)
    if v is None or v < 2 or toks[0].text.lower() not in DETERMINERS or toks[0].tag not in ("ART", "PDAT"):
        return None
    head = next((toks[k] for k in range(1, v) if toks[k].tag in ("NN", "NNA")), None)
    if head is None or any(t.text in (",", "und", "oder", "sowie") for t in toks[1:v]):
        return None
    det = {f for f in DETERMINERS[toks[0].text.lower()] if f[2] == "nom"}
    feats = {f for f in nouns.features(head.text) if f[2] == "nom"} & {f for f in det} if det else set()
    if not feats:
        return None
    if any(toks[j].tag in ("ART", "PDAT", "PPER", "PIS") and toks[j - 1].tag not in ("APPR", "APPRART")
           for j in range(v + 1, len(toks))):
        return None     # another noun phrase may be the subject ("Diese Monate hatte die Initiative eingeplant")
    verb = toks[v].text.lower()
    # the 3rd person plural ends in -en, or -rn / -ln for verbs in -ern / -eln ("fordern", "sammeln")
    plural_verb = verb in _PLURAL_VERBS or (verb.endswith(("en", "rn", "ln")) and verb not in ("ist", "hat"))
    numbers = {f[1] for f in feats}
    if numbers == {"sg"} and plural_verb or numbers == {"pl"} and not plural_verb:
        return f"subject and verb do not agree: '{head.text} … {toks[v].text}'"
    return None


def _english(sentence: str, need_finite: bool) -> str | None:
    toks = parse(sentence, "en")
    words = _words(toks)
    if not words:
        return None
    first = words[0]
    if first.tag == "CJC" and len(words) > 1 and words[1].tag.startswith(("VVG", "VVI", "VB", "VV", "VH", "VD")):
        return f"fragment after '{first.text}'"
    if need_finite and not _has_finite(toks, "en"):
        return "no finite verb"
    last = [t for t in words if t.text not in ("”", "“")][-1]
    if last.tag in ("PRP", "PRF", "CJC", "AT0") or last.text.lower() in ("including", "such"):
        return f"ends with '{last.text}'"
    return None


def content(toks: list[Tok], lang: str) -> Counter:
    """The words a rewrite must keep: nouns, names, numbers, adjectives (German); all but function words
    (English)."""
    if lang == "de":
        return Counter(t.text.lower().replace("-", "") for t in toks
                       if (t.tag in _DE_KEEP_TAGS or t.text[:1].isdigit()) and t.is_word
                       and t.text.lower() not in _DE_JOINERS)
    return Counter(t.text.lower().replace("-", "") for t in toks if t.is_word and t.text.lower() not in _EN_FUNCTION
                   and (t.tag.startswith(("NN", "NP", "AJ", "CRD", "ORD")) or t.text[:1].isdigit()))


def _quotes(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None).strip(" ,.") for m in _QUOTED.finditer(text)]


def _kind(reason: str | None) -> str | None:
    return reason.split("'")[0].split("“")[0].strip() if reason else None


def check(original: str, produced: list[str], lang: str, split: bool = True) -> Verdict:
    """Whether the sentences a rule made of `original` may replace it."""
    if lang not in ("de", "en"):
        return Verdict(True)
    before = parse(original, lang)
    need_finite = _has_finite(before, lang)
    # a flaw the author's sentence has already is not the rule's: the same article–noun group (German), or
    # another flaw of the same kind
    excused = frozenset(agreement_errors(before)) if lang == "de" else frozenset()
    judge = (lambda s, need: _german(s, need, excused)) if lang == "de" else _english
    own = _kind(judge(original, False))
    after_colon = False
    # English: a list item without an end mark may open with a phrase of its own ("Launching training for staff so
    # the emergency can be prioritised"): a first sentence that is that phrase, as the author wrote it, needs no verb
    item = lang == "en" and original.rstrip()[-1:] not in (".", "!", "?", ":", ";", "”", "\"")
    for i, s in enumerate(produced):
        # items after a line that ends with a colon may be phrases ("Das Ziel ist:" / "Den Kommunen helfen.")
        # a short label before a colon ("Besser für die Demokratie:") needs no verb: the next sentence has it
        label = s.rstrip().endswith(":") and len(_words(parse(s, lang))) <= 5
        opening = item and i == 0 and len(produced) > 1 and original.startswith(s.rstrip().removesuffix("."))
        need = need_finite and not after_colon and not label and not opening
        why = judge(s, need)
        if why and _kind(why) == own:
            why = None
        if why and lang == "en" and why.startswith("ends with") and s.rstrip().endswith(":") \
                and len(produced) - produced.index(s) > 2 and parse(s, lang)[-2].tag == "PRP":
            why = None      # "a new plan for:" before its items (two or more lines after it)
        after_colon = s.rstrip().endswith(":") or (after_colon and not why)
        if why:
            return Verdict(False, f"{why} in “{s}”")
    if split:
        said = Counter(t.text.lower().replace("-", "") for s in produced for t in parse(s, lang) if t.is_word)
        kept = content(before, lang) - said
        # an adjective said again in another form of the same word ("die geplanten" → "wurde geplant")
        lemmas = {t.text.lower().replace("-", ""): t.lemma.lower() for t in before if t.tag == "ADJ(A)"}
        kept = Counter({w: n for w, n in kept.items() if lemmas.get(w) not in said})
        if lang == "en":
            # an -ing verb read as an adjective ("as well as reviewing X") is kept in another form ("it reviews")
            lemmas = {t.lemma.lower() for s in produced for t in parse(s, lang) if t.tag.startswith("VV")}
            kept = Counter({w: n for w, n in kept.items()
                            if not (w.endswith("ing") and analyze_en(w) in {(lem, "VVG") for lem in lemmas})})
            # "such as X" said as "These include X": "such" is part of the joining phrase
            if "such" in kept and "include" in lemmas and any(
                    t.text.lower() == "such" and k + 1 < len(before) and before[k + 1].text.lower() == "as"
                    for k, t in enumerate(before)):
                del kept["such"]
        if kept:
            return Verdict(False, f"words lost: {', '.join(sorted(kept))}")
    joined = " ".join(produced)
    for q in _quotes(original):
        if q not in joined:
            return Verdict(False, f"words inside a quotation changed: “{q}”")
    return Verdict(True)
