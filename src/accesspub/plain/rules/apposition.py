"""Apposition with a person: "…, der Bevollmächtigte der Landesregierung, Staatssekretär Kai Klose, betonte …"
→ "Kai Klose ist Staatssekretär." + "Kai Klose ist der Bevollmächtigte …" + the sentence with the name only."""

from __future__ import annotations

from ..grammar import is_finite, parse
from ..speakers import person_at
from ..text import Tok, end_sentence, join

NAME, KIND, LANGS = "apposition", "split", ("de",)


def apply(sentence: str, ctx) -> list[str] | None:
    toks = parse(sentence, "de")
    for c, t in enumerate(toks):
        if t.text != "," or c == 0:
            continue
        found = person_at(toks, c + 1)
        if not found:
            continue
        title, name, end = found
        if end >= len(toks) or toks[end].text not in (",", "."):
            continue
        start = max((k + 1 for k in range(c) if is_finite(toks[k]) or toks[k].text == ","), default=0)
        described = toks[start:c]
        if not described or described[0].tag != "ART":
            continue
        who = ctx.speaker(join(name))
        first = described[0]
        described = [Tok(first.text.lower(), first.space, first.tag, first.lemma)] + described[1:]
        facts = [end_sentence(f"{who} {ctx.data['is']} {join(title)}")] if title else []
        facts.append(end_sentence(f"{who} {ctx.data['is']} {join(described)}"))
        after = toks[end:]
        if after[0].text == "," and not (len(after) > 1 and after[1].tag in ("KOUS", "PRELS", "KON")):
            after = after[1:]
        main = join(toks[:start] + [Tok(who, True)] + after)
        return facts + [end_sentence(main)]
    return None
