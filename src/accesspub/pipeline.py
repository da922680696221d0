"""The build: sources → releases → renditions → checks → certification → re-checks → reports and site.

Releases are independent: they are built in a process pool (`--jobs`) or on a Dask cluster (`--scheduler`),
each by `worker.build_release`. Checks then run once per build over every rendition that changed, each tool
started at most once per build, or kept running between builds by a long-lived process (checks/services.py);
certification (certify.py) writes what they earned and
has it checked again, and the pages that embed a certified file are rebuilt and checked last. The site and
the build report are written after every release is done.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import cache, certify, checks, publish, renditions, slugs
from .atomic import fault_point
from .config import Settings
from .errors import AccesspubError, BuildLockedError, EnvironmentFailure, SourceError, environment_failure
from .findings import ENVIRONMENT_RULES, Finding, failed
from .ingest import discover
from .manifest import MANIFEST, Manifest, read_json, read_manifests, write_manifest
from .state import build_dir, state_dir
from .progress import Reporter
from .renditions import check_specs, reads
from .checks import services as check_services
from .checks.audio import check_podcast
from .render import BuildContext, docs, podcast, search, site, statement
from .render.frame import page_vars, render_page
from .report import build_report, release_report
from .worker import build_release, up_to_date, warm_up

@dataclass
class BuildResult:
    out: Path
    work: Path | None = None                                         # the build tree in the state folder
    reports: list[dict] = field(default_factory=list)
    input_errors: list[AccesspubError] = field(default_factory=list)
    build_findings: list[Finding] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    rebuilt: dict[str, list[str]] = field(default_factory=dict)    # slug → renditions built in this run
    held: list[dict] = field(default_factory=list)                  # releases built but not public (drafts, embargo)
    strict: bool = False

    @property
    def exit_code(self) -> int:
        """0 ok, 1 accessibility errors found, 2 unusable input, 3 the environment failed (disk, tool)."""
        findings = [Finding.from_dict(f) for r in self.reports for f in r["findings"]] + self.build_findings
        if any(f.rule in ENVIRONMENT_RULES for f in findings):
            return 3
        if self.input_errors:
            return 2
        severities = {f.severity for f in findings}
        if "error" in severities or (self.strict and "warning" in severities):
            return 1
        return 0


@contextmanager
def environment_failures():
    """An OSError while writing the output or state is the machine's failure: one message, exit 3."""
    try:
        yield
    except OSError as exc:
        raise environment_failure(exc) from None


def _writable(out: Path) -> None:
    """Fail before building when the output folder cannot be written (read-only, no permission)."""
    out.mkdir(parents=True, exist_ok=True)
    fd, probe = tempfile.mkstemp(prefix=".accesspub-probe-", dir=out)
    os.close(fd)
    os.unlink(probe)


@contextmanager
def output_lock(state: Path):
    """Refuse a second build writing to the same output folder (its state folder) at the same time."""
    state.mkdir(parents=True, exist_ok=True)
    lock = open(state / ".accesspub.lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise BuildLockedError("another accesspub build is writing to this output folder", file=state,
                               fix="wait until it has finished, or choose another folder with --out") from None
    try:
        lock.write(str(os.getpid()))
        lock.flush()
        yield
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


EXAMPLE_HOSTS = ("example.org", "example.com", "example.net")


def _site_url_finding(settings: Settings) -> list[Finding]:
    """The example address left in site.url would go into feeds, the podcast and MP3 tags."""
    host = (urlsplit(settings.site.url).hostname or "").lower()
    if host in EXAMPLE_HOSTS or host.endswith(tuple("." + h for h in EXAMPLE_HOSTS)):
        return [Finding("config", "site", "site-url-placeholder", "warning",
                        f"site.url is still the example address {settings.site.url}: the feeds, the podcast and "
                        "the MP3 tags point there; set url under [site] in accesspub.toml to the public address "
                        "of the output folder", "accesspub.toml: site.url")]
    return []


