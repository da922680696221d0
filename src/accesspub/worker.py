"""One release, start to finish: the unit of work a process pool or a Dask worker runs.

Heavy tools (WeasyPrint, the speech engine) live in `SERVICES`, once per worker process, reused for every
release that process builds. Everything passed in and out is plain data, so it crosses process boundaries.
"""

from __future__ import annotations

import datetime as dt

import importlib
import os
import shutil
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import nullcontext
from pathlib import Path

from . import cache, images, renditions, slugs
from .atomic import write_bytes
from .config import Settings
from .errors import AccesspubError, SourceError, is_environment
from .findings import Finding, environment_failed, failed
from .ingest import load_release
from .manifest import MANIFEST, Built, Manifest, read_manifest
from .model import Release
from .publish import embargo_until
from .render import BuildContext, Rendition

SERVICES: dict = {}


def renderer(name: str):
    """The module of a rendition, as its spec names it."""
    return importlib.import_module(renditions.spec(name).module)


def warm_up(path: Path, formats: tuple[str, ...], settings: Settings) -> None:
    """Load, ahead of the first edit in a long-lived process (`accesspub serve`), what rendering needs once per
    process: every renderer's module and, for the plain-language renditions, the lexicons of the language of the
    release at `path` (simplified in memory; nothing is written). A source that does not load is left alone."""
    for name in formats:
        renderer(name)
    if {"plain", "plain-audio"} & set(formats):
        from .plain.build import warm_up as plain_warm_up
        try:
            release = load_release(path, settings)
        except AccesspubError:
            return
        plain_warm_up(release, settings)


def _render(release: Release, name: str, ctx: BuildContext) -> Rendition:
    try:
        return renderer(name).render(release, ctx)
    except AccesspubError as exc:
        return Rendition(name, findings=[Finding("render", name, "unusable-input", "error", str(exc),
                                                 str(release.source))])
    except Exception as exc:  # one rendition failing must not lose the others
        if is_environment(exc):
            return Rendition(name, findings=[environment_failed("render", name, exc, str(release.source))])
        detail = traceback.format_exc(limit=-3) if os.environ.get("ACCESSPUB_DEBUG") else repr(exc)
        return Rendition(name, findings=[Finding("render", name, "rendition-failed", "error",
                                                 f"the {name} rendition could not be built: {detail}",
                                                 str(release.source))])


def _restore(folder: Path, name: str, entry: Built) -> Rendition:
    return Rendition(name, [folder / f for f in entry.files], list(entry.findings), entry.data)


def _reusable(entry: Built | None, key: str, folder: Path) -> bool:
    """Built before with the same key, its files all there, and it did not fail (failures are never cached)."""
    return entry is not None and entry.key == key and all((folder / f).exists() for f in entry.files) \
        and not failed(entry.findings)


def _copy_resources(release: Release, folder: Path) -> None:
    """The release's fenced images into OUT/<slug>/media/ as carried (an SVG sanitised), before any rendition."""
    for name, src in release.resources.items():
        target = folder / name
        data = images.read(src)
        if not target.exists() or target.read_bytes() != data:
            write_bytes(target, data)


def _error(exc: AccesspubError) -> dict:
    return {"message": exc.message, "file": exc.file, "place": exc.place, "fix": exc.fix}


def up_to_date(skey: str, out: Path, formats: tuple[str, ...], settings: Settings, previous: Manifest | None) -> bool:
    """Whether everything built before from this source (with source key `skey`) can be kept as it is."""
    if not previous or previous.source_key != skey or not cache.resources_unchanged(previous.resources):
        return False
    folder, built = out / previous.slug, previous.built
    keys = cache.rendition_keys(skey, formats, settings, state=lambda d: cache.files_state(
        [folder / f for f in built[d].files] if d in built else []))
    return all(_reusable(built.get(n), k, folder) for n, k in keys.items())


