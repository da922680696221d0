"""The EPUB container: a ZIP with `mimetype` first and stored, written atomically and reproducibly."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from ...atomic import replacing

MIMETYPE = b"application/epub+zip"
STORED_SUFFIXES = (".mp3", ".m4a", ".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".webp")


def write_epub(path: Path, entries: list[tuple[str, bytes]], stamp: dt.datetime) -> Path:
    """Write `entries` (name, data) after `mimetype`; every entry carries the same time stamp."""
    date_time = max(stamp, dt.datetime(1980, 1, 1)).timetuple()[:6]
    with replacing(path) as tmp:
        with zipfile.ZipFile(tmp, "w") as zf:
            info = zipfile.ZipInfo("mimetype", date_time)
            info.compress_type = zipfile.ZIP_STORED
            zf.writestr(info, MIMETYPE)
            for name, data in entries:
                if name == "mimetype":
                    continue
                info = zipfile.ZipInfo(name, date_time)
                info.compress_type = zipfile.ZIP_STORED if name.lower().endswith(STORED_SUFFIXES) \
                    else zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
    return path


def read_epub(path: Path) -> tuple[list[tuple[str, bytes]], dt.datetime]:
    """All entries of an EPUB in their order, and the time stamp of its `mimetype`."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
        stamp = dt.datetime(*zf.infolist()[0].date_time)
    return entries, stamp


def replace_entries(path: Path, changed: dict[str, bytes]) -> Path:
    """Rewrite the EPUB with some entries replaced, keeping order and time stamp."""
    entries, stamp = read_epub(path)
    return write_epub(path, [(name, changed.get(name, data)) for name, data in entries], stamp)
