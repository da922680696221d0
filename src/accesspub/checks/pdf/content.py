"""Checkpoint 01: every piece of content is either real content in the structure tree or an artifact."""

from __future__ import annotations

from collections import Counter

from .document import TEXT_SHOWING, Document, Marked
from .registry import rule


def _what(e: Marked) -> str:
    return "text-showing operator" if e.operator in TEXT_SHOWING else "painting operator"


def _counted(counter: Counter, message: str):
    for (page, what), n in sorted(counter.items()):
        yield message.format(n=n, what=what + ("s" if n > 1 else ""), page=page), f"page {page}"


@rule("01-003", "Content marked as Artifact is present inside tagged content.")
def artifact_in_tagged(doc: Document):
    hits = Counter()
    for e in doc.content:
        tags = [t for t, _, _ in e.stack]
        mcid_at = next((i for i, (_, m, _) in enumerate(e.stack) if m is not None), None)
        if mcid_at is not None and "Artifact" in tags[mcid_at + 1:]:
            hits[(e.page, _what(e))] += 1
    yield from _counted(hits, "{n} {what} marked as Artifact inside tagged content on page {page}")


@rule("01-004", "Tagged content is present inside content marked as Artifact.")
def tagged_in_artifact(doc: Document):
    hits = Counter()
    for e in doc.content:
        tags = [t for t, _, _ in e.stack]
        if "Artifact" in tags and any(m is not None for _, m, _ in e.stack[tags.index("Artifact") + 1:]):
            hits[(e.page, _what(e))] += 1
    yield from _counted(hits, "{n} tagged {what} inside an Artifact on page {page}")


@rule("01-005", "Content is neither marked as Artifact nor tagged as real content.")
def untagged(doc: Document):
    outside, orphaned = Counter(), Counter()
    for e in doc.content:
        if any(t == "Artifact" for t, _, _ in e.stack):
            continue
        inner = next(((m, key) for _, m, key in reversed(e.stack) if m is not None), None)
        if inner is None:
            outside[(e.page, _what(e))] += 1
        elif (inner[1], inner[0]) not in doc.tagged:
            orphaned[(e.page, _what(e))] += 1
    yield from _counted(outside, "{n} {what} outside any marked content (neither artifact nor tagged) on page {page}")
    yield from _counted(orphaned, "{n} {what} in marked content that no structure element of the tree "
                                  "holds on page {page}")
