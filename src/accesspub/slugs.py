"""One release per slug: the first source to claim a slug in a build owns its folder; a second is refused.

Claims are files in the build tree (`.claims/`, never published), created atomically (a link that fails when the name exists),
so builds in a process pool or on a Dask cluster (a shared file system) agree on who came first. The
source that built a folder before keeps it, as long as that source still exists: it is claimed for it before
any release is built, so a newcomer with the same title and date never overwrites it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import SourceError


def claims(work: Path) -> Path:
    return work / ".claims"


def reset(work: Path, owners: dict[str, str]) -> None:
    """Start a build's claims: every slug built before belongs to its source, while that source exists."""
    folder = claims(work)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for slug, source in owners.items():
        if Path(source).is_file():
            claim(work, slug, Path(source))


def claim(work: Path, slug: str, source: Path) -> None:
    """Claim `slug` for `source`, or SourceError naming the source that has it."""
    folder = claims(work)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / slug
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".claim-")
    try:
        os.write(fd, str(source).encode("utf-8"))
        os.close(fd)
        try:
            os.link(tmp, target)
            return
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    other = target.read_text(encoding="utf-8")
    if other != str(source) and not _same_file(other, source):
        raise SourceError(f"its title and date give the slug '{slug}', which is already the release of {other}; "
                          "neither is overwritten", file=source,
                          fix="give one of the two a different title (or date), or remove the one you do not want")


def _same_file(a: str | Path, b: str | Path) -> bool:
    """One file by two spellings (a relative and an absolute path, a symlink): built from `content`, then from
    `/home/…/content`, it is still the same release."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def release(work: Path, slug: str, source: Path) -> None:
    """Give up `slug` (the source's title changed), if `source` holds it."""
    target = claims(work) / slug
    try:
        if target.read_text(encoding="utf-8") == str(source):
            target.unlink()
    except OSError:
        pass
