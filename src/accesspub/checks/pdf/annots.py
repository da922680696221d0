"""Checkpoint 28: links are tagged, described and reached in structure order."""

from __future__ import annotations

from pikepdf import Dictionary, Name

from .document import Document
from .registry import rule


def _annots(doc: Document):
    for number, page in enumerate(doc.pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            yield number, page, annot


@rule("28-008", "A page containing an annotation does not contain a Tabs entry.")
def tabs_present(doc: Document):
    for number, page in enumerate(doc.pdf.pages, start=1):
        if page.obj.get("/Annots") and "/Tabs" not in page.obj:
            yield "a page with annotations has no /Tabs: keyboard order is undefined", f"page {number}"


@rule("28-009", "A page containing an annotation has a Tabs entry with a value other than S.")
def tabs_structure(doc: Document):
    for number, page in enumerate(doc.pdf.pages, start=1):
        if page.obj.get("/Annots") and "/Tabs" in page.obj and page.obj.Tabs != Name.S:
            yield f"/Tabs is {page.obj.Tabs}, not /S (structure order)", f"page {number}"


@rule("28-011", "A link annotation is not nested within a <Link> tag.")
def link_tagged(doc: Document):
    parents = doc.parent_tree()
    for number, _, annot in _annots(doc):
        if annot.get("/Subtype") != Name.Link:
            continue
        target = parents.get(int(annot.StructParent)) if "/StructParent" in annot else None
        elem = doc.by_objgen.get(target.objgen) if isinstance(target, Dictionary) else None
        if elem is None or elem.type != "Link":
            yield "a link annotation is not the child of a <Link> element in the structure tree", f"page {number}"


@rule("28-012", "A link annotation does not include an alternate description in its Contents entry.")
def link_contents(doc: Document):
    for number, _, annot in _annots(doc):
        if annot.get("/Subtype") == Name.Link and not str(annot.get("/Contents", "")).strip():
            yield "a link annotation has no /Contents describing where it leads", f"page {number}"
