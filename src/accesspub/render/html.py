"""Full-text semantic HTML: the body fragment (body.py) inside the page frame (frame.py), with the audio
player and links to every other rendition."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..model import Release
from . import BuildContext, Rendition, linked_data
from .body import body_html
from .frame import date_long, human_size, page_vars, render_page, rendition_links


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
    links = rendition_links(release, ctx)
    jsonld, jsonld_hash = linked_data.script_block(linked_data.news_article(release, ctx, links, audio is not None))
    page = {**page_vars(release.lang, ctx, "../", release), "csp_script_extra": f" {jsonld_hash}"}
    render_page("release.html", path, **page, meta=release.meta,
                description=release.meta.summary, date_long=date_long(release),
                body=Markup(body_html(release, ctx)), renditions=links, audio=audio,
                canonical=linked_data.page_url(ctx, release.slug), open_graph=linked_data.open_graph(release, ctx),
                jsonld=jsonld)
    return Rendition("html", [path])
