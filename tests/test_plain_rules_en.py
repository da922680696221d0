"""English plain rules through the whole chain and the gate (sentences written for these tests)."""

from accesspub.plain import gate
from accesspub.plain.rules import Chain, RuleContext

CTX = RuleContext(lang="en", level="plain")


def test_passive_with_a_long_subject_becomes_active_and_a_list():
    sentence = ("A new plan for repairing the old roads, building safe cycle lanes and helping families walk to "
                "school, has been agreed by the council.")
    assert Chain().run(sentence, CTX) == ["The council has agreed a new plan for:", "Repairing the old roads.",
                                          "Building safe cycle lanes.", "Helping families walk to school."]


def test_gate_lets_a_preposition_end_a_line_only_before_a_list():
    original = "The council is responsible for collecting the bins, cleaning the streets and running the libraries."
    assert gate.check(original, ["The council is responsible for:", "Collecting the bins.", "Cleaning the streets.",
                                 "Running the libraries."], "en").ok
    assert not gate.check(original, ["The council is responsible for:",
                                     "Collecting the bins, cleaning the streets and running the libraries."], "en").ok


def test_a_split_keeps_the_end_of_a_sentence_that_the_next_one_points_back_to():
    sentence = "The Council has planted many new trees in all of its parks in line with its climate strategy."
    split = ["The Council has planted many new trees in all of its parks.",
             "This is in line with its climate strategy."]
    assert Chain().run(sentence, CTX) == split
    # "This has included …" after it would point to the strategy, not to the planting
    pointing = RuleContext(lang="en", level="plain", before_pointer=True)
    assert Chain().run(sentence, pointing) == [sentence]
    # a split that still ends as the original did is kept
    ends_alike = "The library took part in the Summer Reading Challenge last year, which asks children to read six books, and won a national prize."
    assert Chain().run(ends_alike, pointing)[-1] == "The library won a national prize."


def _plain_lines(tmp_path, body: str) -> list[str]:
    from accesspub.config import Settings
    from accesspub.ingest import load_release
    from accesspub.plain.simplify import simplify
    path = tmp_path / "en-release.md"
    path.write_text(f"---\ntitle: Trees\nlang: en\ndate: '2024-01-10'\n---\n\n{body}\n", encoding="utf-8")
    settings = Settings()
    doc = simplify(load_release(path, settings), settings)
    return [line.text for s in doc.sections for b in s.blocks for line in b.all_lines()]


def test_the_builder_knows_which_sentence_the_next_one_points_back_to(tmp_path):
    first = "The Council has planted many new trees in all of its parks in line with its climate strategy."
    lines = _plain_lines(tmp_path, f"{first} This has included two new orchards.")
    assert lines[0] == first
    lines = _plain_lines(tmp_path, f"{first} The next trees follow in May.")
    assert lines[:2] == ["The Council has planted many new trees in all of its parks.",
                         "This is in line with its climate strategy."]


def _scalars(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from _scalars(value)
    else:
        yield node


def test_english_word_data_holds_words_not_booleans():
    """YAML 1.1 reads an unquoted on/off/yes/no as True/False: a word list would silently lose the word."""
    from accesspub.plain.lexicon import words
    from accesspub.shipped import shipped_yaml
    data = words("en")
    for name, node in [("words_en", data), ("titles", shipped_yaml("accesspub.plain", "data", "titles.yaml")),
                       ("glossary_en", shipped_yaml("accesspub.plain", "data", "glossary_en.yaml"))]:
        assert not [x for x in _scalars(node) if isinstance(x, bool) or x is None], name
    assert "on" in data["meeting_times"]
    assert {"no", "not", "none"} <= set(data["negation"])


def test_a_split_keeps_the_end_of_a_part_that_the_next_part_points_back_to():
    # "It" points to the park: a "These include …" sentence before it would take the park's place
    sentence = "The park has many old trees such as oaks, beeches and the famous Queen's cedar, and it is popular with walkers."
    assert Chain().run(sentence, CTX) == ["The park has many old trees such as oaks, beeches and the famous Queen's cedar.",
                                          "It is popular with walkers."]
    # without the pointing word the examples get their own sentence
    other = "The park has many old trees such as oaks, beeches and the famous Queen's cedar, and the lake is popular with walkers."
    assert Chain().run(other, CTX) == ["The park has many old trees.", "These include oaks, beeches and the famous Queen's cedar.",
                                       "The lake is popular with walkers."]


def test_with_absolute_and_as_well_as_pass_the_gate_through_the_chain():
    assert Chain().run("The new cycle lanes will be finished by the end of the autumn, with buses running every ten "
                       "minutes on the high street.", CTX) == [
        "The new cycle lanes will be finished by the end of the autumn.", "Buses will run every 10 minutes on the high street."]
    assert Chain().run("The new community fund pays for books, games and sports kits, as well as laptops and printers.",
                       CTX) == ["The new community fund pays for books, games and sports kits.",
                                "The new community fund also pays for laptops and printers."]
    # a past main clause keeps the sentence whole
    past = "The council opened three new family hubs across the borough last year, with the largest hub serving five hundred families."
    assert Chain().run(past, CTX) == [past.replace("three", "3").replace("five hundred", "500")]
