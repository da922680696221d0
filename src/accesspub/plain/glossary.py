"""Glossary terms in a plain text: where each is first used, and the words of a line marked as terms."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .document import PlainDoc
from .lexicon import Term


def _norm(word: str) -> str:
    return re.sub(r"[-·\u00ad]", "", word).lower()


def _matches(word: str, term: Term) -> bool:
    w = _norm(word)
    return any(w == _norm(s) for s in term.spellings())


_WORD = re.compile(r"[\wÄÖÜäöüß][\wÄÖÜäöüß·\-]*[\wÄÖÜäöüß]|[\wÄÖÜäöüß]")


def first_uses(doc: PlainDoc, terms: list[Term]) -> list[tuple[Term, str]]:
    """(term, id of the line that first uses it), in reading order."""
    seen: dict[str, tuple[Term, str]] = {}
    for line in doc.lines():
        for m in _WORD.finditer(line.text):
            for t in terms:
                if t.key not in seen and _matches(m.group(0), t):
                    seen[t.key] = (t, line.id)
    return list(seen.values())


INLINE_BELOW = {"einfach": 3.5, "leicht": 4.5, "plain": 3.5}


def needs_inline(term: Term, level: str) -> bool:
    """Rare terms are explained right where they are used; all used terms are in the word list."""
    from wordfreq import zipf_frequency
    lang = "de" if level in ("einfach", "leicht") else "en"
    return zipf_frequency(term.term, lang) < INLINE_BELOW.get(level, 3.5)


def slug(term: Term) -> str:
    return "wort-" + re.sub(r"[^a-z0-9äöüß]+", "-", term.key).strip("-")


def mark(text: str, first: dict[str, Term]) -> Markup:
    """A line as HTML: escaped, with the first use of each term linked to its entry in the word list."""
    out, pos = [], 0
    for m in _WORD.finditer(text):
        hit = next((t for k, t in list(first.items()) if _matches(m.group(0), t)), None)
        if hit is None:
            continue
        out.append(escape(text[pos:m.start()]))
        out.append(Markup('<a class="term" href="#{}">{}</a>').format(slug(hit), m.group(0)))
        pos = m.end()
        del first[hit.key]
    out.append(escape(text[pos:]))
    return Markup("").join(out)
