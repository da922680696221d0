"""Checks: each module has `check(items, settings) -> {slug: [Finding]}` over all releases of a build.

`items` are (slug, file) pairs of the renditions the check reads; a check starts its heavy tool once for
all of them (one Chromium for axe, one JVM for vnu and for EPUBCheck). Checks never raise and never write:
what a check earns a file (the EPUB's conformance claim) is written by the certify stage (certify.py).
Which family reads which rendition, and the lanes they run in, come from the specs in renditions.py.
"""

from __future__ import annotations

import importlib
import time
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable

from ..findings import Finding
from ..renditions import check_specs, lanes, reads

CRASHED = "check-crashed"
FEW = 2
"""Checks of at most this many releases (the site counting as one) run all at once, each family in its own
thread; more run in the two lanes of `renditions.lanes` (at most one browser at a time, bounded memory)."""


def page_rendition(slug: str, path: Path) -> str:
    """Which rendition an HTML page is: the site index, a plain-language page or a full-text page."""
    return "site" if not slug else ("plain" if path.name == "plain.html" else "html")


def module(name: str):
    """The check module of a family, as its spec names it."""
    return importlib.import_module(check_specs()[name].module)


def crashed(name: str, rendition: str, exc: Exception) -> Finding:
    return Finding(name, rendition, CRASHED, "error", f"the {name} check failed: {exc!r}")


def warm_up(built: Iterable[str]) -> None:
    """Start, in the background, the tools of the checks that will read these renditions, so that they are
    up when the checks begin (a family's module may have `warm_up()`; failing here is silent: the check
    itself reports a tool that does not start)."""
    built = set(built)
    for name in check_specs():
        start = getattr(module(name), "warm_up", None)
        if start and built & set(reads(name)):
            threading.Thread(target=_quietly, args=(start,), daemon=True, name=f"warm-{name}").start()


def _quietly(start) -> None:
    try:
        start()
    except Exception:  # the check will find the tool missing or broken and say so
        pass


def rechecked(families: Iterable[str]) -> set[str] | None:
    """The checks (Finding.check) that `recheck=True` runs again for these families; None: all of them."""
    names: set[str] = set()
    for name in families:
        mod = module(name)
        if not hasattr(mod, "recheck"):
            return None
        names.update(mod.RECHECKED)
    return names


def _run_one(name: str, work: list[tuple[str, str, Path]], settings, recheck: bool = False
             ) -> tuple[dict[str, list[Finding]], float]:
    """One family over (rendition, slug, file) items; a crash is a finding for every item it was checking.
    With `recheck`, a family that has a cheaper `recheck` (after certification) runs that instead."""
    started = time.perf_counter()
    mod = module(name)
    try:
        result = (mod.recheck if recheck and hasattr(mod, "recheck") else mod.check)(
            [(slug, path) for _, slug, path in work], settings)
    except Exception as exc:  # a check must not crash the build; its failure is a finding
        result = {}
        for rendition, slug, _ in work:
            result.setdefault(slug, []).append(crashed(name, rendition, exc))
    return result, time.perf_counter() - started


def run_all(targets: dict[str, list[tuple[str, Path]]], settings, progress=None,
            seconds: dict[str, float] | None = None, families: Iterable[str] | None = None,
            recheck: bool = False) -> dict[str, list[Finding]]:
    """Run every check (or those of `families`) on its renditions, lane by lane (see `renditions.lanes`);
    findings per slug. `recheck`: the re-check after certification (see `rechecked`)."""
    wanted = set(check_specs() if families is None else families)
    work = {name: items for name in check_specs() if name in wanted
            if (items := [(r, slug, path) for r in reads(name) for slug, path in targets.get(r, [])])}
    found: dict[str, list[Finding]] = {}
    lock = threading.Lock()

    def lane(names: tuple[str, ...]) -> None:
        for name in names:
            if name not in work:
                continue
            result, spent = _run_one(name, work[name], settings, recheck)
            with lock:
                if seconds is not None:
                    seconds[f"check {name}"] = seconds.get(f"check {name}", 0) + spent
                if progress:
                    progress(name, len(work[name]))
                for slug, findings in result.items():
                    found.setdefault(slug, []).extend(findings)

    slugs = {slug for items in work.values() for _, slug, _ in items}
    if len(slugs) <= FEW:      # one release (and the site): every family at once, none waits behind another
        busy = [(name,) for name in work]
    else:                      # many: two lanes, so that no more than one browser-holding check runs at a time
        busy = [names for names in lanes() if any(n in work for n in names)]
    with ThreadPoolExecutor(max_workers=max(1, len(busy))) as pool:
        for future in [pool.submit(lane, names) for names in busy]:
            future.result()
    return found
