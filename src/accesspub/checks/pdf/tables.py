"""Checkpoint 15: header cells say which cells they head."""

from __future__ import annotations

from .document import Document, Element
from .registry import rule


def _cells(table: Element):
    for k in table.kids:
        if k.type in ("TH", "TD"):
            yield k
        elif k.type in ("TR", "THead", "TBody", "TFoot"):
            yield from _cells(k)


def _organized_by_headers(cells: list[Element]) -> bool:
    """Every TD names its headers and every TH has an ID (ISO 32000-1, 14.8.5.7)."""
    ids = {bytes(c.obj.ID) for c in cells if c.type == "TH" and "/ID" in c.obj}
    headers_ok = all(
        (h := c.attribute("Table", "Headers")) is not None and len(h) > 0 and all(bytes(x) in ids for x in h)
        for c in cells if c.type == "TD")
    return headers_ok and all("/ID" in c.obj for c in cells if c.type == "TH")


@rule("15-003", "In a table not organized with Headers attributes and IDs, a <TH> cell does not contain a "
                "Scope attribute.")
def header_scope(doc: Document):
    for table in (e for e in doc.elements if e.type == "Table"):
        cells = list(_cells(table))
        if _organized_by_headers(cells):
            continue
        for c in cells:
            if c.type == "TH" and c.attribute("Table", "Scope") is None:
                yield "a <TH> has no /Scope and the table does not link cells to headers by /Headers", c.where
