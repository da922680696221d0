"""The spoken script of real-world sentences: units, addresses, dateline, tables and the pronunciation lexicon.

Read from ingested releases (not the sample); where an engine's reading matters, espeak-ng's own phonemes are
compared, so a respelling that the engine would still misread fails here.
"""

from __future__ import annotations

import ctypes

import pytest

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.audio import render
from accesspub.tts import script as speech_script

HEAT = """---
title: Hitzeschutz in Kitas wird ausgebaut
date: 2025-06-02
place: Wiesbaden
lang: de
contact: "Pressestelle · Tel. 0611 3219-3412 · presse@example.org"
---

**Wiesbaden.** Das Land stellt für den Hitzeschutz in Kitas ca. 2,3 Mio. € bereit. Jede Kita erhält einen
Wasserspender mit 200 l Vorrat.

Der NVV fährt Kinder ab Eschwege in 60 Min. zum Freibad. Die LEA in Gießen meldet ein Plus von 12 %.
Der ÖPNV fördert das Projekt.

Alle Informationen gibt es unter https://www.example.org/hitzeschutz/. Fragen per E-Mail an presse@example.org.

| Landkreis | Kitas |
|---|---|
| Werra-Meißner | 42 |
| Kassel | 118 |

Table: Kitas nach Landkreisen
"""


def _script(tmp_path, text: str, pronunciation: str | None = None, name: str = "2025-06-02-hitze.md"):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    if pronunciation is not None:
        (tmp_path / "pronunciation.yaml").write_text(pronunciation, encoding="utf-8")
    release = load_release(source, Settings())
    return release, {c.id: c for c in speech_script.build(release).cues}


def _said(cues) -> str:
    return " | ".join(c.spoken for c in cues.values())


def phonemes(text: str, voice: str) -> str:
    """espeak-ng's phonemes (IPA) of a text, as the engine would speak it."""
    from accesspub.tts import espeak
    lib, _ = espeak._library()
    with espeak._lock:
        lib.espeak_SetVoiceByName(voice.encode())
        espeak._state["voice"] = None
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
        buf = ctypes.c_char_p(text.encode() + b"\0")
        out = []
        while buf.value:
            said = lib.espeak_TextToPhonemes(ctypes.pointer(buf), 1, 0x02)
            if said:
                out.append(said.decode())
    return " ".join(out)


def test_units_abbreviations_and_addresses_are_said_in_words(tmp_path):
    _, cues = _script(tmp_path, HEAT)
    said = _said(cues)
    for words in ("circa zwei Komma drei Millionen Euro", "zweihundert Liter Vorrat", "in sechzig Minuten",
                  "zwölf Prozent", "unter example Punkt org Schrägstrich hitzeschutz.", "an presse ät example Punkt org."):
        assert words in said, words
    assert " l " not in said and "Min." not in said and "https" not in said and "www" not in said


def test_dateline_once_in_the_nominative_and_the_place_not_twice(tmp_path):
    _, cues = _script(tmp_path, HEAT)
    assert cues["dateline"].spoken == "zweiter Juni zweitausendfünfundzwanzig"
    assert cues["dateline"].text == "2. Juni 2025", "the caption shows what is said"
    assert _said(cues).count("Wiesbaden") == 1, "the lead location names the place; the dateline does not repeat it"


def test_dateline_keeps_a_place_the_lead_does_not_name(tmp_path):
    _, cues = _script(tmp_path, HEAT.replace("**Wiesbaden.** ", "**Eschwege.** "))
    assert cues["dateline"].spoken == "Wiesbaden, zweiter Juni zweitausendfünfundzwanzig"


@pytest.mark.parametrize("lead, date", [
    ("Berlin, 05.09.2022 – Die Stadt öffnet drei neue Bürgerämter.", "fünften September zweitausendzweiundzwanzig"),
    ("Berlin (5. September 2022). Die Stadt öffnet drei neue Bürgerämter.", "fünften September"),
])
def test_a_lead_that_opens_with_place_and_date_says_them_and_the_header_does_not(tmp_path, lead, date):
    text = f"Neue Bürgerämter in Berlin\n\n{lead}\n\nDie Ämter öffnen um acht Uhr.\n"
    release, cues = _script(tmp_path, text, name="buergeraemter.txt")
    assert release.meta.date is not None and release.meta.date.isoformat() == "2022-09-05"
    said = _said(cues)
    assert "dateline" not in cues and said.count("September") == 1 and said.count("Berlin") == 2, said
    assert date in said


def test_a_lead_with_another_date_keeps_the_dateline(tmp_path):
    text = HEAT.replace("**Wiesbaden.** Das Land", "Wiesbaden, 1. Juni 2025 – Das Land")
    _, cues = _script(tmp_path, text)
    assert cues["dateline"].spoken.endswith("zweiter Juni zweitausendfünfundzwanzig")