def _unusable(result: BuildResult, exc: SourceError) -> None:
    """An unusable source: exit code 2, and a finding in the build report."""
    where = f"{exc.file}:{exc.place}" if exc.place else (exc.file or "")
    result.input_errors.append(exc)
    result.build_findings.append(Finding("ingest", "source", "unusable-input", "error",
                                         exc.message + (f" — fix: {exc.fix}" if exc.fix else ""), where))


def _run_releases(paths, out, formats, settings, previous, jobs, scheduler, changed):
    """Build every source; yields outcomes as they finish. With at most one changed source everything runs in this
    process (already warm in `accesspub serve` and the desk), the changed release's renditions side by side."""
    args = [(p, out, formats, settings, previous.get(str(p))) for p in paths]
    if scheduler:
        from .scaleout import run_on_dask
        yield from run_on_dask(scheduler, args)
    elif jobs <= 1 or len(args) <= 1 or changed <= 1:
        for a in args:
            yield build_release(*a, threads=max(1, jobs))
    else:
        yield from _in_workers(args, jobs, formats, settings)


def _in_workers(args: list[tuple], jobs: int, formats: tuple[str, ...], settings: Settings):
    """Build in `jobs` worker processes, forked from a coordinator that loaded the lexicons first (see
    _share_lexicons) and that ends with them: the checks after the build do not run beside a copy of them."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    coordinator = context.Process(target=_coordinate, args=(send, args, jobs, formats, settings),
                                  name="accesspub-build")
    coordinator.start()
    send.close()
    try:
        for _ in args:
            try:
                kind, value = receive.recv()
            except EOFError:
                coordinator.join(timeout=10)
                raise _workers_died(coordinator.exitcode) from None
            if kind == "error":
                raise _workers_died(None) if isinstance(value, BrokenProcessPool) else value
            yield value
    finally:
        receive.close()
        if coordinator.is_alive():
            coordinator.terminate()
        coordinator.join()


def _workers_died(code: int | None) -> EnvironmentFailure:
    how = f"killed by signal {-code}" if code and code < 0 else "one of them was killed"
    return EnvironmentFailure(f"the build's worker processes stopped before the end ({how}; the system may have run "
                              "out of memory)", fix="build again: what was built is kept; with little memory use -j 1")


def _coordinate(send, args: list[tuple], jobs: int, formats: tuple[str, ...], settings: Settings) -> None:
    _die_with_parent()
    _share_lexicons(args[0][0], formats, settings)
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(args)), initializer=_die_with_parent) as pool:
            futures = [pool.submit(build_release, *a) for a in args]
            for future in as_completed(futures):
                send.send(("result", future.result()))
    except BaseException as exc:        # noqa: BLE001 — handed to the parent, which raises it
        send.send(("error", exc))
    finally:
        send.close()


def _die_with_parent() -> None:
    """A killed build leaves no process behind that goes on writing (and holding the output lock)."""
    import ctypes
    import signal
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _share_lexicons(path: Path, formats: tuple[str, ...], settings: Settings) -> None:
    """Load the renderers and the plain-language lexicons (about 300 MiB: noun forms, tagger, dictionaries) here,
    once, before the render workers are forked: they share those pages instead of loading a copy each. Frozen
    out of the garbage collector's reach, so that its passes in the workers do not copy them. Best effort: a
    source that fails here fails again, with its message, in its worker."""
    import gc
    try:
        warm_up(path, formats, settings)
    except Exception:       # noqa: BLE001 — reported where the release is built
        return
    gc.freeze()


EARLY_WARM_UP = 4
"""Start the checkers while releases are built only when at most this many sources changed per worker: a few
releases wait for their checks, many would only keep idle JVMs and browsers in memory while they render."""


def _changed(paths: list[Path], out: Path, formats: tuple[str, ...], previous: dict[str, Manifest],
             settings: Settings, limit: int) -> int:
    """How many sources have something to build (new, changed, or a rendition out of date), counted up to
    `limit` + 1."""
    changed = 0
    for p in paths:
        try:
            changed += not up_to_date(cache.source_key(p, settings), out, formats, settings, previous.get(str(p)))
        except OSError:
            changed += 1
        if changed > limit:
            break
    return changed


def _site(ctx: BuildContext, manifests: list[Manifest]) -> tuple[bool, list[Finding]]:
    """Index, Atom and podcast feeds, search page and index, published docs from every release in OUT;
    (index changed?, podcast and search findings)."""
    index = ctx.out / "index.html"
    before = index.read_bytes() if index.exists() else b""
    site.write_index(ctx, manifests)
    site.write_feed(ctx, manifests)
    with_audio = [m for m in manifests if set(podcast.SPOKEN) & set(m.renditions)]
    findings: list[Finding] = []
    if with_audio:
        findings = check_podcast(podcast.write_podcast(ctx.out, with_audio, ctx.settings))
    lang = ctx.settings.site.default_language
    search.write_search_page(ctx, page_vars(lang, ctx, ""), render_page)
    docs.write_docs(ctx, page_vars("en", ctx, "../"), render_page)
    return index.read_bytes() != before, findings


def _site_pages(out: Path) -> list[Path]:
    """The site's own pages the HTML checks read: index, search, statements (as last written), published docs."""
    named = [out / "index.html", out / search.PAGE, *(out / statement.file_name(lang) for lang in ("de", "en"))]
    return [p for p in named if p.exists()] + sorted((out / docs.FOLDER).glob("*.html"))


