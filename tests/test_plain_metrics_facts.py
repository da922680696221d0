"""Readability figures and the fact check on known texts."""

from accesspub.plain import facts
from accesspub.plain.metrics import measure


def test_metrics_count_sentences_and_words_with_somajo():
    m = measure(["Das Haus ist groß.", "Am 27. Oktober 2017 kostet es knapp 9 Mio. Euro."], "de")
    assert m["sentences"] == 2
    assert m["max_words_per_sentence"] == 10     # "27." and "Mio." do not end the sentence
    assert m["words_per_sentence"] == 7.0


def test_flesch_amstad_orders_easy_before_hard():
    easy = measure(["Das Haus ist groß.", "Wir gehen heim."], "de")
    hard = measure(["Die Regionalkonferenz gewährleistet interkulturelle Antidiskriminierungsmaßnahmen."], "de")
    assert easy["flesch"] > 80 > 0 > hard["flesch"]
    assert easy["wiener_sachtextformel"] < hard["wiener_sachtextformel"]
    assert easy["lix"] < hard["lix"]


def test_english_flesch_uses_the_cmu_dictionary():
    m = measure(["The cat sat on the mat."], "en")
    assert m["syllables_per_word"] == 1.0 and m["flesch"] > 100


def test_amount_kept_in_other_words_counts_as_kept():
    original = "Das Programm umfasst knapp 9 Mio. € und startete am 27.10.2017 in Bad Hersfeld."
    plain = "Das Programm hat fast 9 Millionen Euro. Es startete am 27. Oktober 2017. Das war in Bad Hersfeld."
    assert facts.missing(original, plain, "de", {"Bad Hersfeld"}) == []


def test_lost_number_and_place_are_errors():
    original = "Zwei Konferenzen fanden in Kassel statt, mit 33 Stellen."
    findings, summary = facts.check(original, "Konferenzen fanden statt.", "de", {"Kassel"})
    lost = {f.message.split("'")[1] for f in findings}
    assert {"2", "33", "Kassel"} <= lost
    assert all(f.severity == "error" and f.check == "plain-facts" for f in findings)
    assert summary["number"]["kept"] == 0
