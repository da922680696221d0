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
        replacement = etree.Element("a", href=url) if url else etree.Element("span")
        replacement.text = text or (url if url else "")
        replacement.tail = el.tail
        parent.replace(el, replacement)
        findings.append(Finding("ingest", "source", "element-unknown", "info",
                                f"<{name}> is not an HTML element; "
                                + (f"kept as a link to {url}" if url else "only its text is kept"), str(path)))
    return findings


def read(data: bytes, path: Path) -> tuple[str, dict, list[Finding]]:
    """(body HTML, metadata, findings) of an XHTML/XML release."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not well-formed XHTML: {exc.msg}", file=path, place=str(exc.lineno or 1),
                          fix="correct the markup at that line (every element closed, attributes quoted), "
                              "or save the release as .html") from None
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
