"""CMS exports as JSON: a GOV.UK content item (Content API / Publishing API) or a WordPress REST API post.

The body HTML goes through the one sanitiser; the fields become metadata under their accesspub names.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ...errors import SourceError
from ...findings import Finding


def kind(data: object) -> str | None:
    """'govuk', 'wordpress' or None for JSON that is neither."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("details"), dict) and "body" in data["details"] and ("base_path" in data or
                                                                                 "document_type" in data):
        return "govuk"
    if isinstance(data.get("content"), dict) and "rendered" in data["content"] and isinstance(data.get("title"), dict):
        return "wordpress"
    return None


def _text(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())
    return None


def _govuk(d: dict) -> tuple[str, dict]:
    det = d["details"]
    body = det["body"]
    if isinstance(body, list):      # multiple content types: [{content_type: text/html, content: …}, …]
        body = next((b.get("content", "") for b in body if b.get("content_type") == "text/html"), "")
    meta: dict = {"title": _text(d.get("title")), "summary": _text(d.get("description")),
                  "date": det.get("first_public_at") or d.get("first_published_at") or d.get("public_updated_at"),
                  "lang": d.get("locale")}
    links = d.get("links") or {}
    orgs = [o.get("title") for o in links.get("primary_publishing_organisation") or links.get("organisations") or []
            if o.get("title")]
    if orgs:
        meta["publisher"] = ", ".join(orgs[:3])
    if d.get("document_type"):
        meta["kicker"] = d["document_type"].replace("_", " ").capitalize()
    image = det.get("image")
    if isinstance(image, dict) and image.get("url"):
        meta["images"] = [{"src": image["url"], **({"alt": image["alt_text"]} if image.get("alt_text") else {}),
                           **({"caption": image["caption"]} if image.get("caption") else {})}]
    return body or "", {k: v for k, v in meta.items() if v}


def _wordpress(d: dict) -> tuple[str, dict]:
    meta = {"title": _text(d["title"].get("rendered")), "date": d.get("date_gmt") or d.get("date"),
            "updated": d.get("modified"), "slug": d.get("slug")}
    excerpt = (d.get("excerpt") or {}).get("rendered")
    if excerpt:
        from lxml import html as lh
        text = " ".join(lh.fromstring(f"<div>{excerpt}</div>").text_content().split())
        meta["summary"] = text.replace("[…]", "").replace("[...]", "").strip() or None
    if d.get("status") == "draft":
        meta["draft"] = True
    return d["content"].get("rendered") or "", {k: v for k, v in meta.items() if v}


def read(data: bytes, path: Path) -> tuple[str, dict, list[Finding]]:
    """(body HTML, metadata, findings) of a CMS JSON export."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"not valid JSON ({exc})", file=path, fix="export the item again from the CMS") from None
    form = kind(parsed)
    if form is None:
        raise SourceError("JSON that is neither a GOV.UK content item nor a WordPress REST post", file=path,
                          fix="export the release as a GOV.UK content item (details.body) or a WordPress post "
                              "(/wp-json/wp/v2/posts/ID), or save it as Markdown or HTML")
    body, meta = _govuk(parsed) if form == "govuk" else _wordpress(parsed)
    info = Finding("ingest", "source", "cms-export", "info",
                   f"read as a {'GOV.UK content item' if form == 'govuk' else 'WordPress REST post'}", str(path))
    return body, meta, [info]
