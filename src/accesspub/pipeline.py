"""The build: sources → releases → renditions → checks → reports and site. Per-release work is independent."""

from __future__ import annotations

import fcntl
import importlib
import json
import os
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .atomic import write_bytes, write_text
from .config import FORMATS, Settings
from .errors import AccesspubError, BuildLockedError, SourceError
from .findings import Finding
from .ingest import discover, load_release
from .model import Release
from .progress import Reporter
from .render import BuildContext, Rendition
from .render import site
from .report import build_report, release_report

ORDER = ("plain", "audio", "pdf", "epub", "html")   # html last: its page links the others
MANIFEST = "manifest.json"


@dataclass
class BuildResult:
    out: Path
    reports: list[dict] = field(default_factory=list)
    input_errors: list[AccesspubError] = field(default_factory=list)
    build_findings: list[Finding] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    strict: bool = False

    @property
    def exit_code(self) -> int:
        """0 ok, 1 accessibility errors found, 2 unusable input."""
        if self.input_errors:
            return 2
        severities = {f["severity"] for r in self.reports for f in r["findings"]} | \
            {f.severity for f in self.build_findings}
        if "error" in severities or (self.strict and "warning" in severities):
            return 1
        return 0


@contextmanager
def output_lock(out: Path):
    """Refuse a second build writing to the same output folder at the same time."""
    out.mkdir(parents=True, exist_ok=True)
    lock = open(out / ".accesspub.lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise BuildLockedError("another accesspub build is writing to this output folder", file=out,
                               fix="wait until it has finished, or choose another folder with --out") from None
    try:
        lock.write(str(os.getpid()))
        lock.flush()
        yield
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def _renderer(name: str):
    try:
        return importlib.import_module(f"accesspub.render.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"accesspub.render.{name}":
            return None
        raise


def _unique_slugs(releases: list[Release]) -> None:
    seen: dict[str, int] = {}
    for r in releases:
        if r.slug in seen:
            seen[r.slug] += 1
            r.slug = f"{r.slug}-{seen[r.slug]}"
        else:
            seen[r.slug] = 1


def _render_one(release: Release, name: str, ctx: BuildContext) -> Rendition:
    module = _renderer(name)
    try:
        return module.render(release, ctx)
    except AccesspubError as exc:
        return Rendition(name, findings=[Finding("render", name, "unusable-input", "error", str(exc),
                                                 str(release.source))])
    except Exception as exc:  # one rendition failing must not lose the others
        detail = traceback.format_exc(limit=-3) if os.environ.get("ACCESSPUB_DEBUG") else repr(exc)
        return Rendition(name, findings=[Finding("render", name, "rendition-failed", "error",
                                                 f"the {name} rendition could not be built: {detail}",
                                                 str(release.source))])


def _copy_resources(release: Release, ctx: BuildContext) -> None:
    """The release's fenced images into OUT/<slug>/media/, before any rendition needs them."""
    folder = ctx.release_dir(release)
    for name, src in release.resources.items():
        target = folder / name
        if not target.exists() or target.stat().st_size != src.stat().st_size:
            write_bytes(target, src.read_bytes())


def _manifest(release: Release, done: dict[str, Rendition]) -> dict:
    renditions = {n: r.files[0].name for n in ORDER if (r := done.get(n)) and r.files and r.files[0].exists()}
    metrics = done["plain"].data.get("metrics", {}) if "plain" in done else {}
    return {
        "slug": release.slug, "title": release.meta.title, "summary": release.meta.summary,
        "date": release.meta.date.isoformat() if release.meta.date else None, "lang": release.lang,
        "source": str(release.source), "fingerprint": release.fingerprint(),
        "renditions": renditions, "metrics": metrics,
        "findings": [f.to_dict() for f in release.findings] +
                    [f.to_dict() for r in done.values() for f in r.findings],
    }


def read_manifests(out: Path) -> list[dict]:
    manifests = []
    for path in sorted(out.glob(f"*/{MANIFEST}")):
        try:
            manifests.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError):
            continue
    return manifests


def _site(ctx: BuildContext, manifests: list[dict]) -> None:
    site.write_index(ctx, manifests)
    site.write_feed(ctx, manifests)
    podcast = _renderer("podcast")
    if podcast and any("audio" in m["renditions"] for m in manifests):
        podcast.write_podcast(ctx.out, [m for m in manifests if "audio" in m["renditions"]], ctx.settings)


