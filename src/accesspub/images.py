"""Images a build carries: the same limits for every source (files, data: URLs, DOCX media, the logo) and SVG
made safe by an allow-list.

An SVG is a document that can run script when opened from the site, so it is filtered by svg-hush
(Cloudflare's allow-list of elements and attributes: no script, no foreignObject, no event handlers, links and
references same-document only) and then verified here; an SVG that cannot be parsed, or that still references
anything outside itself after filtering, is refused.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from lxml import etree

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
        ".svg": "image/svg+xml", ".webp": "image/webp"}
SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg", "image/jpg": ".jpg", "image/gif": ".gif",
          "image/svg+xml": ".svg", "image/webp": ".webp"}
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
MAX_BYTES = 20 * 2**20          # an image larger than this is not web-ready and bloats every rendition
MAX_PIXELS = 40_000_000         # decompression bombs: a small file that decodes to gigabytes
_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK = "{http://www.w3.org/1999/xlink}href"
_CSS_URL = re.compile(r"url\(\s*(?!['\"]?#)[^)]*\)", re.I)
_EMBEDDED = {"image": ["png", "jpeg", "gif", "webp"]}     # data: URLs an SVG may keep (passive raster images)
# animation can rewrite attributes (a link target into javascript:) and moves without a pause (WCAG 2.2.2)
_ANIMATION = {f"{{{_SVG_NS}}}{name}" for name in ("animate", "set", "animateMotion", "animateTransform",
                                                    "discard", "mpath")}


class ImageRefused(ValueError):
    """Why an image cannot be carried; the message ends with what to do."""


def sanitise_svg(data: bytes) -> bytes:
    """The SVG with everything but passive drawing removed, or ImageRefused."""
    from py_svg_hush import filter_svg
    try:
        clean = filter_svg(data, _EMBEDDED)
    except (ValueError, TypeError):
        raise ImageRefused("not a well-formed SVG; export it again from the drawing program") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(clean, parser)
    except etree.XMLSyntaxError:
        raise ImageRefused("not a well-formed SVG; export it again from the drawing program") from None
    if root.tag != f"{{{_SVG_NS}}}svg":
        raise ImageRefused("not an SVG image (its root element is not <svg>)")
    for el in [el for el in root.iter() if el.tag in _ANIMATION]:
        el.getparent().remove(el)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in ("href", _XLINK):
            value = (el.get(name) or "").strip()
            if value and not (value.startswith("#") or value.lower().startswith(
                    tuple(f"data:image/{t};" for t in _EMBEDDED["image"]))):
                del el.attrib[name]
        if el.get("style"):
            el.set("style", _CSS_URL.sub("none", el.get("style")))
    for el in [el for el in root.iter(f"{{{_SVG_NS}}}style")]:
        css = _CSS_URL.sub("none", el.text or "")
        if "@" in css or "//" in css or "\\" in css or "expression" in css.lower():
            el.getparent().remove(el)      # at-rules, addresses or escapes left: not a plain class stylesheet
        else:
            el.text = css
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def check(data: bytes, suffix: str) -> bytes:
    """The bytes to carry for an image of this type (an SVG sanitised), or ImageRefused saying why."""
    suffix = suffix.lower()
    if suffix not in MIME:
        raise ImageRefused(f"not an image type that every rendition can carry ({', '.join(sorted(MIME))})")
    if len(data) > MAX_BYTES:
        raise ImageRefused(f"{len(data) // 2**20} MB is more than {MAX_BYTES // 2**20} MB; save a web-sized copy")
    if suffix == ".svg":
        return sanitise_svg(data)
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height, kind = img.width, img.height, img.format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise ImageRefused("not a readable image; open it in an image program and save it again") from None
    if width * height > MAX_PIXELS:
        raise ImageRefused(f"{width}×{height} pixels is more than {MAX_PIXELS // 1_000_000} megapixels; "
                           "save a web-sized copy")
    if kind != FORMATS[suffix]:
        raise ImageRefused(f"the file is a {kind} image named '{suffix}'; save it with the right extension")
    return data


def read(path: Path) -> bytes:
    """An image file's bytes as carried (checked, an SVG sanitised), or ImageRefused."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ImageRefused("file not found; check the name") from None
    if size > MAX_BYTES:
        raise ImageRefused(f"{size // 2**20} MB is more than {MAX_BYTES // 2**20} MB; save a web-sized copy")
    return check(path.read_bytes(), path.suffix)
