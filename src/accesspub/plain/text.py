"""Tokens and sentences of plain text (SoMaJo), and joining tokens back into text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language.registry import language_for

_WORD = re.compile(r"[^\W_]", re.UNICODE)


@dataclass
class Tok:
    """One token: its text, whether a space follows, and (German) its part-of-speech tag and lemma."""

    text: str
    space: bool = True
    tag: str = ""
    lemma: str = ""

    @property
    def is_word(self) -> bool:
        return bool(_WORD.search(self.text))


def _somajo(lang: str):
    return _somajo_model(language_for(lang).splitter)


@lru_cache(maxsize=2)
def _somajo_model(model: str):
    from somajo import SoMaJo
    return SoMaJo(model, split_camel_case=False)


@lru_cache(maxsize=4096)
def _tokenize(text: str, lang: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    out = []
    for sentence in _somajo(lang).tokenize_text([text]):
        out.append(tuple((t.text, bool(t.space_after)) for t in sentence))
    return tuple(out)


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of a paragraph of text."""
    if not text.strip():
        return []
    return [join([Tok(t, s) for t, s in sent]) for sent in _tokenize(text, lang)]


def tokens(sentence: str, lang: str) -> list[Tok]:
    """Tokens of one sentence (several sentences are run together)."""
    return [Tok(t, s) for sent in _tokenize(sentence, lang) for t, s in sent]


def words(text: str, lang: str) -> list[str]:
    """Words of a text: tokens that hold a letter or digit."""
    return [t.text for t in tokens(text, lang) if t.is_word]


def word_count(text: str, lang: str) -> int:
    return len(words(text, lang))


_NO_SPACE_BEFORE = set(",.;:!?)]}“”’%…")
_NO_SPACE_AFTER = set("([{„‚")


def body_end(toks: list[Tok], marks: tuple[str, ...] = (".", "!")) -> int:
    """The index after a sentence's last token that is not its closing mark (`marks`)."""
    end = len(toks)
    while end and toks[end - 1].text in marks:
        end -= 1
    return end


def join(toks: list[Tok]) -> str:
    """Tokens back to text: the original spacing where known, typographic rules at new seams."""
    out = ""
    for i, t in enumerate(toks):
        out += t.text
        if i + 1 < len(toks):
            nxt = toks[i + 1].text
            opening = nxt == "“" and t.space and i + 2 < len(toks) and not toks[i + 1].space \
                and toks[i + 2].is_word       # “ opens a quotation (English style) where the author spaced it so
            if t.text in _NO_SPACE_AFTER or (nxt[:1] in _NO_SPACE_BEFORE and nxt not in ("–", "—") and not opening):
                continue
            if not t.space and t.text.endswith(".") and t.text[:-1].isdigit() and nxt[:1].isdigit():
                continue        # a date as the author wrote it: "3.8." stays "3.8."
            if not t.space and nxt[:1] == "'" and nxt[1:].isalpha():
                continue        # a clitic as the author wrote it: "year's", "we're"
            if t.space or nxt == "–" or (t.is_word and toks[i + 1].is_word):
                out += " "
    return out.strip()


def capitalize(text: str) -> str:
    """First letter upper case (the rest unchanged)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch.isdigit():
            return text
    return text


def decapitalize(text: str, keep: bool) -> str:
    """First letter lower case unless `keep` (a German noun or a name keeps its capital)."""
    if keep or not text or text[:2].isupper():
        return text
    return text[0].lower() + text[1:]


def end_sentence(text: str) -> str:
    """Exactly one final punctuation mark: a period unless the text ends with ., !, ? or :."""
    text = text.strip().rstrip(",;–— ")
    if not text:
        return text
    if text[-1] in ".!?:":
        return text
    if text[-1] in "“”\"’" and len(text) > 1 and text[-2] in ".!?":
        return text
    return text + "."


def pieces(toks: list[Tok], mark: str) -> list[list[Tok]]:
    """The tokens in pieces between tokens equal to `mark` (the marks dropped)."""
    parts, current = [], []
    for t in toks:
        if t.text == mark:
            parts.append(current)
            current = []
        else:
            current.append(t)
    parts.append(current)
    return parts


def sentences_at(sentence: str, mark: str, lang: str) -> list[str]:
    """The parts of a sentence between tokens equal to `mark` (each part without the mark)."""
    return [join(p) for p in pieces(tokens(sentence, lang), mark) if any(t.is_word for t in p)]
