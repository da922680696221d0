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
from ..language.invisible import clean_data, clean_meta
from ..language.registry import language_for
from ..model import Metadata, Release
from . import anatomy, passes, readers
from .dates import leading_dateline
from ..tree import stringify

SKIP_SUFFIXES = (".plain.md", ".plain.txt", ".plain-draft.md", ".plain-review.html")
# a site generator's own folders (layouts, partials, data), not releases, when a whole site is given
SITE_FOLDERS = {"_includes", "_layouts", "_data", "_site", "_sass", "node_modules", "layouts", "partials",
                "includes", "archetypes", "static", "assets", "public"}


def discover(sources: list[Path], exclude: tuple[Path, ...] = ()) -> tuple[list[Path], list[SourceError]]:
    """Release sources among files and folders, in a stable order, and the paths that do not exist.

    Hidden folders (.git, the state folder) and the folders in `exclude` (the build's own output and state,
    when they lie inside a source folder) are not searched: a build must never read what it wrote."""
    skip = [p.absolute() for p in exclude]
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
            parts = p.relative_to(src).parts[:-1]
            if any(part.startswith(".") for part in parts) or any(q in p.absolute().parents for q in skip):
                continue
            if p.is_file() and p.suffix.lower() in readers.FORMS and not p.name.startswith((".", "_")) \
                    and not p.name.lower().endswith(SKIP_SUFFIXES) and p.name.lower() != "readme.md" \
                    and not SITE_FOLDERS & set(p.relative_to(src).parts[:-1]) and readers.is_release(p):
                found.append(p)
    return found, missing


def _meta_text(doc: pf.Doc, key: str) -> str | None:
    value = doc.get_metadata(key, default=None)
    if isinstance(value, str) and value.strip():
        return " ".join(clean_meta(value).split())
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


def make_slug(date: dt.date | None, title: str, lang: str = "de", source: Path | None = None) -> str:
    """date-title-words; a title without letters (only emoji, digits or punctuation) gives way to the file name."""
    words = slug_words(title, lang=lang)
    if not any(c.isalpha() for c in words) and source is not None:
        stem = source.stem
        if date and stem.startswith(date.isoformat()):
            stem = stem[len(date.isoformat()):]
        words = slug_words(stem, lang=lang) or words
    words = words or "release"
    return f"{date.isoformat()}-{words}" if date else words


def _clean(text: str | None) -> str | None:
    """Metadata found in the text: one line, without invisible characters."""
    return " ".join(clean_meta(text).split()) or None if text else text


def load_release(path: Path, settings: Settings) -> Release:
    """Read one source into a Release, or raise SourceError naming the file, the place and the fix."""
    if not path.is_file():
        raise SourceError("no such file", file=path, fix="check the path")
    src = readers.read(path, settings)
    doc, data = src.doc, clean_data(src.fields)
    word = src.form in ("docx", "odt")
    if not doc.content:
        raise SourceError("the document is empty" if word else "the release has no text after its front matter",
                          file=path, fix="write the release text in the document and save it again" if word
                          else "write the release text below the front matter")

    has_title = bool(data.get("title") or _meta_text(doc, "title"))
    found = anatomy.apply(doc, has_title=has_title, join_page_breaks=src.form == "text",
                          plain_title=src.plain_title)
    title = " ".join(clean_meta(str(data.get("title") or _meta_text(doc, "title") or found.title
                                    or src.fallback_title or "")).split())
    if not title:
        raise SourceError("the release has no title", file=path, place="1",
                          fix="in Word or LibreOffice, give the headline the paragraph style 'Title' (or set "
                              "File → Properties → Title)" if word else
                              "add 'title: …' to the front matter, or start the text with the headline in bold")
    first = doc.content[0] if doc.content else None
    if isinstance(first, pf.Header) and " ".join(stringify(first).split()) == " ".join(str(title).split()):
        doc.content.pop(0)          # the body repeats the headline (XHTML/HTML pages): it is the page's h1
    if not doc.content:
        raise SourceError("the release has a headline but no text", file=path,
                          fix="write the release text below the headline")
    if found.date is None and data.get("date") is None:
        lead = next((d for b in doc.content[:5] if (d := leading_dateline(stringify(b)))), None)
        if lead:
            found.place, found.date = found.place or lead[0], lead[1]
    lang = data.get("lang") or _meta_text(doc, "lang")
    notes = []
    if not lang:
        lang, notes = _detected(" ".join(stringify(b) for b in doc.content), settings, path)
    lang = str(lang).split("-")[0].split("_")[0].lower()
    try:
        from_text = {"subtitle": _clean(found.subtitle) or _meta_text(doc, "subtitle"), "date": found.date,
                     "place": _clean(found.place), "kicker": _clean(found.kicker),
                     "lead_location": _clean(found.lead_location)}
        meta = Metadata(**{
            **src.fallback, **{k: v for k, v in from_text.items() if v is not None},
            **{k: v for k, v in data.items() if v is not None}, "title": title, "lang": lang,
            "extra": src.extra, "form": src.form,
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
    state = passes.run(passes.IngestState(doc, meta, path, settings, findings=src.findings + notes, media=src.media))
    return Release(source=path, slug=make_slug(meta.date, meta.title, lang, path), meta=meta, doc=doc,
                   findings=state.findings, resources=state.resources)
