"""Reports: what every check found, per release (report.json, report.html) and for the build (OUT/report.*)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .atomic import write_text
from . import report_view
from .findings import Finding, count
from .manifest import Manifest
from .render import BuildContext
from .render.frame import page_vars, render_page


def release_report(folder: Path, manifest: Manifest, findings: list[Finding], ctx: BuildContext) -> dict:
    """Write OUT/<slug>/report.json and report.html; return the JSON data."""
    data = {
        "slug": manifest.slug, "title": manifest.title, "source": manifest.source or None,
        "checked": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "lang": manifest.lang, "renditions": manifest.renditions, "counts": count(findings),
        "metrics": manifest.metrics,
        "held": manifest.held,          # {"reason": "draft"} or {"reason": "embargo", "until": ISO}, or None
        "findings": [f.to_dict() for f in findings],
    }
    write_text(folder / "report.json", json.dumps(data, ensure_ascii=False, indent=2))
    lang = manifest.lang
    rt = report_view.texts(lang)
    section = {"title": None, "href": "index.html", "lang": lang, "summary": None, "report_href": None,
               "groups": report_view.groups(findings, lang, "../"),
               "metrics": report_view.metrics(data["metrics"], lang)}
    render_page("report.html", folder / "report.html", **page_vars(lang, ctx, "../"), rt=rt,
                heading=f"{rt['title']}: {manifest.title}", summary_line=report_view.summary(data["counts"], lang),
                sections=[section], description=None)
    return data


def build_report(ctx: BuildContext, reports: list[dict], extra: list[Finding], site_checks: list[Finding],
                 seconds: dict[str, float] | None = None) -> dict:
    """Write OUT/report.json and OUT/report.html aggregating every release report.

    `extra` are the build's own findings (site checks among them); `site_checks` are kept apart too, so that
    a later build that does not re-check an unchanged site index can carry them forward.
    """
    totals = count([Finding.from_dict(f) for r in reports for f in r["findings"]] + extra)
    data = {"checked": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "counts": totals,
            "releases": reports, "site_findings": [f.to_dict() for f in extra],
            "site_check_findings": [f.to_dict() for f in site_checks],
            "held": [{"slug": r["slug"], "title": r["title"], **r["held"]} for r in reports if r.get("held")],
            "seconds": {k: round(v, 3) for k, v in (seconds or {}).items()}}
    write_text(ctx.out / "report.json", json.dumps(data, ensure_ascii=False, indent=2))
    lang = ctx.settings.site.default_language
    rt = report_view.texts(lang)
    sections = [{"title": rt["site_part"], "href": "index.html", "lang": None, "summary": report_view.summary(
        count(extra), lang), "report_href": None, "groups": report_view.groups(extra, lang), "metrics": None}] \
        if extra else []
    sections += [{"title": r["title"], "href": f"{r['slug']}/index.html", "lang": r.get("lang"),
                  "summary": report_view.summary(r["counts"], lang), "report_href": f"{r['slug']}/report.html",
                  "groups": [], "metrics": None} for r in reports]
    render_page("report.html", ctx.out / "report.html", **page_vars(lang, ctx, ""), rt=rt,
                heading=rt["site_title"], summary_line=report_view.summary(totals, lang), sections=sections,
                description=None)
    return data


def print_summary(console: Console, reports: list[dict], extra: list[Finding], out: Path) -> None:
    """A table in the terminal: one row per release, findings by severity."""
    table = Table(title=f"accesspub report — {out / 'report.html'}", title_justify="left")
    table.add_column("release")
    table.add_column("renditions")
    for sev in ("error", "warning", "info"):
        table.add_column(sev, justify="right")
    for r in reports:
        c = r["counts"]
        held = r.get("held")
        status = "" if not held else " (draft: not published)" if held["reason"] == "draft" \
            else f" (embargo: not published before {held['until']})"
        table.add_row(r["slug"] + status, " ".join(r["renditions"]), _cell(c["error"], "red"), _cell(c["warning"], "yellow"),
                      str(c["info"]))
    if extra:
        c = count(extra)
        table.add_row("(build)", "", _cell(c["error"], "red"), _cell(c["warning"], "yellow"), str(c["info"]))
    console.print(table)
    _print_errors(console, reports, extra, out)


SHOWN_ERRORS = 12
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")     # a source's text must not drive the terminal


def _print_errors(console: Console, reports: list[dict], extra: list[Finding], out: Path) -> None:
    """The errors themselves (what fails the build), so that nobody has to open the report to learn them."""
    errors = [(r["slug"], f) for r in reports for f in r.get("findings", []) if f["severity"] == "error"]
    errors += [("(build)", f.to_dict()) for f in extra if f.severity == "error"]
    if not errors:
        return
    console.print(f"[bold red]{len(errors)} error(s)[/] fail the build:", highlight=False)
    for slug, f in errors[:SHOWN_ERRORS]:
        where = f" ({f['location']})" if f.get("location") else ""
        line = _TERMINAL_CONTROLS.sub("", f"  {slug} · {f['rendition']} · {f['check']}/{f['rule']}: {f['message']}{where}")
        console.print(line,
                      markup=False, highlight=False, soft_wrap=True)
    if len(errors) > SHOWN_ERRORS:
        console.print(f"  … and {len(errors) - SHOWN_ERRORS} more: see {out / 'report.html'}", highlight=False,
                      soft_wrap=True)


def _cell(n: int, color: str) -> str:
    return f"[bold {color}]{n}[/]" if n else "0"
