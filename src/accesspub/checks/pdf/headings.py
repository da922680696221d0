"""Checkpoint 14: numbered headings start at H1 and descend one level at a time."""

from __future__ import annotations

from .document import Document
from .registry import rule

NUMBERED = {f"H{i}": i for i in range(1, 7)}


def _numbered(doc: Document):
    return [(NUMBERED[e.type], e) for e in doc.elements if e.type in NUMBERED]


@rule("14-002", "Does use numbered headings, but the first heading tag is not <H1>.")
def first_is_h1(doc: Document):
    headings = _numbered(doc)
    if headings and headings[0][0] != 1:
        yield f"the first heading is <H{headings[0][0]}>, not <H1>", headings[0][1].where


@rule("14-003", "Numbered heading levels in descending sequence are skipped (Example: <H3> follows directly "
                "after <H1>).")
def no_skipped_levels(doc: Document):
    headings = _numbered(doc)
    for (before, _), (level, e) in zip(headings, headings[1:]):
        if level > before + 1:
            yield f"<H{level}> follows <H{before}>: level {before + 1} is skipped", e.where


@rule("14-006", "A node contains more than one <H> tag.")
def one_h_per_node(doc: Document):
    for e in doc.elements:
        if sum(1 for k in e.kids if k.type == "H") > 1:
            yield f"<{e.type}> holds more than one <H>", e.where


@rule("14-007", "Document uses both <H> and <H#> tags.")
def not_both(doc: Document):
    types = {e.type for e in doc.elements}
    if "H" in types and types & set(NUMBERED):
        yield "the document mixes <H> and numbered <H1>…<H6> headings", "structure tree"
