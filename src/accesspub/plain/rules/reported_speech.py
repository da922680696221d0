"""Reported speech made direct: "Klose erklärte, dass die Vorbehalte gewachsen seien." →
"Kai Klose sagt: Die Vorbehalte sind gewachsen." (the Konjunktiv is gone by the time this rule runs)."""

from __future__ import annotations

from ..grammar import is_finite, parse, to_main_clause
from ..text import Tok, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "reported_speech", "split", ("de", "en")


def _speaker(pre: list[Tok], ctx) -> str | None:
    names = [t for t in pre if t.tag == "NE" or ctx.aliases.get(t.text)]
    if names:
        return ctx.speaker(names[-1].text)
    nouns = [t for t in pre if t.tag in ("NN", "NNA")]
    for n in nouns:
        if n.text in ctx.aliases:
            return ctx.aliases[n.text]
    return None


def _german(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    for d, t in enumerate(toks):
        if t.text.lower() != "dass" or d == 0 or toks[d - 1].text != ",":
            continue
        pre = toks[:d - 1]
        verbs = [k for k, v in enumerate(pre) if is_finite(v) and v.lemma in ctx.data["say_verbs"]]
        if len(verbs) != 1:
            return None
        v = verbs[0]
        who = _speaker(pre, ctx)
        if not who:
            return None
        clause = [c for c in toks[d + 1:] if c.text not in ("„", "“", "\"")]
        if any(c.text == "," for c in clause):
            return None
        main = to_main_clause(clause)
        if not main:
            return None
        out = []
        vorfeld = pre[:v]
        if vorfeld and not any(w.text in who.split() or w.text in ctx.aliases for w in vorfeld) \
                and vorfeld[0].tag in ("APPR", "APPRART", "ADV"):
            where = join([Tok(vorfeld[0].text.lower(), vorfeld[0].space)] + vorfeld[1:])
            out.append(ctx.data["spoke"].format(speaker=who, where=where))
        return out + _say(who, capitalize(join(main)), ctx)
    return None


def _english(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "en")
    for d, t in enumerate(toks):
        if t.text.lower() != "that" or d < 2 or toks[d - 1].text.lower() not in ctx.data["say_verbs"]:
            continue
        who = join(toks[:d - 1])
        if word_count(who, "en") > 5:
            return None
        clause = join([c for c in toks[d + 1:] if c.text not in ("“", "”", "\"")])
        return _say(ctx.speaker(who), capitalize(clause), ctx)
    return None


def _say(who: str, clause: str, ctx) -> list[str]:
    one = f"{who} {ctx.data['say']}: {end_sentence(clause)}"
    if word_count(one, ctx.lang) <= ctx.split_above + 3:
        return [one]
    return [f"{who} {ctx.data['say']}:", end_sentence(clause)]


def apply(sentence: str, ctx) -> list[str] | None:
    return _german(sentence, ctx) if ctx.lang == "de" else _english(sentence, ctx)
