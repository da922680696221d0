"""End to end: the sample built into semantic HTML and checked by axe (Chromium) and vnu (Java)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lxml import html as lhtml

from accesspub.state import build_dir

from conftest import SAMPLE_SLUG, report_of


def _page(out):
    return lhtml.parse(str(out / SAMPLE_SLUG / "index.html")).getroot()


def test_build_exit_code_is_zero(html_build):
    result, _ = html_build
    assert result.exit_code == 0, [f for r in result.reports for f in r["findings"]]


def test_axe_and_vnu_report_nothing(html_build):
    _, out = html_build
    findings = report_of(out)["findings"]
    assert [f for f in findings if f["check"] == "axe"] == []
    assert [f for f in findings if f["check"] == "vnu" and f["severity"] == "error"] == []


def test_axe_and_vnu_really_ran(html_build):
    """The build checked the site index as well: prove the checkers see a page's defects."""
    from accesspub.checks import axe, vnu
    _, out = html_build
    broken = out / "broken.html"
    broken.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><img src='a.png'></body></html>")
    assert any(f.rule == "image-alt" for f in axe.check([("b", broken)])["b"])
    assert any("alt" in f.message for f in vnu.check([("b", broken)])["b"])


def test_vnu_checks_a_page_over_its_default_size_limit(tmp_path):
    """The checker refuses requests over 2 MiB unless told otherwise: a long release's page is checked too,
    to its end."""
    from accesspub.checks import vnu
    page = tmp_path / "long.html"
    body = "<p>Ein langer Absatz über die Arbeit der Verwaltung.</p>\n" * 60_000 + "<img src='a.png'>"
    page.write_text(f"<!DOCTYPE html><html lang='de'><head><title>x</title></head><body>{body}</body></html>")
    assert page.stat().st_size > 3 * 2**20
    findings = vnu.check([("long", page)])["long"]
    assert [f.rule for f in findings if f.rule == "vnu-failed"] == []
    assert any("alt" in f.message for f in findings)


def test_semantic_structure(html_build):
    _, out = html_build
    page = _page(out)
    assert page.get("lang") == "de"
    assert page.findtext(".//title").startswith("Regionalkonferenz Nord")
    h1 = page.findall(".//h1")
    assert len(h1) == 1 and h1[0].text_content() == "Regionalkonferenz Nord im Rahmen des Landesprogramms WIR"
    assert page.find(".//time").get("datetime") == "2017-10-27"
    for landmark in ("header", "nav", "main", "article", "footer"):
        assert page.find(f".//{landmark}") is not None, landmark
    assert page.find('.//a[@class="skip-link"]').get("href") == "#main"
    paragraphs = [p.text_content() for p in page.iter("p")]
    assert sum("damit Menschen unabhängig" in p for p in paragraphs) == 1
    assert page.find(".//blockquote") is not None and page.find(".//figcaption") is not None
    assert page.find(".//q") is not None
    assert {a.text: a.get("title") for a in page.iter("abbr")}["Mio."] == "Millionen"


def test_heading_order_never_skips(html_build):
    _, out = html_build
    levels = [int(h.tag[1]) for h in _page(out).iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_site_index_and_feed(html_build):
    _, out = html_build
    index = lhtml.parse(str(out / "index.html")).getroot()
    links = [a.get("href") for a in index.iter("a")]
    assert f"{SAMPLE_SLUG}/index.html" in links
    feed = ET.parse(out / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)] == [
        "Regionalkonferenz Nord im Rahmen des Landesprogramms WIR"]


def test_reports_are_written(html_build):
    _, out = html_build
    assert (build_dir(out) / SAMPLE_SLUG / "report.html").exists()
    assert report_of(out)["renditions"]["html"] == "index.html"
    reports = build_dir(out)          # in the state folder: the output folder holds only what is published
    assert (reports / "report.html").exists() and (reports / "report.json").exists()
    assert not list(out.rglob("report.*")) and not list(out.rglob("manifest.json"))
