"""Resources are fenced: a release may use files from its own folder (and configured asset folders) only.

`file:` URLs outside, `..` escapes, symlinks leading out and remote `http(s):` images are refused with a
finding naming the reference; accepted files are renamed into the release's `media/` folder. Files and
`data:` URLs pass the same limits (`accesspub.images`); an SVG is carried sanitised, never as it came.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

import panflute as pf

from .. import images
from ..findings import Finding
from ..language.inlines import text_of
from . import image_text
from ..tree import walk

MEDIA = "media"


def _inside(path: Path, folders: list[Path]) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _data_url(url: str) -> str:
    """A data: image URL as carried (its bytes checked like a file's, an SVG sanitised), or ImageRefused."""
    header, comma, payload = url[5:].partition(",")
    mime = header.split(";")[0].strip().lower()
    suffix = images.SUFFIX.get(mime)
    if not comma or not suffix:
        raise images.ImageRefused("only PNG, JPEG, GIF, WebP and SVG data URLs are allowed")
    if len(payload) * 3 // 4 > images.MAX_BYTES:          # refused before decoding it
        raise images.ImageRefused(f"more than {images.MAX_BYTES // 2**20} MB; save a web-sized copy")
    try:
        data = base64.b64decode(payload, validate=False) if header.lower().endswith(";base64") \
            else unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        raise images.ImageRefused("the data URL is not valid base64") from None
    clean = images.check(data, suffix)
    return f"data:{images.MIME[suffix]};base64,{base64.b64encode(clean).decode('ascii')}"


def _local_name(real: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", real.stem)[:40] or "image"
    digest = hashlib.sha256(str(real).encode()).hexdigest()[:8]
    return f"{MEDIA}/{stem}-{digest}{real.suffix.lower()}"


def fence(doc: pf.Doc, source: Path, allowed: list[Path], lang: str = "de") -> tuple[dict[str, Path], list[Finding]]:
    """Resolve every image; refused ones are replaced by their text alternative. Returns (resources, findings).

    An image that is merely unavailable (remote, site-absolute, not found) is a warning and stands in as its
    caption or alt text, linked to its address; one that breaks the fence (escapes, bad schemes, oversized,
    not an image) is an error.
    """
    folders = [source.parent.resolve(), *(p.resolve() for p in allowed)]
    resources: dict[str, Path] = {}
    findings: list[Finding] = []

    def refuse(e: pf.Image, why: str):
        findings.append(Finding("fence", "source", "resource-refused", "error",
                                f"image '{e.url[:120]}' refused: {why}", f"{source}: image {e.url[:120]}"))
        alt = e.attributes.get("alt") or text_of(e.content)
        return pf.Str(alt) if alt else pf.Str("")

    def unavailable(e: pf.Image, why: str):
        findings.append(Finding("fence", "source", "image-unavailable", "warning",
                                f"image '{e.url[:120]}' not shown: {why}; its caption or text alternative "
                                "stands in for it", f"{source}: image {e.url[:120]}"))
        return image_text.stand_in(e, lang)

    def action(e, d):
        if not isinstance(e, pf.Image):
            return None
        url = e.url.strip()
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https", "ftp"):
            return unavailable(e, "remote images are not fetched during a build; put the file beside the release")
        if scheme == "data":
            try:
                e.url = _data_url(url)
            except images.ImageRefused as exc:
                return refuse(e, str(exc))
            return None
        if scheme not in ("", "file"):
            return refuse(e, f"scheme '{scheme}:' is not allowed")
        raw = unquote(parts.path) if scheme == "file" else unquote(url.split("#")[0].split("?")[0])
        candidate = Path(raw) if Path(raw).is_absolute() else source.parent / raw
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            if not raw.startswith("/") and not _inside(Path(os.path.normpath(source.parent.resolve() / raw)), folders):
                return refuse(e, "it points outside the release's folder (a '..' escape); copy the image into the "
                                 "release's folder")
            if raw.startswith("/"):
                return unavailable(e, "a path on the website ('/…') that is not beside the release; copy the "
                                      "image next to it and write its name without the leading '/'")
            return unavailable(e, "file not found; check the name and that it lies beside the release")
        if not _inside(real, folders):
            return refuse(e, "it lies outside the release's folder (a '..' escape, an absolute path or a symlink "
                             "leading out); copy the image into the release's folder")
        if real.suffix.lower() not in images.MIME or not real.is_file():
            return refuse(e, f"not an image file ({', '.join(sorted(images.MIME))})")
        try:
            images.read(real)
        except images.ImageRefused as exc:
            return refuse(e, str(exc))
        name = _local_name(real)
        resources[name] = real
        e.url = name
        return None

    walk(doc, action)
    image_text.collapse_stand_ins(doc, lang)
    return resources, findings
