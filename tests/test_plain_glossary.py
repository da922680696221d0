"""The shipped glossaries: general vocabulary of public administration and press releases, each entry found in
its own example sentence (none taken from the sample release), the publisher's glossary.yaml on top."""

from pathlib import Path

import pytest
import yaml
from importlib import resources

from accesspub.plain.glossary import uses_in
from accesspub.plain.lexicon import glossary

SAMPLE = Path(__file__).resolve().parents[1] / "content" / "2017-10-27-regionalkonferenz-nord.txt"
MINIMUM = {"de": 300, "en": 150}


def _entries(lang):
    text = resources.files("accesspub.plain").joinpath("data", f"glossary_{lang}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _cases():
    for lang in ("de", "en"):
        for e in _entries(lang):
            yield pytest.param(lang, e, id=f"{lang}-{e['term']}")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_glossary_is_general_vocabulary_of_the_required_size(lang):
    entries = _entries(lang)
    assert len(entries) >= MINIMUM[lang]
    assert len({e["term"].lower() for e in entries}) == len(entries)      # no entry twice
    assert all(e["text"].strip() and len(e["text"].split()) <= 40 for e in entries)   # short explanations


@pytest.mark.parametrize("lang,entry", list(_cases()))
def test_entry_is_found_in_its_example_sentence(lang, entry):
    sample = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else ""
    example = entry["example"]
    assert example not in sample, "examples must come from outside the sample release"
    term = next(t for t in glossary(lang) if t.key == entry["term"].lower())
    assert term in uses_in(example, glossary(lang)), f"{entry['term']!r} not found in {example!r}"


def test_publisher_glossary_wins_for_the_same_word(tmp_path):
    source = tmp_path / "release.md"
    source.write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text("de:\n- term: Bescheid\n  text: Ein Brief vom Amt mit einer Antwort.\n",
                                            encoding="utf-8")
    mine = next(t for t in glossary("de", source) if t.key == "bescheid")
    assert mine.text == "Ein Brief vom Amt mit einer Antwort." and mine.source.endswith("glossary.yaml")
