"""Which HTML element each structure element came from: the facts WeasyPrint drops, kept for the repairs.

WeasyPrint 70 builds the structure tree in `weasyprint.pdf.tags._build_box_tree` and forgets the element's
`lang`, `<abbr title>`, `<th scope>`, link text and tag name. While a render runs, a wrapper around that
function writes them into a private `/ApOrigin` dictionary on each structure element; `repair` turns them
into standard keys (`/Lang`, `/E`, `/Scope`, `/Contents`, structure types) and removes `/ApOrigin`.
"""

from __future__ import annotations

from contextlib import contextmanager

import pydyf
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf import tags

KEY = "ApOrigin"
_original = tags._build_box_tree


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def origin(box, numbers: dict) -> pydyf.Dictionary | None:
    """The origin dictionary of a box's element, or None for anonymous boxes."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    element = getattr(box, "element", None)
    if element is None or not isinstance(element.tag, str):
        return None
    tag = box.element_tag or element.tag
    number = numbers.setdefault((id(element), tag), len(numbers) + 1)
    data = pydyf.Dictionary({"N": number, "T": pydyf.String(tag)})
    if "::" in tag:
        return data
    if element.get("aria-hidden") == "true":
        data["Hidden"] = True
    if element.get("lang"):
        data["Lang"] = pydyf.String(element.get("lang"))
    if tag == "abbr" and element.get("title"):
        data["Title"] = pydyf.String(element.get("title"))
    if tag == "th" and element.get("scope"):
        data["Scope"] = pydyf.String(element.get("scope"))
    if tag == "a":
        data["Text"] = pydyf.String(_text(element) or element.get("href", ""))
        if element.get("href"):
            data["Href"] = pydyf.String(element.get("href"))
    if element.get("class"):
        data["Class"] = pydyf.String(element.get("class"))
    return data


@contextmanager
def recording_origins():
    """Record element origins for the structure trees built inside this block."""
    numbers: dict = {}

    def build(box, *args):
        for element in _original(box, *args):
            if KEY not in element:
                data = origin(box, numbers)
                if data is not None:
                    element[KEY] = data
            yield element

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = _original
