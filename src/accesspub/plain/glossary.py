"""Glossary terms in a plain text: where each is first used, and the words of a line marked as terms."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .document import PlainDoc
from .lexicon import Term


def _norm(word: str) -> str:
    return re.sub(r"[-·\u00ad]", "", word).lower()


_ENDINGS = ("", "e", "en", "er", "es", "em", "n", "s", "ern", "ed", "ing", "'s", "’s")


_WORD = re.compile(r"[\wÄÖÜäöüß][\wÄÖÜäöüß·\-]*[\wÄÖÜäöüß]|[\wÄÖÜäöüß]")


def _phrases(term: Term) -> list[re.Pattern]:
    """Patterns for the spellings of a term that are several words ("öffentliche Hand", "council tax")."""
    return [re.compile(rf"(?<![\w-]){re.escape(s)}(?![\w-])", re.I) for s in term.spellings() if " " in s]


class TermFinder:
    """The terms of a list, indexed once: a word is looked up by its spelling and its stems (word minus an
    inflection ending), not compared with every term; phrases are searched as patterns."""

    def __init__(self, terms: list[Term]):
        self.terms = list(terms)
        self._rank = {id(t): i for i, t in enumerate(self.terms)}
        self._words: dict[str, list[Term]] = {}
        self._phrases = [(t, p) for t in self.terms if (p := _phrases(t))]
        for t in self.terms:
            for s in t.spellings():
                if " " not in s:
                    self._words.setdefault(_norm(s), []).append(t)

    def of_word(self, word: str) -> list[Term]:
        """The terms this word is a spelling of, or one with an inflection ending ("interkulturelles"), in list
        order."""
        w = _norm(word)
        hits = list(self._words.get(w, ()))
        for ending in _ENDINGS[1:]:
            if w.endswith(ending) and len(w) - len(ending) >= 4:
                hits += self._words.get(w[:-len(ending)], ())
        return sorted({id(t): t for t in hits}.values(), key=lambda t: self._rank[id(t)])

    def uses_in(self, text: str, skip: set[str] = frozenset()) -> list[Term]:
        """The terms a text uses (except those keyed in `skip`), in order of first appearance."""
        found: dict[str, tuple[int, Term]] = {}
        for t, patterns in self._phrases:
            if t.key in skip:
                continue
            for p in patterns:
                m = p.search(text)
                if m and (t.key not in found or m.start() < found[t.key][0]):
                    found[t.key] = (m.start(), t)
        for m in _WORD.finditer(text):
            for t in self.of_word(m.group(0)):
                if t.key not in found and t.key not in skip:
                    found[t.key] = (m.start(), t)
        return [t for _, t in sorted(found.values(), key=lambda x: x[0])]


def uses_in(text: str, terms: list[Term]) -> list[Term]:
    """The terms a text uses, in order of first appearance."""
    return TermFinder(terms).uses_in(text)


def first_uses(doc: PlainDoc, terms: list[Term]) -> list[tuple[Term, str]]:
    """(term, id of the line that first uses it), in reading order."""
    finder = TermFinder(terms)
    seen: dict[str, tuple[Term, str]] = {}
    for line in doc.lines():
        for t in finder.uses_in(line.text, skip=set(seen)):
            seen[t.key] = (t, line.id)
    return list(seen.values())


LIST_BELOW = {"de": 4.5, "en": 4.5}


def worth_listing(term: Term, lang: str) -> bool:
    """The word list holds the publisher's terms and the shipped ones that are not everyday words."""
    from wordfreq import zipf_frequency
    return term.source != "shipped" or zipf_frequency(term.term, lang) < LIST_BELOW.get(lang, 4.5)


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
    for t in list(first.values()):
        for p in _phrases(t):
            m = p.search(text)
            if m and t.key in first:
                out.append(escape(text[pos:m.start()]))
                out.append(Markup('<a class="term" href="#{}">{}</a>').format(slug(t), m.group(0)))
                text, pos = text[m.end():], 0
                del first[t.key]
    finder = TermFinder(list(first.values()))
    for m in _WORD.finditer(text):
        hit = next((t for t in finder.of_word(m.group(0)) if t.key in first), None)
        if hit is None:
            continue
        out.append(escape(text[pos:m.start()]))
        out.append(Markup('<a class="term" href="#{}">{}</a>').format(slug(hit), m.group(0)))
        pos = m.end()
        del first[hit.key]
    out.append(escape(text[pos:]))
    return Markup("").join(out)