def _statements(ctx: BuildContext, manifests: list[Manifest], reports: list[dict], site_findings: list[Finding]):
    """The accessibility statement (de, en) from the reports just written; which checks ran follows the specs."""
    built = {n for m in manifests for n in m.renditions}
    ran = [c for c in check_specs() if any(n in built for n in reads(c) if n != renditions.SITE) or
           (renditions.SITE in reads(c))]
    ran += [n for n in ("plain", "podcast") if n in built or (n == "podcast" and built & set(podcast.SPOKEN))]
    held = {m.slug for m in manifests if m.held}          # a held release must not show on a public page
    statement.write_statements(ctx, [r for r in reports if r.get("slug") not in held],
                               [f.to_dict() for f in site_findings], ran)


def _check_and_report(ctx: BuildContext, manifests: list[Manifest], result: BuildResult, reporter: Reporter,
                      site_changed: bool = True, everything: bool = False, write: bool = True) -> None:
    """Check what changed (everything when asked), certify, keep earlier findings for the rest, write the reports.

    Render → check → certify → re-check: every check runs at once on everything except the renditions that embed
    a certified one (the page prints the EPUB's size); those are checked after certification, re-rendered if
    certification changed the EPUB.
    With `write=False` (`accesspub check`) no rendition is touched: certification only reports.
    """
    previous_build = read_json(ctx.out / "report.json")
    targets: dict[str, list[tuple[str, Path]]] = {}
    if site_changed or everything or previous_build is None or failed(previous_build.get("site_check_findings", [])):
        targets["site"] = [("", page) for page in _site_pages(ctx.out)]
    for m in manifests:
        for name in m.renditions:
            if everything or name in result.rebuilt.get(m.slug, []) or m.needs_check(name):
                targets.setdefault(name, []).append((m.slug, m.path(ctx.out, name)))
    t = time.perf_counter()
    fault_point("stage", "checks")
    # the pages that embed a certified file are checked after certification, when there is something to certify
    late = set(certify.after_certify()) if any(targets.get(n) for n in certify.certified()) else set()
    families = [c for c in check_specs() if any(targets.get(x) for x in reads(c))]
    if families:
        reporter.stage("checking", len(families))

    def run(items, settings, families, recheck=False):
        return checks.run_all(items, settings, progress=lambda name, n: reporter.step(f"{name}: {n} files"),
                              seconds=result.seconds, families=families, recheck=recheck)

    found = run({n: items for n, items in targets.items() if n not in late}, ctx.settings, families) \
        if families else {}
    changed = certify.run(targets, found, ctx.settings, run, write=write)
    if changed:
        manifests[:] = _after_certify(ctx, manifests, {slug for _, slug in changed}, result, targets)
    after = {n: items for n, items in targets.items() if n in late}
    if after:
        for slug, findings in run(after, ctx.settings, list(check_specs())).items():
            found.setdefault(slug, []).extend(findings)
    result.seconds["checks"] = time.perf_counter() - t
    fault_point("stage", "reports")
    site_findings = found.pop("", None)
    if site_findings is None and "site" not in targets and previous_build:
        site_findings = [Finding.from_dict(f) for f in previous_build.get("site_check_findings", [])]
    result.build_findings.extend(site_findings or [])
    checked: dict[str, list[str]] = {}
    for name, items in targets.items():
        for slug, _ in items:
            checked.setdefault(slug, []).append(name)
    for m in manifests:
        findings = found.get(m.slug, [])
        if checked.get(m.slug):
            m.record_checks(checked[m.slug], findings, {f.rendition for f in findings if f.rule == checks.CRASHED})
        write_manifest(ctx.out, m)
        result.reports.append(release_report(ctx.out / m.slug, m, m.findings(), ctx))
    reports = {r["slug"]: r for r in result.reports}
    for path in sorted(ctx.out.glob("*/report.json")):
        if path.parent.name not in reports and (path.parent / MANIFEST).exists() and (old := read_json(path)):
            reports[path.parent.name] = old
    build_report(ctx, list(reports.values()), result.build_findings, site_findings or [], result.seconds)
    _statements(ctx, manifests, list(reports.values()), result.build_findings)


