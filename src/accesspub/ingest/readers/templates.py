"""Template sources (Nunjucks, Liquid, Handlebars, Jinja, Hugo shortcodes): the tags go, the content stays.

A site generator evaluates these tags when it builds a page; accesspub has no site to evaluate them against.
Block tags (`{% if %}…{% endif %}`, `{{#if}}…{{/if}}`) are removed and what they wrap is kept; output tags
(`{{ page.title }}`) and comments are removed. Each removed kind is reported once.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...findings import Finding

TAG = re.compile(
    r"\{#.*?#\}"                    # Jinja/Nunjucks comment
    r"|\{%-?.*?-?%\}"               # Jinja/Nunjucks/Liquid statement
    r"|\{\{<.*?>\}\}|\{\{%.*?%\}\}"  # Hugo shortcodes
    r"|\{\{!--.*?--\}\}|\{\{!.*?\}\}"  # Handlebars comment
    r"|\{\{\{.*?\}\}\}|\{\{.*?\}\}",  # output tags (Handlebars triple, Jinja/Liquid double)
    re.S)
EXTENSIONS = (".njk", ".nunjucks", ".liquid", ".hbs", ".handlebars", ".jinja", ".jinja2", ".j2", ".mustache",
              ".twig")


def has_tags(text: str) -> bool:
    return bool(TAG.search(text))


def strip(text: str, path: Path) -> tuple[str, list[Finding]]:
    """Text without template tags, and one info finding listing what was removed."""
    removed: list[str] = []

    def drop(m: re.Match) -> str:
        removed.append(" ".join(m[0].split())[:40])
        return ""
    out = TAG.sub(drop, text)
    if not removed:
        return text, []
    sample = ", ".join(dict.fromkeys(removed[:4]))
    return out, [Finding("ingest", "source", "template-tags-removed", "info",
                         f"{len(removed)} template tag(s) removed (the site generator fills them in; accesspub "
                         f"keeps the text around them): {sample}", str(path))]
