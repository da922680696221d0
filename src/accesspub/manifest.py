"""OUT/<slug>/manifest.json: what a later build, `accesspub check` and the site know about a built release."""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_text

MANIFEST = "manifest.json"


def read_json(path: Path) -> dict | None:
    """A JSON file of the output tree, or None when it is missing or unreadable (a build killed long ago)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_manifests(out: Path) -> list[dict]:
    """Every readable release manifest in OUT, in folder order."""
    return [m for path in sorted(out.glob(f"*/{MANIFEST}")) if (m := read_json(path)) is not None]


def write_manifest(out: Path, manifest: dict) -> None:
    write_text(out / manifest["slug"] / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, default=str))
