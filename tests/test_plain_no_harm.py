"""Issue 13: plain language that does no harm — the grammar gate, quotations kept, compounds split only where
the lexicon proves it, the author's structure kept, facts kept, the review step."""

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.plain import facts, gate
from accesspub.plain.compounds import split
from accesspub.render import BuildContext
from accesspub.render.plain import render


@pytest.mark.parametrize("original,produced", [
    # real breakages found on unseen releases (issue 13)
    ("Das sollte es dem Senat wert sein, die Demokratie zu stärken und die Verwaltung fit zu machen.",
     ["Das sollte es dem Senat wert sein.", "Diese machen Demokratie zu stärken und die Verwaltung fit zu."]),
    ("Der Gesetzentwurf des Bündnisses sieht das vor.", ["Der Gesetzentwurf vom Bündnisses sieht das vor."]),
    ("Das regelt die Rechte der Bürger neu.", ["Das regelt die Rechte von der Bürger neu."]),
    ("Aufgrund von Verzögerungen muss das Volksbegehren warten.", ["Wegen von Verzögerungen muss das Volksbegehren warten."]),
    ("Sie müssen nicht mehr fragen, sondern können die Daten selbst abrufen.",
     ["Sie müssen nicht mehr fragen.", "Sondern können sie die Daten selbst abrufen."]),
    ("Der Bürger-Entscheid, der das Verfahren regelt, ist neu.", ["Der Bürger-Entscheid ist neu.", "Diese Berlin regelt das Verfahren."]),
    ("Die Vernichtung von Akten im Juni 2012 war ein Skandal.", ["Die Vernichtung war ein Skandal."]),
])
def test_gate_refuses_broken_german(original, produced):
    assert not gate.check(original, produced, "de").ok


@pytest.mark.parametrize("original,produced", [
    ("Trees help by reducing flood risk, moderating temperature, and improving air quality.",
     ["Trees help by reducing flood risk, moderating temperature.", "And improving air quality."]),
    ("We not only invest more money, but are able to offer more help.",
     ["We not only invest more money.", "But are able to offer more help."]),
    ("This money might be used for a variety of projects, including; green spaces.",
     ["This money might be used for a variety of projects, including.", "Green spaces."]),
])
def test_gate_refuses_english_fragments(original, produced):
    assert not gate.check(original, produced, "en").ok


def test_gate_keeps_an_ing_word_only_in_another_form_of_its_verb():
    # HanTa reads "reviewing" here as an adjective, a word the gate makes a split keep
    original = "As well as reviewing progress made in schools, the report sets out new goals for the next year."
    kept = ["The report reviews progress made in schools.", "The report also sets out new goals for the next year."]
    lost = ["The report looks at progress made in schools.", "The report also sets out new goals for the next year."]
    assert gate.check(original, kept, "en").ok
    assert not gate.check(original, lost, "en").ok


def test_gate_excuses_only_the_authors_own_article_error():
    # the author's "eine Bündnis" may stay; a new mismatch elsewhere is the rule's
    original = "Der Verband ist eine Bündnis vieler Vereine und er wird im Mai mit einer Kampagne beginnen."
    assert gate.check(original, ["Der Verband ist eine Bündnis vieler Vereine.",
                                 "Er wird im Mai mit einer Kampagne beginnen."], "de").ok
    assert not gate.check(original, ["Der Verband ist eine Bündnis vieler Vereine.",
                                     "Er wird im Mai mit den Kampagne beginnen."], "de").ok


def test_gate_reads_a_d_word_after_a_comma_as_a_relative_pronoun():
    # "das Kinder" after the comma opens a relative clause: no error the split could hide behind
    original = "Die Gemeinde renoviert im Herbst das alte Museum, das Kinder mögen, und sie baut eine Bücherei."
    assert not gate.check(original, ["Die Gemeinde renoviert im Herbst das alte Museum.",
                                     "Das Kinder mögen, und sie baut eine Bücherei."], "de").ok
    assert gate.check("Wir bauen ein Haus, das Kinder lieben.", ["Wir bauen ein Haus, das Kinder lieben."], "de").ok


def test_gate_passes_a_sound_split():
    original = "Hamburg besitzt seit 2012 ein Transparenzgesetz, das schon vor einigen Jahren geprüft wurde."
    assert gate.check(original, ["Hamburg besitzt seit 2012 ein Transparenzgesetz.",
                                 "Das Transparenzgesetz wurde schon vor einigen Jahren geprüft."], "de").ok


