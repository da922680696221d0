"""The whole desk in Chromium, by keyboard where a person would use it: make a user, sign in, upload a DOCX,
fix the missing alt text where the finding is, review and sign off the plain version, schedule publication,
advance the clock, see the release in the site index and feed. axe-core checks every desk page on the way.
The same on SQLite and on a PostgreSQL cluster the test starts."""

from __future__ import annotations

import datetime as dt
import json
import re
import time

import httpx
import lxml.html
import pytest

from accesspub.checks.axe import CHROMIUM_ARGS, TAGS
from accesspub.paths import chromium, node_modules
from accesspub.state import build_dir

from .conftest import PASSWORD

AXE = node_modules() / "axe-core" / "axe.min.js"
START = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.timezone.utc)
AXE_RESULTS: dict[str, int] = {}


def axe(page, name: str) -> None:
    """axe-core on the page as it is now: no violation of WCAG 2.2 A/AA or best practice."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    found = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    AXE_RESULTS[name] = len(found)
    assert found == [], f"{name}: {found}"


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until `selector` has the focus (proves it is reachable by keyboard), and check the focus shows."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                                    " return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }")
            assert outline[0] != "none" and outline[1] >= 2, f"no visible focus on {selector}: {outline}"
            return
    raise AssertionError(f"{selector} was not reached by Tab")


def reload_until(page, predicate, timeout: float, what: str) -> float:
    started = time.time()
    while time.time() - started < timeout:
        page.reload()
        if predicate(page.content()):
            return time.time() - started
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def landed(page, selector: str) -> None:
    """Wait until the page shows `selector` and has finished loading: an element is there while the document
    is still parsed, before its stylesheet applies and its deferred script (which moves the focus) runs."""
    page.wait_for_selector(selector)
    page.wait_for_load_state("load")


def submit(page, selector: str) -> None:
    """Click a form's button and wait for the page its POST redirects to, so that no reload races the
    navigation (a reload during it fails with "Not attached to an active page")."""
    with page.expect_navigation():
        page.click(selector)
    landed(page, "p.notice")


def jobs_finished(html: str) -> bool:
    states = re.findall(r'class="job job-(\w+)"', html)
    return bool(states) and all(s in ("done", "skipped") for s in states) and \
        "All renditions and checks" in html


@pytest.fixture
def browser():
    exe = chromium()
    if not exe or not AXE.exists():
        pytest.fail("Chromium or axe-core missing: run make setup")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


def run_flow(procs, browser, with_correction: bool) -> None:
    made = procs.cli("adduser", "anna", "--role", "editor,reviewer,publisher", "--password", PASSWORD)
    assert made.returncode == 0, made.stderr
    procs.set_clock(START)
    url = procs.start_web()
    procs.start_worker()
    procs.start_worker()
    context = browser.new_context(bypass_csp=True, base_url=url)   # bypass: axe is injected into the pages
    page = context.new_page()

    # sign in, by keyboard; a wrong password first
    page.goto("/")
    assert page.url.endswith("/login?next=/")
    axe(page, "sign-in")
    tab_to(page, "#field-username")
    page.keyboard.type("anna")
    tab_to(page, "#field-password")
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    landed(page, "#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"     # read first
    axe(page, "sign-in with an error")
    page.fill("#field-password", PASSWORD)
    page.focus("#field-password")
    page.keyboard.press("Enter")
    landed(page, "text=Signed in as anna")
    axe(page, "releases (empty)")

    # a new release: first without a file (the error is announced), then the DOCX
    tab_to(page, "main a[href='/releases/new']")
    page.keyboard.press("Enter")
    landed(page, "h1:has-text('New release')")
    axe(page, "new release")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    landed(page, "#error-summary")
    axe(page, "new release with an error")
    page.set_input_files("#field-file", str(procs.folder / "src" / "radwege.docx"))
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    landed(page, "h1:has-text('Neue Radwege für Nordhessen')")
    assert page.input_value("#field-date") == "2025-03-03" and page.input_value("#field-place") == "Kassel"
    axe(page, "release while its jobs run")
    reload_until(page, lambda h: "Page preview</strong>:\n      done" in h or re.search(r"Page preview</strong>:\s*done", h),
                 120, "the page preview")
    reload_until(page, jobs_finished, 900, "the renditions and checks of version 1")
    axe(page, "release with findings")

    # the missing alt text: prompted at the field, the finding links to it
    assert "This image has no text alternative" in page.content()
    tab_to(page, "a[href='#field-alt-0']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "field-alt-0"
    page.keyboard.type("Ein blaues Schild am neuen Radweg")
    page.fill("#field-embargo", "2026-06-02T10:00")             # Europe/Berlin: 08:00 UTC
    tab_to(page, "form[action$='/releases/1'] button[type=submit]")
    page.keyboard.press("Enter")
    landed(page, "p.notice")
    reload_until(page, jobs_finished, 900, "the renditions and checks of version 2")
    html = page.content()
    assert "This image has no text alternative" not in html and "image-alt" not in html
    assert "version 2" in html
    axe(page, "release after the fix")

    # plain-language review, side by side: edit one sentence, accept the rest, sign off
    page.goto("/releases/1/review")
    reload_until(page, lambda h: "Sign off the plain version" in h, 300, "the plain version for review")
    axe(page, "plain-language review")
    first = page.locator("textarea[name^='line-']").first
    original = first.input_value()
    edited = "Das Land gibt 12 Millionen Euro für neue Radwege in Nordhessen."
    first.fill(edited)
    tab_to(page, "form[action$='/review'] button[type=submit]")
    page.keyboard.press("Enter")
    landed(page, "text=Signed off by anna")
    assert original != edited
    reload_until(page, jobs_finished, 900, "the renditions of the signed-off version")

    # schedule publication at the embargo time
    page.focus("#when-now")
    page.keyboard.press("ArrowDown")                             # radio group: arrow keys choose
    assert page.is_checked("#when-embargo")
    tab_to(page, "form[action$='/publish'] button[type=submit]")
    page.keyboard.press("Enter")
    landed(page, "text=Scheduled: the release is published at its embargo time")
    assert "Status: <strong>scheduled</strong>" in page.content()
    axe(page, "release scheduled")
    time.sleep(5)                                                # several ticks of the workers: nothing happens
    assert "Neue Radwege" not in httpx.get(url + "/site/", timeout=10).text
    anonymous = browser.new_context(base_url=url).new_page()
    anonymous.goto("/releases/1/preview/2025-03-03-neue-radwege-fuer-nordhessen/index.html")
    assert "/login" in anonymous.url and "Neue Radwege" not in anonymous.content()   # embargoed: never served

    # the clock passes the embargo: a worker publishes
    procs.set_clock(dt.datetime(2026, 6, 2, 8, 1, tzinfo=dt.timezone.utc))
    reload_until(page, lambda h: "Status: <strong>published</strong>" in h, 600, "the publication")
    index = httpx.get(url + "/site/", timeout=10).text
    feed = httpx.get(url + "/site/feed.xml", timeout=10).text
    assert "Neue Radwege für Nordhessen" in index and "2025-03-03-neue-radwege-fuer-nordhessen" in index
    assert "<title>Neue Radwege für Nordhessen</title>" in feed
    published = procs.config.out / "2025-03-03-neue-radwege-fuer-nordhessen"
    # the text a reader sees: glossary terms are links inside the sentence, amounts hold together with no-break
    # spaces ("12\u00a0Millionen\u00a0Euro")
    plain = " ".join(lxml.html.fromstring((published / "plain.html").read_bytes()).text_content().split())
    assert edited in plain                                       # the reviewer's sentence, not the machine's
    assert "Ein blaues Schild am neuen Radweg" in (published / "index.html").read_text(encoding="utf-8")
    assert anonymous.goto(url + "/site/2025-03-03-neue-radwege-fuer-nordhessen/").status == 200
    report = json.loads((build_dir(procs.config.out) / "report.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in report["releases"]] == ["2025-03-03-neue-radwege-fuer-nordhessen"]

    page.goto("/audit")
    axe(page, "audit log")
    audit = page.content()
    assert re.search(r"<td>anna</td><td>published</td>", audit) and "scheduled" in audit
    page.goto("/tokens")
    axe(page, "API tokens")
    page.goto("/")
    axe(page, "releases")
    page.goto("/releases/999")
    axe(page, "not found")

    if with_correction:
        page.goto("/releases/1")
        page.fill("#field-correction_note", "Die Arbeiten beginnen im Juni, nicht im Mai.")
        body = page.input_value("#field-body").replace("beginnen im Mai", "beginnen im Juni")
        page.fill("#field-body", body)
        submit(page, "form[action$='/releases/1'] button[type=submit]")
        reload_until(page, jobs_finished, 900, "the renditions of the correction")
        submit(page, "form[action$='/publish'] button[type=submit]")
        reload_until(page, lambda h: re.search(r"<td>anna</td><td>published-correction</td>", h), 600,
                     "the correction's publication")
        text = (published / "index.html").read_text(encoding="utf-8")
        assert "Korrektur vom" in text and "beginnen im Juni" in text and "im Juni, nicht im Mai" in text
        submit(page, "form[action$='/unpublish'] button[type=submit]")
        reload_until(page, lambda h: "Status: <strong>unpublished</strong>" in h, 600, "unpublishing")
        assert not published.exists()
        assert "Neue Radwege" not in httpx.get(url + "/site/", timeout=10).text
        assert "Neue Radwege" not in httpx.get(url + "/site/feed.xml", timeout=10).text
    context.close()


def test_desk_end_to_end_on_sqlite(desk_processes, docx, browser):
    run_flow(desk_processes(), browser, with_correction=True)
    print("axe violations per desk page:", AXE_RESULTS)


def test_desk_end_to_end_on_postgresql(desk_processes, docx, browser, postgres_url):
    run_flow(desk_processes(postgres_url), browser, with_correction=False)
