"""XHTML sources, including site dialects that carry metadata in their own elements and attributes.

The FSFE's news files are an example: `<html newsdate="…">`, `<version>`, `<tags><tag key=…>`, `<image url alt>`
beside `<head>` and `<body>`. Metadata elements and attributes become metadata, never text; only `<body>`
is the release. Elements inside the body that HTML does not know (`<peertube url=…>`) become a link to their
URL, or their text, with a finding. Parsed with a hardened lxml parser (no entities, no network, no DTD).
"""

from __future__ import annotations

import html as htmllib
from pathlib import Path

from lxml import etree

from ...errors import SourceError
from ...findings import Finding
from .html import TAGS

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                         remove_comments=True, recover=False)
DATE_ATTRIBUTES = ("newsdate", "date", "data-date", "published")
URL_ATTRIBUTES = ("url", "href", "src")


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _replace_unknown(body, path: Path) -> list[Finding]:
    findings: list[Finding] = []
    for el in list(body.iter()):
        name = _local(el.tag)
        if not name or name in TAGS or name in ("body", "html"):
            continue
        url = next((el.get(a) for a in URL_ATTRIBUTES if el.get(a)), None)
        text = " ".join("".join(el.itertext()).split())
        parent = el.getparent()
        if parent is None:
            continue
        if url and not text and _captioned_embed(el, parent, url):
            findings.append(Finding("ingest", "source", "element-unknown", "info",
                                    f"<{name}> is not an HTML element; kept as a link to {url} named by its "
                                    "figure's caption", str(path)))
            continue
        replacement = etree.Element("a", href=url) if url else etree.Element("span")
        replacement.text = text or (url if url else "")
        replacement.tail = el.tail
        parent.replace(el, replacement)
        findings.append(Finding("ingest", "source", "element-unknown", "info",
                                f"<{name}> is not an HTML element; "
                                + (f"kept as a link to {url}" if url else "only its text is kept"), str(path)))
    return findings


def _captioned_embed(el, figure, url: str) -> bool:
    """`<figure><peertube url=…/><figcaption>Title</figcaption></figure>`: an embed no rendition can play, whose
    caption names it, becomes a paragraph with a link to it named by the caption (not a bare address in an
    empty figure). True when it did."""
    if _local(figure.tag) != "figure":
        return False
    captions = [c for c in figure if _local(c.tag) == "figcaption"]
    others = [c for c in figure if c is not el and _local(c.tag) != "figcaption"]
    if len(captions) != 1 or others or (figure.text or "").strip() or (el.tail or "").strip() \
            or not "".join(captions[0].itertext()).strip():
        return False
    caption = captions[0]
    paragraph = etree.Element("p")
    link = etree.SubElement(paragraph, "a", href=url)
    link.text = (caption.text or "").lstrip()
    for child in caption:
        link.append(child)
    if len(link):
        link[-1].tail = (link[-1].tail or "").rstrip()
    else:
        link.text = link.text.rstrip()
    paragraph.tail = figure.tail
    figure.getparent().replace(figure, paragraph)
    return True


def read(data: bytes, path: Path) -> tuple[str, dict, list[Finding]]:
    """(body HTML, metadata, findings) of an XHTML/XML release."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not well-formed XHTML: {exc.msg}", file=path, place=str(exc.lineno or 1),
                          fix="correct the markup at that line (every element closed, attributes quoted), "
                              "or save the release as .html") from None
    if _local(root.tag) != "html":
        return _export(root, path)
    meta: dict = {}
    findings: list[Finding] = []
    for attr in DATE_ATTRIBUTES:
        if root.get(attr):
            meta["date"] = root.get(attr)
            break
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        meta["lang"] = lang
    body = None
    ignored: list[str] = []
    for child in root:
        name = _local(child.tag)
        if name == "head":
            for el in child:
                n = _local(el.tag)
                if n == "title" and (t := " ".join("".join(el.itertext()).split())):
                    meta["title"] = t
                elif n == "meta" and el.get("name") and el.get("content"):
                    key = el.get("name").lower()
                    if key in ("description", "author", "keywords", "date"):
                        meta[key] = el.get("content")
        elif name == "body":
            body = child
        elif name == "tags":
            meta["keywords"] = [t for el in child if (t := " ".join("".join(el.itertext()).split())
                                                      or (el.get("key") or ""))
                                and t not in ("front-page",)]
        elif name == "image" and (src := child.get("url") or child.get("src")):
            meta["images"] = [{"src": src, **({"alt": child.get("alt")} if child.get("alt") else {})}]
        elif name:
            ignored.append(name)
    if body is None:
        raise SourceError("the XHTML has no <body>", file=path, fix="put the release text inside <body>…</body>")
    if ignored:
        findings.append(Finding("ingest", "source", "metadata-ignored", "info",
                                f"metadata elements kept out of the text: {', '.join(sorted(set(ignored)))}",
                                str(path)))
    findings += _replace_unknown(body, path)
    for el in body.iter():
        if isinstance(el.tag, str):
            el.tag = _local(el.tag)
    inner = (htmllib.escape(body.text) if body.text else "") + "".join(
        etree.tostring(c, encoding="unicode", method="html") for c in body)
    return inner, meta, findings


EXPORT_TITLE = ("title", "headline", "titel", "name")
EXPORT_DATE = ("date", "pubdate", "published", "publishdate", "created", "newsdate", "datum", "post_date")
EXPORT_BODY = ("encoded", "content", "body", "text", "fulltext", "bodytext", "description")


def _export(root, path: Path) -> tuple[str, dict, list[Finding]]:
    """A CMS's XML export (RSS item, WordPress WXR, TYPO3/Drupal dumps): fields by name, the body HTML escaped inside."""
    def first(names):
        for el in root.iter():
            if _local(el.tag) in names and (text := "".join(el.itertext()).strip()):
                return el, text
        return None, None
    _, title = first(EXPORT_TITLE)
    _, date = first(EXPORT_DATE)
    candidates = [(len("".join(el.itertext())), el) for el in root.iter() if _local(el.tag) in EXPORT_BODY]
    if not candidates:
        raise SourceError("XML without an HTML body: neither <html><body> nor a content/body/text element",
                          file=path, fix="export the release as HTML, or as XML with its text in <content>")
    el = max(candidates, key=lambda c: c[0])[1]
    text = "".join(el.itertext())
    body = text if "<" in text else "".join(f"<p>{htmllib.escape(p.strip())}</p>" for p in text.split("\n\n")
                                            if p.strip())
    meta = {k: v for k, v in (("title", " ".join((title or "").split())), ("date", date)) if v}
    return body, meta, [Finding("ingest", "source", "xml-export", "info",
                                f"read as an XML export: title, date and <{_local(el.tag)}> as the body", str(path))]