def test_compounds_split_only_where_the_lexicon_proves_it():
    for whole in ("Plattform", "Antragsteller", "Unterschrift", "Durchsetzung", "Unterschriften"):
        assert split(whole, 10) == (whole,)
    assert split("Transparenzgesetz", 10) == ("Transparenz", "Gesetz")


def test_german_dates_in_every_spelling_and_eu_is_not_euro():
    assert facts.missing("Wir beginnen am 03.08. mit der Sammlung.", "Wir beginnen am 3. August.", "de") == []
    assert facts.missing("Wir beginnen am 3.8. mit der Sammlung.", "Wir beginnen am 03. 08. mit der Sammlung.",
                         "de") == []
    assert not [f for f in facts.extract("Das zahlt 1 EU-Land.", "de") if f.kind == "amount"]


RELEASE = """---
title: Neue Regeln für das Bürgeramt
lang: de
date: 2026-05-04
---

Die Stadt hat neue Regeln für das Bürgeramt beschlossen, die ab Juni gelten. Mehr steht auf [der Seite der Stadt](https://example.org/regeln).

## Was sich ändert

- Termine gibt es online.
- Das Amt öffnet schon um 7 Uhr.

| Tag | Öffnung |
|-----|---------|
| Montag | 7 bis 18 Uhr |
| Freitag | 7 bis 12 Uhr |

: Öffnungszeiten ab Juni

„Das sollte eigentlich schon lange so sein, und wir freuen uns darüber“, sagt die Leiterin Eva Lang.

## Kontakt

Pressestelle der Stadt, Telefon 0611 123456, presse@example.org
"""


def _plain_page(src, out):
    """The plain rendition of a source and its page as an lxml tree."""
    rendition = render(load_release(src, Settings()), BuildContext(Settings(), out))
    return rendition, lxml_html.fromstring(rendition.files[0].read_bytes())


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nh")
    src = tmp / "regeln.md"
    src.write_text(RELEASE, encoding="utf-8")
    return _plain_page(src, tmp / "out")


def test_structure_is_kept(page):
    rendition, tree = page
    headings = [h.text_content() for h in tree.xpath("//article//section/*[self::h2 or self::h3]")]
    assert "Was sich ändert" in headings and "Kontakt" in headings
    assert [li.text_content().strip() for li in tree.xpath("//article//ul/li")] == \
        ["Termine gibt es online.", "Das Amt öffnet schon um 7 Uhr."]
    table = tree.xpath("//article//table")[0]
    # a caption where the Markdown dialect has one (pandoc's ": …"), else the line stays as text
    caption = table.xpath("caption")
    assert (caption and caption[0].text_content() == "Öffnungszeiten ab Juni") or \
        "Öffnungszeiten ab Juni" in tree.xpath("//article")[0].text_content()
    assert [c.text_content() for c in table.xpath(".//td")] == ["Montag", "7 bis 18 Uhr", "Freitag", "7 bis 12 Uhr"]
    assert tree.xpath("//article//a[@href='https://example.org/regeln']")
    contact = tree.xpath("//section[contains(@class,'contact')]")[0].text_content()
    assert "presse@example.org" in contact
    assert not [f for f in rendition.findings if f.rule in ("link-missing", "table-value-missing")]


def test_words_inside_a_quotation_stay(page):
    _, tree = page
    quote = tree.xpath("//article//figure[contains(@class,'speech')]")[0]
    assert "Das sollte eigentlich schon lange so sein, und wir freuen uns darüber" in quote.text_content()
    assert quote.xpath("figcaption")[0].text_content() == "Eva Lang sagt:"


def test_a_500_line_blockquote_builds(tmp_path):
    lines = "\n".join(f"> Zeile {n} des langen Zitats mit einem Transparenzgesetz und der Unterschrift"
                      for n in range(500))
    src = tmp_path / "lang.md"
    src.write_text(f"---\ntitle: Ein langes Zitat\nlang: de\n---\n\nVorher steht ein Satz.\n\n{lines}\n",
                   encoding="utf-8")
    rendition = render(load_release(src, Settings()), BuildContext(Settings(), tmp_path / "out"))
    text = rendition.files[0].read_text(encoding="utf-8")
    assert "Zeile 499 des langen Zitats" in text


