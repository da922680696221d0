"""What a corpus source says, read independently of accesspub's readers: its paragraphs and its machinery.

Used by test_corpus.py to prove that a build loses no paragraph and shows no source-format noise. The
extraction is deliberately simple and different from accesspub's (regular expressions, lxml and pandoc's
plain writer), so the two are not the same code agreeing with itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pypandoc

FRONT = re.compile(r"\A(---|\+\+\+)\n.*?\n\1[ \t]*\n", re.S)
PELICAN = re.compile(r"\A(?:[A-Z][A-Za-z ]{0,30}:[^\n]*\n)+\n")
TEMPLATE = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
ESM = re.compile(r"^(import|export)\s[^\n]*\n", re.M)
JSX = re.compile(r"</?[A-Z][A-Za-z0-9.]*(\s[^<>]*)?/?>")
BLOCKS = "|".join(f"//{t}" for t in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption",
                                      "blockquote", "dd", "dt"))


def key(text: str) -> str:
    """Letters and digits only, lower-cased: what must survive whatever quotes, spaces and breaks become."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _html_blocks(html: str) -> list[str]:
    if not html.strip():
        return []
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for bad in root.xpath("//script|//style|//head|//title"):
        bad.drop_tree()
    out = []
    for el in root.xpath(BLOCKS):
        if el.tag != "p" and el.xpath(".//p|.//li|.//h2|.//h3"):
            continue                                   # a container: its own blocks are checked
        text = " ".join(el.text_content().split())
        if text:
            out.append(text)
    return out


def _markdown_blocks(text: str, fmt: str = "gfm") -> list[str]:
    html = pypandoc.convert_text(text, "html", format=fmt, extra_args=["--wrap=none"])
    return _html_blocks(html)


def source_paragraphs(path: Path) -> list[str]:
    """The paragraphs (and headings, list items, cells) of a corpus source, as its author wrote them."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".odt"):
        return _html_blocks(pypandoc.convert_file(str(path), "html", format=suffix[1:]))
    data = path.read_bytes()
    if suffix == ".json":
        item = json.loads(data)
        body = item["details"]["body"] if "details" in item else item["content"]["rendered"]
        return _html_blocks(body)
    if suffix in (".xhtml", ".xml"):
        text = data.decode("utf-8")
        body = re.search(r"<body[^>]*>(.*)</body>", text, re.S)[1]
        return _html_blocks(body)
    if suffix == ".html" and b"<html" in data[:5000].lower():
        import trafilatura     # a saved page: its article as trafilatura finds it, paragraph by paragraph
        text = trafilatura.extract(data, output_format="txt", include_links=False, include_tables=True) or ""
        return [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    text = data.decode("utf-8")
    text = FRONT.sub("", text, count=1)
    if suffix == ".md" and PELICAN.match(text) and text.startswith("Title:"):
        text = PELICAN.sub("", text, count=1)
    text = TEMPLATE.sub("", text)
    if suffix == ".mdx":
        text = JSX.sub("\n\n", ESM.sub("", text))
    if suffix == ".txt":       # text pasted from a PDF: its line breaks are the layout's, each line must survive
        return [" ".join(line.split()) for line in text.replace("\f", "\n").split("\n") if line.strip()]
    return _markdown_blocks(text)


def main_text(index_html: Path) -> str:
    """The text a reader gets from a built page's <main>."""
    root = lxml.html.fromstring(index_html.read_bytes())
    main = root.find(".//main")
    return " ".join((main if main is not None else root).text_content().split())
