"""Renditions: each a pure function of (release, settings, styles) → files + findings.

Contract for a rendition module (named by its `RenditionSpec` in renditions.py):

    def render(release: Release, ctx: BuildContext) -> Rendition

It writes only below `ctx.release_dir(release)` and only through `atomic.write_bytes`/`write_text`
(a failed run never leaves a half-written file). It never raises for accessibility problems: those are
findings. `Rendition.data` carries what later renditions need (audio: sentence timings for the EPUB
overlays and the HTML read-along).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..findings import Finding
from ..model import Release
from ..renditions import names


@dataclass
class Rendition:
    """What one rendition of one release produced."""

    name: str                       # its spec's name: "html", "plain", "pdf", "epub", "audio"
    files: list[Path] = field(default_factory=list)   # the main file first
    findings: list[Finding] = field(default_factory=list)
    data: dict = field(default_factory=dict)


@dataclass
class BuildContext:
    """What every rendition of a build shares."""

    settings: Settings
    out: Path                                         # the output root (OUT)
    formats: tuple[str, ...] = field(default_factory=names)              # renditions built
    done: dict[str, dict[str, Rendition]] = field(default_factory=dict)   # slug → name → Rendition
    services: dict = field(default_factory=dict)      # long-lived tools started once per build
    memo: dict = field(default_factory=dict)          # what renditions of a release share (the body HTML)

    def release_dir(self, release: Release) -> Path:
        path = self.out / release.slug
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def assets(self) -> Path:
        """OUT/_assets: stylesheets and fonts shared by all pages."""
        return self.out / "_assets"

    def publisher(self, release: Release | None = None) -> str:
        """Who publishes: the release's front-matter `publisher`, else publisher.name of accesspub.toml."""
        return (release.meta.publisher if release else None) or self.settings.publisher.name

    def public_url(self, slug: str) -> str:
        """The release's public address: site.url + slug + '/'."""
        return self.settings.site.url.rstrip("/") + "/" + slug + "/"

    def earlier(self, release: Release, name: str) -> Rendition | None:
        """A rendition of this release built earlier in this build (e.g. audio before epub)."""
        return self.done.get(release.slug, {}).get(name)
