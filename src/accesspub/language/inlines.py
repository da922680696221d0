"""Text of pandoc inline lists with character offsets, shared by the language passes."""

from __future__ import annotations

import panflute as pf

from .registry import language_for


def quote_marks(lang: str, quote_type: str) -> tuple[str, str]:
    opening, closing, s_open, s_close = language_for(lang).quotes
    return (opening, closing) if quote_type == "DoubleQuote" else (s_open, s_close)


def children(elem: pf.Element):
    """Inline children of a container inline, or None for a leaf."""
    if isinstance(elem, (pf.Image, pf.Note)):
        return None
    return getattr(elem, "content", None) if isinstance(elem, pf.Inline) else None


def text_of(inlines, lang: str = "de") -> str:
    """Plain text of inlines as a reader hears it: quotes in the language's marks, breaks as spaces."""
    return "".join(_text(e, lang) for e in inlines)


def _text(e: pf.Element, lang: str) -> str:
    if type(e) is pf.Str:          # most inlines: words and the spaces between them
        return e.text
    if type(e) is pf.Space:
        return " "
    if isinstance(e, pf.Str):
        return e.text
    if isinstance(e, (pf.Space, pf.SoftBreak, pf.LineBreak)):
        return " "
    if isinstance(e, (pf.Code, pf.Math)):
        return e.text
    if isinstance(e, pf.Quoted):
        opening, closing = quote_marks(lang, e.quote_type)
        return opening + text_of(e.content, lang) + closing
    if isinstance(e, (pf.Note, pf.Image, pf.RawInline)):
        return ""
    kids = children(e)
    return text_of(kids, lang) if kids is not None else ""


def offsets(inlines, lang: str = "de", start: int = 0) -> list[tuple[int, int]]:
    """(start, end) character range of every top-level inline within text_of(inlines)."""
    ranges = []
    pos = start
    for e in inlines:
        n = len(_text(e, lang))
        ranges.append((pos, pos + n))
        pos += n
    return ranges


def inner_start(e: pf.Element, lang: str) -> int:
    """How many characters a container adds before its children (an opening quote mark)."""
    return len(quote_marks(lang, e.quote_type)[0]) if isinstance(e, pf.Quoted) else 0
