"""The audio rendition of the sample with real espeak-ng speech, measured as a listener gets it."""

from __future__ import annotations

import shutil

import numpy as np
import pyloudnorm
import pytest
import soundfile as sf
from mutagen.id3 import ID3

from accesspub.checks.audio import check, read_vtt, true_peak
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.audio import render
from accesspub.tts import mp3, script as speech_script, signal

ENGLISH = """---
title: Library opens a reading room
date: 2025-03-14
place: Springfield
lang: en
contact: "Press office, Jane Roe, Tel. 0611 3219-3412, press@example.org"
---

**Springfield.** The city library opens a reading room on 1 April. It cost £1.5m.

## What the room offers

The room has 40 seats. It offers:

1. large-print books,
2. audio books.

| Day | Opens |
|-----|-------|
| Monday | 9:00 |

## Who paid

The council paid 60% of it, e.g. the furniture.
"""


@pytest.fixture(scope="module")
def sample(sample_path, tmp_path_factory):
    """The sample release rendered once: (release, context, rendition)."""
    release = load_release(sample_path, Settings())
    ctx = BuildContext(Settings(), tmp_path_factory.mktemp("audio"))
    return release, ctx, render(release, ctx)


@pytest.fixture(scope="module")
def decoded(sample):
    samples, rate = sf.read(str(sample[2].files[0]), dtype="float32")
    return samples, rate


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    folder = tmp_path_factory.mktemp("english")
    source = folder / "reading-room.md"
    source.write_text(ENGLISH, encoding="utf-8")
    from PIL import Image
    Image.new("RGB", (64, 64), (0, 70, 140)).save(folder / "logo.png")
    settings = Settings(publisher={"name": "City of Springfield", "logo": "logo.png"}, root=folder)
    release = load_release(source, settings)
    ctx = BuildContext(settings, folder / "out")
    return release, ctx, render(release, ctx)


def test_files_and_no_findings(sample):
    release, ctx, rendition = sample
    assert rendition.findings == []
    names = [p.name for p in rendition.files]
    assert names == [f"{release.slug}.mp3", f"{release.slug}.vtt", f"{release.slug}.chapters.json"]
    assert not list(rendition.files[0].parent.glob(".*.part")), "atomic writes leave no temporary files"


def test_mp3_is_cbr_mono_at_the_voice_rate(sample):
    """espeak-ng speaks at 22.05 kHz: the MP3 keeps that rate (MPEG-2), nothing is resampled."""
    from mutagen.mp3 import MP3, BitrateMode
    info = MP3(sample[2].files[0]).info
    assert (info.sample_rate, info.channels, info.bitrate) == (22050, 1, 64000)
    assert info.bitrate_mode in (BitrateMode.CBR, BitrateMode.UNKNOWN)


def test_loudness_of_the_decoded_mp3(decoded):
    samples, rate = decoded
    level = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert -17.0 <= level <= -15.0, level
    assert true_peak(samples) <= -1.0


def test_one_chapter_per_section(sample):
    release, _, rendition = sample
    chapters = ID3(rendition.files[0]).getall("CHAP")
    titles = [c.sub_frames.getall("TIT2")[0].text[0] for c in sorted(chapters, key=lambda c: c.start_time)]
    # header, lead, body: the sample has no h2 and no contact block
    assert titles == [release.meta.title, "Einleitung", "Mitteilung"]
    assert [c["title"] for c in rendition.data["chapters"]] == titles
    assert len(ID3(rendition.files[0]).getall("CTOC")) == 1


def test_id3_tags(sample):
    release, ctx, rendition = sample
    id3 = ID3(rendition.files[0])
    assert str(id3["TIT2"]) == release.meta.title
    assert str(id3["TPE1"]) == ctx.settings.publisher.name
    assert str(id3["TLAN"]) == "deu"
    assert str(id3["TDRC"]) == "2017-10-27"
    assert id3.getall("WOAS")[0].url == ctx.settings.site.url + release.slug + "/"


def test_captions_cover_the_audio_and_keep_the_written_text(sample, decoded):
    release, _, rendition = sample
    samples, rate = decoded
    cues = read_vtt(rendition.files[1])
    duration = len(samples) / rate
    assert abs(duration - cues[-1][2]) <= 1.0
    assert [c[0] for c in cues[:3]] == ["headline", "subtitle", "dateline"]
    assert [c[0] for c in cues[3:]] == [sid for sid, _ in release.sentences()]
    text = {c[0]: c[3] for c in cues}
    assert text["dateline"] == "Wiesbaden, 27. Oktober 2017"
    assert "knapp 9 Mio. €" in text["s-4"]
    starts = [c[1] for c in cues]
    assert starts == sorted(starts) and all(c[2] > c[1] for c in cues)


