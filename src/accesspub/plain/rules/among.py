"""Examples after "darunter" become a sentence of their own: "Viele Vereine helfen mit, darunter der Sportclub
und die Feuerwehr." → "Viele Vereine helfen mit." + "Darunter sind der Sportclub und die Feuerwehr."; the
same for "darunter …" between dashes or in brackets inside the sentence. Only when the examples hold no verb
(they name, they do not say)."""

from __future__ import annotations

from .. import nouns
from ..gate import DETERMINERS
from ..grammar import is_finite, parse
from ..text import Tok, end_sentence, join, word_count

NAME, KIND, LANGS = "among", "split", ("de",)
_CLAUSE = ("KOUS", "KOUI", "PRELS", "PWAV", "PTKZU", "VV(IZU)")
_CLOSE = {"-": ("-",), "–": ("–",), "(": (")",)}
_QUOTES = ("„", "“", "”", "\"")


def _verb(examples: list[Tok], ctx) -> str | None:
    """'sind' for several examples or a plural noun, 'ist' for one singular noun, None when unsure."""
    words = [t for t in examples if t.is_word and t.text.lower() != "auch"]
    if any(t.text in (",", "und", "sowie", "oder") for t in examples):
        return ctx.data["among"]["plural"]
    head = next((t for t in words if t.tag in ("NN", "NE")), None)
    numbers = {n for _, n, _ in nouns.features(head.text)} if head is not None else set()
    if numbers == {"pl"}:
        return ctx.data["among"]["plural"]
    if numbers == {"sg"} or head is not None and head.tag == "NE" and not numbers:
        return ctx.data["among"]["singular"]
    return None


def _nominative(examples: list[Tok]) -> bool:
    """Every example can be a subject as written: "darunter der Sportclub" (nominative), not "darunter dem
    Sportclub" (it follows a dative: "Wir danken vielen Helfern, darunter dem Sportclub"). Each example is
    judged by its opening determiner and noun."""
    items, current = [], []
    for t in examples:
        if t.text in (",", "und", "sowie", "oder"):
            items.append(current)
            current = []
        elif t.is_word and t.text.lower() != "auch":
            current.append(t)
    items.append(current)
    for item in filter(None, items):
        det = item[0] if item[0].tag in ("ART", "PPOSAT", "PDAT", "PIAT") else None
        noun = next((t for t in item if t.tag in ("NN", "NE")), None)
        if noun is None or noun.tag == "NE" and det is None:
            continue
        feats = {f for f in nouns.features(noun.text) if f[2] == "nom"}
        if det is not None and det.text.lower() in DETERMINERS:
            feats &= DETERMINERS[det.text.lower()]
        if nouns.features(noun.text) and not feats:
            return False
    return True


def _plain(examples: list[Tok]) -> bool:
    """Names or noun phrases, no clause and no prepositional phrase ("darunter bei Schulen": no subject)."""
    first = next((t for t in examples if t.is_word and t.text.lower() != "auch"), None)
    return first is not None and first.tag not in ("APPR", "APPRART", "ADV", "PTKNEG") \
        and word_count(join(examples), "de") >= 2 and not any(
        t.tag.startswith(("VV", "VA", "VM")) or t.tag in _CLAUSE or t.text in _QUOTES or t.text in (";", ":")
        for t in examples)


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    end = len(toks) - 1 if toks and toks[-1].text in (".", "!") else len(toks)
    for d, t in enumerate(toks[:end]):
        if t.text.lower() != "darunter" or d < 3:
            continue
        mark = toks[d - 1].text
        if mark == ",":                 # at the end: ", darunter X."
            examples, rest = toks[d + 1:end], toks[:d - 1] + toks[end:]
        elif mark in _CLOSE:            # inside: " - darunter X - " / "(darunter X)"
            close = next((k for k in range(d + 1, end) if toks[k].text in _CLOSE[mark]), None)
            if close is None:
                return None
            examples, rest = toks[d + 1:close], toks[:d - 1] + toks[close + 1:]
        else:
            continue
        verb = _verb(examples, ctx)
        if verb is None or not _plain(examples) or not _nominative(examples) or not any(is_finite(x) for x in rest) \
                or any(x.text in _QUOTES for x in toks[:d]):
            return None
        second = [Tok(ctx.data["among"]["lead"], True), Tok(verb, True)] + examples
        return [end_sentence(join(rest)), end_sentence(join(second))]
    return None
