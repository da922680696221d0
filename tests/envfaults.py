"""Helpers for tests that make the machine fail: small or read-only file systems (root only)."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tmpfs(folder: Path, size: str = "4m"):
    """A tmpfs of `size` mounted on `folder` (skips the test when mounting is not permitted)."""
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of `folder` until at most `leave` bytes are free."""
    filler = folder / "filler.bin"
    with open(filler, "wb") as f:
        try:
            while True:
                st = os.statvfs(folder)
                free = st.f_bavail * st.f_frsize
                if free <= leave:
                    break
                f.write(b"\0" * min(free - leave, 1 << 20) if free - leave > 0 else b"")
                f.flush()
        except OSError:
            pass
    return filler


def cli(*args, cwd=None, env=None, timeout=300):
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "accesspub.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=timeout)
