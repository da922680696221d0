"""Checks: each module has `check(items, settings) -> {slug: [Finding]}` over all releases of a build.

`items` are (slug, file) pairs of the renditions the check reads; a check starts its heavy tool once for
all of them (one Chromium for axe, one JVM for vnu and for EPUBCheck). Checks never raise.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..findings import Finding

# module → renditions whose main file it checks ("site" is OUT/index.html, slug "")
REGISTRY: dict[str, tuple[str, ...]] = {
    "axe": ("html", "plain", "site"),
    "vnu": ("html", "plain", "site"),
    "pdf": ("pdf",),
    "epub": ("epub",),
    "audio": ("audio",),
}


def page_rendition(slug: str, path: Path) -> str:
    """Which rendition an HTML page is: the site index, a plain-language page or a full-text page."""
    return "site" if not slug else ("plain" if path.name == "plain.html" else "html")


def module(name: str):
    """The check module of a tool family ("axe", "vnu", "pdf", "epub", "audio")."""
    return importlib.import_module(f"{__name__}.{name}")


def run_all(targets: dict[str, list[tuple[str, Path]]], settings, progress=None) -> dict[str, list[Finding]]:
    """Run every available check on its renditions; findings per slug."""
    found: dict[str, list[Finding]] = {}
    for name, renditions in REGISTRY.items():
        items = [item for r in renditions for item in targets.get(r, [])]
        if not items:
            continue
        if progress:
            progress(name, len(items))
        try:
            result = module(name).check(items, settings)
        except Exception as exc:  # a check must not crash the build; its failure is a finding
            result = {slug: [Finding(name, "", "check-crashed", "error", f"the {name} check failed: {exc!r}")]
                      for slug, _ in items[:1]}
        for slug, findings in result.items():
            found.setdefault(slug, []).extend(findings)
    return found
