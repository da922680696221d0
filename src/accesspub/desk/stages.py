"""The desk's use of the core, in one place: preview a page, build and check every rendition, publish,
unpublish. Everything else in the desk talks to these functions, never to the core directly."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from rich.console import Console

from ..config import Settings
from ..renditions import names, required
from ..errors import AccesspubError, SourceError
from ..ingest import load_release
from ..manifest import MANIFEST, read_json, read_manifest, read_manifests, write_manifest
from ..pipeline import build
from ..progress import Reporter
from ..render import BuildContext, site
from ..state import build_dir


class JobReporter(Reporter):
    """The core's progress, passed to a callback (the job's progress column) instead of a terminal."""

    def __init__(self, report: Callable[[str], None]):
        super().__init__(Console(file=open("/dev/null", "w")), quiet=True)
        self.report = report
        self.where = ""
        self.total = 0
        self.n = 0

    def stage(self, name: str, total: int) -> None:
        self.where, self.total, self.n = name, total, 0
        self.report(f"{name} (0 of {total})")

    def step(self, what: str) -> None:
        self.n += 1
        self.report(f"{self.where} ({self.n} of {self.total}): {what}")


def preview_page(source: Path, out: Path, settings: Settings) -> dict:
    """The release page alone, without checks: what an editor sees within a second or two of an edit.

    Returns {"slug", "title", "source_findings": [finding dicts]}. Raises SourceError for unusable input.
    """
    from ..worker import build_release        # the core's per-release unit (no checks, no site)
    out.mkdir(parents=True, exist_ok=True)
    site.copy_assets(BuildContext(settings=settings, out=out))
    previous = next((m for m in read_manifests(out) if m.source == str(source)), None)
    outcome = build_release(source, out, required(), settings, previous)   # the page alone
    if outcome["error"]:
        e = outcome["error"]
        raise SourceError(e["message"], file=e["file"], place=e["place"], fix=e["fix"])
    manifest = outcome["manifest"]
    write_manifest(out, manifest)
    return {"slug": manifest.slug, "title": manifest.title,
            "source_findings": [f.to_dict() for f in manifest.source_findings]}


def formats_of(settings: Settings) -> tuple[str, ...]:
    """The renditions the office builds (accesspub.toml `output.formats`); the page always."""
    return tuple(f for f in names() if f in settings.output.formats or f in required())


def full_build(source: Path, out: Path, settings: Settings, report: Callable[[str], None]) -> dict:
    """Every rendition and every check of one release into `out`; returns its report.json."""
    result = build([source], out, formats_of(settings), settings, JobReporter(report), jobs=1)
    if result.input_errors:
        raise result.input_errors[0]
    slug = result.reports[0]["slug"] if result.reports else None
    data = read_json(build_dir(out) / slug / "report.json") if slug else None    # reports: state folder
    if data is None:
        raise SourceError("the build wrote no report", file=source, fix="see the worker's log")
    data["site_findings"] = [f.to_dict() for f in result.build_findings]
    return data


def plain_review(source: Path, settings: Settings) -> tuple[list[dict], list[str]]:
    """The machine's plain-language version, section by section and line by line, and the original sentences."""
    from ..plain.build import build as build_plain
    release = load_release(source, settings)
    result = build_plain(release, settings)
    sections = [{"heading": s.heading,
                 "lines": [{"id": line.id, "text": line.text} for b in s.blocks for line in b.all_lines()]}
                for s in result.doc.sections]
    return sections, [t for _, t in release.sentences() if t.strip()]


def reviewed_markdown(sections: list[dict]) -> str:
    """A reviewed plain version as the Markdown the core reads for a person's version (front matter `plain`)."""
    parts = []
    for s in sections:
        lines = [" ".join(line.split()) for line in s["lines"] if line.strip()]
        if not lines:
            continue
        parts.append(f"## {s['heading']}\n\n" + "\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def publish(source: Path, out: Path, settings: Settings, report: Callable[[str], None],
            old_slug: str | None = None) -> dict:
    """Build the release into the public site (the same tree a CLI build writes), with every check."""
    if old_slug:
        _remove(out, old_slug, source)
    return full_build(source, out, settings, report)


def unpublish(slug: str, source: Path, out: Path, settings: Settings, others: list[Path],
              report: Callable[[str], None]) -> None:
    """Take a release off the public site: its folder goes, the index and the feeds are written again."""
    _remove(out, slug, source)
    remaining = [p for p in others if p.exists()]
    if remaining:
        build(remaining, out, formats_of(settings), settings, JobReporter(report), jobs=1)
    else:
        ctx = BuildContext(settings=settings, out=out)
        site.write_index(ctx, [])
        site.write_feed(ctx, [])
        (out / "podcast.xml").unlink(missing_ok=True)


def _remove(out: Path, slug: str, source: Path) -> None:
    """The release's built folder (state folder) and its public folder, if this source built them."""
    built = build_dir(out) / slug
    manifest = read_manifest(built / MANIFEST) or read_manifest(out / slug / MANIFEST)
    if manifest and manifest.source == str(source):
        shutil.rmtree(built, ignore_errors=True)
        shutil.rmtree(out / slug, ignore_errors=True)


__all__ = ["preview_page", "full_build", "plain_review", "reviewed_markdown", "publish", "unpublish",
           "AccesspubError"]
