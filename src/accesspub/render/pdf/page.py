"""The print page: the release body (the same HTML as the web page) in a standalone template."""

from __future__ import annotations

from markupsafe import Markup

from ..html import body_html, date_long, environment, page_vars
from .. import BuildContext
from ...model import Release


def print_html(release: Release, ctx: BuildContext) -> str:
    """The whole HTML document WeasyPrint lays out for one release."""
    meta = release.meta
    variables = page_vars(release.lang, ctx, "")
    pub = ctx.settings.publisher
    logo = (ctx.settings.root / pub.logo).resolve().as_uri() if pub.logo else None
    return environment().get_template("print.html").render(
        **variables, meta=meta, logo_src=logo, description=meta.summary, keywords=meta.keywords,
        created=meta.date.isoformat() if meta.date else None, date_long=date_long(release),
        body=Markup(body_html(release)))
