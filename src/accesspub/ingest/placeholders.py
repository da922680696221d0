"""Placeholder text left in a release: the words of the `accesspub new` template, dummy phone numbers, lorem ipsum.

A release that still says "Telefon 0000 000000" must not go out as if it were finished: each placeholder is an
error finding that quotes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import panflute as pf

from ..findings import Finding

# the sentences of the `accesspub new` template (cli.SCAFFOLD) that an author is meant to replace
TEMPLATE = (
    "One or two sentences that say what happened.",
    "Write the lead here",
    "Further paragraphs. Quote people with",
)
_DUMMY_PHONE = re.compile(r"(?<![\d+])0{3,}[\s/-]*0{4,}(?!\d)")     # 0000 000000, 000/0000
_LOREM = re.compile(r"\blorem ipsum\b", re.I)


def find(doc: pf.Doc, texts: list[str | None], path: Path) -> list[Finding]:
    """One error finding per placeholder left in the body or in the metadata `texts`."""
    text = " ".join([pf.stringify(doc), *(t for t in texts if t)])
    text = " ".join(text.split())
    found = [t for t in TEMPLATE if " ".join(t.split()) in text]
    found += [m[0] for m in _DUMMY_PHONE.finditer(text)] + [m[0] for m in _LOREM.finditer(text)]
    seen: list[str] = []
    for item in found:
        if not any(item in s or s in item for s in seen):
            seen.append(item)
    return [Finding("ingest", "source", "placeholder-text", "error",
                    f"placeholder text left: '{item}'; replace it with the real text before publishing", str(path))
            for item in seen]
