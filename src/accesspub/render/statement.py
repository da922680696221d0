"""The site's accessibility statement, in the structure of the EU model statement (Implementing Decision (EU)
2018/1523, as BITV 2.0 asks for it): compliance status, non-accessible content, preparation, feedback and
contact, enforcement procedure — in German and in English, rebuilt from the findings at every build.

The status is derived, never asserted: any error or warning makes the site "partially compliant" with the
findings listed; with no findings it is still "partially compliant" until `accessibility.reviewed` records a
review by people, because machines check only part of WCAG.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from babel.dates import format_date

from ..language.lexicon import LANGUAGES, lexicon
from . import BuildContext

SEVERITIES = ("error", "warning")
# an absolute file path in a finding (the build machine's folders): the public statement shows its last part
_MACHINE_PATH = re.compile(r"(?<![\w:/.~-])(?:/[^\s'\"/<>|]+)+/([^\s'\"/<>|]+)")


def public_message(message: str) -> str:
    """A finding's message as the public statement prints it: no path of the build machine."""
    return _MACHINE_PATH.sub(r"\1", message)


@dataclass
class Item:
    """One non-accessible piece of content: where it is and what the check found."""

    part: str                 # release title, or "the whole site"
    slug: str                 # the release's slug, "" for the site
    href: str | None          # link to the release page
    rendition: str            # e.g. "PDF-Dokument (barrierefrei)"
    severity: str
    message: str
    rule: str
    check: str


@dataclass
class Statement:
    lang: str
    status: str               # "full" or "partial"
    items: list[Item] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)


def file_name(lang: str) -> str:
    return lexicon(lang)["statement"]["file"]


def _label(lang: str, rendition: str) -> str:
    ui = lexicon(lang)["ui"]
    return ui.get(rendition, rendition)


def collect(reports: list[dict], site_findings: list[dict], checks_ran: list[str], lang: str,
            reviewed: dt.date | None) -> Statement:
    """The statement's content from the build reports (the per-release report dicts) and the site's findings."""
    text = lexicon(lang)["statement"]
    items = []
    for report in sorted(reports, key=lambda r: r.get("slug", "")):
        for f in report.get("findings", []):
            if f["severity"] in SEVERITIES:
                items.append(Item(report.get("title") or report["slug"], report["slug"], f"{report['slug']}/index.html",
                                  _label(lang, f["rendition"]), f["severity"], public_message(f["message"]), f["rule"],
                                  f["check"]))
    for f in site_findings:
        if f["severity"] in SEVERITIES:
            items.append(Item(text["site_part"], "", None, _label(lang, f.get("rendition", "")), f["severity"],
                              public_message(f["message"]), f["rule"], f["check"]))
    items.sort(key=lambda i: (i.href is None, i.part, SEVERITIES.index(i.severity), i.rendition))
    status = "full" if not items and reviewed else "partial"
    known = text["checks"]
    checks = [known[c] for c in known if c in checks_ran]
    return Statement(lang, status, items, checks)


def _email(settings) -> str | None:
    if settings.accessibility.email:
        return settings.accessibility.email
    m = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", settings.publisher.contact or "")
    return m[0] if m else None


def page_context(ctx: BuildContext, statement: Statement, checked: dt.datetime) -> dict:
    """What statement.html needs, every sentence in the statement's language."""
    s, lang = ctx.settings, statement.lang
    text = lexicon(lang)["statement"]
    a11y = s.accessibility
    email = _email(s)
    prepared = a11y.prepared or checked.date()
    other = next(o for o in LANGUAGES if o != lang)
    return {
        "text": text, "statement": statement,
        "intro": text["intro"].format(publisher=s.publisher.name, law=a11y.legal_basis or text["law"]),
        "applies": text["applies"].split("{url}", 1), "site_url": s.site.url,
        "prepared": text["prepared"].format(prepared=format_date(prepared, format="long", locale=lang),
                                            checked=format_date(checked.date(), format="long", locale=lang)),
        "reviewed": text["reviewed"].format(reviewed=format_date(a11y.reviewed, format="long", locale=lang))
        if a11y.reviewed else None,
        "checked_iso": checked.date().isoformat(),
        "email": email, "mailto": f"mailto:{email}?subject={quote(text['email_subject'])}" if email else None,
        "phone": a11y.phone, "tel": "tel:" + re.sub(r"[^\d+]", "", a11y.phone) if a11y.phone else None,
        "address": a11y.address,
        "enforcement": {"body": a11y.enforcement_body, "url": a11y.enforcement_url,
                        "email": a11y.enforcement_email, "address": a11y.enforcement_address},
        "other_lang": other, "other_href": file_name(other), "other_label": text["other_language"],
    }


def write_statements(ctx: BuildContext, reports: list[dict], site_findings: list[dict], checks_ran: list[str],
                     checked: dt.datetime | None = None) -> list[Path]:
    """OUT/barrierefreiheit.html (German) and OUT/accessibility.html (English)."""
    from .frame import page_vars, render_page
    checked = checked or dt.datetime.now(dt.timezone.utc)
    paths = []
    for lang in LANGUAGES:
        statement = collect(reports, site_findings, checks_ran, lang, ctx.settings.accessibility.reviewed)
        path = ctx.out / file_name(lang)
        render_page("statement.html", path, **page_vars(lang, ctx, ""), description=None,
                    **page_context(ctx, statement, checked))
        paths.append(path)
    return paths
