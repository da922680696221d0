"""Audio rendition: speech script → TTS per sentence → −16 LUFS / −1 dBTP → MP3 (ID3 chapters) + VTT + chapters JSON."""

from __future__ import annotations

from pathlib import Path

from .. import atomic
from ..findings import Finding
from ..language.lexicon import ui
from ..language.pronunciation import PronunciationError
from ..model import Release
from ..tts import EngineUnavailable, SynthesisFailed, engine_for
from ..tts import captions, mp3, script as speech_script
from ..tts.signal import master, resample
from ..tts.timeline import synthesise
from . import BuildContext, Rendition

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
# MP3 encoding raises true peaks: up to 1.13 dB was measured on 100 benchmark releases at 64 kbit/s
CODEC_MARGIN_DB = 1.5


def _finding(rule: str, severity: str, message: str, location: str, rendition: str = "audio") -> Finding:
    return Finding("tts", rendition, rule, severity, message, location)


def _tags(release: Release, ctx: BuildContext, title: str) -> mp3.Tags:
    s = ctx.settings
    cover = None
    if s.publisher.logo:
        cover = Path(s.publisher.logo)
        cover = cover if cover.is_absolute() else s.root / cover
    return mp3.Tags(
        title=title,
        artist=ctx.publisher(release),
        date=release.meta.date.isoformat() if release.meta.date else None,
        lang=release.lang,
        url=ctx.public_url(release.slug),
        album=s.site.title or s.publisher.name,
        cover=cover,
        subtitle=release.meta.subtitle,
        summary=release.meta.summary,
    )


def render(release: Release, ctx: BuildContext) -> Rendition:
    """Write OUT/<slug>/<slug>.mp3, .vtt and .chapters.json; timings, duration and chapters go into `data`."""
    try:
        script = speech_script.build(release)
    except PronunciationError as exc:
        rendition = Rendition("audio")
        rendition.findings.append(_finding("pronunciation-invalid", "error", str(exc),
                                           exc.file or f"{release.slug}.mp3"))
        return rendition
    return speak(release, ctx, script, ctx.release_dir(release) / release.slug, "audio", release.meta.title)


def speak(release: Release, ctx: BuildContext, script, base: Path, name: str, title: str) -> Rendition:
    """A speech script → base.mp3 (ID3 tags and chapters), base.vtt and base.chapters.json, as rendition `name`."""
    mp3_path, vtt_path, chapters_path = (Path(f"{base}.mp3"), Path(f"{base}.vtt"), Path(f"{base}.chapters.json"))
    rendition = Rendition(name)
    location = mp3_path.name
    try:
        engine = engine_for(ctx.settings, release.lang, ctx.services)
    except EngineUnavailable as exc:
        rendition.findings.append(_finding("tool-missing", "error", str(exc), location, name))
        return rendition
    if not script.cues:
        rendition.findings.append(_finding("no-text", "error", "the release has no text to speak", location, name))
        return rendition
    if engine.name == "gtts":
        rendition.findings.append(_finding("text-left-machine", "info",
                                           "the release text was sent to Google Translate's speech service "
                                           "(gTTS, online engine chosen in accesspub.toml)", location, name))
    try:
        speech = synthesise(script, engine)
    except SynthesisFailed as exc:
        rendition.findings.append(_finding("synthesis-failed", "error",
                                           f"{engine.name}: {exc}; no audio was written", location, name))
        return rendition

    mastered = master(speech.samples, speech.rate, TARGET_LUFS, CEILING_DBTP, margin=CODEC_MARGIN_DB)
    bitrate = ctx.settings.audio.bitrate
    rate = mp3.rate_for(speech.rate, bitrate)
    data = mp3.encode(resample(mastered.samples, speech.rate, rate), bitrate, rate)
    with atomic.replacing(mp3_path) as tmp:
        tmp.write_bytes(data)
        problems = mp3.write_tags(tmp, _tags(release, ctx, title), speech.chapters, ui(release.lang, "chapters"))
    rendition.findings += [_finding("cover", "warning", p, location, name) for p in problems]
    atomic.write_text(vtt_path, captions.vtt(speech.timings, release.lang))
    atomic.write_text(chapters_path, captions.chapters_json(speech.chapters, title))

    rendition.files = [mp3_path, vtt_path, chapters_path]
    rendition.data = {
        "timings": [t.to_dict() for t in speech.timings],
        "duration": round(speech.duration, 3),
        "chapters": [c.to_dict() for c in speech.chapters],
        "engine": engine.name,
        "loudness": round(float(mastered.loudness), 2),
        "true_peak": round(float(mastered.true_peak), 2),
    }
    return rendition
