"""Our own EPUB lint for what EPUBCheck and Ace miss: file names as titles, empty alt on informative images,
and accessibility metadata that claims more (or other) than the content has.

Each rule is a function `rule(view) -> list[Finding]`; RULES lists them by name.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ...findings import Finding
from ...render.epub.claim import CONFORMS_TO

NS = {"opf": "http://www.idpf.org/2007/opf", "x": "http://www.w3.org/1999/xhtml",
      "epub": "http://www.idpf.org/2007/ops", "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_FILE_NAME = re.compile(r"^[\w\-. ]+\.(x?html?|xml|jpe?g|png|gif|webp|svg)$|^(ch|chapter|section|text|index|untitled)"
                        r"[\d_\-]*$", re.I)


@dataclass
class EpubView:
    """What the lint reads from one EPUB: package metadata, manifest and parsed XHTML documents."""

    name: str
    files: dict[str, bytes]
    metadata: dict[str, list[str]] = field(default_factory=dict)    # property or dc:name → values
    layout: str = "reflowable"
    items: list[dict] = field(default_factory=list)                 # manifest items, href resolved to a zip name
    docs: dict[str, etree._Element] = field(default_factory=dict)   # zip name → XHTML root
    nav: str | None = None

    def images(self) -> list[tuple[str, etree._Element]]:
        return [(name, img) for name, root in self.docs.items() if name != self.nav
                for img in root.iter(f"{{{NS['x']}}}img")]

    def has_media(self, prefix: str) -> bool:
        return any(i["media_type"].startswith(prefix) for i in self.items)


def read_view(path: Path) -> EpubView:
    with zipfile.ZipFile(path) as zf:
        files = {info.filename: zf.read(info) for info in zf.infolist()}
    view = EpubView(path.name, files)
    container = etree.fromstring(files["META-INF/container.xml"], _PARSER)
    opf_name = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
    opf = etree.fromstring(files[opf_name], _PARSER)
    base = posixpath.dirname(opf_name)
    for element in opf.find("opf:metadata", NS):
        if not isinstance(element.tag, str) or element.get("refines"):
            continue
        key = element.get("property") or (f"dc:{etree.QName(element).localname}"
                                          if etree.QName(element).namespace == NS["dc"] else None)
        if key:
            view.metadata.setdefault(key, []).append((element.text or "").strip())
    view.layout = (view.metadata.get("rendition:layout") or ["reflowable"])[0]
    for item in opf.iterfind("opf:manifest/opf:item", NS):
        entry = {"id": item.get("id"), "name": posixpath.normpath(posixpath.join(base, unquote(item.get("href")))),
                 "media_type": item.get("media-type", ""), "properties": (item.get("properties") or "").split(),
                 "media_overlay": item.get("media-overlay")}
        view.items.append(entry)
        if entry["media_type"] == "application/xhtml+xml" and entry["name"] in files:
            view.docs[entry["name"]] = etree.fromstring(files[entry["name"]], _PARSER)
            if "nav" in entry["properties"]:
                view.nav = entry["name"]
    return view


def _finding(view: EpubView, rule: str, message: str, where: str = "", severity: str = "error") -> Finding:
    return Finding("epub-lint", "epub", rule, severity, message, f"{view.name}: {where}" if where else view.name)


def document_titles(view: EpubView) -> list[Finding]:
    """Every content document has a real <title> (not empty, not a file name): WCAG 2.4.2."""
    found = []
    for name, root in view.docs.items():
        title = " ".join("".join(root.xpath("string(x:head/x:title)", namespaces=NS)).split())
        stem = posixpath.splitext(posixpath.basename(name))[0]
        if not title:
            found.append(_finding(view, "title-missing", "the document has no <title>", name))
        elif _FILE_NAME.match(title) or title.lower() == stem.lower():
            found.append(_finding(view, "title-is-filename", f"the <title> '{title}' is a file name, not a title",
                                  name))
    return found


def document_languages(view: EpubView) -> list[Finding]:
    """Every content document declares its language (lang and xml:lang on <html>): WCAG 3.1.1."""
    return [_finding(view, "lang-missing", "the <html> element has no lang and xml:lang", name)
            for name, root in view.docs.items() if not (root.get("lang") and root.get(XML_LANG))]


def _decorative(img: etree._Element) -> bool:
    return img.get("role") in ("presentation", "none") or img.get("aria-hidden") == "true"


def image_alternatives(view: EpubView) -> list[Finding]:
    """Informative images have a text alternative that is not empty and not a file name: WCAG 1.1.1."""
    found = []
    for name, img in view.images():
        alt, src = img.get("alt"), img.get("src", "")
        where = f"{name} img[src='{src}']"
        if alt is None:
            found.append(_finding(view, "image-alt-missing", "the image has no alt attribute", where))
        elif not alt.strip() and not _decorative(img):
            found.append(_finding(view, "image-alt-empty", "an informative image has an empty alt; describe it, "
                                  "or mark it decorative (role=\"presentation\")", where))
        elif alt.strip() and (_FILE_NAME.match(alt.strip()) or alt.strip() == posixpath.basename(src)):
            found.append(_finding(view, "image-alt-filename", f"the alt text '{alt}' is a file name", where))
    return found


def _has_toc(view: EpubView) -> bool:
    nav = view.docs.get(view.nav)
    return nav is not None and bool(nav.xpath("//x:nav[contains(concat(' ', @epub:type, ' '), ' toc ')]//x:a",
                                              namespaces=NS))


def _has_overlays(view: EpubView) -> bool:
    smil = {i["id"] for i in view.items if i["media_type"] == "application/smil+xml"}
    return any(i["media_overlay"] in smil for i in view.items if i["media_overlay"])


def claimed_features(view: EpubView) -> list[Finding]:
    """Each schema:accessibilityFeature the package claims is present in the content."""
    images = view.images()
    informative = [img for _, img in images if not _decorative(img)]
    present = {
        "alternativeText": bool(informative) and all((img.get("alt") or "").strip() for img in informative),
        "tableOfContents": _has_toc(view),
        "structuralNavigation": any(root.xpath("//x:h1|//x:h2|//x:h3|//x:h4|//x:h5|//x:h6", namespaces=NS)
                                    for name, root in view.docs.items() if name != view.nav),
        "synchronizedAudioText": _has_overlays(view),
        "displayTransformability": view.layout != "pre-paginated",
        "pageNavigation": bool(view.nav and view.docs[view.nav].xpath(
            "//x:nav[contains(concat(' ', @epub:type, ' '), ' page-list ')]", namespaces=NS)),
    }
    return [_finding(view, "claimed-feature-absent",
                     f"the package claims accessibilityFeature '{feature}' but the content does not have it",
                     "package.opf")
            for feature in view.metadata.get("schema:accessibilityFeature", [])
            if present.get(feature) is False]


def access_modes(view: EpubView) -> list[Finding]:
    """schema:accessMode and accessModeSufficient match the content (images → visual, audio → auditory)."""
    modes = set(view.metadata.get("schema:accessMode", []))
    found = []
    for mode, has in (("visual", bool(view.images())), ("auditory", view.has_media("audio/"))):
        if has and mode not in modes:
            found.append(_finding(view, "access-mode-missing", f"the content has {mode} parts but accessMode "
                                  f"does not list '{mode}'", "package.opf"))
        if mode in modes and not has:
            found.append(_finding(view, "access-mode-absent", f"accessMode lists '{mode}' but the content has no "
                                  f"{mode} parts", "package.opf"))
    undescribed = [img for _, img in view.images() if not _decorative(img) and not (img.get("alt") or "").strip()]
    sufficient = [set(v.replace(" ", "").split(",")) for v in view.metadata.get("schema:accessModeSufficient", [])]
    if undescribed and {"textual"} in sufficient:
        found.append(_finding(view, "access-mode-sufficient", "accessModeSufficient claims 'textual' but informative "
                              "images have no text alternative", "package.opf"))
    return found


def conformance_claim(view: EpubView) -> list[Finding]:
    """A conformance claim names exactly EPUB Accessibility 1.1 / WCAG 2.1 AA and who certified it."""
    claims = view.metadata.get("dcterms:conformsTo", [])
    found = [_finding(view, "conformance-claim", f"dcterms:conformsTo '{c}' is not '{CONFORMS_TO}'", "package.opf")
             for c in claims if c != CONFORMS_TO]
    if claims and not any(view.metadata.get("a11y:certifiedBy", [])):
        found.append(_finding(view, "conformance-claim", "a conformance claim without a11y:certifiedBy",
                              "package.opf"))
    return found


def overlay_active_class(view: EpubView) -> list[Finding]:
    """A declared media:active-class is styled, so that the sentence being read is highlighted."""
    found = []
    css = b"".join(data for name, data in view.files.items() if name.endswith(".css")).decode("utf-8", "replace")
    for cls in view.metadata.get("media:active-class", []):
        if not re.search(r"\." + re.escape(cls) + r"\b", css):
            found.append(_finding(view, "overlay-active-class-unstyled",
                                  f"media:active-class '{cls}' has no CSS rule: nothing is highlighted",
                                  "package.opf", "warning"))
    if _has_overlays(view) and not view.metadata.get("media:active-class"):
        found.append(_finding(view, "overlay-active-class-missing", "media overlays without media:active-class: "
                              "the sentence being read is not highlighted", "package.opf", "warning"))
    return found


RULES = {
    "document-titles": document_titles,
    "document-languages": document_languages,
    "image-alternatives": image_alternatives,
    "claimed-features": claimed_features,
    "access-modes": access_modes,
    "conformance-claim": conformance_claim,
    "overlay-active-class": overlay_active_class,
}


def lint(path: Path, rules: dict = RULES) -> list[Finding]:
    """Every lint rule on one EPUB; an EPUB that cannot be read is one finding."""
    try:
        view = read_view(path)
    except (OSError, KeyError, IndexError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        return [Finding("epub-lint", "epub", "unreadable", "error", f"the EPUB cannot be read: {exc}", path.name)]
    return [finding for rule in rules.values() for finding in rule(view)]
