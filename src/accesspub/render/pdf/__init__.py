"""Tagged PDF (PDF/UA-1): the body HTML in a print template, laid out by one in-process WeasyPrint, then repaired."""

from __future__ import annotations

from ...atomic import replacing
from ...model import Release
from .. import BuildContext, Rendition
from .engine import engine
from .page import print_html
from .repair import repair


def render(release: Release, ctx: BuildContext) -> Rendition:
    """OUT/<slug>/<slug>.pdf, with WeasyPrint's logged errors as findings."""
    folder = ctx.release_dir(release)
    path = folder / f"{release.slug}.pdf"
    resources = dict(release.resources)
    logo = ctx.settings.publisher.logo
    if logo:
        real = (ctx.settings.root / logo).resolve()
        resources[str(real)] = real
    pdf, findings = engine(ctx.services).write(print_html(release, ctx), ctx.public_url(release.slug), resources,
                                               str(path))
    with replacing(path) as tmp:
        repair(pdf, tmp)
    return Rendition("pdf", [path], findings)