def build_release(path: Path, out: Path, formats: tuple[str, ...], settings: Settings,
                  previous: Manifest | None, threads: int = 1) -> dict:
    """Build one source, up to `threads` renditions at once. Returns {"manifest": Manifest, "rebuilt", "seconds",
    "error"} — all picklable."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    skey = cache.source_key(path, settings)
    data = settings.model_dump(mode="json")
    if up_to_date(skey, out, formats, settings, previous):
        try:
            slugs.claim(out, previous.slug, path)
        except SourceError as exc:
            return {"manifest": None, "rebuilt": [], "seconds": {}, "error": _error(exc)}
        return {"manifest": previous, "rebuilt": [], "seconds": {}, "error": None}
    try:
        release = load_release(path, settings)
    except SourceError as exc:
        return {"manifest": None, "rebuilt": [], "seconds": {}, "error": _error(exc)}
    except OSError as exc:
        return {"manifest": None, "rebuilt": [], "seconds": {}, "error": _error(SourceError(
            f"cannot read it: {exc.strerror or exc}", file=path, fix="check that the file exists and is readable"))}
    except Exception as exc:        # a defect of ours must not stop the other releases
        detail = traceback.format_exc(limit=-3) if os.environ.get("ACCESSPUB_DEBUG") else repr(exc)
        return {"manifest": None, "rebuilt": [], "seconds": {}, "error": _error(SourceError(
            f"accesspub could not read it ({detail})", file=path,
            fix="report this with the file attached; the other releases were built"))}
    try:
        slugs.claim(out, release.slug, path)
    except SourceError as exc:
        return {"manifest": None, "rebuilt": [], "seconds": {}, "error": _error(exc)}
    seconds["ingest"] = time.perf_counter() - t
    if previous and previous.slug != release.slug:
        slugs.release(out, previous.slug, path)
        _remove_release(out / previous.slug, path)
    ctx = BuildContext(settings=settings, out=out, formats=formats, services=SERVICES)
    folder = ctx.release_dir(release)
    _copy_resources(release, folder)
    old = previous.built if previous and previous.slug == release.slug else {}
    keys, rebuilt, timings = _render_all(release, ctx, skey, data, old, folder, threads)
    seconds.update(timings)
    return {"manifest": manifest(release, skey, keys, ctx.done[release.slug], settings), "rebuilt": rebuilt,
            "seconds": seconds, "error": None}


def _render_all(release: Release, ctx: BuildContext, skey: str, data: dict, old: dict[str, Built], folder: Path,
                threads: int) -> tuple[dict[str, str], list[str], dict[str, float]]:
    """Every rendition not reusable from `old`, each as soon as what it embeds is done, up to `threads` at once
    (speech, LAME, NumPy and Pango run outside the GIL, so two threads keep two cores busy for much of the work).
    Returns (cache keys, rebuilt names in build order, seconds per rebuilt rendition)."""
    done = ctx.done.setdefault(release.slug, {})
    order = renditions.build_order(ctx.formats)
    needs = {n: [d for d in renditions.embeds(n) if d in order] for n in order}
    keys: dict[str, str] = {}
    seconds: dict[str, float] = {}
    waiting, running = list(order), {}

    def timed(name: str) -> tuple[Rendition, float]:
        t = time.perf_counter()
        return _render(release, name, ctx), time.perf_counter() - t

    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="render") if threads > 1 else nullcontext() \
            as pool:
        while waiting or running:
            name = next((n for n in waiting if all(d in done for d in needs[n])), None)
            if name is None:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    finished_name = running.pop(future)
                    done[finished_name], seconds[finished_name] = future.result()
                continue
            waiting.remove(name)
            keys[name] = cache.rendition_key(name, skey, data, {d: keys[d] for d in needs[name]},
                                             state=lambda d: cache.files_state(done[d].files))
            if _reusable(old.get(name), keys[name], folder):
                done[name] = _restore(folder, name, old[name])
            elif pool is None:
                done[name], seconds[name] = timed(name)
            else:
                running[pool.submit(timed, name)] = name
    return keys, [n for n in order if n in seconds], seconds


def _modified(source: Path) -> str | None:
    """The source's modification time: what feeds show for a release without a date (never 1970)."""
    try:
        return dt.datetime.fromtimestamp(Path(source).stat().st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
    except OSError:
        return None


def manifest(release: Release, skey: str, keys: dict[str, str], done: dict[str, Rendition],
             settings: Settings) -> Manifest:
    """What a later build, `accesspub check`, publish and the site need to know about a built release."""
    embargo = embargo_until(release.meta.embargo, settings.site.timezone)
    return Manifest(
        slug=release.slug, title=release.meta.title, summary=release.meta.summary,
        date=release.meta.date.isoformat() if release.meta.date else None, modified=_modified(release.source),
        lang=release.lang,
        source=str(release.source), source_key=skey, resources=cache.resource_stamps(release.resources),
        built={n: Built(keys[n], [p.name for p in r.files if p.exists()], list(r.findings), r.data)
               for n, r in done.items()},
        metrics=done["plain"].data.get("metrics", {}) if "plain" in done else {},
        source_findings=list(release.findings),
        draft=release.meta.draft, embargo=embargo.isoformat() if embargo else None)


def _remove_release(folder: Path, source: Path) -> None:
    """A release whose title (and so its slug) changed: its old folder goes, if it was built from this source."""
    old = read_manifest(folder / MANIFEST)
    if old and old.source == str(source):
        shutil.rmtree(folder, ignore_errors=True)
