"""The print page: the release body (the same HTML as the web page) in a standalone template."""

from __future__ import annotations

from lxml import html as lhtml
from markupsafe import Markup

from ..body import body_html
from ..frame import date_long, environment, page_vars
from .. import BuildContext
from ...model import Release


LONG_TABLE = 20
"""Rows above which a table may break across pages (a shorter one moves whole to the next page)."""


def for_print(fragment: str) -> str:
    """The body HTML with long tables marked as breakable."""
    if "<table" not in fragment:
        return fragment
    root = lhtml.fragment_fromstring(fragment, create_parent="div")
    for table in root.iter("table"):
        if len(table.findall(".//tr")) > LONG_TABLE:
            table.set("class", (table.get("class", "") + " long").strip())
    return "".join(lhtml.tostring(child, encoding="unicode") for child in root)


def print_html(release: Release, ctx: BuildContext) -> str:
    """The whole HTML document WeasyPrint lays out for one release."""
    meta = release.meta
    variables = page_vars(release.lang, ctx, "", release)
    pub = ctx.settings.publisher
    logo = (ctx.settings.root / pub.logo).resolve().as_uri() if pub.logo else None
    return environment().get_template("print.html").render(
        **variables, meta=meta, logo_src=logo, description=meta.summary, keywords=meta.keywords,
        created=meta.date.isoformat() if meta.date else None, date_long=date_long(release),
        body=Markup(for_print(body_html(release, ctx))))
