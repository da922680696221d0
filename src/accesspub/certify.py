"""Certification: the stage after the checks that writes into a file what its checks earned it (the EPUB's
conformance claim), then has every file it changed checked again — render → check → certify → re-check.
The re-check is a family's `recheck` where it has one: certifying an EPUB changes only its package document,
so EPUBCheck and the lint read it again and Ace's findings on the unchanged content documents stand.

Checks only read; a rendition whose spec names a `certify` module is certified here. That module has

    certify(items, found, settings, write=True, may_claim=True) -> (changed items, {slug: [Finding]})

`found` holds each slug's findings on that rendition; with `write=False` (`accesspub check`) it writes
nothing and reports a claim the findings no longer support.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from .checks import rechecked
from .findings import Finding
from .renditions import embeds, renditions

ROUNDS = 3
"""Certify, re-check, withdraw if the re-check found a problem, re-check: never more."""


def certified() -> tuple[str, ...]:
    return tuple(n for n, s in renditions().items() if s.certify)


def after_certify() -> tuple[str, ...]:
    """Renditions that embed a certified one (the page prints the EPUB's size): checked after certification."""
    return tuple(n for n in renditions() if set(embeds(n)) & set(certified()))


def run(targets: dict[str, list[tuple[str, Path]]], found: dict[str, list[Finding]], settings,
        check: Callable[..., dict[str, list[Finding]]], write: bool = True) -> list[tuple[str, str]]:
    """Certify every checked rendition that has a certifier; `found` (slug → findings) is updated with the
    re-checks (`check(targets, settings, families=…)`, i.e. `checks.run_all`) and the certifiers' findings.
    Returns the (rendition, slug) pairs whose file changed."""
    changed_all: list[tuple[str, str]] = []
    for name in certified():
        items = targets.get(name)
        if not items:
            continue
        certifier = importlib.import_module(renditions()[name].certify)
        verdicts: dict[str, list[Finding]] = {}
        may_claim = True
        for _ in range(ROUNDS):
            own = {slug: [f for f in found.get(slug, []) if f.rendition == name] for slug, _ in items}
            changed, verdict = certifier.certify(items, own, settings, write=write, may_claim=may_claim)
            verdicts.update(verdict)
            if not changed:
                break
            changed_all += [(name, slug) for slug, _ in changed if (name, slug) not in changed_all]
            families = renditions()[name].checks
            again = check({name: changed}, settings, families=families, recheck=True)
            redone = rechecked(families)
            for slug, _ in changed:
                found[slug] = [f for f in found.get(slug, []) if f.rendition != name or
                               (redone is not None and f.check not in redone)] + again.get(slug, [])
            items, may_claim = changed, False
        for slug, findings in verdicts.items():
            found.setdefault(slug, []).extend(findings)
    return changed_all
