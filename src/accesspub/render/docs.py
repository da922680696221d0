"""The project's documentation pages a report links to, published with the site (OUT/_docs/<name>.html)
instead of pointing readers into the source repository. Markdown from docs/ through pandoc, in the page frame."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypandoc
from markupsafe import Markup

from ..paths import PROJECT
from . import BuildContext

DOCS = PROJECT / "docs"
FOLDER = "_docs"


def write_docs(ctx: BuildContext, page_vars: dict, render_page) -> list[Path]:
    """Every docs/*.md as OUT/_docs/<name>.html (English, as the docs are); unchanged pages are rewritten cheaply."""
    paths = []
    for source in sorted(DOCS.glob("*.md")) if DOCS.is_dir() else []:
        body = subprocess.run([pypandoc.get_pandoc_path(), "-f", "gfm", "-t", "html5", "--sandbox", str(source)],
                              capture_output=True, text=True, timeout=60, check=True).stdout
        title = next((line.lstrip("# ").strip() for line in source.read_text("utf-8").splitlines()
                      if line.startswith("# ")), source.stem)
        path = ctx.out / FOLDER / f"{source.stem}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        render_page("doc.html", path, **page_vars, description=None, title=title, body=Markup(body))
        paths.append(path)
    return paths
