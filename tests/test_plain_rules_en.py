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
