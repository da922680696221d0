"""Walking the pandoc AST in time linear in its size, with panflute's semantics.

`Element.walk` in panflute rebuilds every list of children it passes (a new container, a type check and a
parent link per element) even when nothing changed, so each whole-document pass over a long release costs
far more than reading it. `walk` here calls the action in the same order (children first, then the element)
and takes the same answers (None keeps the element, an element replaces it, a list replaces it with its
items, [] removes it), but touches a list of children only when one of them was replaced.
"""

from __future__ import annotations

from typing import Callable, Iterator

import panflute as pf
from panflute.containers import DictContainer, ListContainer
from panflute.tools import HorizontalSpaces, VerticalSpaces


def walk(elem: pf.Element, action: Callable, doc: pf.Doc | None = None):
    """Apply `action(element, doc)` to `elem` and everything below it; returns what replaces `elem`."""
    if doc is None:
        doc = elem.doc
    return _walk(elem, action, doc)


def _walk(elem: pf.Element, action: Callable, doc):
    for name in elem._children:
        child = getattr(elem, name)
        if isinstance(child, ListContainer):
            items = list(child.list)
            out, changed = [], False
            for item in items:
                new = _walk(item, action, doc)
                if new is item:
                    out.append(item)
                else:
                    changed = True
                    out.extend(new if type(new) is list else (new,))
            if changed:
                setattr(elem, name, out)
        elif isinstance(child, DictContainer):
            for key, value in list(child.items()):
                new = _walk(value, action, doc)
                if new is not value:
                    child[key] = new
        elif isinstance(child, pf.Element):
            new = _walk(child, action, doc)
            if new is not child:
                setattr(elem, name, new)
    altered = action(elem, doc)
    return elem if altered is None else altered


def elements(elem: pf.Element) -> Iterator[pf.Element]:
    """Every element below `elem` and `elem` itself, children first (the order `walk` visits them); read only."""
    for name in elem._children:
        child = getattr(elem, name)
        if isinstance(child, ListContainer):
            for item in list(child.list):
                yield from elements(item)
        elif isinstance(child, DictContainer):
            for value in list(child.values()):
                yield from elements(value)
        elif isinstance(child, pf.Element):
            yield from elements(child)
    yield elem


def stringify(elem: pf.Element, newlines: bool = True) -> str:
    """The text of `elem` exactly as `panflute.stringify` gives it, read in one pass without rebuilding lists."""
    out: list[str] = []
    inside = type(elem.parent) is pf.Quoted and elem.index is not None
    _text(elem, newlines, out, inside and elem.index == 0, inside and elem.index == len(elem.container) - 1)
    return "".join(out)


def _text(e: pf.Element, newlines: bool, out: list[str], first: bool = False, last: bool = False) -> None:
    if not isinstance(e, (pf.DefinitionList, pf.Cite)):
        quoted = type(e) is pf.Quoted
        for name in e._children:
            child = getattr(e, name)
            if isinstance(child, ListContainer):
                n = len(child.list)
                for i, item in enumerate(child.list):
                    _text(item, newlines, out, quoted and i == 0, quoted and i == n - 1)
            elif isinstance(child, DictContainer):
                for value in child.values():
                    _text(value, newlines, out)
            elif isinstance(child, pf.Element):
                _text(child, newlines, out)
    if hasattr(e, "text"):
        own = e.text
    elif isinstance(e, HorizontalSpaces):
        own = " "
    elif isinstance(e, VerticalSpaces) and newlines:
        own = "\n\n"
    elif type(e) is pf.DefinitionList:
        own = "\n".join(f"- {''.join(stringify(p) for p in item.term)}: "
                        f"{'; '.join(stringify(d) for d in item.definitions)}" for item in e.content)
    elif type(e) is pf.Cite:
        own = "".join(stringify(c, newlines) for c in e.content)
    else:
        own = ""
    # panflute's quirk, kept: the marks of a Quoted go around its first and last child's own text
    out.append(('"' if first else "") + own + ('"' if last else ""))
