"""People in a release: "Staatssekretär Kai Klose" → title + name, and the aliases that refer to them later
("der Staatssekretär", "Klose", "der Bevollmächtigte …")."""

from __future__ import annotations

from functools import lru_cache


from .grammar import parse
from .text import Tok, join
from ..shipped import shipped_yaml


@lru_cache(maxsize=None)
def titles(lang: str) -> frozenset[str]:
    """Job titles that stand before a person's name."""
    return frozenset(shipped_yaml("accesspub.plain", "data", "titles.yaml").get(lang, []))


def _name_token(t: Tok, lang: str) -> bool:
    return t.text[:1].isupper() and t.text.isalpha() and t.text not in titles(lang) and \
        t.tag not in ("ART", "APPR", "APPRART", "KON", "PPER", "VV(FIN)", "VA(FIN)", "ADV", "ADJ(A)")


def person_at(toks: list[Tok], i: int, lang: str = "de") -> tuple[list[Tok], list[Tok], int] | None:
    """(title tokens, name tokens, index after the name) when a titled name starts at toks[i]."""
    j = i
    while j < len(toks) and toks[j].text in titles(lang):
        j += 1
    if j == i:
        return None
    k = j
    while k < len(toks) and k - j < 3 and _name_token(toks[k], lang):
        k += 1
    if k - j < 2 and not (k - j == 1 and toks[k - 1].tag == "NE"):
        return None
    return toks[i:j], toks[j:k], k


def aliases(texts: list[str], lang: str) -> dict[str, str]:
    """Ways a text refers to each titled person → the full name."""
    out: dict[str, str] = {}
    for text in texts:
        toks = parse(text, lang)
        for i in range(len(toks)):
            found = person_at(toks, i, lang)
            if not found:
                continue
            title, name, _ = found
            full = join(name)
            out.setdefault(full, full)
            out.setdefault(name[-1].text, full)
            for t in title:
                out.setdefault(t.text, full)
            # the noun of an apposition before it: "der Bevollmächtigte …, Staatssekretär Kai Klose"
            if i >= 2 and toks[i - 1].text == ",":
                before = toks[:i - 1]
                verbs = [k for k, t in enumerate(before) if t.tag.endswith("(FIN)")]
                for t in before[verbs[-1] + 1 if verbs else 0:]:
                    if t.tag in ("NN", "NNA") and t.text[:1].isupper():
                        out.setdefault(t.text, full)
                        break
    return out
