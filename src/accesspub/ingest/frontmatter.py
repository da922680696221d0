"""Front matter of text sources, as the site generators write it, mapped onto the release's metadata.

Three header forms are read: YAML between `---` lines (Jekyll, Hugo, Eleventy, Astro), TOML between `+++`
lines (Hugo, Zola) and `Key: value` header lines up to the first blank line (Pelican, MultiMarkdown).
The keys of the common generators map onto `Metadata` (`ALIASES`); other keys (layout, weight, menu, …)
are kept in `Metadata.extra` and reported once.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import tomllib
from pathlib import Path

import yaml

from ..errors import SourceError
from ..findings import Finding
from ..language.lexicon import LANGUAGES, lexicon
from .dates import parse_date
from .reader import CONTROLS

# Metadata field ← the keys generators use for it (lower-case; first one present wins)
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "titel"),
    "subtitle": ("subtitle", "subheadline", "untertitel"),
    "summary": ("summary", "description", "excerpt", "teaser", "lead", "abstract", "einleitung",
                "beschreibung", "meta_description", "meta_beschreibung"),
    "author": ("author", "authors", "autor", "autorin", "autoren", "by"),
    "keywords": ("keywords", "tags", "categories", "category", "schlagworte"),
    "date": ("date", "publishdate", "pubdate", "published", "published_at", "publish_date", "datum"),
    "updated": ("lastmod", "updated", "modified", "last_modified", "updated_at"),
    "lang": ("lang", "language", "locale", "sprache"),
    "slug": ("slug",),
    "draft": ("draft", "entwurf"),
    "place": ("place", "location", "ort"),
    "publisher": ("publisher", "organisation", "organization", "herausgeber"),
    "contact": ("contact", "kontakt", "press_contact"),
    "kicker": ("kicker", "dachzeile"),
    "images": ("images", "image", "cover", "featured_image", "featuredimage", "hero", "heroimage",
               "hero_image", "thumbnail", "bild", "header"),
    "plain": ("plain",),
    "plain_level": ("plain_level",),
    "plain_review": ("plain_review",),
    "embargo": ("embargo",),
}
IMAGE_SRC = ("src", "url", "path", "image", "file", "href")
IMAGE_ALT = ("alt", "alt_text", "alttext", "description", "alternativtext")
IMAGE_CAPTION = ("caption", "title", "bildunterschrift")
IMAGE_CREDIT = ("credit", "copyright", "author", "source", "quelle")
IMAGE_LICENCE = ("licence", "license", "lizenz")
PELICAN_HEADER = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_ -]{0,30}):\s*(?P<value>.*)$")
PELICAN_KEYS = {"title", "date", "author", "authors", "category", "tags", "slug", "summary", "lang", "modified",
                "status", "keywords", "subtitle", "base header level"}


def split(text: str, path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts). No front matter: ({}, text, 1)."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return {}, text, 1
    fence = lines[0].strip()
    if fence in ("---", "+++"):
        closing = ("---", "...") if fence == "---" else ("+++",)
        for i in range(1, len(lines)):
            if lines[i].strip() in closing:
                break
        else:
            raise SourceError(f"front matter starts with '{fence}' but is never closed", file=path, place="1",
                              fix=f"add a line '{fence}' after the last front-matter key")
        raw = "".join(lines[1:i])
        data = _toml(raw, path) if fence == "+++" else _yaml(raw, path)
        if not isinstance(data, dict):
            raise SourceError("front matter must be a mapping of keys to values", file=path, place="2",
                              fix="write it as 'key: value' lines, e.g. 'title: Neue Förderung'")
        return data, "".join(lines[i + 1:]), i + 2
    return _header_lines(lines, text)


def _yaml(raw: str, path: Path) -> object:
    try:
        return yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        if "\t" in raw:         # js-yaml (Eleventy) and Go's yaml (Hugo) accept tabs before comments
            try:
                return yaml.safe_load(raw.replace("\t", "    ")) or {}
            except yaml.YAMLError:
                pass
        mark = getattr(exc, "problem_mark", None)
        place = f"{mark.line + 2}:{mark.column + 1}" if mark else "1"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"front matter is not valid YAML: {problem}", file=path, place=place,
                          fix="check indentation and quote values that contain ':' or start with a special character") from None
    except ValueError as exc:            # a value YAML recognises but cannot build, e.g. the date 2025-13-45
        line, key = _bad_value_line(raw.splitlines(keepends=True))
        raise SourceError(f"front-matter key '{key}' is not a valid date: {exc}", file=path, place=str(line),
                          fix="write a real date as YYYY-MM-DD, e.g. 'date: 2025-03-01'") from None


def _toml(raw: str, path: Path) -> dict:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"front matter is not valid TOML: {exc}", file=path, place="2",
                          fix="quote string values: title = \"…\"") from None


def _header_lines(lines: list[str], text: str) -> tuple[dict, str, int]:
    """Pelican / MultiMarkdown metadata: 'Title: …' lines up to the first blank line."""
    data: dict = {}
    for i, line in enumerate(lines):
        if not line.strip():
            break
        m = PELICAN_HEADER.match(line.rstrip("\n"))
        if not m:
            return {}, text, 1
        data[m["key"].strip().lower()] = m["value"].strip()
    else:
        return {}, text, 1
    if "title" not in data or not set(data) <= PELICAN_KEYS:
        return {}, text, 1
    for key in ("tags", "keywords", "category", "authors"):
        if key in data:
            data[key] = [v.strip() for v in data[key].split(",") if v.strip()]
    return data, "".join(lines[i + 1:]), i + 2


def _kickers() -> set[str]:
    return {k.lower() for lang in LANGUAGES for k in lexicon(lang)["kickers"]}


def _text(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, list):
        value = ", ".join(t for v in value if (t := _text(v)))
    elif isinstance(value, dict):
        value = _text(value.get("name") or value.get("title"))
    text = " ".join(CONTROLS.sub("", str(value)).split()) if value is not None else ""
    return text or None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if m := re.match(r"^(\d{4}-\d{2}-\d{2})", text):
            try:
                return dt.date.fromisoformat(m[1])
            except ValueError:
                return None
        if found := parse_date(text):
            return found
        try:                                   # RSS and e-mail dates: 'Mon, 03 Mar 2025 10:00:00 +0000'
            return email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            return None
    return None


def _keywords(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [t for v in value if (t := _text(v))]


def _first(d: dict, keys: tuple[str, ...]):
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return None


def _images(value) -> list[dict]:
    """Front-matter image forms: a path, a mapping (src/url + alt/caption/credit/licence), or a list of them."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append({"src": item.strip()})
        elif isinstance(item, dict):
            low = {str(k).lower(): v for k, v in item.items()}
            if isinstance(low.get("image"), dict):          # header: {image: …} (Minimal Mistakes)
                low = {**low, **{str(k).lower(): v for k, v in low["image"].items()}}
            src = _first(low, IMAGE_SRC)
            if not isinstance(src, str) or not src.strip():
                continue
            img = {"src": src.strip(), "alt": _text(_first(low, IMAGE_ALT)),
                   "caption": _text(_first(low, IMAGE_CAPTION)), "credit": _text(_first(low, IMAGE_CREDIT)),
                   "licence": _text(_first(low, IMAGE_LICENCE))}
            out.append({k: v for k, v in img.items() if v is not None})
    return out