def test_review_sheet_then_approval(tmp_path, monkeypatch):
    from accesspub.cli import app
    src = tmp_path / "regeln.md"
    src.write_text(RELEASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["review", "regeln", "--sources", str(tmp_path)])
    assert result.exit_code == 0, result.output
    sheet = (tmp_path / "regeln.plain-review.html").read_text(encoding="utf-8")
    rows = lxml_html.fromstring(sheet).xpath("//tbody/tr")
    flags = [r.get("class") for r in rows]
    assert flags == sorted(flags, key=lambda c: c != "review")      # marked sentences first
    assert "Die Stadt hat neue Regeln" in sheet
    assert (tmp_path / "regeln.plain-draft.md").is_file()
    result = runner.invoke(app, ["review", "regeln", "--sources", str(tmp_path), "--approve"])
    assert result.exit_code == 2 and "--by" in result.output
    result = runner.invoke(app, ["review", "regeln", "--sources", str(tmp_path), "--approve", "--by", "Eva Prüf"])
    assert result.exit_code == 0, result.output
    approved = (tmp_path / "regeln.plain.md").read_text(encoding="utf-8")
    assert "approved by Eva Prüf" in approved and "## Was sich ändert" in approved
    rendition = render(load_release(src, Settings()), BuildContext(Settings(), tmp_path / "out"))
    assert rendition.data["source"] == "human" and rendition.data["reviewed"] is True


def test_publish_unreviewed_setting_reaches_the_rendition(tmp_path):
    src = tmp_path / "regeln.md"
    src.write_text(RELEASE, encoding="utf-8")
    settings = Settings()
    settings.plain.publish_unreviewed = False
    rendition = render(load_release(src, settings), BuildContext(settings, tmp_path / "out"))
    assert rendition.data["reviewed"] is False and rendition.data["publish"] is False
    page = rendition.files[0].read_text(encoding="utf-8")
    assert '<meta name="accesspub:plain-review" content="draft">' in page


def test_english_draft_label(tmp_path):
    src = tmp_path / "news.md"
    src.write_text("---\ntitle: New library\nlang: en\n---\n\nThe council opened a new library on Monday, "
                   "which has more than ten thousand books for children and young people.\n", encoding="utf-8")
    _, tree = _plain_page(src, tmp_path / "out")
    assert tree.xpath("//p[@class='kicker']")[0].text_content() == \
        "Draft: simplified by machine, not yet checked by readers"


def _german_page(tmp_path, title: str, body: str):
    """A German release of one body, its plain page as an lxml tree and the page's plain lines."""
    src = tmp_path / "link.md"
    src.write_text(f"---\ntitle: {title}\nlang: de\ndate: 2026-05-04\n---\n\n{body}\n", encoding="utf-8")
    _, tree = _plain_page(src, tmp_path / "out")
    return tree, [x.text_content() for x in tree.xpath("//article//*[starts-with(@id,'p-')]")]


def test_a_sentence_with_a_link_is_simplified_and_keeps_its_link(tmp_path):
    tree, lines = _german_page(
        tmp_path, "Freibad öffnet",
        "Die Stadt öffnet im Mai am Fluss das neue Freibad, das [seit 2024 gebaut](https://example.org/bau)"
        " wurde.\n\nDie Stadt saniert die [alte Halle](https://example.org/halle), die im Winter "
        "geschlossen war und deshalb für den Sport im Viertel fehlte.")
    # split: the link text came out unchanged in the second sentence, which carries the link
    assert "Das Freibad wurde seit 2024 gebaut." in lines
    assert tree.xpath("//a[@href='https://example.org/bau']")[0].text_content() == "seit 2024 gebaut"
    # every link is still a link
    assert tree.xpath("//a[@href='https://example.org/halle']")


def test_a_link_whose_words_a_word_rule_would_change_still_lets_the_sentence_split(tmp_path):
    """The compound rule would write "Wohnungs-Konzerne" inside the link text; the splits alone keep it whole."""
    tree, lines = _german_page(
        tmp_path, "Mieter wehren sich",
        "Im Viertel protestieren viele Mieterinnen und Mieter, weil [große Wohnungskonzerne]"
        "(https://example.org/k) dort seit dem letzten Jahr ganze Häuser kaufen.")
    assert "Im Viertel protestieren viele Mieterinnen und Mieter." in lines
    assert tree.xpath("//a[@href='https://example.org/k']")[0].text_content() == "große Wohnungskonzerne"


