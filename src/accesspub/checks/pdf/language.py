"""Checkpoint 11: the natural language of every text can be determined (element /Lang, else catalog /Lang)."""

from __future__ import annotations

from collections import Counter

from pikepdf import Dictionary

from .document import TEXT_SHOWING, Document, valid_language
from .metadata import NS, xmp
from .registry import rule


def _doc_lang(doc: Document) -> bool:
    return valid_language(doc.catalog_lang)


@rule("11-001", "Natural language for text in page content cannot be determined.")
def page_text(doc: Document):
    missing = Counter()
    for e in doc.content:
        if e.operator not in TEXT_SHOWING or any(t == "Artifact" for t, _, _ in e.stack):
            continue
        inner = next(((m, key) for _, m, key in reversed(e.stack) if m is not None), None)
        elem = doc.tagged.get((inner[1], inner[0])) if inner else None
        lang = elem.lang if elem is not None else (str(doc.catalog_lang) if doc.catalog_lang is not None else None)
        if not valid_language(lang):
            missing[e.page] += 1
    if missing and doc.catalog_lang is not None and not valid_language(doc.catalog_lang):
        yield f"the catalog /Lang {str(doc.catalog_lang)!r} is no language tag", "catalog /Lang"
    for page, n in sorted(missing.items()):
        yield f"{n} text-showing operators with no determinable language on page {page}", f"page {page}"


@rule("11-002", "Natural language for text in Alt, ActualText and E attributes cannot be determined.")
def alternate_text(doc: Document):
    for e in doc.elements:
        keys = [k for k in ("/Alt", "/ActualText", "/E") if k in e.obj]
        if keys and not valid_language(e.lang):
            yield f"{'/'.join(k[1:] for k in keys)} of <{e.type or e.raw}> has no determinable language", e.where


@rule("11-003", "Natural language in the Outline entries cannot be determined.")
def outlines(doc: Document):
    outline = doc.root.get("/Outlines")
    if isinstance(outline, Dictionary) and "/First" in outline and not _doc_lang(doc):
        yield "bookmarks exist but the catalog has no /Lang to give their language", "catalog /Outlines"


@rule("11-004", "Natural language in the Contents entry for annotations cannot be determined.")
def annotation_contents(doc: Document):
    parents = doc.parent_tree()
    for number, page in enumerate(doc.pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            if "/Contents" not in annot:
                continue
            elem = None
            if "/StructParent" in annot:
                target = parents.get(int(annot.StructParent))
                elem = doc.by_objgen.get(target.objgen) if isinstance(target, Dictionary) else None
            lang = annot.get("/Lang") or (elem.lang if elem is not None else doc.catalog_lang)
            if not valid_language(lang):
                yield "an annotation's /Contents has no determinable language", f"page {number}"


@rule("11-005", "Natural language in the TU entry for form fields cannot be determined.")
def form_fields(doc: Document):
    form = doc.root.get("/AcroForm")
    if isinstance(form, Dictionary) and not _doc_lang(doc):
        for field in form.get("/Fields", []):
            if "/TU" in field and not valid_language(field.get("/Lang")):
                yield "a form field's /TU has no determinable language", "catalog /AcroForm"


@rule("11-006", "Natural language for document metadata cannot be determined.")
def metadata(doc: Document):
    if _doc_lang(doc):
        return
    tree = xmp(doc)
    if tree is None:
        return
    items = tree.findall(".//dc:title//rdf:li", NS) + tree.findall(".//dc:description//rdf:li", NS)
    undetermined = [li for li in items if not valid_language(li.get("{http://www.w3.org/XML/1998/namespace}lang"))
                    or li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"]
    if undetermined:
        yield "the catalog has no /Lang and the XMP title or description names no language", "catalog /Metadata"
