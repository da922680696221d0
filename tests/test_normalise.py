"""Text normalisation for speech: what espeak-ng misreads as written is said in words (de, en)."""

from __future__ import annotations

import pytest

from accesspub.language.normalise import normalise

GERMAN = [
    ("Wiesbaden, 27. Oktober 2017", "Wiesbaden, siebenundzwanzigsten Oktober zweitausendsiebzehn"),
    ("ein Gesamtvolumen von knapp 9 Mio. €.", "ein Gesamtvolumen von knapp neun Millionen Euro."),
    ("Es kostet 2,5 Mrd. Euro.", "Es kostet zwei Komma fünf Milliarden Euro."),
    ("Das sind 1 Mio. € und 1 €.", "Das sind eine Million Euro und ein Euro."),
    ("Der Eintritt kostet 12,50 €.", "Der Eintritt kostet zwölf Euro fünfzig."),
    ("Muslime bzw. Menschen", "Muslime beziehungsweise Menschen"),
    ("Schulen, z. B. in Kassel, u. a. in Fulda", "Schulen, zum Beispiel in Kassel, unter anderem in Fulda"),
    ("Beginn um 14:30 Uhr.", "Beginn um vierzehn Uhr dreißig."),
    ("Beginn um 9.05 Uhr.", "Beginn um neun Uhr fünf."),
    ("Sprechstunde 10–12 Uhr.", "Sprechstunde zehn bis zwölf Uhr."),
    ("geöffnet 9:30–11:00 Uhr", "geöffnet neun Uhr dreißig bis elf Uhr"),
    ("Die Quote stieg um 5 % auf 12,5 Prozent.", "Die Quote stieg um fünf Prozent auf zwölf Komma fünf Prozent."),
    ("Nach § 5 Abs. 2 und §§ 7–9", "Nach Paragraf fünf Absatz zwei und Paragrafen sieben bis neun"),
    ("am 3.10.2017", "am dritten Oktober zweitausendsiebzehn"),
    ("vom 27.–29. Oktober", "vom siebenundzwanzigsten bis neunundzwanzigsten Oktober"),
    ("der 3. Platz und zum 1. Mal", "der dritte Platz und zum ersten Mal"),
    ("33 Stellen seit 2014, 1998 und 1.500 Menschen",
     "dreiunddreißig Stellen seit zweitausendvierzehn, neunzehnhundertachtundneunzig und eintausendfünfhundert Menschen"),
    ("von 2017–2019", "von zweitausendsiebzehn bis zweitausendneunzehn"),
    ("Tel. 0611 3219-3412", "Telefon null sechs eins eins, drei zwei eins neun, drei vier eins zwei"),
    ("Telefon: +49 611 3219", "Telefon: plus vier neun, sechs eins eins, drei zwei eins neun"),
    ("presse@hsm.hessen.de", "presse ät hsm Punkt hessen Punkt de"),
    # units after numbers, with the form of "1" the unit's gender asks for
    ("Jede Kita erhält 200 l Wasser.", "Jede Kita erhält zweihundert Liter Wasser."),
    ("Die Fahrt dauert 60 Min.", "Die Fahrt dauert sechzig Minuten."),
    ("1 Min., 1 l und 1,5 t", "eine Minute, ein Liter und eins Komma fünf Tonnen"),
    ("ca. 42 km weit, 12 kg, 30 km/h", "circa zweiundvierzig Kilometer weit, zwölf Kilogramm, dreißig Kilometer pro Stunde"),
    ("Anträge mit Nr. 12 und 2 Std. Wartezeit", "Anträge mit Nummer zwölf und zwei Stunden Wartezeit"),
    ("Das geschieht 5 mal am Tag.", "Das geschieht fünf mal am Tag."),
    # addresses as people say them: no scheme, no "www.", the sentence's full stop not read as "Punkt"
    ("Infos unter https://www.example.org/hitzeschutz/.", "Infos unter example Punkt org Schrägstrich hitzeschutz."),
    ("Siehe www.werra-meissner.de/kita_info.",
     "Siehe werra Bindestrich meissner Punkt de Schrägstrich kita Unterstrich info."),
    ("Fragen an presse@example.org.", "Fragen an presse ät example Punkt org."),
    # short weekdays in a range or before a date; a lone "Fr." (Frau?) is left as written
    ("Sprechzeiten Mo.–Fr. 8–16 Uhr.", "Sprechzeiten Montag bis Freitag acht bis sechzehn Uhr."),
    ("am Mi., 4.6., um 10 Uhr", "am Mittwoch, vierten Juni, um zehn Uhr"),
    ("Fr. Müller kommt.", "Fr. Müller kommt."),
    ("Klose – wie immer – sagte", "Klose, wie immer, sagte"),
]

ENGLISH = [
    ("London, 27 October 2017", "London, the twenty-seventh of October twenty seventeen"),
    ("On October 27, 2017 it opened.", "On October twenty-seventh, twenty seventeen it opened."),
    ("It costs £9m, about €1.5bn.", "It costs nine million pounds, about one point five billion euros."),
    ("Tickets are $12.50 or $1.", "Tickets are twelve dollars fifty or one dollar."),
    ("books, e.g. novels, i.e. fiction, etc.", "books, for example novels, that is fiction, et cetera."),
    ("A 100 m sprint, 5 km and 12 min.", "A one hundred metres sprint, five kilometres and twelve minutes."),
    ("It costs £9m and holds 1 l.", "It costs nine million pounds and holds one litre."),
    ("Open Mon–Fri, 9–5.", "Open Monday to Friday, nine to five."),
    ("Write to press@example.org or see https://www.example.org/heat.",
     "Write to press at example dot org or see example dot org slash heat."),
    ("Doors open at 2:30 pm.", "Doors open at two thirty p m."),
    ("Open 10–12 am.", "Open ten to twelve a m."),
    ("Up 5% from 1,000 to 1,500.", "Up five percent from one thousand to one thousand five hundred."),
    ("The 1st and the 23rd visitor", "The first and the twenty-third visitor"),
    ("Under § 5 of the act", "Under section five of the act"),
    ("from 2017–2019", "from twenty seventeen to twenty nineteen"),
]


@pytest.mark.parametrize("written, spoken", GERMAN)
def test_german(written, spoken):
    assert normalise(written, "de") == spoken


@pytest.mark.parametrize("written, spoken", ENGLISH)
def test_english(written, spoken):
    assert normalise(written, "en") == spoken


def test_text_without_numbers_or_abbreviations_is_unchanged():
    text = "Genau hier setze das Landesprogramm WIR an."
    assert normalise(text, "de") == text


def test_no_digit_survives_in_a_sentence_of_the_sample():
    sentence = ("Mittlerweile umfasst es ein Gesamtvolumen von knapp 9 Mio. € – mit 33 Stellen, "
                "am 27. Oktober 2017 um 14:30 Uhr, 10–12 Uhr, 5 % und § 5.")
    spoken = normalise(sentence, "de")
    assert not any(ch.isdigit() for ch in spoken), spoken
    assert "€" not in spoken and "%" not in spoken and "§" not in spoken
