"""axe-core in Debian's Chromium via Playwright: one browser, kept as a service (services.py), pages checked in
parallel tabs.

Playwright's objects belong to the thread and event loop that made them, while checks run in whichever lane
thread asks; so the browser lives in a thread of its own with an asyncio loop, and a check hands it the pages.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from ..findings import Finding, tool_missing
from ..paths import chromium, node_modules
from . import FEW, page_rendition, services

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TABS = 2                  # pages at once when one release is checked (its pages beside each other, for the wait)
PAGES_PER_CONTEXT = 20    # a fresh context now and then: a page's memory grows per visit
SEVERITY = {"critical": "error", "serious": "error", "moderate": "error", "minor": "warning"}
RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


class _Tab:
    """A page kept open between checks (a warm service checks the next edit without opening one), in a fresh
    context now and then: a page's memory grows per visit."""

    def __init__(self):
        self.context = self._page = None
        self.visits = 0

    async def page(self, browser, axe_js: Path):
        if self.context is None or self.visits >= PAGES_PER_CONTEXT:
            await self.close()
            self.context = await browser.new_context(bypass_csp=True)  # the pages' CSP forbids axe
            await self.context.add_init_script(path=str(axe_js))
            self._page = await self.context.new_page()
            self.visits = 0
        self.visits += 1
        return self._page

    async def close(self) -> None:
        if self.context is not None:
            context, self.context = self.context, None
            await context.close()


class Browser:
    """One Chromium under Playwright, in its own thread and event loop."""

    def __init__(self):
        self._tabs: list[_Tab] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="axe-browser")
        self.thread.start()
        try:
            self._call(self._start())
        except BaseException:
            self.close()
            raise

    def _call(self, coroutine, timeout: float | None = None):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start(self) -> None:
        from playwright.async_api import async_playwright
        self.pw = await async_playwright().start()
        self.browser = await self.pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)

    def alive(self) -> bool:
        return self.thread.is_alive() and self.browser.is_connected()

    def check(self, items: list[tuple[str, Path]], axe_js: Path, tabs: int = TABS) -> dict[str, list[Finding]]:
        return self._call(self._check(items, axe_js, tabs))

    async def _check(self, items, axe_js: Path, tabs: int) -> dict[str, list[Finding]]:
        found: dict[str, list[Finding]] = {slug: [] for slug, _ in items}
        queue: asyncio.Queue = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)

        async def work(tab: _Tab) -> None:
            while not queue.empty():
                slug, path = queue.get_nowait()
                page = await tab.page(self.browser, axe_js)
                result = await self._page(page, slug, path)
                if any(f.rule == "page-error" for f in result):
                    tab.visits = PAGES_PER_CONTEXT          # the next page gets a fresh context
                found[slug] += result

        tabs = min(tabs, len(items))
        while len(self._tabs) > max(1, tabs):
            await self._tabs.pop().close()
        while len(self._tabs) < tabs:
            self._tabs.append(_Tab())
        await asyncio.gather(*(work(tab) for tab in self._tabs[:tabs]))
        return found

    @staticmethod
    async def _page(page, slug: str, path: Path) -> list[Finding]:
        from playwright.async_api import Error
        rendition = page_rendition(slug, path)
        try:
            await page.goto(path.resolve().as_uri(), wait_until="load")
            result = await page.evaluate(RUN, TAGS)
        except Error as exc:
            return [Finding("axe", rendition, "page-error", "error", f"axe could not run: {exc}", str(path))]
        return [Finding("axe", rendition, v["id"], SEVERITY.get(v.get("impact") or "", "error"),
                        f"{v['help']} ({v['helpUrl']})", f"{path.name}: {' '.join(map(str, node['target']))}")
                for v in result["violations"] for node in v["nodes"]]

    async def _stop(self) -> None:
        try:
            for tab in self._tabs:
                await tab.close()
            await self.browser.close()
        finally:
            await self.pw.stop()

    def close(self) -> None:
        if self.thread.is_alive():
            try:
                if hasattr(self, "pw"):
                    self._call(self._stop(), timeout=30)
            finally:
                self.loop.call_soon_threadsafe(self.loop.stop)
                self.thread.join(timeout=10)
        if not self.thread.is_alive():
            self.loop.close()


def warm_up() -> None:
    if (node_modules() / "axe-core" / "axe.min.js").exists() and chromium():
        services.get("axe", Browser)


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    axe_js = node_modules() / "axe-core" / "axe.min.js"
    if not axe_js.exists() or not chromium():
        what = "axe-core (npm)" if not axe_js.exists() else "Chromium (Debian package chromium)"
        return {slug: [tool_missing("axe", "html", what)] for slug, _ in items}
    # many releases: one tab. The other lane keeps the second core busy, and each tab is a renderer of
    # ~230 MB (peak of a 10-release check 1661 -> 1435 MiB, no slower)
    tabs = TABS if len({slug for slug, _ in items}) <= FEW else 1
    with services.use("axe", Browser) as browser:
        return browser.check(items, axe_js, tabs)
