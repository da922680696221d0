"""Markdown as its authors' site generators read it: CommonMark with the GFM extensions (pandoc `commonmark_x`).

Bold around a gender star (`**Nutzer*innen**`), lists and tables right after a paragraph and `<br>` work as on
the author's site. Raw HTML in the text is not dropped: when there is any, the Markdown is rendered to HTML,
and that HTML passes the one sanitiser (readers.html) before it is read.
"""

from __future__ import annotations

import re
from pathlib import Path

import panflute as pf

from ...findings import Finding
from .. import reader
from . import html as html_reader
from ...tree import walk

# raw_attribute ({=latex} blocks) stays off: nothing reaches a rendition unsanitised; an image alone in its
# paragraph is a figure, as before (the renditions give figures their structure)
DIALECT = "commonmark_x+implicit_figures-raw_attribute"
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_DELIMITER_ROW = re.compile(r"^\s{0,3}\|?\s*:?-{3,}:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _tables_interrupt_paragraphs(text: str) -> str:
    """A pipe table straight after a paragraph line starts a table, as in GitHub's and markdown-it's GFM."""
    lines = text.split("\n")
    out: list[str] = []
    in_code = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
        if (not in_code and _TABLE_ROW.match(line) and i + 1 < len(lines) and _DELIMITER_ROW.match(lines[i + 1])
                and out and out[-1].strip() and not _TABLE_ROW.match(out[-1])):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _has_raw_html(doc: pf.Doc) -> bool:
    found = []
    walk(doc, lambda e, d: found.append(e) if isinstance(e, (pf.RawInline, pf.RawBlock)) and e.format == "html"
             else None)
    return bool(found)


def read(text: str, path: Path) -> tuple[pf.Doc, list[Finding]]:
    """Markdown text (front matter already removed) → AST, raw HTML sanitised and read."""
    text = _tables_interrupt_paragraphs(text)
    doc = reader.read_text(text, DIALECT, path)
    if not _has_raw_html(doc):
        return doc, []
    rendered = reader.convert(text, DIALECT, "html", path)
    # pandoc writes an image whose file is not a picture as <embed>; it is still an image the fence judges
    rendered = re.sub(r"<embed\b", "<img", rendered)
    return html_reader.read_fragment(rendered, path)
