"""HTML sources: fragments (CMS bodies, template output, raw HTML in Markdown) and saved full web pages.

Every piece of HTML passes one allow-list sanitiser (nh3, i.e. Ammonia) before pandoc reads it: links,
line breaks, emphasis, lists, tables, figures and headings survive; scripts, styles, frames, event handlers
and links with foreign schemes go, each reported. A saved full page (navigation, header, footer, scripts
around the article) is first reduced to its main content and metadata by trafilatura.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import nh3
import panflute as pf

from ...findings import Finding
from .. import reader

TAGS = {"a", "abbr", "address", "article", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li",
        "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "u", "ul"}
ATTRIBUTES = {"*": {"lang", "dir", "class", "title"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
              "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}, "ol": {"start"},
              "blockquote": {"cite"}, "q": {"cite"}, "time": {"datetime"}}
SCHEMES = {"http", "https", "mailto", "tel"}
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
                        "form", "select", "textarea", "canvas", "video", "audio"}
PAGE_FURNITURE = ("nav", "header", "footer", "aside", "script", "form")
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


def decode(data: bytes) -> str:
    """HTML bytes as text: UTF-8, else the charset its <meta> declares, else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = META_CHARSET.search(data[:4096])
    for enc in ((m[1].decode("ascii"),) if m else ()) + ("cp1252",):
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def head_title(text: str) -> str | None:
    """The <title> of a whole HTML document (metadata: used only when the body has no headline)."""
    m = re.search(r"<title[^>]*>(.*?)</title>", text[:20_000], re.I | re.S)
    return " ".join(lxml.html.fromstring(f"<p>{m[1]}</p>").text_content().split()) or None if m else None


def is_full_page(text: str) -> bool:
    """A saved web page (site furniture around the article), not a release written as HTML."""
    head = text[:200_000].lower()
    if "<body" not in head and "<html" not in head:
        return False
    return any(f"<{tag}" in head for tag in PAGE_FURNITURE)


def _report(html: str, path: Path) -> list[Finding]:
    """What the sanitiser will remove, named (one finding per kind and element)."""
    findings: list[Finding] = []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:       # lxml raises several types on broken markup; nh3 still cleans it
        return findings
    seen: set[str] = set()

    def add(rule: str, message: str) -> None:
        if message not in seen:
            seen.add(message)
            findings.append(Finding("sanitise", "source", rule, "warning", message, str(path)))
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in DROPPED_WITH_CONTENT:
            add("element-removed", f"<{tag}> removed with its content (accesspub carries no scripts, styles, "
                                   "frames or forms)")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                add("attribute-removed", f"event handler '{name}' on <{tag}> removed")
            elif name.lower() in ("href", "src"):
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value.split("/")[0] else ""
                if scheme and scheme not in SCHEMES and not (tag == "img" and scheme == "data"):
                    add("link-removed", f"link to '{value[:80]}' removed (scheme '{scheme}:' is not allowed); "
                                        "its text is kept")
    return findings


def _no_data_links(tag: str, attribute: str, value: str) -> str | None:
    """data: URLs only as image sources (their size limits are the fence's), never as links."""
    if attribute == "href" and value.strip().lower().startswith("data:"):
        return None
    return value


def sanitise_html(html: str, path: Path) -> tuple[str, list[Finding]]:
    """The allow-listed HTML and one finding per kind of removal."""
    findings = _report(html, path)
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES | {"data"},
                      clean_content_tags=DROPPED_WITH_CONTENT | {"head", "title"}, strip_comments=True, link_rel=None,
                      attribute_filter=_no_data_links)
    clean = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", clean)     # its address was removed above, with a finding
    return clean, findings


def read_fragment(html: str, path: Path) -> tuple[pf.Doc, list[Finding]]:
    """Sanitise an HTML fragment and read it into the AST."""
    clean, findings = sanitise_html(html, path)
    doc = reader.read_text(clean, "html", path)
    while len(doc.content) == 1 and isinstance(doc.content[0], pf.Div):     # layout wrappers (<div class=…>)
        doc.content = list(doc.content[0].content)
    return doc, findings


def read_page(html: str, path: Path) -> tuple[pf.Doc, dict, list[Finding]]:
    """A saved web page: its main content (trafilatura) read as a fragment, and its metadata."""
    import trafilatura

    body = trafilatura.extract(html, output_format="html", include_formatting=True, include_links=True,
                               include_images=True, include_tables=True, include_comments=False) or ""
    meta = trafilatura.extract_metadata(html)
    data: dict = {}
    if meta is not None:
        for key in ("title", "date", "author", "description"):
            if value := getattr(meta, key, None):
                data[key] = value
        if meta.tags:
            data["keywords"] = [t for t in meta.tags if t][:12]
        if meta.sitename:
            data["publisher"] = meta.sitename
    lang = lxml.html.fromstring(html.encode("utf-8", "replace")).get("lang") if "<html" in html[:5000].lower() else None
    if lang:
        data["lang"] = lang
    doc, findings = read_fragment(body, path)
    findings.insert(0, Finding("ingest", "source", "web-page", "info",
                               "a saved web page: its main content and metadata were extracted (trafilatura); "
                               "navigation, header and footer were left out", str(path)))
    return doc, data, findings
