"""Our PDF/UA-1 checker: the machine-checkable Matterhorn Protocol conditions we test, on pikepdf.

Each rule lives in a module of its checkpoint family and is named by its Matterhorn index; `RULES` holds
them all. veraPDF, when it is on PATH, runs as well and its findings are merged. Full conformance also needs
the human checks of the protocol (docs/pdf.md, published with the site as _docs/pdf.html).
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from ...findings import Finding
from . import annots, content, fonts, graphics, headings, language, metadata, nesting, rolemap, tables  # noqa: F401
from . import verapdf
from .document import Document
from .registry import RULES

CHECK = "pdf-ua"


def check_file(path: Path, rules: list[str] | None = None) -> list[Finding]:
    """Findings of our rules (all, or those named) for one PDF."""
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        return [Finding(CHECK, "pdf", "unreadable", "error", f"the PDF cannot be opened: {exc}", str(path))]
    findings = []
    with pdf:
        doc = Document(pdf)
        mark = pdf.Root.get("/MarkInfo")
        if doc.tree_root is None or not isinstance(mark, pikepdf.Dictionary) or not mark.get("/Marked", False):
            findings.append(Finding(CHECK, "pdf", "01-005", "error",
                                    "the PDF is not tagged (no structure tree, or MarkInfo /Marked is not true)",
                                    f"{path.name}: catalog"))
        for rule in RULES.values():
            if rules is not None and rule.id not in rules:
                continue
            try:
                problems = list(rule.test(doc))
            except Exception as exc:  # a broken file must not stop the other rules
                problems = [(f"the rule could not be checked: {exc!r}", "")]
            findings.extend(Finding(CHECK, "pdf", rule.id, "error", f"{message} [{rule.condition}]",
                                    f"{path.name}: {where}" if where else path.name)
                            for message, where in problems)
    return findings


def _coverage(path: Path) -> Finding:
    return Finding(CHECK, "pdf", "coverage", "info",
                   f"checked {len(RULES)} machine-checkable Matterhorn conditions with our own checker; veraPDF is "
                   "not installed, and the human checks of the Matterhorn Protocol remain (the report links what they are)",
                   path.name)


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    """Our rules on every PDF of a build, plus veraPDF's verdict when it is installed."""
    found: dict[str, list[Finding]] = {}
    vera = verapdf.run([path for _, path in items]) if verapdf.available() else None
    for slug, path in items:
        findings = check_file(path)
        findings += vera.get(str(path), []) if vera is not None else [_coverage(path)]
        found.setdefault(slug, []).extend(findings)
    return found
