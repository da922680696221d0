"""No script from a source: what the AST may carry out of a source, by allow-list.

Raw HTML/TeX, event-handler and style attributes, and links with schemes other than http(s), mailto and tel
are removed and each removal reported. pandoc's readers run with --sandbox, so nothing is fetched while reading.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import panflute as pf

from ..findings import Finding

ALLOWED_ATTRIBUTES = {"lang", "dir", "title", "alt", "width", "height", "start", "cite", "datetime"}
LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}


def _attributes(e, report) -> None:
    attrs = getattr(e, "attributes", None)
    if not attrs:
        return
    for key in list(attrs):
        if key.lower() not in ALLOWED_ATTRIBUTES:
            kind = "event handler" if key.lower().startswith("on") else "attribute"
            report("attribute-removed", f"{kind} '{key}=\"{attrs[key][:60]}\"' removed from the source")
            del attrs[key]


def sanitise(doc: pf.Doc, path: Path) -> list[Finding]:
    """Strip what could run or hide in a rendition; one finding per removal."""
    findings: list[Finding] = []

    def report(rule: str, message: str) -> None:
        findings.append(Finding("sanitise", "source", rule, "warning", message, str(path)))

    def action(e, d):
        if isinstance(e, (pf.RawBlock, pf.RawInline)):
            report("raw-markup-removed", f"raw {e.format} removed: {e.text[:80]!r}")
            return [] if isinstance(e, pf.RawBlock) else pf.Str("")
        _attributes(e, report)
        if isinstance(e, pf.Link):
            scheme = urlsplit(e.url.strip()).scheme.lower()
            if scheme not in LINK_SCHEMES:
                report("link-removed", f"link to '{e.url[:80]}' removed (scheme '{scheme}:' is not allowed); its text is kept")
                return pf.Span(*e.content)
        return None

    doc.walk(action)
    return findings
