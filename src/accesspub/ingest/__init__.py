"""Sources → Release: read with pandoc, find the press-release anatomy, run the language passes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import panflute as pf
from pydantic import ValidationError
from slugify import slugify

from ..config import Settings
from ..errors import SourceError
from ..findings import Finding
from ..language import abbreviations, quotes, sentences
from ..language.detect import detect
from ..language.inlines import text_of
from ..model import Metadata, Release
from . import anatomy, frontmatter, links, reader, spacing, tables
from .resources import fence
from .sanitise import sanitise

SKIP_SUFFIXES = (".plain.md", ".plain.txt")


def discover(sources: list[Path]) -> tuple[list[Path], list[SourceError]]:
    """Release sources among files and folders, in a stable order, and the paths that do not exist."""
    found: list[Path] = []
    missing: list[SourceError] = []
    for src in sources:
        if not src.exists():
            missing.append(SourceError("no such file or folder", file=src,
                                       fix="check the path; sources are files or folders of releases"))
            continue
        if src.is_file():
            found.append(src)
            continue
        for p in sorted(src.rglob("*")):
            if p.is_file() and p.suffix.lower() in reader.READERS and not p.name.startswith((".", "_")) \
                    and not p.name.lower().endswith(SKIP_SUFFIXES) and p.name.lower() != "readme.md":
                found.append(p)
    return found, missing


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return reader.CONTROLS.sub("", data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SourceError("the file is not UTF-8 text", file=path, place=str(line),
                          fix="save it with the encoding UTF-8") from None


def _front_matter_meta(data: dict, path: Path, first_line: int = 2) -> dict:
    fields = set(Metadata.model_fields)
    for key in data:
        if key not in fields:
            raise SourceError(f"unknown front-matter key '{key}'", file=path, place=str(first_line),
                              fix=f"use one of: {', '.join(sorted(fields - {'lead_location'}))}")
    return data


def _meta_text(doc: pf.Doc, key: str) -> str | None:
    value = doc.get_metadata(key, default=None)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _shift_headings(doc: pf.Doc) -> None:
    """Body headings start at h2: the page's h1 is the headline."""
    levels = []
    doc.walk(lambda e, d: levels.append(e.level) if isinstance(e, pf.Header) else None)
    if levels:
        shift = 2 - min(levels)

        def action(e, d):
            if isinstance(e, pf.Header):
                e.level = min(6, e.level + shift)
        doc.walk(action)


def _front_matter_images(doc: pf.Doc, meta: Metadata, path: Path) -> None:
    """Front-matter images join the body after the lead."""
    for image in meta.images:
        img = pf.Image(url=image.src, attributes={"alt": image.alt} if image.alt is not None else {})
        caption = pf.Caption(*reader.read_text(image.caption, "markdown", path).content) if image.caption else pf.Caption()
        doc.content.insert(min(1, len(doc.content)), pf.Figure(pf.Plain(img), caption=caption))


def _missing_alt(doc: pf.Doc, path: Path) -> list[Finding]:
    """Every image must have a text alternative (or be marked decorative)."""
    findings = []

    def visit(e, d):
        if isinstance(e, pf.Image):
            alt = e.attributes.get("alt", text_of(e.content)).strip()
            decorative = "decorative" in e.classes
            if not alt and not decorative:
                findings.append(Finding(
                    "ingest", "source", "image-alt", "error",
                    f"image '{e.url}' has no text alternative; add one: ![what the image shows]({e.url}) "
                    "or 'alt:' in front matter (mark purely decorative images {{.decorative}})",
                    f"{path}: image {e.url}"))
    doc.walk(visit)
    return findings


def _contact(doc: pf.Doc, text: str | None, path: Path) -> None:
    """The contact block from front matter or settings, when the text brings none."""
    has = []
    doc.walk(lambda e, d: has.append(e) if isinstance(e, pf.Div) and "contact" in e.classes else None)
    if not has and text:
        doc.content.append(pf.Div(*reader.read_text(text, "markdown", path).content, classes=["contact"]))