def _after_certify(ctx: BuildContext, manifests: list[Manifest], slugs: set[str], result: BuildResult,
                   targets: dict[str, list[tuple[str, Path]]]) -> list[Manifest]:
    """Rebuild what embeds a file certification changed (the cache sees the new size), to be checked next."""
    fresh = []
    for m in manifests:
        outcome = build_release(Path(m.source), ctx.out, ctx.formats, ctx.settings, m) if m.slug in slugs else None
        new = outcome and outcome["manifest"]
        if not new or new.slug != m.slug:
            fresh.append(m)
            continue
        new.checks = {n: v for n, v in m.checks.items() if n not in outcome["rebuilt"]}
        new.unchecked = m.unchecked
        result.rebuilt[m.slug] = list(dict.fromkeys(result.rebuilt.get(m.slug, []) + outcome["rebuilt"]))
        for name in outcome["rebuilt"]:
            if name in new.renditions and (m.slug, new.path(ctx.out, name)) not in targets.get(name, []):
                targets.setdefault(name, []).append((m.slug, new.path(ctx.out, name)))
        fresh.append(new)
    return fresh


def _remove_leftovers(out: Path) -> None:
    """Temporary files of a build that was killed before it could rename them."""
    for part in out.glob("**/.*.part"):
        part.unlink(missing_ok=True)


def _public(manifests: list[Manifest], now: dt.datetime) -> list[Manifest]:
    """The releases the site may list now; each manifest learns whether (and why) it is held."""
    for m in manifests:
        m.held = publish.held(m, now)
    return [m for m in manifests if not m.held]


