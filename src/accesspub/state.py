"""The build's state folder: what a build keeps between runs but never publishes.

It lies beside the output folder (`output/` → `.accesspub-state/output/`, or where `--state` says), so the
output folder holds only what is published. In it: the lock, and the build tree — every release as built and
checked (held ones too), with its manifest and reports, the site as built, the slug claims — from which the
publish stage copies what is public into the output folder.
"""

from __future__ import annotations

from pathlib import Path

STATE = ".accesspub-state"


def state_dir(out: Path, state: Path | None = None) -> Path:
    """The state folder of the output folder `out`: `state` when given, else beside `out`."""
    if state is not None:
        return Path(state).absolute()
    out = Path(out).absolute()
    return out.parent / STATE / out.name


def build_dir(out: Path, state: Path | None = None) -> Path:
    """The build tree inside the state folder."""
    return state_dir(out, state) / "build"
