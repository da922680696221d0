"""Site search that works offline: a static Pagefind index of every release page, built at the end of a build,
and OUT/search.html, whose small script (search.js) asks the index and announces the results to screen readers.

Pagefind (npm `pagefind`, binary from `@pagefind/linux-x64`) indexes the `data-pagefind-body` element of the
release and plain-language pages only — not reports, the index or the statement. All languages go into one index
(`--force-language`), so an English release is found from the German search page too. The index runs WebAssembly,
so the search page (and only it) allows 'wasm-unsafe-eval' in its CSP; nothing else is loosened.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..findings import Finding
from ..paths import node_modules
from . import BuildContext

PAGE = "search.html"
TIMEOUT = 120


def pagefind() -> Path | None:
    """The pagefind binary npm installed (node_modules/.bin/pagefind), or None."""
    candidate = node_modules() / ".bin" / "pagefind"
    return candidate if candidate.exists() else (Path(found) if (found := shutil.which("pagefind")) else None)


def build_index(ctx: BuildContext) -> list[Finding]:
    """Index OUT into OUT/pagefind; a missing or failing tool is a finding, never a crash."""
    tool = pagefind()
    where = str(ctx.out / "pagefind")
    if tool is None:
        return [Finding("search", "site", "tool-missing", "error",
                        "the site search index was not built: pagefind is not installed; run: make setup", where)]
    try:
        proc = subprocess.run([str(tool), "--site", str(ctx.out), "--output-subdir", "pagefind",
                               "--force-language", ctx.settings.site.default_language, "--quiet"],
                              capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Finding("search", "site", "index-failed", "error", f"pagefind did not finish: {exc}", where)]
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return [Finding("search", "site", "index-failed", "error", "pagefind failed: " + " ".join(tail), where)]
    for unused in (ctx.out / "pagefind").glob("pagefind-*"):     # Pagefind's own UIs: search.js is ours
        if unused.name.endswith(("-ui.js", "-ui.css")) or unused.name == "pagefind-highlight.js":
            unused.unlink()
    return []


def write_search_page(ctx: BuildContext, page_vars: dict, render_page) -> Path:
    """OUT/search.html in the site's language."""
    path = ctx.out / PAGE
    render_page("search.html", path, **{**page_vars, "csp_script_extra": " 'wasm-unsafe-eval'"}, description=None)
    return path
