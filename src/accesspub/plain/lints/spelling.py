"""Spelling: words the Hunspell dictionary (spylls, Debian hunspell-de-de) does not know, names excepted."""

from ..compounds import _dictionary, spelled_right
from ..grammar import parse

NAME, LANGS, SEVERITY = "spelling", ("de",), "warning"


def check(sentence: str, ctx) -> list[str]:
    if _dictionary() is None:
        return []
    hits = []
    for t in parse(sentence, "de"):
        if not t.is_word or t.tag in ("NE", "TRUNC") or t.text.endswith("-") or t.text in ctx.names or t.text.isupper() or any(c.isdigit() for c in t.text):
            continue
        for part in t.text.replace("·", "-").split("-"):
            if part and not part.isupper() and not spelled_right(part) and not spelled_right(t.text.replace("·", "")):
                hits.append(t.text)
                break
    return [f"unknown spelling '{h}'" for h in dict.fromkeys(hits)]
