"""The page frame every HTML page shares (release page, plain page, print page, EPUB text, site, reports):
the Jinja environment, the variables of base.html, dates, sizes, rendition labels and the links between
renditions. Renditions use this module, never each other."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..atomic import write_text
from ..language.lexicon import lexicon
from ..language.registry import babel_locale, language_for
from ..model import Release
from ..renditions import linked, renditions, withheld
from . import BuildContext


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=PackageLoader("accesspub", "templates"), autoescape=select_autoescape(["html", "xml"]),
                       trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)


def render_page(template: str, path: Path, **variables) -> None:
    write_text(path, environment().get_template(template).render(**variables))


def human_size(size: int, lang: str) -> str:
    locale = babel_locale(lang)
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024), locale=locale)} KB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), locale=locale)} MB"


def date_long(release: Release) -> str | None:
    return format_date(release.meta.date, format="long", locale=babel_locale(release.lang)) \
        if release.meta.date else None


def label(name: str, lang: str) -> str:
    """A rendition's name for readers, in their language (the language data, else the spec's own labels)."""
    spec = renditions()[name]
    return lexicon(lang)["ui"].get(spec.label) or spec.labels.get(lang) or spec.labels.get("en") or spec.name


def media_type(name: str) -> str:
    return renditions()[name].media_type


def page_vars(lang: str, ctx: BuildContext, root: str, release: Release | None = None) -> dict:
    """Variables every page template gets; a release's pages name the release's own publisher. `ui_lang` marks
    elements holding labels in another language than the page (English labels on a page in a language without
    its own): ' lang="en"', else empty."""
    pub, site = ctx.settings.publisher, ctx.settings.site
    labels = language_for(lang).labels
    spoken = {"audio", "plain-audio"}
    statement = lexicon(lang).get("statement") or lexicon("en")["statement"]
    return {
        "lang": lang, "ui": {**lexicon("en")["ui"], **lexicon(lang)["ui"]}, "root": root, "version": __version__,
        "ui_lang": Markup(' lang="{}"').format(labels) if labels != lang else "",
        "publisher": ctx.publisher(release), "publisher_url": pub.url,
        "logo": "logo" + ctx.settings.root.joinpath(pub.logo).suffix if pub.logo else None,
        "logo_alt": pub.logo_alt or pub.name,
        "statement_href": root + statement["file"], "search_href": root + "search.html",
        "imprint_url": site.imprint_url, "privacy_url": site.privacy_url,
        "podcast_href": root + "podcast.xml" if spoken & set(ctx.formats) or (ctx.out / "podcast.xml").exists()
        else None,
        "csp_script_extra": "",
    }


def rendition_links(release: Release, ctx: BuildContext) -> list[dict]:
    """Links to the other renditions built for this release, with type and size of the file as it is now."""
    links = []
    built = {n: ctx.earlier(release, n) for n in linked()}
    held = withheld({n: d.data for n, d in built.items() if d})      # not published: not linked either
    for name in (n for n in renditions() if n in linked()):       # in declaration order: as readers expect them
        done = built[name]
        if not done or not done.files or not done.files[0].exists() or name in held:
            continue
        path = done.files[0]
        spec = renditions()[name]
        links.append({"name": name, "href": path.name, "mime": spec.media_type, "kind": spec.kind,
                      "label": label(name, release.lang), "size": human_size(path.stat().st_size, release.lang),
                      "file": path.name, "hreflang": release.lang})
    return links
