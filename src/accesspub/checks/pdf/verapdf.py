"""veraPDF, when it is on PATH: its PDF/UA-1 verdict merged with ours (it cannot be installed here)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from lxml import etree

from ...findings import Finding

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def available() -> str | None:
    return shutil.which("verapdf")


def parse_report(xml: bytes) -> dict[str, list[Finding]]:
    """Failed rules of a veraPDF machine-readable report (MRR), per file as veraPDF names it."""
    found: dict[str, list[Finding]] = {}
    root = etree.fromstring(xml, _PARSER)
    for job in root.iter("job"):
        item = job.find("item/name")
        name = item.text if item is not None else ""
        findings = found.setdefault(name, [])
        for r in job.iter("rule"):
            if r.get("status") != "failed":
                continue
            rule_id = f"UA1:{r.get('clause')}-{r.get('testNumber')}"
            description = (r.findtext("description") or "").strip()
            context = next((c.findtext("context") for c in r.iter("check") if c.get("status") == "failed"), "")
            findings.append(Finding("verapdf", "pdf", rule_id, "error",
                                    f"{description} ({r.get('failedChecks', '?')} failed checks)",
                                    context or name))
    return found


def run(paths: list[Path], timeout: int = 600) -> dict[str, list[Finding]]:
    """veraPDF's findings per path (as given); {} when veraPDF is not installed."""
    exe = available()
    if not exe or not paths:
        return {}
    proc = subprocess.run([exe, "--flavour", "ua1", "--format", "mrr", *map(str, paths)],
                          capture_output=True, timeout=timeout)
    try:
        by_name = parse_report(proc.stdout)
    except etree.XMLSyntaxError:
        message = (proc.stderr or proc.stdout).decode(errors="replace")[:300]
        return {str(p): [Finding("verapdf", "pdf", "verapdf-failed", "error",
                                 f"veraPDF gave no report: {message}", str(p))] for p in paths}
    out: dict[str, list[Finding]] = {}
    for name, findings in by_name.items():
        match = next((str(p) for p in paths if str(p) == name or Path(name).name == p.name), name)
        out.setdefault(match, []).extend(findings)
    return out
