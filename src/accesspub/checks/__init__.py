"""Checks: each module has `check(items, settings) -> {slug: [Finding]}` over all releases of a build.

`items` are (slug, file) pairs of the renditions the check reads; a check starts its heavy tool once for
all of them (one Chromium for axe, one JVM for vnu and for EPUBCheck). Checks never raise.
"""

from __future__ import annotations

import importlib
import time
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..findings import Finding

# module → renditions whose main file it checks ("site" is OUT/index.html, slug "")
REGISTRY: dict[str, tuple[str, ...]] = {
    "epub": ("epub",),
    "axe": ("html", "plain", "site"),
    "audio": ("audio",),
    "vnu": ("html", "plain", "site"),
    "pdf": ("pdf",),
}
# Two lanes run side by side (two cores); within a lane the families run one after the other. The two that
# hold a Chromium (Ace inside the EPUB check, axe) share a lane, so that only one browser is in memory.
LANES = (("epub", "axe"), ("audio", "vnu", "pdf"))


def page_rendition(slug: str, path: Path) -> str:
    """Which rendition an HTML page is: the site index, a plain-language page or a full-text page."""
    return "site" if not slug else ("plain" if path.name == "plain.html" else "html")


def module(name: str):
    """The check module of a tool family ("axe", "vnu", "pdf", "epub", "audio")."""
    return importlib.import_module(f"{__name__}.{name}")


def _run_one(name: str, items: list[tuple[str, Path]], settings) -> tuple[dict[str, list[Finding]], float]:
    started = time.perf_counter()
    try:
        result = module(name).check(items, settings)
    except Exception as exc:  # a check must not crash the build; its failure is a finding
        result = {slug: [Finding(name, "", "check-crashed", "error", f"the {name} check failed: {exc!r}")]
                  for slug, _ in items[:1]}
    return result, time.perf_counter() - started


def run_all(targets: dict[str, list[tuple[str, Path]]], settings, progress=None,
            seconds: dict[str, float] | None = None) -> dict[str, list[Finding]]:
    """Run every check on its renditions, lane by lane (see LANES); findings per slug."""
    work = {name: items for name, renditions in REGISTRY.items()
            if (items := [item for r in renditions for item in targets.get(r, [])])}
    found: dict[str, list[Finding]] = {}
    lock = threading.Lock()

    def lane(names: tuple[str, ...]) -> None:
        for name in names:
            if name not in work:
                continue
            result, spent = _run_one(name, work[name], settings)
            with lock:
                if seconds is not None:
                    seconds[f"check {name}"] = spent
                if progress:
                    progress(name, len(work[name]))
                for slug, findings in result.items():
                    found.setdefault(slug, []).extend(findings)

    with ThreadPoolExecutor(max_workers=len(LANES)) as pool:
        for future in [pool.submit(lane, names) for names in LANES]:
            future.result()
    return found
