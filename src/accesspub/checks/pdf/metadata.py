"""Checkpoints 01-007, 06 and 07: the document says it is tagged PDF/UA, has a title and shows it."""

from __future__ import annotations

from lxml import etree
from pikepdf import Dictionary

from .document import Document
from .registry import rule

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_pis=True)


def xmp(doc: Document):
    """The catalog's XMP packet as an lxml tree, or None when there is none or it is not XML."""
    stream = doc.root.get("/Metadata")
    if stream is None:
        return None
    try:
        return etree.fromstring(stream.read_bytes(), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _values(tree, prefix: str, name: str) -> list[str]:
    """A property as rdf:Description attribute or element (with rdf:Alt/Seq/Bag items)."""
    uri = NS[prefix]
    out = [d.get(f"{{{uri}}}{name}") for d in tree.iter(f"{{{NS['rdf']}}}Description")
           if d.get(f"{{{uri}}}{name}") is not None]
    for el in tree.iter(f"{{{uri}}}{name}"):
        items = el.findall(".//rdf:li", NS)
        out.extend((li.text or "").strip() for li in items) if items else out.append((el.text or "").strip())
    return out


@rule("01-007", "Suspects entry has a value of true.")
def suspects(doc: Document):
    mark = doc.root.get("/MarkInfo")
    if isinstance(mark, Dictionary) and bool(mark.get("/Suspects", False)):
        yield "MarkInfo /Suspects is true: the tagging is declared unreliable", "catalog"


@rule("06-001", "Document does not contain an XMP metadata stream.")
def has_xmp(doc: Document):
    if xmp(doc) is None:
        yield "the catalog has no (well-formed) XMP metadata stream", "catalog /Metadata"


@rule("06-002", "The XMP metadata stream in the Catalog dictionary does not include the PDF/UA identifier.")
def pdfua_identifier(doc: Document):
    tree = xmp(doc)
    if tree is not None and "1" not in [v.strip() for v in _values(tree, "pdfuaid", "part")]:
        yield "the XMP metadata lacks pdfuaid:part = 1", "catalog /Metadata"


@rule("06-003", "XMP metadata stream does not contain dc:title.")
def dc_title(doc: Document):
    tree = xmp(doc)
    if tree is not None and not any(v for v in _values(tree, "dc", "title")):
        yield "the XMP metadata has no (non-empty) dc:title", "catalog /Metadata"


@rule("07-001", "ViewerPreferences dictionary of the Catalog dictionary does not contain a DisplayDocTitle entry.")
def display_title_present(doc: Document):
    prefs = doc.root.get("/ViewerPreferences")
    if not isinstance(prefs, Dictionary) or "/DisplayDocTitle" not in prefs:
        yield "no ViewerPreferences /DisplayDocTitle: viewers show the file name instead of the title", "catalog"


@rule("07-002", "ViewerPreferences dictionary of the Catalog dictionary contains a DisplayDocTitle entry "
                "with a value of false.")
def display_title_true(doc: Document):
    prefs = doc.root.get("/ViewerPreferences")
    if isinstance(prefs, Dictionary) and "/DisplayDocTitle" in prefs and not bool(prefs.DisplayDocTitle):
        yield "ViewerPreferences /DisplayDocTitle is false", "catalog"
