"""Sources → Release: read with pandoc, find the press-release anatomy, then run the named passes (passes.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import panflute as pf
from pydantic import ValidationError
from slugify import slugify

from ..config import Settings
from ..errors import SourceError
from ..findings import Finding
from ..language.detect import detect
from ..language.registry import language_for
from ..model import Metadata, Release
from . import anatomy, frontmatter, passes, reader

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




def slug_words(text: str, max_length: int = 60, lang: str = "de") -> str:
    """URL-safe words in the language's transliteration: 'Neue Förderung' → 'neue-foerderung' (de),
    'kütüphanesi' → 'kutuphanesi' (tr)."""
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True,
                   replacements=[list(p) for p in language_for(lang).slug_letters])


def _detected(text: str, settings: Settings, path: Path) -> tuple[str, list[Finding]]:
    """The language of a text without 'lang:', and a finding when the identifier was not sure."""
    found = detect(text, settings.site.default_language)
    if found.sure:
        return found.lang, []
    why = "the text is too short to tell its language" if found.guess is None else \
        f"the language is unsure (best guess '{found.guess}' at {found.confidence:.0%})"
    return found.lang, [Finding("ingest", "source", "language-unsure", "warning",
                                f"{why}; it is treated as '{found.lang}' (site.default_language); "
                                "set 'lang:' in the front matter", str(path))]


def make_slug(date: dt.date | None, title: str, lang: str = "de") -> str:
    words = slug_words(title, lang=lang) or "release"
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
    lang = data.get("lang") or _meta_text(doc, "lang")
    notes = []
    if not lang:
        lang, notes = _detected(" ".join(pf.stringify(b) for b in doc.content), settings, path)
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

    if not language_for(lang).has_labels:
        notes.append(Finding("ingest", "source", "labels-unavailable", "info",
                             f"no interface labels for '{lang}' ({language_for(lang).name}): the renditions use "
                             "English labels around the text", str(path)))
    state = passes.run(passes.IngestState(doc, meta, path, settings, findings=notes))
    return Release(source=path, slug=make_slug(meta.date, meta.title, lang), meta=meta, doc=doc,
                   findings=state.findings, resources=state.resources)
