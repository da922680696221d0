"""Atomic output: write to a temporary file in the same folder, then rename over the target.

Fault injection for tests: with `ACCESSPUB_FAULT_POINT=N` the process kills itself (SIGKILL, no clean-up) at
the N-th fault point — each atomic write has two, once its temporary file is written and once it has been
renamed into place, and the pipeline marks its stage boundaries. With `ACCESSPUB_FAULT_LOG=FILE` every point
reached is appended to FILE ("N kind path"), so a test can prove that the kill came after writing started.
"""

from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path

_points = 0


def fault_point(kind: str, path: Path | str = "") -> None:
    """A place where a test may kill the build (see the module docstring); nothing happens otherwise."""
    global _points
    wanted, log = os.environ.get("ACCESSPUB_FAULT_POINT"), os.environ.get("ACCESSPUB_FAULT_LOG")
    if not wanted and not log:
        return
    _points += 1
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{_points} {kind} {path}\n")
    if wanted and _points == int(wanted):
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def replacing(path: Path):
    """Yield a temporary path beside `path`; on success it replaces `path`, on failure it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if tmp_path.stat().st_size == 0:
            raise OSError(f"refusing to write an empty file to {path}")
        os.chmod(tmp_path, 0o644)
        fault_point("written", path)
        os.replace(tmp_path, path)
        fault_point("renamed", path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(path: Path, data: bytes) -> Path:
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
