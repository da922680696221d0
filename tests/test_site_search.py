"""Offline site search: Pagefind indexes the release pages of a real build; in Chromium the search page finds a
release by a word of its body (not its title), under the page's CSP, and announces the count in a live region."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from accesspub.config import Settings
from accesspub.render import BuildContext
from accesspub.render import search
from accesspub.serve import start_server

from conftest import run_build

CHROMIUM = Path("/usr/bin/chromium")
HEAT = """---
title: Hitzeschutz in Kitas wird ausgebaut
date: 2025-06-02
lang: de
---

Jede Kita erhält einen Wasserspender und einen Ruheraum. Der Verkehrsverbund fährt Kinder zum Freibad.
"""
BIKES = """---
title: Neue Radwege für Nordhessen
date: 2025-03-03
lang: de
---

Das Land fördert neue Radwege zwischen Kassel und Baunatal mit zwölf Millionen Euro.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not CHROMIUM.exists() or search.pagefind() is None:
        pytest.skip("chromium or pagefind missing (make setup)")
    folder = tmp_path_factory.mktemp("search")
    (folder / "2025-06-02-hitze.md").write_text(HEAT, encoding="utf-8")
    (folder / "2025-03-03-radwege.md").write_text(BIKES, encoding="utf-8")
    out = folder / "out"
    result = run_build([folder], out, ("html",), Settings())
    assert (out / "search.html").exists() and (out / "pagefind" / "pagefind.js").exists()
    assert not [f for f in result.build_findings if f.check == "search"]
    server = start_server(out, 0)
    yield f"http://127.0.0.1:{server.server_port}/", out
    server.shutdown()


@pytest.fixture(scope="module")
def tab(site):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu",
                                                                         "--disable-dev-shm-usage"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        yield page, errors
        browser.close()


def _status(page, timeout: float = 10.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = page.locator("#search-status").inner_text()
        if text and "…" not in text:
            return text
        time.sleep(0.1)
    raise AssertionError("no search result was announced")


def test_search_finds_a_release_by_a_word_of_its_body(site, tab):
    base, _ = site
    page, errors = tab
    page.goto(base + "search.html")
    page.fill("#search-input", "Wasserspender")
    page.keyboard.press("Enter")
    assert _status(page) == "1 Ergebnis für „Wasserspender“"
    links = page.locator("#search-results a")
    assert links.count() == 1 and links.first.inner_text() == "Hitzeschutz in Kitas wird ausgebaut"
    assert page.locator("#search-results mark").first.inner_text().lower() == "wasserspender"
    links.first.click()
    page.wait_for_url("**/index.html")
    assert page.locator("h1").inner_text() == "Hitzeschutz in Kitas wird ausgebaut"
    assert errors == [], errors


def test_results_are_announced_in_a_live_region_and_none_is_said_too(site, tab):
    base, _ = site
    page, _ = tab
    page.goto(base + "search.html?q=Baunatal")
    assert _status(page) == "1 Ergebnis für „Baunatal“"
    region = page.locator("#search-status")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    page.fill("#search-input", "Zeppelin")
    page.keyboard.press("Enter")
    assert _status(page) == "Keine Ergebnisse für „Zeppelin“"
    assert page.locator("#search-results li").count() == 0


def test_only_release_pages_are_indexed(site):
    _, out = site
    fragments = list((out / "pagefind" / "fragment").glob("*"))
    assert len(fragments) == 2, "the two release pages; not the index, the reports or the statement"
