"""Every table has a caption: the author's, or one made from its column headings ("Tabelle 2: Landkreis, Kitas").

A caption names the table for screen-reader users moving from table to table and for the audio, which announces
it before reading the rows. The generated one only restates the table's own headings, so nothing is invented.
"""

from __future__ import annotations

import panflute as pf

from ..language.lexicon import lexicon
from ..language.normalise import rules
from ..language.registry import language_for
from ..tree import stringify, walk


def _headings(table: pf.Table) -> list[str]:
    if not (table.head and table.head.content):
        return []
    return [h for h in (" ".join(stringify(c).split()) for c in table.head.content[0].content) if h]


CAPTION_MARKS = ("Table:", ":")     # pandoc's Markdown caption line, next to the table (the CommonMark reader keeps it)


def _caption_line(block) -> list | None:
    """The inlines of a `Table: …` paragraph, without the mark, or None."""
    if not isinstance(block, pf.Para) or not block.content or not isinstance(block.content[0], pf.Str):
        return None
    if block.content[0].text not in CAPTION_MARKS:
        return None
    rest = list(block.content[1:])
    while rest and isinstance(rest[0], (pf.Space, pf.SoftBreak)):
        rest.pop(0)
    return rest or None


def _author_captions(doc: pf.Doc) -> None:
    """A `Table: …` line right after a table (or, failing that, right before it) becomes its caption."""
    tables: list[pf.Table] = []
    walk(doc, lambda e, d: tables.append(e) if isinstance(e, pf.Table) else None)
    for table in tables:
        if table.caption and table.caption.content and stringify(table.caption).strip():
            continue
        for near in (table.next, table.prev):
            inlines = _caption_line(near)
            if inlines:
                table.caption = pf.Caption(pf.Plain(*inlines))
                near.parent.content.remove(near)
                break


def apply(doc: pf.Doc, lang: str) -> None:
    """Give each table without a caption the author's `Table:` line, or one made from its number and its
    column headings."""
    _author_captions(doc)
    word = rules(lang).data["speech"]["table"] if language_for(lang).normalise else \
        (lexicon(lang).get("speech") or {}).get("table", "Table")
    tables: list[pf.Table] = []
    walk(doc, lambda e, d: tables.append(e) if isinstance(e, pf.Table) else None)
    for n, table in enumerate(tables, 1):
        if table.caption and table.caption.content and stringify(table.caption).strip():
            continue
        heads = _headings(table)
        text = f"{word} {n}" + (f": {', '.join(heads)}" if heads else "")
        words = [pf.Str(w) for w in text.split()]
        inlines = [x for w in words for x in (w, pf.Space())][:-1]
        table.caption = pf.Caption(pf.Plain(*inlines))
