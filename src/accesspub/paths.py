"""Where accesspub finds its styles and the tools set-up installed (node_modules, Chromium, Java)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT = PACKAGE.parents[1]
STYLES = PROJECT / "styles"
TEMPLATES = PACKAGE / "templates"


def node_modules() -> Path:
    """The npm tools installed by `make setup` (override with ACCESSPUB_NODE_MODULES)."""
    return Path(os.environ.get("ACCESSPUB_NODE_MODULES", PROJECT / "node_modules"))


def chromium() -> str | None:
    """Debian's Chromium (override with ACCESSPUB_CHROMIUM)."""
    return os.environ.get("ACCESSPUB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def user_cache() -> Path:
    """Where accesspub keeps what it derives once per machine (compiled helpers, fonts, lexicon tables)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "accesspub"


def java() -> str | None:
    return shutil.which("java")


# The options of the JVMs the checks start (EPUBCheck, vnu). C1 alone: starts in half the CPU; a 128 MB first heap
# (not 1/64 of the machine's memory) that gives back what it does not need: two JVMs at the peak of a build
# 661 → 455 MiB, at the same CPU
JVM_OPTIONS = ["-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms128m", "-XX:MaxHeapFreeRatio=40"]


def font_files() -> list[Path]:
    """Atkinson Hyperlegible Next (OFL) from npm: regular, bold, italic; latin and latin-ext; with a plain zero."""
    from .typeface import derived
    folder = node_modules() / "@fontsource" / "atkinson-hyperlegible-next" / "files"
    return derived(sorted(folder.glob("atkinson-hyperlegible-next-latin*-[47]00-*.woff2"))) if folder.exists() else []
