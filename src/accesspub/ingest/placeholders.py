"""Placeholder text left in a release: the words of the `accesspub new` template, dummy phone numbers, lorem ipsum.

A release that still says "Telefon 0000 000000" must not go out as if it were finished: each placeholder is an
error finding that quotes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import panflute as pf

from ..findings import Finding
from ..tree import stringify

def _template() -> list[str]:
    """The texts of the `accesspub new` template (the `scaffold:` language data) an author is meant to replace."""
    from ..language.lexicon import lexicon
    from ..language.registry import REGISTRY
    found = []
    for code in REGISTRY:
        scaffold = lexicon(code).get("scaffold") or {}
        found += [scaffold[k] for k in ("summary", "lead", "body", "contact") if scaffold.get(k)]
    return found

_DUMMY_PHONE = re.compile(r"(?<![\d+])0{3,}[\s/-]*0{4,}(?!\d)")     # 0000 000000, 000/0000
_LOREM = re.compile(r"\blorem ipsum\b", re.I)


def find(doc: pf.Doc, texts: list[str | None], path: Path) -> list[Finding]:
    """One error finding per placeholder left in the body or in the metadata `texts`."""
    text = " ".join([stringify(doc), *(t for t in texts if t)])
    text = " ".join(text.split())
    found = [t for t in _template() if " ".join(t.split()) in text]
    found += [m[0] for m in _DUMMY_PHONE.finditer(text)] + [m[0] for m in _LOREM.finditer(text)]
    seen: list[str] = []
    for item in found:
        if not any(item in s or s in item for s in seen):
            seen.append(item)
    return [Finding("ingest", "source", "placeholder-text", "error",
                    f"placeholder text left: '{item}'; replace it with the real text before publishing", str(path))
            for item in seen]
