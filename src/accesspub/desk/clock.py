"""The time the desk publishes by. Real UTC time, unless ACCESSPUB_DESK_CLOCK names a file holding an ISO time
(tests advance the clock by rewriting that file; web and workers read the same file)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

ENV = "ACCESSPUB_DESK_CLOCK"


def now() -> dt.datetime:
    path = os.environ.get(ENV)
    if path and Path(path).exists():
        value = dt.datetime.fromisoformat(Path(path).read_text().strip())
        return (value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)).astimezone(dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def set_clock(path: Path, when: dt.datetime) -> None:
    """Test helper: move the injected clock."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(when.isoformat())
    os.replace(tmp, path)
