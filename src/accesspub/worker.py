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


def build_release(path: Path, out: Path, formats: tuple[str, ...], settings: Settings,
                  previous: Manifest | None) -> dict:
    """Build one source. Returns {"manifest": Manifest, "rebuilt", "seconds", "error"} — all picklable."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    skey = cache.source_key(path, settings)
    data = settings.model_dump(mode="json")
    if previous and previous.source_key == skey and cache.resources_unchanged(previous.resources):
        folder = out / previous.slug
        built = previous.built
        keys = cache.rendition_keys(skey, formats, settings, state=lambda d: cache.files_state(
            [folder / f for f in built[d].files] if d in built else []))
        if all(_reusable(built.get(n), k, folder) for n, k in keys.items()):
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
    done = ctx.done.setdefault(release.slug, {})
    keys: dict[str, str] = {}
    rebuilt = []
    for name in renditions.build_order(formats):
        keys[name] = cache.rendition_key(name, skey, data, {d: keys[d] for d in renditions.embeds(name) if d in keys},
                                         state=lambda d: cache.files_state(done[d].files))
        if _reusable(old.get(name), keys[name], folder):
            done[name] = _restore(folder, name, old[name])
            continue
        t = time.perf_counter()
        done[name] = _render(release, name, ctx)
        seconds[name] = time.perf_counter() - t
        rebuilt.append(name)
    return {"manifest": manifest(release, skey, keys, done, settings), "rebuilt": rebuilt, "seconds": seconds, "error": None}


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
