"""Helpers of the PDF tests: render HTML with our engine, read the structure as poppler gives it to readers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from accesspub.render.pdf.engine import Engine
from accesspub.render.pdf.repair import repair

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def render_html(engine: Engine, html: str, target: Path, repaired: bool = True) -> tuple[Path, list]:
    """A PDF/UA-1 of a whole HTML document (repaired as the rendition is, or as WeasyPrint left it)."""
    data, findings = engine.write(html, "https://example.org/presse/test/", {}, str(target))
    if repaired:
        repair(data, target)
    else:
        target.write_bytes(data)
    return target, findings


def struct_text(path: Path) -> str:
    """`pdfinfo -struct-text` without WeasyPrint's per-text-run Span wrappers, empty runs and object numbers."""
    raw = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True,
                         check=True).stdout
    lines = []
    for line in raw.splitlines():
        body = line.strip()
        if body in ("Span (inline)", '""') or body.startswith("/BBox"):
            continue
        line = re.sub(r"Object \d+ \d+", "Object", line)
        line = re.sub(r"\b\d+-(\d+-\d+)\b", r"N-\1", line)
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"
