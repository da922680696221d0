"""Office documents (DOCX, ODT): document properties as metadata, embedded pictures as the release's images.

pandoc reads the text (its DOCX reader turns the Title style into the title). The document properties
(docProps/core.xml, meta.xml) give title, author, date and language when the text has none. Pictures stay
inside the archive for pandoc; accesspub extracts each one it references, after the package's size checks
(reader.read_file), into a content-addressed folder, so the fence accepts exactly these files, and never a
stray file of the same name beside the document. Word's picture description (ODT: svg:desc) is the alt text.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import unquote

import panflute as pf
from lxml import etree

from ...atomic import write_bytes
from ...findings import Finding
from .xhtml import PARSER
from ...tree import stringify, walk

NS = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
      "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
      "xlink": "http://www.w3.org/1999/xlink"}
MEDIA_ROOT = Path(tempfile.gettempdir()) / "accesspub-office-media"


def _xml(z: zipfile.ZipFile, name: str):
    try:
        return etree.fromstring(z.read(name), PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None


def _first_text(root, paths: list[str]) -> str | None:
    for p in paths:
        for el in root.iterfind(p, NS):
            if el.text and el.text.strip():
                return " ".join(el.text.split())
    return None


def properties(path: Path, fmt: str) -> dict:
    """title, author, date, lang from the document properties (only those that are set)."""
    with zipfile.ZipFile(path) as z:
        if fmt == "docx":
            root = _xml(z, "docProps/core.xml")
            if root is None:
                return {}
            found = {"title": _first_text(root, ["dc:title"]), "author": _first_text(root, ["dc:creator"]),
                     "date": _first_text(root, ["dcterms:created", "dcterms:modified"]),
                     "lang": _first_text(root, ["dc:language"])}
        else:
            root = _xml(z, "meta.xml")
            if root is None:
                return {}
            found = {"title": _first_text(root, [".//dc:title"]),
                     "author": _first_text(root, [".//meta:initial-creator", ".//dc:creator"]),
                     "date": _first_text(root, [".//meta:creation-date", ".//dc:date"]),
                     "lang": _first_text(root, [".//dc:language"])}
    return {k: v for k, v in found.items() if v}


def _odt_descriptions(z: zipfile.ZipFile) -> dict[str, str]:
    """ODT picture href → its description (svg:desc, else svg:title of the frame)."""
    root = _xml(z, "content.xml")
    out: dict[str, str] = {}
    if root is None:
        return out
    for frame in root.iter(f"{{{NS['draw']}}}frame"):
        img = frame.find("draw:image", NS)
        if img is None:
            continue
        desc = _first_text(frame, ["svg:desc", "svg:title"])
        if desc:
            out[img.get(f"{{{NS['xlink']}}}href", "")] = desc
    return out


def extract_images(doc: pf.Doc, path: Path, fmt: str) -> tuple[Path | None, list[Finding]]:
    """Point every picture of the document at its extracted copy; returns the folder (for the fence)."""
    images: list[pf.Image] = []
    walk(doc, lambda e, d: images.append(e) if isinstance(e, pf.Image) else None)
    if not images:
        return None, []
    data = path.read_bytes()
    folder = MEDIA_ROOT / hashlib.sha256(data).hexdigest()[:24]
    findings: list[Finding] = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        descriptions = _odt_descriptions(z) if fmt == "odt" else {}
        for img in images:
            member = unquote(img.url.split("#")[0])
            if fmt == "docx" and member not in names and f"word/{member}" in names:
                member = f"word/{member}"
            if member not in names or ".." in Path(member).parts:
                findings.append(Finding("ingest", "source", "office-image-missing", "warning",
                                        f"picture '{img.url}' is not inside the document; in Word use "
                                        "Insert → Pictures → This Device (not a linked picture)", str(path)))
                continue
            target = folder / member
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_bytes(target, z.read(member))
            img.url = str(target)
            if not img.attributes.get("alt") and not stringify(img).strip() and member in descriptions:
                img.content = [pf.Str(descriptions[member])]
    os.utime(folder, None)
    return folder, findings
