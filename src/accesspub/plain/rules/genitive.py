"""Genitive → "von" + dative (Leichte Sprache only; Einfache Sprache keeps the genitive): "des Landesprogramms" → "vom Landesprogramm", "Aufgabe der Kommunen" →
"Aufgabe von den Kommunen"."""

from __future__ import annotations

from ..grammar import analyze, is_noun, parse
from ..text import Tok, join

NAME, KIND, LANGS = "genitive", "final", ("de",)    # after the splits, which read the genitive
_ADJ = ("ADJ(A)", "CARD", "ADV", "TRUNC", "KON")


def _head(toks: list[Tok], start: int) -> int | None:
    """Index of the noun that ends the phrase after a determiner at `start`."""
    j = start + 1
    while j < len(toks) and toks[j].tag in _ADJ and toks[j].text not in ("und", "oder"):
        j += 1
    if j < len(toks) and is_noun(toks[j]) and toks[j].tag != "PPER":
        return j
    return None


def _strip_genitive(word: str) -> str:
    """The noun without its genitive ending (-s, -es), from HanTa's morphology."""
    lemma, morphs, _ = analyze(word)
    last = morphs[-1] if morphs else ("", "")
    if last[1] == "SUF_NN" and last[0] in ("s", "es") and word.endswith(last[0]):
        return word[:-len(last[0])]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "os")) and lemma.lower() == word[:-1].lower():
        return word[:-1]
    return word


def _plural(tok: Tok) -> bool:
    """After "der": a genitive plural, unless the lexicon knows the form as a feminine singular."""
    from .. import nouns
    feats = nouns.features(tok.text)
    if feats:
        return ("f", "sg", "gen") not in feats and ("pl", "pl", "gen") in feats
    return tok.lemma.lower() != tok.text.lower() and not tok.text.lower().endswith("ung")


def _dative_plural(word: str) -> str:
    return word if word.endswith(("n", "s")) else word + "n"


def apply(sentence: str, ctx) -> list[str] | None:
    if ctx.level != "leicht":
        return None
    toks = parse(sentence, "de")
    table = ctx.data["genitive"]
    changed = False
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.text.lower()
        head = _head(toks, i) if t.tag in ("ART", "PPOSAT", "PDAT") else None
        if head is not None and low in table:
            out.extend(_von(table[low], t))
            out.extend(toks[i + 1:head])
            noun = toks[head]
            out.append(Tok(_strip_genitive(noun.text), noun.space, noun.tag, noun.lemma))
            i, changed = head + 1, True
            continue
        if head is not None and low == "der" and i > 0 and is_noun(toks[i - 1]) and toks[i - 1].tag != "PPER":
            noun = toks[head]
            if _plural(noun):
                out.extend(_von("von den", t))
                out.extend(toks[i + 1:head])
                out.append(Tok(_dative_plural(noun.text), noun.space, noun.tag, noun.lemma))
            else:
                out.extend(_von("von der", t))
                out.extend(toks[i + 1:head + 1])
            i, changed = head + 1, True
            continue
        out.append(t)
        i += 1
    return [join(out)] if changed else None


def _von(words: str, original: Tok) -> list[Tok]:
    parts = words.split()
    if original.text[:1].isupper():
        parts[0] = parts[0].capitalize()
    return [Tok(p, True) for p in parts[:-1]] + [Tok(parts[-1], original.space)]
