"""Any pandoc-readable source → pandoc AST (panflute Doc)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import panflute as pf
import pypandoc

from ..errors import SourceError
from ..language.invisible import clean_meta, clean_text
from ..tree import walk

MAX_UNPACKED = 256 * 2**20      # what a DOCX/ODT may unpack to: more is a zip bomb or media we will not carry
MAX_RATIO = 200                 # compression ratio of one member beyond which it is a zip bomb
PANDOC_SECONDS = 8              # some tiny Markdown inputs keep pandoc's reader busy for minutes …
PANDOC_SECONDS_PER_MB = 4       # … while a long one needs time in proportion (5 MB: about 6 s on a quiet core)
PANDOC_MEMORY = "1g"
# Raw HTML is parsed as raw (and then removed and reported by sanitise); raw TeX and {=format} blocks are off.
MARKDOWN = "markdown-raw_tex-raw_attribute"


# C0 controls other than tab and line breaks, and DEL: invisible, and invalid in the XML of EPUB and SVG
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(text: str, fmt: str, path: Path) -> pf.Doc:
    """Parse source text with pandoc ('markdown' is pandoc's own dialect, for plain text and short fields)."""
    return _pandoc(["-f", MARKDOWN if fmt == "markdown" else fmt], path, text)


def convert(text: str, fmt: str, to: str, path: Path) -> str:
    """Source text in one pandoc format as another (e.g. Markdown with raw HTML → HTML), sandboxed."""
    cmd = [pypandoc.get_pandoc_path(), "-f", fmt, "-t", to, "--sandbox", "+RTS", f"-M{PANDOC_MEMORY}", "-RTS"]
    seconds = time_budget(len(text.encode("utf-8")))
    try:
        proc = subprocess.run(cmd, input=text, capture_output=True, encoding="utf-8", timeout=seconds)
    except subprocess.TimeoutExpired:
        raise SourceError(f"pandoc did not finish reading it within {seconds:.0f} s", file=path,
                          fix="look for unbalanced ** or _, or split the release") from None
    if proc.returncode != 0:
        raise SourceError(f"pandoc could not read it: {' '.join(proc.stderr.split())[:300]}", file=path,
                          fix="check the Markdown around the place pandoc names")
    return proc.stdout


def read_file(path: Path, fmt: str) -> pf.Doc:
    """Parse a binary source (docx, odt) with pandoc, after checking it is a readable package of sane size."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
            unpacked = sum(m.file_size for m in members)
            markup = sum(m.file_size for m in members if m.filename.endswith(".xml"))  # what pandoc parses
            bomb = next((m for m in members if m.file_size > 2**20
                         and m.file_size > MAX_RATIO * max(m.compress_size, 1)), None)
            if unpacked > MAX_UNPACKED or bomb:
                what = f"member '{bomb.filename}' unpacks {bomb.file_size // max(bomb.compress_size, 1)}-fold" if bomb \
                    else f"it unpacks to {unpacked // 2**20} MB (limit {MAX_UNPACKED // 2**20} MB)"
                raise SourceError(f"refused to read this {fmt.upper()}: {what}", file=path,
                                  fix="save it again without oversized embedded media, or paste the text into Markdown")
            bad = z.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"not a readable {fmt.upper()} file ({exc})", file=path,
                          fix=f"open it in a word processor and save it again as .{fmt}") from None
    if bad:
        raise SourceError(f"damaged {fmt.upper()} file: member '{bad}' is corrupt", file=path,
                          fix=f"open it in a word processor and save it again as .{fmt}")
    return _pandoc(["-f", fmt, str(path)], path, size=markup)


def time_budget(size: int) -> float:
    """Wall-clock seconds pandoc may take for an input of `size` bytes: a floor for short inputs that make the
    reader loop, plus time in proportion for long ones (a fixed limit failed a 5 MB release on a busy machine)."""
    return PANDOC_SECONDS + PANDOC_SECONDS_PER_MB * size / 1e6


def _pandoc(args: list[str], path: Path, text: str | None = None, size: int | None = None) -> pf.Doc:
    """pandoc → AST, sandboxed (no file or network access), within a time and memory limit."""
    cmd = [pypandoc.get_pandoc_path(), *args, "-t", "json", "--sandbox", "+RTS", f"-M{PANDOC_MEMORY}", "-RTS"]
    seconds = time_budget(size if size is not None else len((text or "").encode("utf-8")))
    try:
        proc = subprocess.run(cmd, input=text, capture_output=True, encoding="utf-8", timeout=seconds)
    except subprocess.TimeoutExpired:
        raise SourceError(f"pandoc did not finish reading it within {seconds:.0f} s", file=path,
                          fix="look for unbalanced ** or _ (they can make the Markdown reader very slow), "
                              "or split the release") from None
    if proc.returncode != 0:
        detail = " ".join(proc.stderr.split())[:300]
        raise SourceError(f"pandoc could not read it: {detail}", file=path,
                          fix="open and save the file again in its program, or convert it to Markdown")
    doc = pf.load(io.StringIO(proc.stdout))
    walk(doc, _strip_controls)
    return doc


def _strip_controls(e, doc):
    """Control characters and invisible format characters (see language.invisible) out of every text."""
    if isinstance(e, (pf.Str, pf.Code, pf.CodeBlock, pf.Math)):
        e.text = clean_text(CONTROLS.sub("", e.text))
    attrs = getattr(e, "attributes", None)
    if attrs:
        for key in list(attrs):
            attrs[key] = clean_meta(CONTROLS.sub("", attrs[key]))
