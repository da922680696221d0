"""Every plain-language lint fires on a sentence that breaks its rule and stays quiet on one that keeps it."""

from pathlib import Path

import pytest
import yaml

from accesspub.plain.lints import ORDER, LintContext, Lints

lint = Lints.module

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "plain" / "lints.yaml").read_text(encoding="utf-8"))


def _ctx(lang):
    return LintContext(lang, "einfach" if lang == "de" else "plain")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lint']}-{c['lang']}")
def test_lint_fires(case):
    for sentence in case["fires"]:
        assert lint(case["lint"]).check(sentence, _ctx(case["lang"])), sentence


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lint']}-{c['lang']}")
def test_lint_passes(case):
    for sentence in case["passes"]:
        assert lint(case["lint"]).check(sentence, _ctx(case["lang"])) == [], sentence


def test_every_lint_has_fixtures():
    assert {c["lint"] for c in CASES} == set(ORDER)


def test_registry_makes_findings_and_switches_lints_off():
    lines = [("p-1", "Das kostet ca. 5 Euro.")]
    found = Lints().run(lines, _ctx("de"))
    hit = next(f for f in found if f.rule == "abbreviations")
    assert (hit.check, hit.rendition, hit.severity) == ("plain-lint", "plain", "warning")
    assert hit.location.startswith("p-1: «Das kostet")
    assert not [f for f in Lints(disabled=["abbreviations"]).run(lines, _ctx("de")) if f.rule == "abbreviations"]


def test_glossary_words_are_not_rare():
    ctx = LintContext("de", "einfach", explained={"ambiguitätstoleranz"})
    assert lint("rare_words").check("Das verlangt viel Ambiguitätstoleranz.", ctx) == []
