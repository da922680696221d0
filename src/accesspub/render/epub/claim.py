"""The conformance claim: written into an EPUB only after its checks passed, withdrawn when they fail."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .archive import read_epub, replace_entries
from .templates import strings

OPF = "EPUB/package.opf"
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
CLAIM_PROPERTIES = ("dcterms:conformsTo", "a11y:certifiedBy")
_NS = {"opf": "http://www.idpf.org/2007/opf"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _package(path: Path) -> etree._Element:
    entries, _ = read_epub(path)
    data = dict(entries)[OPF]
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def claim_of(path: Path) -> dict[str, list[str]]:
    """The claim an EPUB makes now: property → values (empty when it claims nothing)."""
    root = _package(path)
    found: dict[str, list[str]] = {}
    for meta in root.iterfind("opf:metadata/opf:meta", _NS):
        if meta.get("property") in CLAIM_PROPERTIES:
            found.setdefault(meta.get("property"), []).append((meta.text or "").strip())
    return found


def publisher_of(path: Path) -> str | None:
    """The EPUB's dc:publisher: the release's own publisher, which is also who certifies it."""
    node = _package(path).find("opf:metadata/{http://purl.org/dc/elements/1.1/}publisher", _NS)
    return (node.text or "").strip() or None if node is not None else None


def set_claim(path: Path, certifier: str | None) -> bool:
    """Claim EPUB Accessibility 1.1 / WCAG 2.1 AA certified by `certifier`, or withdraw it (None).

    The summary gains or loses its sentence about conformance to match. True when the file changed.
    """
    root = _package(path)
    metadata = root.find("opf:metadata", _NS)
    before = etree.tostring(root)
    sentence = strings(root.get(_XML_LANG, "en"))["summary"]["certified"]
    for meta in list(metadata.iterfind("opf:meta", _NS)):
        if meta.get("property") in CLAIM_PROPERTIES:
            metadata.remove(meta)
    summary = metadata.find("opf:meta[@property='schema:accessibilitySummary']", _NS)
    if summary is not None:
        summary.text = (summary.text or "").replace(" " + sentence, "").replace(sentence, "").strip()
    if certifier:
        anchor = summary if summary is not None else metadata[-1]
        position = list(metadata).index(anchor) + 1
        for prop, value in zip(CLAIM_PROPERTIES, (CONFORMS_TO, certifier)):
            meta = etree.Element(f"{{{_NS['opf']}}}meta", property=prop)
            meta.text = value
            meta.tail = "\n"
            metadata.insert(position, meta)
            position += 1
        if summary is not None:
            summary.text = f"{summary.text} {sentence}"
    if etree.tostring(root) == before:
        return False
    opf = b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"
    replace_entries(path, {OPF: opf})
    return True
