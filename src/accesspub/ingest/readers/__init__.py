"""Readers per source form: each turns a file into the one AST plus metadata under accesspub's names.

The form comes from the extension, or, for an extension accesspub does not know (server pages, CMS
exports, typos such as `.markdwon`), from what the content is. Every form ends in `Source`; every piece of
HTML passes the same sanitiser (readers.html); metadata never becomes text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf

from ...config import Settings
from ...errors import SourceError
from ...findings import Finding
from .. import frontmatter, reader
from . import cms_json, html, markdown, mdx, office, pdf_text, templates, xhtml

FORMS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown", ".txt": "text",
    ".mdx": "mdx", ".html": "html", ".htm": "html", ".xhtml": "xhtml", ".xht": "xhtml", ".xml": "xhtml",
    ".json": "json", ".rst": "rst", ".docx": "docx", ".odt": "odt",
    **{ext: "template" for ext in templates.EXTENSIONS},
}
# forms whose first short line may be the headline (no markup to mark one)
PLAIN_TITLE_FORMS = {"text", "docx", "odt"}
JEKYLL_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
_HTML_BLOCK = re.compile(r"<(p|div|h[1-6]|ul|ol|table|section|article|br|figure)\b", re.I)


@dataclass
class Source:
    """What a reader found: the body, metadata fields (accesspub names), unknown keys, findings."""

    doc: pf.Doc
    form: str
    fields: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    media: list[Path] = field(default_factory=list)      # folders the fence accepts besides the source's own
    fallback_title: str | None = None                     # document properties: used when the text has none
    fallback: dict = field(default_factory=dict)           # author, date from document properties, likewise
    body_line: int = 1

    @property
    def plain_title(self) -> bool:
        return self.form in PLAIN_TITLE_FORMS


def is_release(path: Path) -> bool:
    """Whether a file found in a folder is a release: JSON only when it is a CMS export (not package.json)."""
    if path.suffix.lower() != ".json":
        return True
    try:
        return cms_json.kind(json.loads(path.read_bytes()[:5_000_000])) is not None
    except (ValueError, OSError):
        return False


def decode_text(data: bytes, path: Path) -> str:
    try:
        return reader.CONTROLS.sub("", data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SourceError("the file is not UTF-8 text", file=path, place=str(line),
                          fix="save it with the encoding UTF-8") from None


def sniff(data: bytes, path: Path) -> str:
    """The form of a file whose extension says nothing, from its content; refuse when it is not clear."""
    if b"\x00" in data[:8192]:
        raise SourceError(f"unknown source format '{path.suffix or '(no extension)'}' and the content is not text",
                          file=path, fix=f"save the release as one of {', '.join(sorted(FORMS))}")
    text = html.decode(data)
    head = text.lstrip()[:4000]
    low = head.lower()
    if low.startswith("<?xml"):
        return "xhtml"
    if head.startswith(("{", "[")):
        return "json"
    if low.startswith(("<!doctype html", "<html")) or "<body" in low:
        return "html"
    if head.startswith(("---", "+++")):
        return "template" if templates.has_tags(text) else "markdown"
    if templates.has_tags(text):
        return "template"
    if low.startswith("<") and _HTML_BLOCK.search(low):
        return "html"
    if re.match(r"^(title|date):\s", low):
        return "markdown"
    if len(head.split()) >= 5 and sum(ch.isalpha() for ch in head) > len(head) / 2:
        return "markdown"
    raise SourceError(f"unknown source format '{path.suffix or '(no extension)'}'", file=path,
                      fix=f"save the release as one of {', '.join(sorted(FORMS))}")


def _looks_like_html(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith("<") and bool(_HTML_BLOCK.search(stripped[:2000]))


def _markdownish(text: str, path: Path, form: str, src: Source) -> pf.Doc:
    data, body, line = frontmatter.split(text, path)
    src.extra, src.body_line = data, line
    if form == "template" or templates.has_tags(body) and form in ("markdown", "html"):
        body, found = templates.strip(body, path)
        src.findings += found
    if form == "mdx":
        body, found = mdx.to_markdown(body, path)
        src.findings += found
    if form == "html" or form == "template" and _looks_like_html(body):
        if html.is_full_page(body):
            doc, meta, found = html.read_page(body, path)
            src.findings += found
            src.extra = {**meta, **data}
            return doc
        doc, found = html.read_fragment(body, path)
        src.findings += found
        src.fallback_title = html.head_title(body)
        return doc
    if form == "text" and not data:
        return reader.read_text(pdf_text.reflow(body), "markdown", path)
    if form == "rst":
        return reader.read_text(body, "rst", path)
    doc, found = markdown.read(body, path)
    src.findings += found
    return doc


def read(path: Path, settings: Settings) -> Source:
    """Read one source file into a Source, or raise SourceError naming the file, the place and the fix."""
    suffix = path.suffix.lower()
    form = FORMS.get(suffix)
    if form in ("docx", "odt"):
        return _office(path, form, settings)
    data = path.read_bytes()
    if not data.strip():
        raise SourceError("the release is empty", file=path, place="1",
                          fix="write the release text, or remove the file")
    if form is None:
        form = sniff(data, path)
    src = Source(doc=pf.Doc(), form=form)
    if form == "xhtml":
        body, meta, found = xhtml.read(data, path)
        src.doc, fragment = html.read_fragment(body, path)
        src.findings += found + fragment
        src.extra = meta
    elif form == "json":
        body, meta, found = cms_json.read(data, path)
        src.doc, fragment = html.read_fragment(body, path)
        src.findings += found + fragment
        src.extra = meta
    else:
        text = html.decode(data) if form == "html" else decode_text(data, path)
        if not text.strip():
            raise SourceError("the release is empty", file=path, place="1",
                              fix="write the release text, or remove the file")
        src.doc = _markdownish(reader.CONTROLS.sub("", text), path, form, src)
    fields, unknown, found = frontmatter.map_keys(src.extra, path, strict=settings.output.strict,
                                                  first_line=2 if src.body_line > 1 else 1)
    src.fields, src.extra = fields, unknown
    src.findings += found
    if "date" not in fields and (m := JEKYLL_DATE.match(path.name)):
        try:
            src.fields["date"] = dt.date.fromisoformat(m[1])
            src.findings.append(Finding("ingest", "source", "date-from-file-name", "info",
                                        f"date {m[1]} taken from the file name (Jekyll's convention)", str(path)))
        except ValueError:
            pass
    return src


def _office(path: Path, form: str, settings: Settings) -> Source:
    doc = reader.read_file(path, form)
    folder, findings = office.extract_images(doc, path, form)
    props = office.properties(path, form)
    src = Source(doc=doc, form=form, findings=findings, media=[folder] if folder else [])
    title = props.pop("title", None)
    fields, _, found = frontmatter.map_keys(props, path)
    src.fallback = {k: v for k, v in fields.items() if k in ("author", "date")}
    src.findings += found
    src.fallback_title = title
    return src
