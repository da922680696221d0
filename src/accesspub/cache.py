"""Content-hash keys: a rendition is rebuilt only when something it depends on changed.

A rendition's key hashes the source (and its sibling plain-language file, glossary and pronunciation
lexicon), the accesspub code and templates, the stylesheets and fonts that rendition uses, the settings it reads, and the keys of the
renditions it embeds (EPUB and the page embed the audio; the page links every other rendition) with the
sizes of their files (the page prints them, and certification changes the EPUB's). What a rendition depends
on is its `RenditionSpec` (renditions.py). Keys are computed without reading the release, so an unchanged
release is not even parsed again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import renditions
from .config import Settings
from .paths import PACKAGE, STYLES, font_files

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
def _styles_key(styles: tuple[str, ...]) -> str:
    parts = [(STYLES / f).read_bytes() if (STYLES / f).exists() else b"" for f in styles]
    parts += [p.name for p in font_files()]
    return _digest(*parts)


@lru_cache(maxsize=None)
def _module_key(module: str) -> str:
    """A plugin's rendition module (outside the package, so not in `code_key`)."""
    found = importlib.util.find_spec(module)
    origin = Path(found.origin) if found and found.origin else None
    if origin is None or not origin.exists() or PACKAGE in origin.parents:
        return ""
    return hashlib.sha256(origin.read_bytes()).hexdigest()


def source_key(path: Path, settings: Settings) -> str:
    """The source file and what is read beside it, plus settings that change how it is read."""
    siblings = [path.with_name(path.stem + ".plain.md"), path.parent / "glossary.yaml",
                path.parent / "pronunciation.yaml"]
    parts = [path.read_bytes()] + [p.read_bytes() if p.exists() else b"-" for p in siblings]
    return _digest(*parts, settings.site.default_language, settings.site.timezone)


def files_state(files: list[Path]) -> str:
    """What a rendition that embeds these files sees of them: names and sizes."""
    return ",".join(f"{p.name}:{p.stat().st_size}" for p in files if p.exists())


def rendition_keys(skey: str, formats: tuple[str, ...], settings: Settings,
                   state: Callable[[str], str] | None = None) -> dict[str, str]:
    """The key of every requested rendition, dependencies first; `state(name)` is what its files are now."""
    keys: dict[str, str] = {}
    data = settings.model_dump(mode="json")
    for name in renditions.build_order(formats):
        keys[name] = rendition_key(name, skey, data, {d: keys[d] for d in renditions.embeds(name) if d in keys},
                                   state)
    return keys


def rendition_key(name: str, skey: str, data: dict, embedded: dict[str, str],
                  state: Callable[[str], str] | None = None) -> str:
    spec = renditions.spec(name)
    subset = json.dumps({k: data[k] for k in spec.settings}, sort_keys=True)
    parts = [f"{d}={k}:{state(d) if state else ''}" for d, k in embedded.items()]
    return _digest(name, skey, code_key(), _module_key(spec.module), _styles_key(spec.styles), subset, *parts)


def resources_unchanged(stamps: dict[str, list[int]]) -> bool:
    """The images a release used still have the size and time they had when it was built."""
    for path, stamp in stamps.items():
        p = Path(path)
        if not p.exists() or [p.stat().st_size, p.stat().st_mtime_ns] != stamp:
            return False
    return True


def resource_stamps(resources: dict[str, Path]) -> dict[str, list[int]]:
    return {str(p): [p.stat().st_size, p.stat().st_mtime_ns] for p in resources.values()}
