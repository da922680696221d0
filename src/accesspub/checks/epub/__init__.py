"""EPUB checks: EPUBCheck (one JVM) and DAISY Ace (one Node process, one Chromium) side by side, then our lint.

They only read. Whether the EPUB may claim EPUB Accessibility 1.1 follows from their findings and is written by
the certify stage (`render/epub/claim.certify`), which has the changed file checked again by `recheck`.
"""

from __future__ import annotations

from pathlib import Path

from ...config import Settings
from ...findings import Finding
from .. import services
from . import ace
from .epubcheck import EpubCheck
from .lint import lint

RECHECKED = ("epubcheck", "epub-lint")
"""What `recheck` checks again (Finding.check); Ace's findings on the content documents stand."""


def warm_up() -> None:
    with services.use("epubcheck", EpubCheck) as epubcheck:
        if not epubcheck.missing():
            epubcheck.start()
    if not ace.missing():
        services.get("ace", ace.Ace)


def _present(items, found):
    for slug, path in items:
        if not path.exists():
            found[slug].append(Finding("epub", "epub", "epub-missing", "error", "the EPUB was not built", path.name))
    return [(slug, path) for slug, path in items if path.exists()]


def _run(items: list[tuple[str, Path]], with_ace: bool) -> dict[str, list[Finding]]:
    """EPUBCheck (one warm JVM), our lint and, with `with_ace`, Ace running while the JVM checks."""
    found: dict[str, list[Finding]] = {slug: [] for slug, _ in items}
    present = _present(items, found)
    if not present:
        return found
    with services.use("epubcheck", EpubCheck) as epubcheck:
        absent = epubcheck.missing()
        if not absent:
            for _, path in present:
                epubcheck.submit(path)
        aced = ace.check_all([path for _, path in present]) if with_ace else {}
        checked = {path: [absent] for _, path in present} if absent else epubcheck.collect()
    for slug, path in present:
        found[slug] += checked[path] + aced.get(path, []) + lint(path)
    return found


def check(items: list[tuple[str, Path]], settings: Settings | None = None) -> dict[str, list[Finding]]:
    return _run(items, with_ace=True)


def recheck(items: list[tuple[str, Path]], settings: Settings | None = None) -> dict[str, list[Finding]]:
    """After certification: only the package document changed (the conformance claim and its metadata), so
    EPUBCheck and our lint read the EPUB again; Ace, which reads the content documents, is not run twice."""
    return _run(items, with_ace=False)
