"""Known abbreviations → Span.abbr with the expansion as title (rendered as <abbr title> in HTML)."""

from __future__ import annotations

import re

import panflute as pf

from .lexicon import lexicon
from ..tree import walk

ABBR_CLASS = "abbr"
_EDGE = re.compile(r"^([(\[„“‚]*)(.*?)([)\],;:!?“”‘…]*)$")


def _table(lang: str) -> dict[tuple[str, ...], str]:
    """Abbreviations as token tuples ("z.", "B.") → expansion."""
    return {tuple(k.split()): v for k, v in lexicon(lang)["abbreviations"].items()}


def _match(items, i, n, table):
    """(lead, key, tail) when the n words from items[i] form a known abbreviation."""
    words, gaps = items[i:i + 2 * n - 1:2], items[i + 1:i + 2 * n - 1:2]
    if len(words) < n or not all(isinstance(w, pf.Str) for w in words) or \
            not all(isinstance(g, pf.Space) for g in gaps):
        return None
    texts = [w.text for w in words]
    tail = _EDGE.match(texts[-1])[3]
    if tail:
        texts[-1] = texts[-1][:-len(tail)]
    lead = _EDGE.match(texts[0])[1]
    texts[0] = texts[0][len(lead):]
    key = tuple(texts)
    return (lead, key, tail) if key in table else None


def _tag(inlines, table, longest: int) -> list:
    out, items, i = [], list(inlines), 0
    while i < len(items):
        hit = None
        if isinstance(items[i], pf.Str):
            hit = next(((n, m) for n in range(longest, 0, -1) if (m := _match(items, i, n, table))), None)
        if not hit:
            out.append(items[i])
            i += 1
            continue
        n, (lead, key, tail) = hit
        words = [pf.Str(key[0])]
        for word in key[1:]:
            words += [pf.Space(), pf.Str(word)]
        out += [pf.Str(lead)] if lead else []
        out.append(pf.Span(*words, classes=[ABBR_CLASS], attributes={"title": table[key]}))
        out += [pf.Str(tail)] if tail else []
        i += 2 * n - 1
    return out


def apply(doc: pf.Doc, lang: str) -> None:
    """Wrap known abbreviations of the release's language in every inline list that holds words."""
    table = _table(lang)
    longest = max((len(k) for k in table), default=1)

    def action(e, d):
        if isinstance(e, pf.Span) and ABBR_CLASS in e.classes:
            return
        content = getattr(e, "content", None)
        if isinstance(e, (pf.Para, pf.Plain, pf.Span, pf.Emph, pf.Strong, pf.Quoted, pf.Link)) and content is not None \
                and any(isinstance(x, pf.Str) for x in content):
            e.content = _tag(list(content), table, longest)
    walk(doc, action)
