"""The conformance claim: written into an EPUB by the certify stage only after its checks passed, withdrawn
when they fail (see `certify`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ...config import Settings
from ...findings import Finding

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


def blocks_claim(finding: Finding) -> bool:
    """Any error, and any Ace violation at all, withholds the conformance claim."""
    return finding.severity == "error" or (finding.check == "ace" and finding.severity == "warning")


def _claim_finding(path: Path, blockers: list[Finding], certifier: str, claimed: bool, write: bool) -> Finding:
    """What the EPUB claims now, against what its findings support."""
    rules = ", ".join(sorted({f"{f.check}/{f.rule}" for f in blockers}))
    if blockers and claimed:        # `accesspub check` only reads: the next build withdraws it
        return Finding("epub-claim", "epub", "conformance-claim-unearned", "error",
                       f"the EPUB claims '{CONFORMS_TO}' but {len(blockers)} problem(s) were found ({rules}); "
                       "run 'accesspub build' to withdraw the claim", path.name)
    if blockers:
        return Finding("epub-claim", "epub", "conformance-not-claimed", "warning",
                       f"the EPUB does not claim EPUB Accessibility 1.1 (WCAG 2.1 AA): {len(blockers)} problem(s) "
                       f"found ({rules})", path.name)
    if not claimed:
        return Finding("epub-claim", "epub", "conformance-not-claimed", "warning",
                       "EPUBCheck, Ace and lint passed, but the EPUB does not claim conformance"
                       + ("" if write else "; run 'accesspub build' to certify it"), path.name)
    return Finding("epub-claim", "epub", "conformance-claimed", "info",
                   f"EPUBCheck, Ace and lint passed: the EPUB claims '{CONFORMS_TO}', certified by {certifier}",
                   path.name)


def _claimed(path: Path) -> bool:
    try:
        return bool(claim_of(path))
    except (OSError, KeyError, IndexError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return False


def _certifier(path: Path, settings: Settings) -> str:
    """Who certifies the EPUB: its own publisher (a release may name one), else the configured one."""
    try:
        return publisher_of(path) or settings.publisher.name
    except (OSError, KeyError, IndexError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return settings.publisher.name


def certify(items: list[tuple[str, Path]], found: dict[str, list[Finding]], settings: Settings,
            write: bool = True, may_claim: bool = True) -> tuple[list[tuple[str, Path]], dict[str, list[Finding]]]:
    """The certify stage for EPUBs: from their check findings, claim conformance or withdraw the claim.

    `found` holds each slug's findings on its EPUB. Returns the EPUBs this changed (to be checked again) and
    the claim finding of each. With `write=False` (`accesspub check`) nothing is written: a claim that the
    findings no longer support is an error finding. `may_claim=False` only withdraws (after a re-check).
    """
    changed: list[tuple[str, Path]] = []
    claims: dict[str, list[Finding]] = {}
    for slug, path in items:
        if not path.exists():
            continue
        certifier = _certifier(path, settings)
        blockers = [f for f in found.get(slug, []) if blocks_claim(f)]
        earned = not blockers and may_claim
        if write and (earned or blockers):
            try:
                if set_claim(path, certifier if earned else None):
                    changed.append((slug, path))
            except (OSError, KeyError, IndexError, zipfile.BadZipFile, etree.XMLSyntaxError):
                pass        # unreadable: nothing to claim or withdraw; EPUBCheck has said why
        claims[slug] = [_claim_finding(path, blockers, certifier, _claimed(path), write)]
    return changed, claims
