"""Typographic quotation marks in text („…“, “…”, ‚…‘) → pandoc Quoted elements, when balanced."""

from __future__ import annotations

import panflute as pf

from .registry import language_for
from ..tree import stringify, walk


def _marks(lang: str) -> dict[str, tuple[str, str]]:
    """char → (role, quote type) for the language's marks."""
    o, c, so, sc = language_for(lang).quotes
    marks = {o: ("open", "DoubleQuote"), c: ("close", "DoubleQuote")}
    if sc != "’":  # where the single closing quote is also the apostrophe, single quotes are not matched
        marks.update({so: ("open", "SingleQuote"), sc: ("close", "SingleQuote")})
    return marks


class _Mark:
    """A quotation mark cut out of a Str while pairs are matched (never text: the source may contain anything)."""

    def __init__(self, char: str):
        self.char = char


def _explode(inlines, marks) -> list:
    """Split Str elements so that each quotation mark stands alone as a _Mark."""
    out = []
    for e in inlines:
        if isinstance(e, pf.Str) and any(ch in marks for ch in e.text):
            buf = ""
            for ch in e.text:
                if ch in marks:
                    if buf:
                        out.append(pf.Str(buf))
                        buf = ""
                    out.append(_Mark(ch))
                else:
                    buf += ch
            if buf:
                out.append(pf.Str(buf))
        else:
            out.append(e)
    return out


def _merge(inlines) -> list:
    """Unmatched marks back into text; adjacent Str joined again."""
    out = []
    for e in inlines:
        if isinstance(e, _Mark):
            e = pf.Str(e.char)
        if isinstance(e, pf.Str) and out and isinstance(out[-1], pf.Str):
            out[-1] = pf.Str(out[-1].text + e.text)
            continue
        out.append(e)
    return out


def quote_inlines(inlines, lang: str) -> list:
    """Balanced quotation marks in a flat inline list become (nested) Quoted elements."""
    marks = _marks(lang)
    items = _explode(inlines, marks)
    stack: list[tuple[int, str]] = []
    i = 0
    while i < len(items):
        e = items[i]
        if isinstance(e, _Mark):
            role, qtype = marks[e.char]
            if role == "open":
                stack.append((i, qtype))
            elif stack and stack[-1][1] == qtype:
                start, _ = stack.pop()
                inner = _merge(items[start + 1:i])
                items[start:i + 1] = [pf.Quoted(*inner, quote_type=qtype)]
                i = start
        i += 1
    return _merge(items)


def apply(doc: pf.Doc, lang: str) -> None:
    """Turn balanced typographic quotes into Quoted everywhere in the body."""
    def action(e, d):
        if isinstance(e, (pf.Para, pf.Plain)) and any(isinstance(x, pf.Str) for x in e.content):
            e.content = quote_inlines(list(e.content), lang)
    walk(doc, action)


_ATTRIBUTION_WORDS = 8


def _attribution(rest) -> list | None:
    """', so der Staatssekretär.' / ', said the minister.' after a quotation → its inlines without the comma."""
    text = "".join(stringify(e) for e in rest).strip()
    if not text.startswith(",") or not text.endswith(".") or len(text.split()) > _ATTRIBUTION_WORDS:
        return None
    inlines = list(rest)
    while inlines and (isinstance(inlines[0], pf.Space) or stringify(inlines[0]).strip() in (",", "")):
        inlines.pop(0)
    if inlines and isinstance(inlines[0], pf.Str) and inlines[0].text.startswith(","):
        inlines[0] = pf.Str(inlines[0].text[1:])
    return inlines or None


def block_quotes(doc: pf.Doc) -> None:
    """A paragraph that is one quotation plus a short attribution becomes a figure: blockquote + caption."""
    def action(e, d):
        if not isinstance(e, pf.Para) or not e.content or not isinstance(e.content[0], pf.Quoted):
            return None
        if len(stringify(e.content[0]).split()) < 8:
            return None
        rest = list(e.content[1:])
        if rest and isinstance(rest[0], pf.Str) and rest[0].text.startswith(","):
            attribution = _attribution(rest)
            if attribution:
                quote = pf.BlockQuote(pf.Para(*e.content[0].content))
                caption = pf.Caption(pf.Plain(*attribution))
                return pf.Figure(quote, caption=caption, classes=["quote"])
        return None
    walk(doc, action)
