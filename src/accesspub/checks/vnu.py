"""The Nu Html Checker (npm vnu-jar): all pages of a build in one JVM."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..findings import Finding, tool_missing
from ..paths import java, node_modules
from . import page_rendition


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    jar = node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists() or not java():
        what = "the Nu Html Checker (npm vnu-jar)" if not jar.exists() else "Java (Debian openjdk-17-jre-headless)"
        return {slug: [tool_missing("vnu", "html", what)] for slug, _ in items}
    by_path = {str(path.resolve()): (slug, path) for slug, path in items}
    # pages are checked as local files; vnu then reports every stylesheet as blocked by the pages' CSP
    proc = subprocess.run([java(), "-Xss16m", "-jar", str(jar), "--format", "json", "--also-check-css",
                           "--filterpattern", "Resource violates Content Security Policy.*",
                           *[str(p.resolve()) for _, p in items]],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        return {slug: [Finding("vnu", "html", "vnu-failed", "error",
                               f"the Nu Html Checker gave no report: {(proc.stderr or proc.stdout)[:300]}")]
                for slug, _ in items[:1]}
    found: dict[str, list[Finding]] = {slug: [] for slug, _ in items}
    for m in messages:
        file = unquote(urlparse(m.get("url", "")).path)
        slug, path = by_path.get(file, ("", Path(file or "?")))
        if m["type"] == "error" or m.get("subType") == "fatal":
            severity = "error"
        elif m["type"] == "info" and m.get("subType") == "warning":
            severity = "warning"
        else:
            continue
        line = f":{m['lastLine']}" if "lastLine" in m else ""
        found.setdefault(slug, []).append(Finding("vnu", page_rendition(slug, path), m.get("subType") or m["type"],
                                                  severity, m["message"], f"{path.name}{line}"))
    return found
