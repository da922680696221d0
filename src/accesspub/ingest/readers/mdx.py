"""MDX: Markdown with ESM import/export lines and JSX components (Next.js, Astro, Docusaurus, Gatsby).

Import/export statements are dropped. Known components become what they mean: figures and images
(`<Figure src alt caption/>`, `<Image>`), quotations (`<Quote>`, `<Blockquote>`, `<TextQuote author=…>`),
callouts (`<Callout>`, `<Note>`, `<InfoBox>`, `<Aside>`, …) and links (any component with `href`). Any other
component is replaced by its text children, with a finding naming it. JSX expressions (`{…}`) are removed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ...findings import Finding

TAG = re.compile(r"<(/?)([A-Z][A-Za-z0-9_.]*)((?:\s+[A-Za-z_:][\w:.-]*(?:=(?:\"[^\"]*\"|'[^']*'|\{[^{}]*\}))?)*)\s*(/?)>")
PROP = re.compile(r"([A-Za-z_:][\w:.-]*)(?:=(\"[^\"]*\"|'[^']*'|\{[^{}]*\}))?")
EXPRESSION = re.compile(r"\{/\*.*?\*/\}|\{[^{}\n]*\}", re.S)
FIGURES = {"figure", "image", "img", "picture", "imagewithcaption", "zoomimage"}
QUOTES = {"quote", "blockquote", "textquote", "pullquote", "testimonial", "citation"}
CALLOUTS = {"callout", "note", "infobox", "info", "aside", "admonition", "alert", "tip", "warning", "box",
            "highlight", "notice"}
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _props(raw: str) -> dict[str, str]:
    out = {}
    for name, value in PROP.findall(raw):
        if value.startswith(("\"", "'")):
            out[name] = value[1:-1]
        elif value.startswith("{") and re.fullmatch(r"\{\s*([\"'`])(.*)\1\s*\}", value, re.S):
            out[name] = re.fullmatch(r"\{\s*([\"'`])(.*)\1\s*\}", value, re.S)[2]
    return out


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _component(m: re.Match, unknown: list[str]) -> str:
    closing, name, raw, self_closing = m[1], m[2], m[3], m[4]
    kind = name.split(".")[-1].lower()
    props = _props(raw)
    if kind in FIGURES:
        if closing:
            return ""
        src, alt = props.get("src", ""), props.get("alt", "")
        caption = props.get("caption") or props.get("title")
        img = f'<img src="{_attr(src)}" alt="{_attr(alt)}">'
        return f"\n\n<figure>{img}<figcaption>{html.escape(caption)}</figcaption></figure>\n\n" if caption \
            else f"\n\n<p>{img}</p>\n\n"
    if kind in QUOTES:
        if closing:
            return "\n\n</blockquote>\n\n"
        author = props.get("author") or props.get("cite") or props.get("name") or ""
        return f'\n\n<blockquote data-author="{_attr(author)}">\n\n'
    if kind in CALLOUTS:
        return "\n\n</div>\n\n" if closing else "\n\n<div class=\"callout\">\n\n" + (
            f"<p><strong>{html.escape(props['title'])}</strong></p>\n\n" if props.get("title") else "")
    if "href" in props or kind in ("link", "a", "button", "linkbutton", "cta"):
        if closing:
            return "</a>"
        return f'<a href="{_attr(props.get("href", ""))}">' + ("</a>" if self_closing else "")
    if not closing:
        unknown.append(name)
    return ""


def _quote_attributions(text: str) -> str:
    """<blockquote data-author=…>…</blockquote> → the quotation followed by its attribution line."""
    def repl(m: re.Match) -> str:
        author = html.unescape(m[1])
        tail = f'\n\n<p class="quote-attribution">{html.escape(author)}</p>\n\n' if author else ""
        return f"<blockquote>{m[2]}</blockquote>{tail}"
    return re.sub(r'<blockquote data-author="([^"]*)">(.*?)</blockquote>', repl, text, flags=re.S)


def _drop_esm(text: str) -> tuple[str, int]:
    """Remove top-level import/export statements (also multi-line ones); code blocks are left alone."""
    out: list[str] = []
    dropped = 0
    in_code = skipping = False
    for line in text.split("\n"):
        if _FENCE.match(line) and not skipping:
            in_code = not in_code
        if not in_code and (skipping or re.match(r"^(import|export)\s", line)):
            dropped += 0 if skipping else 1
            skipping = not (not line.strip() or line.rstrip().endswith((";", "}", ")"))
                            or re.search(r"from\s+['\"][^'\"]+['\"]\s*;?\s*$", line))
            continue
        out.append(line)
    return "\n".join(out), dropped


def to_markdown(text: str, path: Path) -> tuple[str, list[Finding]]:
    """MDX body (front matter removed) → Markdown with plain HTML in place of the components."""
    findings: list[Finding] = []
    text, dropped = _drop_esm(text)
    unknown: list[str] = []
    text = TAG.sub(lambda m: _component(m, unknown), text)
    text = _quote_attributions(text)
    text = EXPRESSION.sub("", text)
    if dropped:
        findings.append(Finding("ingest", "source", "mdx-esm-removed", "info",
                                f"{dropped} MDX import/export statement(s) removed", str(path)))
    for name in dict.fromkeys(unknown):
        findings.append(Finding("ingest", "source", "mdx-component-unknown", "warning",
                                f"MDX component <{name}> is not known to accesspub; only its text is kept "
                                "(map it to a figure, quote or callout, or write its content as Markdown)",
                                str(path)))
    return text, findings
