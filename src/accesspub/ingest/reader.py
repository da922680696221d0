"""Any pandoc-readable source → pandoc AST (panflute Doc)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import panflute as pf
import pypandoc

from ..errors import SourceError

READERS = {
    ".md": "markdown", ".markdown": "markdown", ".txt": "markdown",
    ".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".rst": "rst",
}
BINARY = {".docx", ".odt"}
# Raw HTML is parsed as raw (and then removed and reported by sanitise); raw TeX and {=format} blocks are off.
MARKDOWN = "markdown-raw_tex-raw_attribute"


def reader_for(path: Path) -> str:
    try:
        return READERS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise SourceError(f"unknown source format '{path.suffix or '(no extension)'}'", file=path,
                          fix=f"save the release as one of {known}") from None


def read_text(text: str, fmt: str, path: Path) -> pf.Doc:
    """Parse source text with pandoc."""
    if fmt == "markdown":
        fmt = MARKDOWN
    return _run(lambda: pypandoc.convert_text(text, "json", format=fmt, extra_args=["--sandbox"]), path)


def read_file(path: Path, fmt: str) -> pf.Doc:
    """Parse a binary source (docx, odt) with pandoc, after checking it is a readable package."""
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"not a readable {fmt.upper()} file ({exc})", file=path,
                          fix=f"open it in a word processor and save it again as .{fmt}") from None
    if bad:
        raise SourceError(f"damaged {fmt.upper()} file: member '{bad}' is corrupt", file=path,
                          fix=f"open it in a word processor and save it again as .{fmt}")
    return _run(lambda: pypandoc.convert_file(str(path), "json", format=fmt, extra_args=["--sandbox"]), path)


def _run(convert, path: Path) -> pf.Doc:
    try:
        out = convert()
    except RuntimeError as exc:
        detail = " ".join(str(exc).split())[:300]
        raise SourceError(f"pandoc could not read it: {detail}", file=path,
                          fix="open and save the file again in its program, or convert it to Markdown") from None
    return pf.load(io.StringIO(out))
