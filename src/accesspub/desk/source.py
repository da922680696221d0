"""An upload or a pasted text → the desk's working form of a release: Markdown body + metadata form values.

The core's own reader reads the upload (pandoc sandboxed, time and memory limits, zip-bomb checks for
DOCX/ODT) and its anatomy pass takes the kicker, dateline, headline and end mark out of the body; what it
found becomes the form's prefill. The remaining body is written as Markdown, which the desk edits (alt texts,
text) and hands to the core again as a source file with front matter: the same path a CLI build takes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import panflute as pf
import pypandoc
import yaml

from ..errors import SourceError
from ..ingest import anatomy, frontmatter, reader
from ..language.inlines import text_of

FORM_FIELDS = ("title", "subtitle", "kicker", "date", "place", "lang", "summary", "plain_level", "embargo")
UPLOAD_FORMATS = {".docx": "docx", ".odt": "odt", ".md": "markdown", ".markdown": "markdown", ".txt": "markdown",
                  ".html": "html", ".htm": "html"}      # upload suffix → the pandoc reader the desk uses
UPLOAD_SUFFIXES = tuple(UPLOAD_FORMATS)
MARKDOWN_OUT = "markdown-smart-raw_attribute"     # literal „…“ stay literal; nothing format-specific
PLACEHOLDER_ALT = re.compile(
    r"^(?:|image|img|bild|foto|photo|picture|grafik|graphic|abbildung|logo|icon|alt|alt[- ]?text|placeholder|"
    r"platzhalter|todo|tbd|xxx|\W+|(?:img|image|bild|foto|dsc|pic|photo)[-_ ]?\d+|.+\.(?:png|jpe?g|gif|svg|webp))$",
    re.I)


@dataclass
class Draft:
    """What the desk keeps of an upload: the form's prefill, the Markdown body and the images it carries."""

    form: dict
    body: str
    media: dict[str, bytes] = field(default_factory=dict)


def _doc_to_markdown(doc: pf.Doc, path: Path) -> str:
    data = json.dumps(doc.to_json(), ensure_ascii=False)
    try:
        return pypandoc.convert_text(data, MARKDOWN_OUT, format="json", extra_args=["--sandbox", "--wrap=none"])
    except RuntimeError as exc:
        raise SourceError(f"could not write the working text: {exc}", file=path,
                          fix="paste the text as plain text instead") from None


def _unwrap_lead(doc: pf.Doc) -> None:
    """The lead Div and its location Span go back to plain paragraphs: the core finds them again."""
    blocks = []
    for b in doc.content:
        if isinstance(b, pf.Div) and "lead" in b.classes:
            for inner in b.content:
                if isinstance(inner, pf.Para) and inner.content and isinstance(inner.content[0], pf.Span) \
                        and "lead-location" in inner.content[0].classes:
                    inner.content[0] = inner.content[0].content[0]
            blocks.extend(b.content)
        else:
            blocks.append(b)
    doc.content = blocks


def _drop_sizes(doc: pf.Doc) -> None:
    """Office documents give every image a width and height in inches: layout of the word processor, which
    would become style attributes the pages' Content-Security-Policy refuses. The renditions size images."""
    def visit(e, d):
        if isinstance(e, pf.Image):
            for key in ("width", "height"):
                e.attributes.pop(key, None)
    doc.walk(visit)


def _media(path: Path, data: bytes, doc: pf.Doc) -> dict[str, bytes]:
    """Images an office document carries, under the names its text refers to (media/x.png, Pictures/x.png)."""
    urls = []
    doc.walk(lambda e, d: urls.append(e.url) if isinstance(e, pf.Image) else None)
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        for url in urls:
            rel = PurePosixPath(url)
            if rel.is_absolute() or ".." in rel.parts or not rel.parts:
                continue
            member = next((n for n in names if n == url or n.endswith("/" + url)), None)
            if member:
                found[str(rel)] = z.read(member)
    return found


