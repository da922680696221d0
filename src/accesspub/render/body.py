"""The release body as an HTML fragment: pandoc's HTML of the AST, finished with lxml.

The page, the print page (PDF) and the EPUB's text all start from it; it is made once per release and build
and kept in the build context."""

from __future__ import annotations

import pypandoc
from lxml import html as lhtml

from ..language.lexicon import lexicon
from ..model import Release
from . import BuildContext


def _finish(fragment: str, lang: str) -> str:
    """What pandoc's HTML lacks: <abbr>, th scope, a labelled contact section."""
    if not fragment.strip():
        return ""
    root = lhtml.fragment_fromstring(fragment, create_parent="div")
    for span in root.xpath('//span[contains(concat(" ", @class, " "), " abbr ")]'):
        span.tag = "abbr"
        del span.attrib["class"]
    for th in root.iter("th"):
        if "scope" not in th.attrib:
            th.set("scope", "col" if th.getparent().getparent().tag == "thead" else "row")
    for div in root.xpath('//div[contains(concat(" ", @class, " "), " contact ")]'):
        div.tag = "section"
        div.set("aria-label", lexicon(lang)["ui"]["contact"])
    for img in root.iter("img"):
        if img.get("alt") is None:
            img.set("alt", "")
    return "".join(lhtml.tostring(child, encoding="unicode") for child in root)


def body_html(release: Release, ctx: BuildContext | None = None) -> str:
    """The body fragment; with a build context, made once per release of that build."""
    key = ("body_html", release.slug, str(release.source))
    if ctx is not None and key in ctx.memo:
        return ctx.memo[key]
    fragment = pypandoc.convert_text(release.ast_json(), "html5", format="json",
                                     extra_args=["--html-q-tags", "--wrap=none", "--sandbox"])
    body = _finish(fragment, release.lang)
    if ctx is not None:
        ctx.memo[key] = body
    return body