def test_timings_match_the_captions(sample):
    rendition = sample[2]
    cues = read_vtt(rendition.files[1])
    timings = rendition.data["timings"]
    assert [t["id"] for t in timings] == [c[0] for c in cues]
    assert all(abs(t["start"] - c[1]) < 0.002 and abs(t["end"] - c[2]) < 0.002 for t, c in zip(timings, cues))


def test_speech_script_says_dates_and_amounts_in_words(sample):
    script = speech_script.build(sample[0])
    spoken = " ".join(c.spoken for c in script.cues)
    assert "siebenundzwanzigster Oktober" in spoken, "the dateline's day stands alone: nominative"
    assert "neun Millionen Euro" in spoken
    assert "beziehungsweise" in spoken
    assert not any(ch.isdigit() for ch in spoken)


def test_quotations_are_announced(sample):
    spoken = {c.id: c.spoken for c in speech_script.build(sample[0]).cues}
    assert spoken["s-2"].count("Zitat:") == 1 and "Zitat Ende" in spoken["s-5"]
    assert spoken["s-12"].startswith("Zitat:") and spoken["s-14"].endswith("Zitat Ende")
    assert "Zitat" not in spoken["s-20"], "short quoted words are just read"


def test_check_passes_on_the_sample(sample):
    release, ctx, rendition = sample
    findings = check([(release.slug, rendition.files[0])], ctx.settings)[release.slug]
    assert [f for f in findings if f.severity != "info"] == []
    assert any(f.rule == "measured" and "LUFS" in f.message for f in findings)


def test_check_finds_quiet_audio_and_missing_captions(sample, decoded, tmp_path):
    release, ctx, rendition = sample
    samples, rate = decoded
    quiet = tmp_path / "quiet.mp3"
    quiet.write_bytes(mp3.encode(samples * 0.25, 64))
    findings = check([("quiet", quiet)], ctx.settings)["quiet"]
    rules = {f.rule for f in findings if f.severity == "error"}
    assert {"loudness", "captions-missing", "id3-missing"} <= rules
    shutil.copy(rendition.files[1], tmp_path / "quiet.vtt")
    findings = check([("quiet", quiet)], ctx.settings)["quiet"]
    assert "captions-missing" not in {f.rule for f in findings}


def test_engine_is_created_once_per_build(sample):
    release, ctx, _ = sample
    engine = ctx.services["tts:espeak:de"]
    render(release, ctx)
    assert ctx.services["tts:espeak:de"] is engine


def test_english_release_with_sections_lists_tables_and_contact(english):
    release, ctx, rendition = english
    assert rendition.findings == []
    titles = [c["title"] for c in rendition.data["chapters"]]
    assert titles == [release.meta.title, "Introduction", "What the room offers", "Who paid", "Contact"]
    spoken = {c.id: c.spoken for c in speech_script.build(release).cues}
    text = " ".join(spoken.values())
    assert "the first of April" in text and "one point five million pounds" in text
    assert "Item one: large-print books" in text and "Opens: nine o'clock" in text and "sixty percent" in text
    last = list(spoken.values())[-1]
    assert "zero six one one" in last, "the contact block is read last, its phone number digit by digit"
    findings = check([(release.slug, rendition.files[0])], ctx.settings)[release.slug]
    assert [f for f in findings if f.severity == "error"] == []


def test_cover_art_and_publisher_from_settings(english):
    _, _, rendition = english
    id3 = ID3(rendition.files[0])
    assert str(id3["TPE1"]) == "City of Springfield" and str(id3["TLAN"]) == "eng"
    cover = id3.getall("APIC")[0]
    assert cover.mime == "image/png" and cover.data.startswith(b"\x89PNG")


def test_cover_that_id3_cannot_hold_is_a_warning(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    source = tmp_path / "short.md"
    source.write_text("---\ntitle: Short\nlang: en\n---\n\nOne sentence only.\n", encoding="utf-8")
    settings = Settings(publisher={"logo": "logo.svg"}, root=tmp_path)
    rendition = render(load_release(source, settings), BuildContext(settings, tmp_path / "out"))
    assert [(f.rule, f.severity) for f in rendition.findings] == [("cover", "warning")]
    assert not ID3(rendition.files[0]).getall("APIC")


def test_loudness_meter_agrees_with_pyloudnorm(decoded):
    samples, rate = decoded
    ours = signal.loudness(samples, rate)
    reference = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert abs(ours - reference) < 0.01


def test_limiter_holds_the_ceiling_on_loud_speech(decoded):
    samples, rate = decoded
    loud = samples[: rate * 20] * 10 ** (6 / 20)
    assert signal.true_peak_db(loud) > 0
    limited = signal.limit(loud, rate, -1.0)
    assert signal.true_peak_db(limited) <= -1.0 + 1e-3
    assert signal.loudness(limited, rate) > signal.loudness(samples[: rate * 20], rate) + 2, "the limiter only shaves peaks"
