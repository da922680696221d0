"""The EPUB content document: the release header and body as XHTML, its images and its table of contents."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree
from lxml import html as lhtml

from ... import images
from ...findings import Finding
from ...model import Release
from .. import BuildContext
from ..body import body_html
from ..frame import date_long
from .templates import render_template

XHTML = "http://www.w3.org/1999/xhtml"
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml"}
KEPT_SCHEMES = {"http", "https", "mailto", "tel"}
MIME_SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
               "image/svg+xml": ".svg"}


@dataclass
class Resource:
    """A file inside the EPUB besides the fixed ones (images, fonts, audio)."""

    id: str
    href: str
    media_type: str
    data: bytes = field(repr=False)


@dataclass
class ContentDocument:
    """text.xhtml and what the package needs to know about it."""

    xhtml: str
    tree: etree._Element
    toc: list[dict]
    images: list[dict]                     # {"alt": str, "decorative": bool} per image kept
    resources: list[Resource]
    findings: list[Finding]

    def ids(self) -> list[str]:
        """Every id of the document in document order."""
        return [e.get("id") for e in self.tree.iter() if isinstance(e.tag, str) and e.get("id")]

    def text_of(self, element_id: str) -> str:
        found = self.tree.xpath("//*[@id=$id]", id=element_id)
        return " ".join("".join(found[0].itertext()).split()) if found else ""


def _image_bytes(src: str, release: Release) -> tuple[bytes, str] | str:
    """The image's bytes and suffix (a fenced resource or a data URL), or why not."""
    parsed = urlparse(src)
    if parsed.scheme == "data":
        header, _, payload = src[5:].partition(",")
        suffix = MIME_SUFFIX.get(header.split(";")[0].lower())
        if not suffix:
            return "its type is not one EPUB readers must support (PNG, JPEG, GIF, WebP, SVG)"
        return (base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()), suffix
    if parsed.scheme:
        return "remote images cannot be embedded"
    path = release.resources.get(src)
    if path is None:
        return "it is not one of the release's fenced resources"
    if path.suffix.lower() not in IMAGE_TYPES:
        return "its type is not one EPUB readers must support (PNG, JPEG, GIF, WebP, SVG)"
    if not path.is_file():
        return "the file does not exist"
    try:
        return images.read(path), path.suffix.lower()
    except images.ImageRefused as exc:
        return str(exc)


def _image(img, release: Release, resources: list[Resource], findings: list[Finding]) -> bool:
    """Copy an image into the EPUB and point the <img> at it; False when it cannot be embedded."""
    src = img.get("src", "")
    found = _image_bytes(src, release)
    if isinstance(found, str):
        findings.append(Finding("epub", "epub", "image-not-embedded", "error",
                                f"image '{src[:120]}' was left out of the EPUB: {found}", str(release.source)))
        return False
    data, suffix = found
    n = len(resources) + 1
    resources.append(Resource(f"img-{n}", f"images/{n:02d}{suffix}", IMAGE_TYPES[suffix], data))
    img.set("src", resources[-1].href)
    return True


def _links(root, base: str | None) -> None:
    """Links that would not resolve inside the EPUB lead to the public site instead.

    A relative link ("/presse/…", "../archiv/", "anhang.pdf") names a page of the site the release is published
    on: it becomes absolute against the release's public address, as in the PDF. A fragment whose target is not
    in the document leads to that place on the public page. Without a public address the link text is kept and
    the address follows it in brackets, never a link that leads nowhere."""
    ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href:
            continue
        parsed = urlparse(href)
        if parsed.scheme.lower() in KEPT_SCHEMES and (parsed.netloc or parsed.scheme.lower() in ("mailto", "tel")):
            continue
        if href.startswith("#") and unquote(href[1:]) in ids:
            continue
        if base:
            a.set("href", urljoin(base, href))
            continue
        del a.attrib["href"]
        a.tag = "span"
        text = " ".join(a.text_content().split())
        if href not in text:
            a.tail = f" ({href})" + (a.tail or "")


def _body(release: Release, findings: list[Finding], ctx: BuildContext | None) -> tuple[str, list[dict], list[dict], list[Resource]]:
    """The body fragment as XHTML markup (no namespace declarations), its sections, images and resources."""
    fragment = body_html(release, ctx)
    if not fragment.strip():
        return "", [], [], []
    root = lhtml.fragment_fromstring(fragment, create_parent="div")
    resources: list[Resource] = []
    images = []
    for img in list(root.iter("img")):
        if _image(img, release, resources, findings):
            images.append({"alt": img.get("alt", ""), "decorative": "decorative" in img.get("class", "").split()})
            if images[-1]["decorative"] and not img.get("role"):
                img.set("role", "presentation")
        else:
            replacement = lhtml.Element("span")
            replacement.text = img.get("alt", "")
            replacement.tail = img.tail
            img.getparent().replace(img, replacement)
    _links(root, ctx.public_url(release.slug) if ctx else None)
    sections: list[dict] = []
    query = "//h2 | //h3 | //section[contains(concat(' ', @class, ' '), ' contact ')]"
    for n, element in enumerate(root.xpath(query), 1):
        if not element.get("id"):
            element.set("id", "contact" if element.tag == "section" else f"section-{n}")
        label = element.get("aria-label") or " ".join(element.text_content().split())
        entry = {"id": element.get("id"), "label": label, "children": []}
        if element.tag == "h3" and sections:
            sections[-1]["children"].append(entry)
        else:
            sections.append(entry)
    markup = "".join(etree.tostring(child, method="xml", encoding="unicode") for child in root)
    return markup, sections, images, resources


def content_document(release: Release, ctx: BuildContext | None = None) -> ContentDocument:
    """Build text.xhtml from the release: header (kicker, headline, subtitle, dateline) and body."""
    findings: list[Finding] = []
    body, sections, images, resources = _body(release, findings, ctx)
    meta = release.meta
    xhtml = render_template(
        "text.xhtml", lang=release.lang, title=meta.title, kicker=meta.kicker, subtitle=meta.subtitle,
        dateline=bool(meta.place or meta.date), place=meta.place,
        date=meta.date.isoformat() if meta.date else None, date_long=date_long(release), body=body)
    tree = etree.fromstring(xhtml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    toc = [{"id": "headline", "label": meta.title, "children": sections}]
    return ContentDocument(xhtml, tree, toc, images, resources, findings)


_SENTENCE = re.compile(r"^(s-\d+)(?:-\d+)?$")


def sentence_pieces(ids: list[str]) -> dict[str, list[str]]:
    """Sentence id → the ids of its pieces in document order ("s-2" → ["s-2", "s-2-2"])."""
    pieces: dict[str, list[str]] = {}
    for element_id in ids:
        match = _SENTENCE.match(element_id)
        if match:
            pieces.setdefault(match.group(1), []).append(element_id)
    return pieces
