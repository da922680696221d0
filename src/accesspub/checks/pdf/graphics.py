"""Checkpoint 13: figures have a text alternative."""

from __future__ import annotations

from .document import Document
from .registry import rule


@rule("13-004", "<Figure> tag alternative or replacement text missing.")
def figure_alt(doc: Document):
    for e in doc.elements:
        if e.type == "Figure" and not any(str(e.obj.get(k, "")).strip() for k in ("/Alt", "/ActualText")):
            yield "a <Figure> has neither /Alt nor /ActualText: a screen reader says nothing for it", e.where
