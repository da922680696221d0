"""Rare or foreign words must be explained: words that are rare in everyday language (wordfreq) and are
neither in the glossary nor names."""

from wordfreq import zipf_frequency

from ..grammar import parse
from ..text import tokens

NAME, LANGS, SEVERITY = "rare_words", ("de", "en"), "warning"
THRESHOLD = {"einfach": 2.5, "leicht": 3.0, "plain": 3.0}


def _explained(word: str, ctx) -> bool:
    low = word.lower()
    return low in ctx.explained or any(low.startswith(e) and len(low) - len(e) <= 3 for e in ctx.explained)


def check(sentence: str, ctx) -> list[str]:
    toks = parse(sentence, ctx.lang) if ctx.lang == "de" else tokens(sentence, ctx.lang)
    limit = THRESHOLD.get(ctx.level, 3.0)
    hits = []
    for t in toks:
        if not t.text.isalpha() and "-" not in t.text and "·" not in t.text:
            continue
        if t.tag == "NE" or t.text in ctx.names or t.text.isupper() or _explained(t.text, ctx):
            continue
        parts = [p for p in t.text.replace("·", "-").split("-") if p]
        rare = [p for p in parts if p.isalpha() and zipf_frequency(p, ctx.lang) < limit
                and not _explained(p, ctx) and p not in ctx.names]
        if rare:
            hits.append(t.text)
    return [f"rare word '{h}'; explain it in the word list or use a common word" for h in dict.fromkeys(hits)]