def test_a_link_around_a_clause_a_rule_reorders_spans_the_sentence_that_says_it(tmp_path):
    """"dass <a>Familien sich … wehren</a>" → "Familien wehren sich …": the link text is no longer in the
    text as written, so the link spans the one sentence that holds all of its words; a short link whose word a
    rule changed keeps the old way (the sentence is split by the splitting rules alone, or stays)."""
    tree, lines = _german_page(
        tmp_path, "Mieten",
        "Es ist also kein Wunder, dass [viele Familien sich gegen die hohen Mieten in den neuen "
        "Wohnungen wehren](https://example.org/m).")
    assert lines[:2] == ["Es ist also kein Wunder:",
                         "Viele Familien wehren sich gegen die hohen Mieten in den neuen Wohnungen."]
    links = tree.xpath("//a[@href='https://example.org/m']")
    assert [a.text_content() for a in links] == \
        ["Viele Familien wehren sich gegen die hohen Mieten in den neuen Wohnungen"]


def test_a_link_around_a_clause_whose_opening_word_a_rule_drops_spans_the_new_sentence(tmp_path):
    """", [wie auch der Mieterverein beklagt]" → "Das beklagt auch der Mieterverein.": the "wie" is gone, every other
    word of the link is in the new sentence, which the link then spans; the sentence is split."""
    tree, lines = _german_page(
        tmp_path, "Mieten",
        "Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne, [wie auch der Mieterverein "
        "beklagt](https://example.org/v).")
    assert lines[:2] == ["Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne.",
                         "Das beklagt auch der Mieterverein."]
    assert [a.text_content() for a in tree.xpath("//a[@href='https://example.org/v']")] == \
        ["Das beklagt auch der Mieterverein"]


def test_a_link_around_only_the_start_of_a_clause_whose_opening_word_a_rule_drops_keeps_the_sentence_whole(
        tmp_path):
    """The new sentence says much more than the link ("… über die Lage in allen Vierteln"): a link over all of
    it would point from words it never covered, so the sentence stays as written, its link as it was."""
    tree, lines = _german_page(
        tmp_path, "Mieten",
        "Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne, [wie der Mieterverein in seinem "
        "neuen Bericht](https://example.org/v) über die Lage in allen Vierteln beklagt.")
    assert lines[0].startswith("Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne, wie")
    assert [a.text_content() for a in tree.xpath("//a[@href='https://example.org/v']")] == \
        ["wie der Mieterverein in seinem neuen Bericht"]


def test_a_link_that_is_only_part_of_a_reordered_clause_keeps_the_sentence_whole(tmp_path):
    tree, _ = _german_page(
        tmp_path, "Mieten",
        "Es ist also kein Wunder, dass viele Familien sich gegen die [hohen Mieten in den neuen "
        "Wohnungen wehren](https://example.org/m) und dabei auf die Hilfe der Stadt hoffen.")
    assert [a.text_content() for a in tree.xpath("//a[@href='https://example.org/m']")] == \
        ["hohen Mieten in den neuen Wohnungen wehren"]


def test_a_figure_without_an_image_keeps_its_blocks_and_caption():
    """A figure that holds no image (an embed, a text box) is no quotation: its paragraphs and its caption are
    plain lines where the figure stood, nothing is dropped."""
    import panflute as pf

    from accesspub.plain.document import Builder
    from accesspub.plain.rules import Chain, RuleContext

    def para(text, cls=pf.Para):
        words = text.split()
        return cls(*[x for w in words for x in (pf.Str(w), pf.Space())][:-1])
    figure = pf.Figure(para("The film shows the new park by the river."),
                       caption=pf.Caption(para("A film about the park.", pf.Plain)))
    doc = pf.Doc(para("The park opens in May."), figure, para("Entry is free."))
    built = Builder(RuleContext(lang="en"), Chain()).build(doc, "Park", "plain")
    lines = [line.text for s in built.sections for b in s.blocks for line in b.all_lines()]
    assert lines == ["The park opens in May.", "The film shows the new park by the river.",
                     "A film about the park.", "Entry is free."]
