"""Findings: what a check reports. Checks return findings; they never raise."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    check: str          # the tool or rule family: "axe", "vnu", "ingest", "pdf-ua", ...
    rendition: str      # "html", "plain", "pdf", "epub", "audio", "site", "source"
    rule: str           # the tool's rule id, e.g. "color-contrast", "13-004"
    severity: Severity
    message: str
    location: str = ""  # file, selector, line or page: where a person looks

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(**{k: data.get(k, "") for k in cls.__dataclass_fields__})


def count(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (0 where none)."""
    totals = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        totals[f.severity] += 1
    return totals


ENVIRONMENT_RULES = {"tool-missing", "environment-failed"}
"""Findings that say the machine failed, not the release: they give exit code 3 and are never cached."""
NOT_CACHED = ENVIRONMENT_RULES | {"rendition-failed", "synthesis-failed", "check-crashed", "vnu-failed",
                                  "ace-failed", "epubcheck-failed", "verapdf-failed"}
"""A rendition or check with one of these findings is done again by the next build."""


def failed(findings: Iterable["Finding | dict"]) -> bool:
    """Whether findings say the work did not finish (so it must not be reused)."""
    return any((f.get("rule") if isinstance(f, dict) else f.rule) in NOT_CACHED for f in findings)


def environment_failed(check: str, rendition: str, exc: OSError, location: str = "") -> Finding:
    """A rendition or check that the machine could not finish (disk full, read-only, no permission)."""
    from .errors import environment_failure
    return Finding(check, rendition, "environment-failed", "error", str(environment_failure(exc)), location)


def tool_missing(check: str, rendition: str, what: str, fix: str = "run: make setup") -> Finding:
    """A check whose tool is not installed is a finding, not a crash."""
    return Finding(check, rendition, "tool-missing", "error", f"{what} is not available; {fix}")
