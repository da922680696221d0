"""Full-text semantic HTML: pandoc's HTML of the AST, finished with lxml, inside a Jinja2 page."""

from __future__ import annotations

import json
from functools import lru_cache

import pypandoc
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, select_autoescape
from lxml import html as lhtml
from markupsafe import Markup

from .. import __version__
from ..atomic import write_text
from ..language.lexicon import lexicon
from ..model import Release
from . import BuildContext, Rendition

MIME = {
    "html": ("text/html", "HTML"), "plain": ("text/html", "HTML"), "pdf": ("application/pdf", "PDF"),
    "epub": ("application/epub+zip", "EPUB"), "audio": ("audio/mpeg", "MP3"),
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("accesspub", "templates"), autoescape=select_autoescape(["html", "xml"]),
                      trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    return env


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


def body_html(release: Release) -> str:
    """The release body as an HTML fragment (cached per release: PDF and EPUB use it too)."""
    cached = getattr(release, "_body_html", None)
    if cached is None:
        fragment = pypandoc.convert_text(release.ast_json(), "html5", format="json",
                                         extra_args=["--html-q-tags", "--wrap=none", "--sandbox"])
        cached = _finish(fragment, release.lang)
        release._body_html = cached
    return cached


def human_size(size: int, lang: str) -> str:
    from babel.numbers import format_decimal
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024), locale=lang)} KB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), locale=lang)} MB"


def date_long(release: Release) -> str | None:
    return format_date(release.meta.date, format="long", locale=release.lang) if release.meta.date else None


def page_vars(lang: str, ctx: BuildContext, root: str, release: Release | None = None) -> dict:
    """Variables every page template gets; a release's pages name the release's own publisher."""
    pub = ctx.settings.publisher
    return {
        "lang": lang, "ui": lexicon(lang)["ui"], "root": root, "version": __version__,
        "publisher": ctx.publisher(release), "publisher_url": pub.url,
        "logo": "logo" + ctx.settings.root.joinpath(pub.logo).suffix if pub.logo else None,
        "logo_alt": pub.logo_alt or pub.name,
    }


def rendition_links(release: Release, ctx: BuildContext) -> list[dict]:
    """Links to the other renditions built for this release, with type and size."""
    ui = lexicon(release.lang)["ui"]
    links = []
    for name in ("plain", "pdf", "epub", "audio"):
        done = ctx.earlier(release, name)
        if not done or not done.files or not done.files[0].exists():
            continue
        path = done.files[0]
        mime, kind = MIME[name]
        links.append({"name": name, "href": path.name, "mime": mime, "kind": kind, "label": ui[name],
                      "size": human_size(path.stat().st_size, release.lang), "file": path.name,
                      "hreflang": release.lang})
    return links


def render_page(template: str, path, **variables) -> None:
    write_text(path, environment().get_template(template).render(**variables))


def render(release: Release, ctx: BuildContext) -> Rendition:
    folder = ctx.release_dir(release)
    audio = None
    done = ctx.earlier(release, "audio")
    if done and done.files and done.files[0].exists():
        mp3 = done.files[0]
        timings = [{"id": t["id"], "start": round(t["start"], 3), "end": round(t["end"], 3)}
                   for t in done.data.get("timings", [])]
        audio = {"href": mp3.name, "vtt": mp3.with_suffix(".vtt").name,
                 "size": human_size(mp3.stat().st_size, release.lang),
                 "timings_json": json.dumps(timings, separators=(",", ":"))}
    path = folder / "index.html"
    render_page("release.html", path, **page_vars(release.lang, ctx, "../", release), meta=release.meta,
                description=release.meta.summary, date_long=date_long(release),
                body=Markup(body_html(release)), renditions=rendition_links(release, ctx), audio=audio)
    return Rendition("html", [path])
