"""A plain-language text written as Markdown (by a person, or by a rewriter) → PlainDoc, sentence per line,
words left as written."""

from __future__ import annotations

from pathlib import Path

import panflute as pf

from ..ingest.reader import read_text
from .document import Block, Line, PlainDoc, Section, plain_text_of
from .lexicon import words
from .text import sentences


def from_markdown(text: str, lang: str, level: str, title: str) -> PlainDoc:
    """Headings start sections; every sentence of a paragraph or list item becomes a line; '> ' is a quotation."""
    doc = read_text(text, "markdown", Path("plain.md"))
    ui = words(lang)["ui"]
    plain = PlainDoc(lang, level, title)
    counter = iter(range(1, 100000))

    def section() -> Section:
        if not plain.sections:
            plain.sections.append(Section(ui["heading_lead"]))
        return plain.sections[-1]

    def add(inlines, kind="p"):
        lines = [Line(f"p-{next(counter)}", s) for s in sentences(plain_text_of(inlines, lang), lang)]
        if lines:
            section().blocks.append(Block(kind, lines))

    def walk(blocks, kind="p"):
        for b in blocks:
            if isinstance(b, pf.Header):
                text = plain_text_of(b.content, lang)
                if b.level == 1 and not plain.sections:
                    plain.title = text
                else:
                    plain.sections.append(Section(text))
            elif isinstance(b, (pf.Para, pf.Plain)):
                add(b.content, kind)
            elif isinstance(b, pf.BlockQuote):
                walk(b.content, "quote")
            elif isinstance(b, (pf.BulletList, pf.OrderedList)):
                for item in b.content:
                    walk(item.content, kind)
            elif isinstance(b, pf.Div):
                walk(b.content, kind)
    walk(doc.content)
    plain.sections = [s for s in plain.sections if s.size()]
    return plain
