"""The corpus of real releases (tests/corpus, issue 12): every one builds, loses nothing, shows no machinery.

One `accesspub build` of the whole corpus (html and its checks: axe in Chromium, the Nu Html Checker), then
per release: the source's paragraphs (read by tests/corpus_text.py, not by accesspub) are all in the page,
no source-format noise is, and the hand-checked expectation in tests/corpus/expected/<file>.yaml holds.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from accesspub.state import build_dir
import yaml

from corpus_text import key, main_text, source_paragraphs

CORPUS = Path(__file__).parent / "corpus"
ROWS = list(csv.DictReader((CORPUS / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))
SRC = Path(__file__).parent.parent / "src"
# what no reader may see: template tags, ESM lines, front-matter keys, literal Markdown emphasis
NOISE = ["{%", "%}", "{{", "}}", "import {", "export const", "**", "layout:", "title:", "draft:", "<Callout",
         "</", "permalink:", "newsdate"]


def expected(name: str) -> dict:
    return yaml.safe_load((CORPUS / "expected" / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.run([sys.executable, "-m", "accesspub.cli", "build", *(str(CORPUS / r["file"]) for r in ROWS),
                           "--out", str(out), "-f", "html", "--jobs", "2", "-q"],
                          capture_output=True, text=True, timeout=1200, env=env)
    work = build_dir(out)          # reports live in the state folder beside what is published
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    pages = {Path(r["source"]).name: work / r["slug"] / "index.html" for r in report["releases"]}
    return proc, report, pages


def test_every_corpus_release_builds(built):
    proc, report, pages = built
    assert proc.returncode in (0, 1), proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "unusable input" not in proc.stdout + proc.stderr
    missing = [r["file"] for r in ROWS if r["file"] not in pages or not pages[r["file"]].exists()]
    assert not missing


def test_corpus_is_real_and_mixed():
    langs = [r["language"] for r in ROWS]
    assert len(ROWS) >= 40 and len({r["organisation"] for r in ROWS}) >= 10
    assert min(langs.count("de"), langs.count("en")) >= len(ROWS) * 0.4
    assert all(r["repository"] and r["licence"] for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_no_paragraph_lost_and_no_noise(built, row):
    _, _, pages = built
    exp = expected(row["file"])
    text = main_text(pages[row["file"]])
    have = key(text)
    skip = {key(s) for s in exp.get("not_shown", [])}
    lost = [p for p in source_paragraphs(CORPUS / row["file"]) if key(p) and key(p) not in have and key(p) not in skip]
    assert not lost, f"{len(lost)} source paragraph(s) missing from the page, first: {lost[0][:200]!r}"
    noise = [n for n in NOISE + exp.get("noise", []) if n in text]
    assert not noise, f"source-format noise on the page: {noise}"


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_expectation(built, row):
    _, _, pages = built
    exp = expected(row["file"])
    root = lxml.html.fromstring(pages[row["file"]].read_bytes())
    article = root.find(".//main")
    known = {k["field"] for k in exp.get("known_issues", [])}    # listed with the reason, in the report too
    if "title" not in known:
        assert " ".join(article.findtext(".//h1", "").split()) == exp["title"]
    assert root.get("lang") == exp["language"]
    times = article.xpath(".//header//time/@datetime")
    assert (times[0] if times else None) == exp.get("date")
    kicker = article.xpath(".//header//*[@class='kicker']")
    assert (" ".join(kicker[0].text_content().split()) if kicker else None) == exp.get("kicker")
    headings = [" ".join(h.text_content().split()) for h in article.xpath(".//h2|.//h3|.//h4")
                if not h.xpath("ancestor::nav|ancestor::footer|ancestor::aside")]
    for h in exp.get("headings", []):
        assert h in headings
    hrefs = set(article.xpath(".//a/@href"))
    for link in exp.get("links", []):
        assert link in hrefs
    shown = set(article.xpath(".//img/@alt")) | {" ".join(e.text_content().split())
                                                for e in article.xpath(".//*[contains(@class,'image-unavailable')]")}
    for alt in exp.get("images", []):
        assert any(alt in s for s in shown), f"image text '{alt}' not on the page"
    for hidden in exp.get("hidden", []):
        assert hidden not in article.text_content()
    if "lists" in exp:
        assert len(article.xpath(".//ul|.//ol")) >= exp["lists"]
    if "tables" in exp:
        assert len(article.xpath(".//table")) == exp["tables"]