def build(sources: list[Path], out: Path, formats: tuple[str, ...], settings: Settings, reporter: Reporter,
          jobs: int = 1, scheduler: str | None = None, state: Path | None = None) -> BuildResult:
    """Build every release found in `sources` in the state folder, check it, and publish what is public to `out`;
    unusable sources are reported, the rest built."""
    now = dt.datetime.now(dt.timezone.utc)
    work = build_dir(out, state)
    result = BuildResult(out=out, work=work, strict=settings.output.strict,
                         build_findings=_site_url_finding(settings))
    paths, missing = discover(sources, exclude=(out, state_dir(out, state)))
    for exc in missing:
        _unusable(result, exc)
    if not paths:
        if missing:
            raise missing[0]
        raise SourceError("no release sources found", file=", ".join(map(str, sources)),
                          fix="put .md, .txt, .docx, .odt, .html or .rst files there, or create one with "
                              "'accesspub new SLUG'")
    with environment_failures(), output_lock(state_dir(out, state)), check_services.session():
        _writable(out)
        started = time.perf_counter()
        ctx = BuildContext(settings=settings, out=work, formats=formats)
        _remove_leftovers(work)
        _remove_leftovers(out)
        site.copy_assets(ctx)
        built = read_manifests(work)
        previous = {m.source: m for m in built if m.source_key}
        slugs.reset(work, {m.slug: m.source for m in built if m.source})
        reporter.stage("building", len(paths))
        manifests = []
        limit = EARLY_WARM_UP * max(1, jobs)
        changed = _changed(paths, work, formats, previous, settings, limit)
        if 0 < changed <= limit:
            checks.warm_up(formats)                     # their checks' tools start while the releases are built
        for outcome in _run_releases(paths, work, formats, settings, previous, jobs, scheduler, changed):
            if error := outcome["error"]:
                _unusable(result, SourceError(error["message"], file=error["file"], place=error["place"],
                                              fix=error["fix"]))
                reporter.step(f"{Path(error['file']).name}: unusable")
                continue
            m = outcome["manifest"]
            if (other := next((x for x in manifests if x.slug == m.slug), None)) is not None:
                _unusable(result, SourceError(
                    f"gives the same page '{m.slug}' as {other.source}, which it would overwrite",
                    file=m.source, fix="give one of the two a different title, date or 'slug:'"))
                continue
            result.rebuilt[m.slug] = outcome["rebuilt"]
            for stage, s in outcome["seconds"].items():
                result.seconds[stage] = result.seconds.get(stage, 0) + s
            if outcome["rebuilt"]:
                write_manifest(work, m)
            manifests.append(m)
            reporter.step(f"{m.slug}: {' '.join(outcome['rebuilt']) or 'unchanged'}")
        result.seconds["build"] = time.perf_counter() - started
        fault_point("stage", "site")
        site_changed, feed_findings = _site(ctx, _public(read_manifests(work), now))
        result.build_findings.extend(feed_findings)
        _public(manifests, now)
        _check_and_report(ctx, manifests, result, reporter, site_changed=site_changed)
        fault_point("stage", "publish")
        result.held = publish.run(work, out, _with_held(read_manifests(work), now), now,
                                  settings.output.publish_reports)
        # the search index is made from the public site only: a held release must not be findable
        result.build_findings.extend(search.build_index(BuildContext(settings=settings, out=out)))
    return result


def _with_held(manifests: list[Manifest], now: dt.datetime) -> list[Manifest]:
    _public(manifests, now)
    return manifests


def check_tree(out: Path, settings: Settings, reporter: Reporter, state: Path | None = None) -> BuildResult:
    """Re-run every check on what was built for the output folder `out`; no rendition is touched."""
    now = dt.datetime.now(dt.timezone.utc)
    work = build_dir(out, state)
    manifests = read_manifests(work)
    if not manifests:
        raise SourceError(f"no built releases here (nothing built in {work})", file=out,
                          fix="build first: accesspub build content --out " + str(out))
    result = BuildResult(out=out, work=work, strict=settings.output.strict,
                         build_findings=_site_url_finding(settings))
    with environment_failures(), output_lock(state_dir(out, state)), check_services.session():
        _public(manifests, now)
        built = tuple(n for n in renditions.build_order() if any(n in m.renditions for m in manifests))
        _check_and_report(BuildContext(settings=settings, out=work, formats=built), manifests, result, reporter, everything=True,
                          write=False)
        result.held = [{"slug": m.slug, "title": m.title, **m.held} for m in manifests if m.held]
    return result


__all__ = ["build", "check_tree", "BuildResult"]
