"""DAISY Ace (npm @daisy/ace-cli): every EPUB of a build in one Node process with one Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...findings import Finding, tool_missing
from ...paths import chromium, node_modules

SCRIPT = Path(__file__).with_name("ace-batch.js")
SEVERITY = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "warning"}
SECONDS_PER_EPUB = 120


def missing() -> Finding | None:
    if not (node_modules() / "@daisy" / "ace-core").exists() or not shutil.which("node"):
        return tool_missing("ace", "epub", "DAISY Ace (npm @daisy/ace-cli) or Node.js")
    if not chromium():
        return tool_missing("ace", "epub", "Chromium (Debian chromium)")
    return None


def findings_of(report: dict, epub: Path) -> list[Finding]:
    """Ace's violations as findings: critical and serious are errors, moderate and minor warnings."""
    found = []
    for subject in report.get("assertions", []):
        where = subject.get("earl:testSubject", {}).get("url", "")
        for a in subject.get("assertions", []):
            if a.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test, result = a.get("earl:test", {}), a["earl:result"]
            pointer = result.get("earl:pointer", {}).get("css", [])
            location = f"{epub.name}: {where}" + (f" {pointer[0]}" if pointer else "")
            found.append(Finding("ace", "epub", test.get("dct:title", "?"),
                                 SEVERITY.get(test.get("earl:impact"), "error"),
                                 result.get("dct:description") or test.get("dct:description", ""), location))
    return found


def check_all(epubs: list[Path]) -> dict[Path, list[Finding]]:
    """Run Ace on every EPUB; findings per EPUB (a missing tool or a failed run is a finding too)."""
    absent = missing()
    if absent:
        return {e: [absent] for e in epubs}
    results: dict[Path, list[Finding]] = {}
    with tempfile.TemporaryDirectory(prefix="accesspub-ace-") as out:
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium(), "PUPPETEER_SKIP_DOWNLOAD": "1"}
        try:
            proc = subprocess.run(["node", str(SCRIPT), str(node_modules()), out, *[str(e.resolve()) for e in epubs]],
                                  capture_output=True, text=True, env=env, cwd=out,
                                  timeout=60 + SECONDS_PER_EPUB * len(epubs))
            lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        except subprocess.TimeoutExpired:
            lines, proc = [], None
        by_path = {line["epub"]: line for line in lines}
        for epub in epubs:
            line = by_path.get(str(epub.resolve()), {})
            try:
                report = json.loads(Path(line["report"]).read_text(encoding="utf-8"))
            except (KeyError, OSError, json.JSONDecodeError):
                why = line.get("error") or (proc.stderr.strip()[-300:] if proc else "it timed out")
                results[epub] = [Finding("ace", "epub", "ace-failed", "error", f"DAISY Ace gave no report: {why}",
                                         epub.name)]
                continue
            results[epub] = findings_of(report, epub)
    return results
