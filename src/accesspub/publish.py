"""Publish: the only stage that writes the public site. It decides what is public and puts exactly that there.

Renditions, reports and manifests are built in the state folder (`state.build_dir`). A release is public
unless it is a draft (`draft: true`) or under embargo (`embargo:` in the future; a time without a zone is in
`site.timezone`). Public releases are put into the output folder file by file (hard links where the file
system allows, else copies; each an atomic rename), files a release no longer has are removed from its public
folder, and the folder of a release that is no longer public goes. The site (index, feeds, podcast) lists
public releases only. Reports are published only with `output.publish_reports`. A rendition whose build data
says `"publish": false` (an unreviewed machine plain version with `plain.publish_unreviewed = false`) stays in
the state folder, and so do the renditions only it embeds (its audio).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo

from .atomic import fault_point, write_bytes, write_text
from .manifest import MANIFEST, Manifest

STATE_FILES = {MANIFEST}
PUBLISHED = ".published.json"       # in the build tree: the slugs the last publish put into the output folder
REPORT_FILES = {"report.json", "report.html"}


def embargo_until(embargo: dt.datetime | dt.date | str | None, timezone: str) -> dt.datetime | None:
    """The embargo as an aware time; a time without a zone is read in the site's zone, a date at its midnight."""
    if embargo is None or embargo == "":
        return None
    if isinstance(embargo, str):
        embargo = dt.datetime.fromisoformat(embargo)
    if not isinstance(embargo, dt.datetime):
        embargo = dt.datetime.combine(embargo, dt.time())
    if embargo.tzinfo is None:
        embargo = embargo.replace(tzinfo=ZoneInfo(timezone))
    return embargo


def held(manifest: Manifest, now: dt.datetime) -> dict | None:
    """Why a built release is not public yet — {"reason": "draft"} or {"reason": "embargo", "until": ISO} — or None."""
    if manifest.draft:
        return {"reason": "draft"}
    until = manifest.embargo
    if until and dt.datetime.fromisoformat(until) > now:
        return {"reason": "embargo", "until": until}
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    return (sa.st_ino == sb.st_ino and sa.st_dev == sb.st_dev) or \
        (sa.st_size == sb.st_size and a.read_bytes() == b.read_bytes())


def _put(src: Path, dst: Path) -> None:
    """`dst` becomes `src`'s content atomically: a hard link renamed into place, or a copy."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.parent / f".{dst.name}.{secrets.token_hex(6)}.part"
    try:
        os.link(src, tmp)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        write_bytes(dst, src.read_bytes())
        return
    try:
        fault_point("written", dst)
        os.replace(tmp, dst)
        fault_point("renamed", dst)
    finally:
        tmp.unlink(missing_ok=True)


def _published_files(folder: Path, with_reports: bool) -> list[Path]:
    skip = STATE_FILES | (set() if with_reports else REPORT_FILES)
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in skip
            and not p.name.startswith(".")]


def withheld_files(manifest: Manifest) -> set[str]:
    """Files of the renditions the build marked not to publish (renditions.withheld)."""
    from .renditions import withheld
    names = withheld({n: b.data for n, b in manifest.built.items()})
    return {f for n in names for f in manifest.built[n].files}


def sync_folder(src: Path, dst: Path, with_reports: bool = False, withheld: set[str] = frozenset()) -> None:
    """Make the public folder `dst` hold exactly the publishable files of the built folder `src`."""
    wanted = {p.relative_to(src): p for p in _published_files(src, with_reports)
              if str(p.relative_to(src)) not in withheld}
    for rel, path in wanted.items():
        if not _same(path, dst / rel):
            _put(path, dst / rel)
    if dst.exists():
        for path in sorted(dst.rglob("*"), reverse=True):
            rel = path.relative_to(dst)
            if path.is_file() and rel not in wanted and not path.name.endswith(".part"):
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def withdraw(folder: Path) -> None:
    """A release that is no longer public (a draft again, an embargo moved into the future) leaves the site."""
    shutil.rmtree(folder, ignore_errors=True)


def run(work: Path, out: Path, manifests: list[Manifest], now: dt.datetime,
        with_reports: bool = False) -> list[dict]:
    """Make `out` the public site of the build tree `work`; returns the held releases (slug, title, reason, until)."""
    public, kept_back = [], []
    for m in manifests:
        (kept_back if (why := held(m, now)) else public).append((m, why))
    for m, _ in public:
        sync_folder(work / m.slug, out / m.slug, with_reports, withheld_files(m))
    sync_folder(work / "_assets", out / "_assets", True)
    if (work / "_docs").is_dir():
        sync_folder(work / "_docs", out / "_docs", True)
    skip = set() if with_reports else REPORT_FILES
    for path in sorted(work.iterdir()):
        if path.is_file() and not path.name.startswith(".") and path.name not in skip:
            if not _same(path, out / path.name):
                _put(path, out / path.name)
    names = {m.slug for m, _ in public}
    record = work / PUBLISHED
    before = set(json.loads(record.read_text(encoding="utf-8"))) if record.exists() else set()
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        ours = folder.name in before or (work / folder.name).is_dir() or (folder / MANIFEST).exists()
        if folder.name not in names and folder.name not in ("_assets", "_docs", "pagefind") and not folder.name.startswith(".") and ours:
            withdraw(folder)
    write_text(record, json.dumps(sorted(names)))
    for name in ({".accesspub.lock"} | skip):          # state an earlier version kept in the output folder
        (out / name).unlink(missing_ok=True)
    return [{"slug": m.slug, "title": m.title, **why} for m, why in kept_back]
