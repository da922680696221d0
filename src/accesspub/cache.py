"""Content-hash keys: a rendition is rebuilt only when something it depends on changed.

A rendition's key hashes the source (and its sibling plain-language file and glossary), the accesspub code
and templates, the stylesheets and fonts that rendition uses, the settings it reads, and the keys of the
renditions it embeds (EPUB and the page embed the audio; the page links every other rendition). Keys are
computed without reading the release, so an unchanged release is not even parsed again.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .config import Settings
from .paths import PACKAGE, STYLES, font_files

STYLES_OF = {
    "html": ["screen.css", "fonts.css"],
    "plain": ["plain.css", "screen.css", "fonts.css"],
    "pdf": ["print.css", "fonts.css"],
    "epub": ["epub.css", "fonts.css"],
    "audio": [],
}
SETTINGS_OF = {
    "html": ["publisher", "site", "audio", "plain"],
    "plain": ["publisher", "site", "plain"],
    "pdf": ["publisher", "site"],
    "epub": ["publisher", "site", "audio"],
    "audio": ["publisher", "site", "audio"],
}
EMBEDS = {"html": ["plain", "audio", "pdf", "epub"], "epub": ["audio"]}


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_key() -> str:
    """The accesspub code, data files and templates: any change rebuilds everything."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".html", ".js",
                                                                                     ".xhtml", ".xml", ".j2"))
    return _digest(*(f"{p.relative_to(PACKAGE)}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in files))


@lru_cache(maxsize=None)
def _styles_key(name: str) -> str:
    parts = [(STYLES / f).read_bytes() if (STYLES / f).exists() else b"" for f in STYLES_OF[name]]
    parts += [p.name for p in font_files()]
    return _digest(*parts)


def source_key(path: Path, settings: Settings) -> str:
    """The source file and what is read beside it, plus settings that change how it is read."""
    siblings = [path.with_name(path.stem + ".plain.md"), path.parent / "glossary.yaml"]
    parts = [path.read_bytes()] + [p.read_bytes() if p.exists() else b"-" for p in siblings]
    return _digest(*parts, settings.site.default_language, settings.site.timezone)


def rendition_keys(skey: str, formats: tuple[str, ...], settings: Settings) -> dict[str, str]:
    """The key of every requested rendition, dependencies first."""
    keys: dict[str, str] = {}
    data = settings.model_dump(mode="json")
    for name in ("plain", "audio", "pdf", "epub", "html"):
        if name not in formats:
            continue
        subset = json.dumps({k: data[k] for k in SETTINGS_OF[name]}, sort_keys=True)
        embedded = [f"{d}={keys[d]}" for d in EMBEDS.get(name, []) if d in keys]
        keys[name] = _digest(name, skey, code_key(), _styles_key(name), subset, *embedded)
    return keys


def resources_unchanged(manifest: dict) -> bool:
    """The images a release used still have the size and time they had when it was built."""
    for path, stamp in manifest.get("resources", {}).items():
        p = Path(path)
        if not p.exists() or [p.stat().st_size, p.stat().st_mtime_ns] != stamp:
            return False
    return True


def resource_stamps(resources: dict[str, Path]) -> dict[str, list[int]]:
    return {str(p): [p.stat().st_size, p.stat().st_mtime_ns] for p in resources.values()}
