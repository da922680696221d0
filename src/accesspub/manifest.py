"""OUT/<slug>/manifest.json as typed records: what a later build, `accesspub check`, the site, the feeds and the
reports know about a built release. Only this module reads or writes the JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_text
from .findings import Finding, failed

MANIFEST = "manifest.json"


def read_json(path: Path) -> dict | None:
    """A JSON file of the output tree, or None when it is missing or unreadable (a build killed long ago)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _findings(items) -> list[Finding]:
    return [f if isinstance(f, Finding) else Finding.from_dict(f) for f in items or []]


@dataclass
class Built:
    """One rendition as built: its cache key, its files (main first), its render findings, its data."""

    key: str
    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"key": self.key, "files": self.files, "findings": [f.to_dict() for f in self.findings],
                "data": self.data}

    @classmethod
    def from_dict(cls, d: dict) -> "Built":
        return cls(d.get("key", ""), list(d.get("files", [])), _findings(d.get("findings")), d.get("data") or {})


@dataclass
class Manifest:
    slug: str
    title: str
    source: str = ""
    source_key: str = ""
    summary: str | None = None
    date: str | None = None                              # ISO date
    modified: str | None = None                          # the source's mtime (ISO): feeds' date when it has none
    lang: str = "de"
    resources: dict[str, list[int]] = field(default_factory=dict)      # image path → [size, mtime_ns]
    built: dict[str, Built] = field(default_factory=dict)              # rendition → what was built
    metrics: dict = field(default_factory=dict)
    source_findings: list[Finding] = field(default_factory=list)
    checks: dict[str, list[Finding]] = field(default_factory=dict)     # rendition → findings of its checks
    unchecked: list[str] = field(default_factory=list)
    """Renditions a check crashed on: their findings are kept, and the next build checks them again."""
    draft: bool = False                                   # built and checked, never public
    embargo: str | None = None                            # ISO time with zone: not public before
    held: dict | None = None
    """Why the release is not public in this build ({"reason": "draft"} or "embargo" with "until"); set by publish."""

    @property
    def renditions(self) -> dict[str, str]:
        """Rendition → main file name, for every rendition that has a file."""
        return {n: b.files[0] for n, b in self.built.items() if b.files}

    def path(self, out: Path, name: str) -> Path:
        return out / self.slug / self.renditions[name]

    def needs_check(self, name: str) -> bool:
        """Never checked, its check crashed, or its check failed (a tool missing): checked again."""
        return name not in self.checks or name in self.unchecked or failed(self.checks[name])

    def record_checks(self, checked: list[str], findings: list[Finding], crashed: set[str]) -> None:
        """This run's check findings, under the rendition they concern (kept until it is checked again)."""
        for name in checked:
            self.checks[name] = []
        for f in findings:
            name = f.rendition if f.rendition in checked else checked[0]
            self.checks[name].append(f)
        self.unchecked = sorted((set(self.unchecked) - set(checked)) | (crashed & set(checked)))
        order = {n: i for i, n in enumerate(self.built)}
        self.checks = dict(sorted(self.checks.items(), key=lambda item: order.get(item[0], len(order))))

    def findings(self) -> list[Finding]:
        """Everything found about this release: reading the source, rendering, checking."""
        return [*self.source_findings, *(f for b in self.built.values() for f in b.findings),
                *(f for fs in self.checks.values() for f in fs)]

    def to_dict(self) -> dict:
        return {
            "slug": self.slug, "title": self.title, "summary": self.summary, "date": self.date,
            "modified": self.modified, "lang": self.lang,
            "source": self.source, "source_key": self.source_key, "resources": self.resources,
            "renditions": self.renditions, "built": {n: b.to_dict() for n, b in self.built.items()},
            "metrics": self.metrics, "source_findings": [f.to_dict() for f in self.source_findings],
            "checks": {n: [f.to_dict() for f in fs] for n, fs in self.checks.items()}, "unchecked": self.unchecked,
            "draft": self.draft, "embargo": self.embargo,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Manifest":
        return cls(
            slug=d["slug"], title=d.get("title", ""), source=d.get("source") or "", source_key=d.get("source_key", ""),
            summary=d.get("summary"), date=d.get("date"), modified=d.get("modified"), lang=d.get("lang") or "de",
            resources=d.get("resources") or {}, built={n: Built.from_dict(b) for n, b in (d.get("built") or {}).items()},
            metrics=d.get("metrics") or {}, source_findings=_findings(d.get("source_findings")),
            checks={n: _findings(fs) for n, fs in (d.get("checks") or {}).items()},
            unchecked=list(d.get("unchecked") or []), draft=bool(d.get("draft")), embargo=d.get("embargo"))


def read_manifest(path: Path) -> Manifest | None:
    data = read_json(path)
    try:
        return Manifest.from_dict(data) if data and "built" in data else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def read_manifests(out: Path) -> list[Manifest]:
    """Every readable release manifest in OUT, in folder order."""
    return [m for path in sorted(out.glob(f"*/{MANIFEST}")) if (m := read_manifest(path)) is not None]


def write_manifest(out: Path, manifest: Manifest) -> None:
    write_text(out / manifest.slug / MANIFEST, json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1,
                                                          default=str))
