"""axe-core in Debian's Chromium via Playwright: one browser for all pages of a build."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding, tool_missing
from ..paths import chromium, node_modules
from . import page_rendition

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PAGES_PER_CONTEXT = 20
SEVERITY = {"critical": "error", "serious": "error", "moderate": "error", "minor": "warning"}


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    axe_js = node_modules() / "axe-core" / "axe.min.js"
    exe = chromium()
    if not axe_js.exists() or not exe:
        what = "axe-core (npm)" if not axe_js.exists() else "Chromium (Debian package chromium)"
        return {slug: [tool_missing("axe", "html", what)] for slug, _ in items}
    from playwright.sync_api import Error, sync_playwright

    found: dict[str, list[Finding]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        context = None
        try:
            for n, (slug, path) in enumerate(items):
                if n % PAGES_PER_CONTEXT == 0:   # a fresh context now and then: one page's memory grows per visit
                    if context:
                        context.close()
                    context = browser.new_context(bypass_csp=True)   # axe is injected; the pages' CSP forbids it
                    context.add_init_script(path=str(axe_js))
                    page = context.new_page()
                rendition = page_rendition(slug, path)
                out = found.setdefault(slug, [])
                try:
                    page.goto(path.resolve().as_uri(), wait_until="load")
                    result = page.evaluate(
                        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                        TAGS)
                except Error as exc:
                    out.append(Finding("axe", rendition, "page-error", "error", f"axe could not run: {exc}", str(path)))
                    continue
                for v in result["violations"]:
                    for node in v["nodes"]:
                        out.append(Finding("axe", rendition, v["id"], SEVERITY.get(v.get("impact") or "", "error"),
                                           f"{v['help']} ({v['helpUrl']})",
                                           f"{path.name}: {' '.join(map(str, node['target']))}"))
        finally:
            browser.close()
    return found
