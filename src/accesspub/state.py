"""The build's state folder: what a build keeps between runs but never publishes.

It lies beside the output folder (`output/` → `.accesspub-state/output/`), so the output folder holds only
what is published.
"""

from __future__ import annotations

from pathlib import Path

STATE = ".accesspub-state"


def state_dir(out: Path) -> Path:
    """The state folder of the output folder `out`."""
    out = Path(out)
    return out.absolute().parent / STATE / out.absolute().name
