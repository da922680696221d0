"""Checkpoint 09: table and list elements nest as ISO 32000-1 Tables 336 and 337 require."""

from __future__ import annotations

from .document import Document, Element
from .registry import rule

TABLE_PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
                 "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}}
TABLE_KIDS = {"Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "TR": {"TH", "TD"},
              "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"}}
LIST_PARENTS = {"LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"}}
LIST_KIDS = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}}


def _nesting(doc: Document, parents: dict, kids: dict):
    for e in doc.elements:
        parent = e.parent.type if e.parent is not None else "StructTreeRoot"
        if e.type in parents and parent not in parents[e.type]:
            yield f"<{e.type}> inside <{parent}>; it belongs in " + " or ".join(
                f"<{p}>" for p in sorted(parents[e.type])), e.where
        if e.type in kids:
            for k in e.kids:
                if k.type not in kids[e.type]:
                    yield f"<{k.type}> inside <{e.type}>, which holds only " + ", ".join(
                        f"<{t}>" for t in sorted(kids[e.type])), k.where
            yield from _caption(e)


def _caption(e: Element):
    captions = [i for i, k in enumerate(e.kids) if k.type == "Caption"]
    if captions and (len(captions) > 1 or captions[0] not in (0, len(e.kids) - 1)):
        yield f"<Caption> of <{e.type}> must be its only first or last child", e.where


@rule("09-004", "A table-related structure element is used in a way that does not conform to the syntax "
                "defined in ISO 32000-1, Table 337.")
def tables(doc: Document):
    yield from _nesting(doc, TABLE_PARENTS, TABLE_KIDS)


@rule("09-005", "A list-related structure element is used in a way that does not conform to Table 336 "
                "in ISO 32000-1.")
def lists(doc: Document):
    yield from _nesting(doc, LIST_PARENTS, LIST_KIDS)