def _summary(doc: pf.Doc, lang: str) -> str | None:
    for block in doc.content:
        if isinstance(block, pf.Div) and "lead" in block.classes:
            inlines = [e for e in block.content[0].content
                       if not (isinstance(e, pf.Span) and "lead-location" in e.classes)]
            text = " ".join(text_of(inlines, lang).split())
            first = sentences.split(text, lang)
            out = ""
            for s, e in first:
                out = (out + " " + text[s:e].strip()).strip()
                if len(out) > 120:
                    break
            return out[:400] or None
    return None


UMLAUTS = [["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"]]


def slug_words(text: str, max_length: int = 60) -> str:
    """URL-safe words: 'Neue Förderung' → 'neue-foerderung'."""
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True, replacements=UMLAUTS)


def make_slug(date: dt.date | None, title: str) -> str:
    words = slug_words(title) or "release"
    return f"{date.isoformat()}-{words}" if date else words


def load_release(path: Path, settings: Settings) -> Release:
    """Read one source into a Release, or raise SourceError naming the file, the place and the fix."""
    if not path.is_file():
        raise SourceError("no such file", file=path, fix="check the path")
    fmt = reader.reader_for(path)
    data: dict = {}
    if fmt in ("docx", "odt"):
        doc = reader.read_file(path, fmt)
    else:
        text = _decode(path)
        if not text.strip():
            raise SourceError("the release is empty", file=path, place="1",
                              fix="write the release text, or remove the file")
        if fmt == "markdown":
            data, text, _ = frontmatter.split(text, path)
            data = _front_matter_meta(data, path)
        doc = reader.read_text(text, fmt, path)
    if not doc.content:
        raise SourceError("the release has no text after its front matter", file=path,
                          fix="write the release text below the front matter")

    found = anatomy.apply(doc, has_title=bool(data.get("title")))
    title = data.get("title") or found.title or _meta_text(doc, "title")
    if not title:
        raise SourceError("the release has no title", file=path, place="1",
                          fix="add 'title: …' to the front matter, or start the text with the headline in bold")
    if not doc.content:
        raise SourceError("the release has a headline but no text", file=path,
                          fix="write the release text below the headline")
    body_text = " ".join(pf.stringify(b) for b in doc.content)
    lang = data.get("lang") or _meta_text(doc, "lang") or detect(body_text, settings.site.default_language)
    lang = str(lang).split("-")[0].lower()
    try:
        meta = Metadata(**{
            "subtitle": found.subtitle or _meta_text(doc, "subtitle"),
            "date": found.date, "place": found.place, "kicker": found.kicker,
            "lead_location": found.lead_location,
            **data, "title": title, "lang": lang,
        })
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise SourceError(f"front-matter key '{key}': {err['msg']}", file=path,
                          fix="correct the value, e.g. 'date: 2025-03-01'") from None

    _front_matter_images(doc, meta, path)
    findings = sanitise(doc, path)
    resources, fenced = fence(doc, path, [])
    findings += fenced + _missing_alt(doc, path)
    _contact(doc, meta.contact or settings.publisher.contact, path)
    links.apply(doc, lang)
    tables.apply(doc, lang)
    quotes.apply(doc, lang)
    quotes.block_quotes(doc)
    abbreviations.apply(doc, lang)
    _shift_headings(doc)
    if meta.summary is None:
        meta.summary = _summary(doc, lang)
    sentences.assign_ids(doc, lang)
    spacing.apply(doc, lang)
    if meta.date is None:
        findings.append(Finding("ingest", "source", "no-date", "warning",
                                "the release has no date; add 'date: YYYY-MM-DD' or a dateline 'Ort, 1. März 2025'",
                                str(path)))
    return Release(source=path, slug=make_slug(meta.date, meta.title), meta=meta, doc=doc, findings=findings,
                   resources=resources)
