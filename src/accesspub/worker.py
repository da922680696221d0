"""One release, start to finish: the unit of work a process pool or a Dask worker runs.

Heavy tools (WeasyPrint, the speech engine) live in `SERVICES`, once per worker process, reused for every
release that process builds. Everything passed in and out is plain data, so it crosses process boundaries.
"""

from __future__ import annotations

import importlib
import os
import shutil
import time
import traceback
from pathlib import Path

from . import cache, images, slugs
from .atomic import write_bytes
from .config import Settings
from .errors import AccesspubError, SourceError, is_environment
from .findings import Finding, environment_failed, failed
from .ingest import load_release
from .manifest import MANIFEST, read_json
from .model import Release
from .publish import embargo_until
from .render import BuildContext, Rendition

ORDER = ("plain", "audio", "pdf", "epub", "html")   # html last: its page links the others
SERVICES: dict = {}


def renderer(name: str):
    """The module of a rendition ("html", "plain", "pdf", "epub", "audio")."""
    return importlib.import_module(f"accesspub.render.{name}")


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


def _restore(folder: Path, name: str, entry: dict) -> Rendition:
    return Rendition(name, [folder / f for f in entry["files"]],
                     [Finding.from_dict(f) for f in entry["findings"]], entry.get("data", {}))


def _reusable(entry: dict | None, key: str, folder: Path) -> bool:
    """Built before with the same key, its files all there, and it did not fail (failures are never cached)."""
    return bool(entry) and entry["key"] == key and all((folder / f).exists() for f in entry["files"]) \
        and not failed(entry["findings"])


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
                  previous: dict | None) -> dict:
    """Build one source. Returns {"manifest", "rebuilt", "seconds", "error"} — all plain data."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    skey = cache.source_key(path, settings)
    keys = cache.rendition_keys(skey, formats, settings)
    if previous and previous.get("source_key") == skey and cache.resources_unchanged(previous):
        folder = out / previous["slug"]
        if all(_reusable(previous["built"].get(n), k, folder) for n, k in keys.items()):
            try:
                slugs.claim(out, previous["slug"], path)
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
    if previous and previous["slug"] != release.slug:
        slugs.release(out, previous["slug"], path)
        _remove_release(out / previous["slug"], path)
    ctx = BuildContext(settings=settings, out=out, formats=formats, services=SERVICES)
    folder = ctx.release_dir(release)
    _copy_resources(release, folder)
    old = previous["built"] if previous and previous["slug"] == release.slug else {}
    done = ctx.done.setdefault(release.slug, {})
    rebuilt = []
    for name in ORDER:
        if name not in keys:
            continue
        if _reusable(old.get(name), keys[name], folder):
            done[name] = _restore(folder, name, old[name])
            continue
        t = time.perf_counter()
        done[name] = _render(release, name, ctx)
        seconds[name] = time.perf_counter() - t
        rebuilt.append(name)
    return {"manifest": manifest(release, skey, keys, done, settings), "rebuilt": rebuilt, "seconds": seconds, "error": None}


def manifest(release: Release, skey: str, keys: dict[str, str], done: dict[str, Rendition],
             settings: Settings) -> dict:
    """What a later build, `accesspub check`, publish and the site need to know about a built release."""
    embargo = embargo_until(release.meta.embargo, settings.site.timezone)
    built = {n: {"key": keys[n], "files": [p.name for p in r.files if p.exists()],
                 "findings": [f.to_dict() for f in r.findings], "data": r.data}
             for n, r in done.items()}
    return {
        "slug": release.slug, "title": release.meta.title, "summary": release.meta.summary,
        "date": release.meta.date.isoformat() if release.meta.date else None, "lang": release.lang,
        "source": str(release.source), "source_key": skey,
        "resources": cache.resource_stamps(release.resources),
        "renditions": {n: b["files"][0] for n in ORDER if (b := built.get(n)) and b["files"]},
        "built": built,
        "metrics": done["plain"].data.get("metrics", {}) if "plain" in done else {},
        "source_findings": [f.to_dict() for f in release.findings],
        "checks": {},
        "draft": release.meta.draft, "embargo": embargo.isoformat() if embargo else None,
    }


def _remove_release(folder: Path, source: Path) -> None:
    """A release whose title (and so its slug) changed: its old folder goes, if it was built from this source."""
    old = read_json(folder / MANIFEST)
    if old and old.get("source") == str(source):
        shutil.rmtree(folder, ignore_errors=True)