def _check_and_report(ctx: BuildContext, manifests: list[dict], result: BuildResult, reporter: Reporter) -> None:
    targets: dict[str, list[tuple[str, Path]]] = {"site": [("", ctx.out / "index.html")]}
    for m in manifests:
        for name, file in m["renditions"].items():
            targets.setdefault(name, []).append((m["slug"], ctx.out / m["slug"] / file))
    total = sum(1 for name in checks.REGISTRY if checks.available(name))
    reporter.stage("checking", total)
    t = time.perf_counter()
    found = checks.run_all(targets, ctx.settings, progress=lambda name, n: reporter.step(f"{name}: {n} files"))
    result.seconds["checks"] = time.perf_counter() - t
    result.build_findings.extend(found.pop("", []))
    for m in manifests:
        findings = [Finding.from_dict(f) for f in m["findings"]] + found.get(m["slug"], [])
        result.reports.append(release_report(ctx.out / m["slug"], m, findings, ctx))
    all_reports = {r["slug"]: r for r in result.reports}
    for path in sorted(ctx.out.glob("*/report.json")):
        if path.parent.name not in all_reports and (path.parent / MANIFEST).exists():
            all_reports[path.parent.name] = json.loads(path.read_text(encoding="utf-8"))
    build_report(ctx, list(all_reports.values()), result.build_findings)


def build(sources: list[Path], out: Path, formats: tuple[str, ...], settings: Settings,
          reporter: Reporter) -> BuildResult:
    """Build every release found in `sources` into `out`; unusable sources are reported, the rest built."""
    result = BuildResult(out=out, strict=settings.output.strict)
    paths, missing = discover(sources)
    result.input_errors.extend(missing)
    if not paths:
        raise SourceError("no release sources found", file=", ".join(map(str, sources)),
                          fix="put .md, .txt, .docx, .odt, .html or .rst files there, or create one with "
                              "'accesspub new SLUG'")
    with output_lock(out):
        ctx = BuildContext(settings=settings, out=out, formats=formats)
        reporter.stage("reading", len(paths))
        t = time.perf_counter()
        releases = []
        for path in paths:
            try:
                releases.append(load_release(path, settings))
            except SourceError as exc:
                result.input_errors.append(exc)
            reporter.step(path.name)
        result.seconds["ingest"] = time.perf_counter() - t
        _unique_slugs(releases)
        for name in formats:
            if _renderer(name) is None:
                result.build_findings.append(Finding(
                    "build", name, "not-built-yet", "warning",
                    f"the {name} rendition is not part of this version of accesspub yet; it was not built"))
        site.copy_assets(ctx)
        manifests = []
        for release in releases:
            reporter.stage(f"building {release.slug}", len(formats))
            done = ctx.done.setdefault(release.slug, {})
            _copy_resources(release, ctx)
            for name in ORDER:
                if name in formats and _renderer(name) is not None:
                    t = time.perf_counter()
                    done[name] = _render_one(release, name, ctx)
                    result.seconds[name] = result.seconds.get(name, 0) + time.perf_counter() - t
                    reporter.step(f"{release.slug}: {name}")
            manifest = _manifest(release, done)
            write_text(out / release.slug / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            manifests.append(manifest)
        _site(ctx, read_manifests(out))
        result.build_findings.extend(_unusable(exc) for exc in result.input_errors)
        _check_and_report(ctx, manifests, result, reporter)
    return result


def _unusable(exc: AccesspubError) -> Finding:
    """An unusable source as a finding of the build report."""
    where = f"{exc.file}:{exc.place}" if exc.place else (exc.file or "")
    return Finding("ingest", "source", "unusable-input", "error",
                   exc.message + (f" — fix: {exc.fix}" if exc.fix else ""), where)


def check_tree(out: Path, settings: Settings, reporter: Reporter) -> BuildResult:
    """Re-run every check on an existing output tree."""
    manifests = read_manifests(out)
    if not manifests:
        raise SourceError("no built releases here (no */manifest.json)", file=out,
                          fix="build first: accesspub build content --out " + str(out))
    result = BuildResult(out=out, strict=settings.output.strict)
    with output_lock(out):
        _check_and_report(BuildContext(settings=settings, out=out), manifests, result, reporter)
    return result


__all__ = ["FORMATS", "build", "check_tree", "BuildResult"]