def test_table_is_announced_by_its_caption_and_read_row_by_row_with_headings(tmp_path):
    _, cues = _script(tmp_path, HEAT)
    said = [c.spoken for c in cues.values()]
    start = said.index("Tabelle: Kitas nach Landkreisen")
    assert said[start + 1:start + 5] == ["Landkreis: Werra-Meißner", "Kitas: zweiundvierzig",
                                         "Landkreis: Kassel", "Kitas: einhundertachtzehn"]
    assert "Landkreis" not in said and "Kitas" not in said, "the heading row is not read on its own"


def test_contact_separators_are_pauses(tmp_path):
    _, cues = _script(tmp_path, HEAT)
    last = list(cues.values())[-1].spoken
    assert "·" not in last and last.startswith("Pressestelle, Telefon null sechs eins eins")


def test_shipped_lexicon_spells_what_espeak_misreads(tmp_path):
    _, cues = _script(tmp_path, HEAT)
    said = next(c.spoken for c in cues.values() if "fördert das Projekt" in c.spoken)
    assert said == "Der Ö-P-N-V fördert das Projekt."
    assert "œpnf" in phonemes("Der ÖPNV fördert", "de"), "espeak-ng reads ÖPNV as a word (why the entry exists)"
    assert "œpnf" not in phonemes(said, "de") and "pˈeː" in phonemes(said, "de")


def test_publisher_lexicon_spells_reads_and_respells(tmp_path):
    lexicon = "de:\n  NVV: spell\n  LEA: word\n  Eschwege: Eschweege\nen:\n  NVV: never used in German\n"
    _, cues = _script(tmp_path, HEAT, lexicon)
    said = _said(cues)
    assert "Der N-V-V fährt Kinder ab Eschweege" in said and "Die Lea in Gießen" in said
    assert "ˈɛnfˈaʊfˈaʊ" in phonemes("Der N-V-V fährt", "de")


def test_publisher_lexicon_for_every_language_and_english_spelling(tmp_path):
    text = ("---\ntitle: Charity report\ndate: 2025-06-02\nlang: en\n---\n\n"
            "The NGO and the NHS published the WCAG report. The route is 5 km long.\n")
    _, cues = _script(tmp_path, text, "NHS: spell\n", name="report.md")
    said = _said(cues)
    assert "The NGO and the N.H.S published the W.C.A.G report." in said and "five kilometres" in said
    assert "kˈaɡ" in phonemes("the WCAG report", "en"), "espeak-ng reads WCAG as a word (why the entry exists)"
    assert "ɐ" not in phonemes("the W.C.A.G report", "en"), "a lone 'A' would be the article; dots keep it a letter"


def test_captions_keep_the_written_text(tmp_path):
    release, cues = _script(tmp_path, HEAT, "NVV: spell\n")
    written = dict(release.sentences())
    cue = next(c for c in cues.values() if "N-V-V" in c.spoken)
    assert "NVV" in cue.text and cue.text == written[cue.id]


@pytest.mark.parametrize("content, place", [
    ("NVV: [spell]\n", "entry 'NVV'"),
    ("NVV: spell\n  LEA: word\n", "2:"),
    ("- NVV\n", "mapping"),
])
def test_broken_publisher_lexicon_is_one_finding_naming_the_file(tmp_path, content, place):
    source = tmp_path / "hitze.md"
    source.write_text(HEAT, encoding="utf-8")
    (tmp_path / "pronunciation.yaml").write_text(content, encoding="utf-8")
    release = load_release(source, Settings())
    rendition = render(release, BuildContext(Settings(), tmp_path / "out"))
    assert [f.rule for f in rendition.findings] == ["pronunciation-invalid"]
    message = rendition.findings[0].message
    assert "pronunciation.yaml" in message and place in message and "fix:" in message
    assert rendition.files == []


def test_co2_is_said_letter_by_letter_with_its_number(tmp_path):
    text = HEAT.replace("Die EU fördert das Projekt.", "").replace("mit 200 l Vorrat.", "mit 200 l Vorrat. Das spart 2 t CO₂.")
    _, cues = _script(tmp_path, text)
    said = next(c.spoken for c in cues.values() if "spart" in c.spoken)
    assert said == "Das spart zwei Tonnen C-O-zwei."
    assert "tsˈeː" in phonemes(said, "de"), "C as its letter name, not 'k'"


def test_a_paragraph_with_nothing_to_say_is_no_cue_and_every_caption_has_a_length(tmp_path):
    """A lone bullet glyph (pasted from a PDF) or dash is a 'sentence' of no speech: no cue of zero length."""
    from accesspub.checks.audio import check_file
    text = HEAT.replace("Der NVV fährt", "•\n\n\uf0d8\n\n–\n\nDer NVV fährt")
    release, cues = _script(tmp_path, text)
    assert all(any(ch.isalnum() for ch in c.spoken) for c in cues.values())
    assert not any(c.text.strip() in ("•", "\uf0d8", "–") for c in cues.values())
    rendition = render(release, BuildContext(Settings(), tmp_path / "out"))
    mp3 = next(f for f in rendition.files if f.suffix == ".mp3")
    timings = rendition.data["timings"]
    assert timings and all(t["end"] > t["start"] for t in timings)
    assert [f.rule for f in check_file(release.slug, mp3) if f.rule.startswith("captions")] == []