def map_keys(data: dict, path: Path, strict: bool = False, first_line: int = 2) -> tuple[dict, dict, list[Finding]]:
    """(Metadata fields, unknown keys kept as they are, findings) of a front-matter mapping."""
    low = {str(k).lower(): v for k, v in data.items()}
    used: set[str] = set()
    fields: dict = {}
    for field, keys in ALIASES.items():
        for key in keys:
            if key not in low:
                continue
            value = low[key]
            if field == "date" and isinstance(value, bool):      # 'published: true' is a flag, not a date
                continue
            used.add(key)
            if field in fields or value in (None, "", []):
                continue
            fields[field] = value
    out: dict = {}
    for field, value in fields.items():
        if field in ("date", "updated"):
            if (d := _date(value)) is not None:
                out[field] = d
            elif field == "date":
                raise SourceError(f"front-matter key 'date': '{_text(value)}' is not a date", file=path,
                                  place=str(first_line), fix="write it as 'date: 2025-03-01'")
        elif field == "embargo":
            out[field] = value
        elif field == "plain_review":
            if not isinstance(value, dict) or not _text(value.get("by")) or _date(value.get("date")) is None:
                raise SourceError("front-matter key 'plain_review' needs who checked the plain version and when",
                                  file=path, place=str(first_line),
                                  fix="write it as 'plain_review: {by: Eva Prüf, date: 2026-11-30}'")
            out[field] = {"by": _text(value["by"]), "date": _date(value["date"])}
        elif field == "keywords":
            out[field] = _keywords(value)
        elif field == "images":
            out[field] = _images(value)
        elif field in ("plain", "contact") and isinstance(value, str):
            out[field] = CONTROLS.sub("", value)          # Markdown blocks: their line breaks are structure
        elif field == "draft":
            out[field] = value is True or str(value).lower() in ("true", "yes", "ja")
        elif (text := _text(value)) is not None:
            out[field] = text
    kicker = _text(low.get("type"))
    if "kicker" not in out and kicker and kicker.lower() in _kickers():      # Eleventy/Hugo 'type: Pressemitteilung'
        out["kicker"] = kicker
        used.add("type")
    unknown = {k: v for k, v in data.items() if str(k).lower() not in used}
    findings: list[Finding] = []
    if unknown:
        names = ", ".join(sorted(map(str, unknown)))
        if strict:
            raise SourceError(f"front-matter keys accesspub does not use: {names}", file=path, place=str(first_line),
                              fix="remove them, or turn off output.strict in accesspub.toml to keep and ignore them")
        findings.append(Finding("ingest", "source", "front-matter-ignored", "info",
                                f"front-matter keys kept but not used: {names}", f"{path}:{first_line}"))
    if out.get("draft"):
        findings.append(Finding("ingest", "source", "draft", "warning",
                                "the release is marked 'draft: true'; it is built for review but not published",
                                f"{path}:{first_line}"))
    return out, unknown, findings


_DATE_VALUE = re.compile(r"^\s*([^:#]+?)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _bad_value_line(lines: list[str]) -> tuple[int, str]:
    """(line number, key) of the first date-looking value that is no date."""
    for n, line in enumerate(lines, start=2):
        if m := _DATE_VALUE.match(line):
            try:
                dt.date(int(m[2]), int(m[3]), int(m[4]))
            except ValueError:
                return n, m[1]
    return 2, "?"