def normalise(name: str, data: bytes) -> Draft:
    """Read an upload (file name decides the reader) into a Draft, or raise SourceError naming the fix."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise SourceError(f"cannot read '{suffix or name}' files", file=name,
                          fix="upload DOCX, ODT, Markdown, HTML or plain text, or paste the text")
    path = Path(name)
    fmt = UPLOAD_FORMATS[suffix]
    front: dict = {}
    if fmt in ("docx", "odt"):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp) / f"upload{suffix}"
            tmp_path.write_bytes(data)
            try:
                doc = reader.read_file(tmp_path, fmt)
            except SourceError as exc:
                raise SourceError(exc.message, file=name, place=exc.place, fix=exc.fix) from None
        media = _media(path, data, doc)
    else:
        try:
            text = reader.CONTROLS.sub("", data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise SourceError("the file is not UTF-8 text", file=name, fix="save it with the encoding UTF-8") from None
        if not text.strip():
            raise SourceError("the release is empty", file=name, fix="write or paste the release text")
        if fmt == "markdown":
            front, text, _ = frontmatter.split(text, path)
        doc = reader.read_text(text, fmt, path)
        media = {}
    found = anatomy.apply(doc, has_title=bool(front.get("title")))
    _unwrap_lead(doc)
    if fmt in ("docx", "odt"):
        _drop_sizes(doc)
    form = {
        "title": front.get("title") or found.title or "",
        "subtitle": front.get("subtitle") or found.subtitle or "",
        "kicker": front.get("kicker") or found.kicker or "",
        "date": str(front.get("date") or found.date or ""),
        "place": front.get("place") or found.place or "",
        "lang": str(front.get("lang") or ""),
        "summary": front.get("summary") or "",
        "plain_level": front.get("plain_level") or "",
        "embargo": str(front.get("embargo") or ""),
    }
    extra = {k: v for k, v in front.items() if k not in FORM_FIELDS}
    if extra:
        form["extra"] = extra                 # other front-matter keys (contact, keywords, images …) are kept
    if not doc.content:
        raise SourceError("the release has a headline but no text", file=name, fix="write the release text")
    return Draft(form=form, body=_doc_to_markdown(doc, path), media=media)


def images(body: str) -> list[dict]:
    """The images of a working body: src, alt, and what is wrong with the alt (missing / placeholder)."""
    doc = reader.read_text(body, "markdown", Path("release.md"))
    out = []

    def visit(e, d):
        if isinstance(e, pf.Image):
            alt = e.attributes.get("alt", text_of(e.content)).strip()
            problem = None
            if "decorative" not in e.classes:
                if not alt:
                    problem = "missing"
                elif PLACEHOLDER_ALT.match(alt) or alt.lower() == PurePosixPath(e.url).stem.lower():
                    problem = "placeholder"
            out.append({"src": e.url, "alt": alt, "problem": problem, "decorative": "decorative" in e.classes})
    doc.walk(visit)
    return out


def set_alts(body: str, alts: dict[str, str]) -> str:
    """The body with these alt texts (by image src); the text is otherwise written back unchanged in content."""
    doc = reader.read_text(body, "markdown", Path("release.md"))
    changed = []

    def visit(e, d):
        if isinstance(e, pf.Image) and e.url in alts:
            new = " ".join(alts[e.url].split())
            if new != e.attributes.get("alt", text_of(e.content)).strip():
                words = new.split()
                e.content = [x for i, w in enumerate(words) for x in ((pf.Space(),) if i else ()) + (pf.Str(w),)]
                e.attributes.pop("alt", None)
                changed.append(e.url)
    doc.walk(visit)
    if not changed:
        return body
    return _doc_to_markdown(doc, Path("release.md"))


def _yaml_value(key: str, value: str):
    if key == "date" and value:
        return dt.date.fromisoformat(value)
    return value


def front_matter(form: dict, plain: str | None = None) -> dict:
    """Front matter for the core: the form's non-empty values (the embargo is the desk's business, not the
    page's: the desk publishes only when it has passed)."""
    data = dict(form.get("extra") or {})
    for key in FORM_FIELDS:
        value = (form.get(key) or "").strip() if isinstance(form.get(key), str) else form.get(key)
        if value and key != "embargo":
            data[key] = _yaml_value(key, value)
    if plain:
        data["plain"] = plain
    return data


def correction_block(note: str, when: dt.date, lang: str) -> str:
    from babel.dates import format_date
    label = "Correction of" if lang == "en" else "Korrektur vom"
    day = format_date(when, format="long", locale="en" if lang == "en" else "de")
    note = " ".join(note.split()).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return f"::: correction\n**{label} {day}:** {note}\n:::\n"


def materialise(folder: Path, form: dict, body: str, media: dict[str, bytes], plain: str | None = None,
                correction: str | None = None, corrected_on: dt.date | None = None) -> Path:
    """Write the working source (release.md with front matter) and its images into `folder`."""
    from ..atomic import write_bytes, write_text
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in media.items():
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts:
            continue
        target = folder / rel
        if not target.exists() or target.read_bytes() != data:
            write_bytes(target, data)
    meta = front_matter(form, plain)
    text = body.rstrip() + "\n"
    if correction:
        text = correction_block(correction, corrected_on or dt.date.today(), form.get("lang") or "de") + "\n" + text
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    path = folder / "release.md"
    write_text(path, f"---\n{head}---\n\n{text}")
    return path
