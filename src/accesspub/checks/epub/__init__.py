"""EPUB checks: EPUBCheck (one JVM), DAISY Ace (one Node process, one Chromium) and our lint, then the claim.

The EPUB rendition is written without a conformance claim. Only here, after EPUBCheck has found no error,
Ace no violation and the lint no error, does the EPUB get `dcterms:conformsTo` "EPUB Accessibility 1.1 -
WCAG 2.1 Level AA" and `a11y:certifiedBy` (the publisher); an EPUB that fails loses a claim it had. A claimed
EPUB is checked again by EPUBCheck and the lint (same JVM, ~0.1 s), so the file that goes out is the file checked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ...config import Settings
from ...findings import Finding
from ...render.epub.claim import CONFORMS_TO, publisher_of, set_claim
from . import ace
from .epubcheck import EpubCheck
from .lint import lint


def blocks_claim(finding: Finding) -> bool:
    """Any error, and any Ace violation at all, withholds the conformance claim."""
    return finding.severity == "error" or (finding.check == "ace" and finding.severity == "warning")


def _set_claim(path: Path, certifier: str | None) -> bool:
    """set_claim, for an EPUB that may be unreadable (then there is nothing to claim or withdraw)."""
    try:
        return set_claim(path, certifier)
    except (OSError, KeyError, IndexError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return False


def _certifier(path: Path, settings: Settings) -> str:
    """Who certifies the EPUB: its own publisher (a release may name one), else the configured one."""
    try:
        return publisher_of(path) or settings.publisher.name
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return settings.publisher.name


def _claim_finding(path: Path, blockers: list[Finding], certifier: str) -> Finding:
    if blockers:
        rules = sorted({f"{f.check}/{f.rule}" for f in blockers})
        return Finding("epub-claim", "epub", "conformance-not-claimed", "warning",
                       f"the EPUB does not claim EPUB Accessibility 1.1 (WCAG 2.1 AA): {len(blockers)} problem(s) "
                       f"found ({', '.join(rules)})", path.name)
    return Finding("epub-claim", "epub", "conformance-claimed", "info",
                   f"EPUBCheck, Ace and lint passed: the EPUB claims '{CONFORMS_TO}', certified by {certifier}",
                   path.name)


def check(items: list[tuple[str, Path]], settings: Settings | None = None) -> dict[str, list[Finding]]:
    settings = settings or Settings()
    certifiers = {path: _certifier(path, settings) for _, path in items if path.exists()}
    found: dict[str, list[Finding]] = {slug: [] for slug, _ in items}
    present = [(slug, path) for slug, path in items if path.exists()]
    for slug, path in items:
        if not path.exists():
            found[slug].append(Finding("epub", "epub", "epub-missing", "error", "the EPUB was not built", path.name))
    if not present:
        return found
    with EpubCheck() as epubcheck:
        absent = epubcheck.missing()
        if not absent:
            for _, path in present:
                epubcheck.submit(path)
        aced = ace.check_all([path for _, path in present])        # runs while the JVM checks
        checked = {path: [absent] for _, path in present} if absent else epubcheck.collect()
        linted = {path: lint(path) for _, path in present}
        changed = []
        for slug, path in present:
            blockers = [f for f in checked[path] + aced[path] + linted[path] if blocks_claim(f)]
            if _set_claim(path, None if blockers else certifiers[path]):
                changed.append(path)
            found[slug].append(_claim_finding(path, blockers, certifiers[path]))
        if changed and not absent:
            for path in changed:
                epubcheck.submit(path)
            checked.update(epubcheck.collect())
            linted.update({path: lint(path) for path in changed})
            for slug, path in present:
                blockers = [f for f in checked[path] + aced[path] + linted[path] if blocks_claim(f)]
                if path in changed and blockers and _set_claim(path, None):
                    found[slug][-1] = _claim_finding(path, blockers, certifiers[path])
    for slug, path in present:
        found[slug][:0] = checked[path] + aced[path] + linted[path]
    return found
