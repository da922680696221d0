"""MP3 (constant bit rate, mono, via lameenc) and its ID3v2 tags: text frames, cover, CHAP + CTOC chapters."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..language.registry import language_for
from .timeline import Chapter

RATE = 44100
QUALITY = 7          # LAME "fast" algorithm: ~400× real time on one core; speech at 64 kbps CBR stays clean
HALF_RATES = (16000, 22050, 24000)      # MPEG-2 sample rates: up to 160 kbps
FULL_RATES = (32000, 44100, 48000)      # MPEG-1


def rate_for(engine_rate: int, bitrate: int) -> int:
    """The MP3's sample rate: the engine's own where MP3 has it — a 22.05 kHz voice holds nothing above 11 kHz,
    so resampling it to 44.1 kHz would only double the work of encoding, decoding and measuring — else 44.1 kHz."""
    if engine_rate in FULL_RATES or (engine_rate in HALF_RATES and bitrate <= 160):
        return engine_rate
    return RATE


def _encoder(bitrate: int, rate: int):
    import lameenc
    enc = lameenc.Encoder()
    enc.set_bit_rate(bitrate)
    enc.set_in_sample_rate(rate)
    enc.set_channels(1)
    enc.set_quality(QUALITY)
    return enc


def _pcm(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 32767 / 32768) * 32768).astype("<i2").tobytes()


@lru_cache(maxsize=8)
def codec_gain(bitrate: int, rate: int = RATE) -> float:
    """How much LAME scales the level at this bit rate and sample rate (0.95 at 64 kbps), measured once on a tone."""
    import soundfile as sf
    t = np.arange(rate) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    enc = _encoder(bitrate, rate)
    data = enc.encode(_pcm(tone)) + enc.flush()
    decoded, _ = sf.read(io.BytesIO(data), dtype="float32")
    middle = slice(rate // 4, 3 * rate // 4)
    return float(np.sqrt(np.mean(decoded[middle] ** 2)) / np.sqrt(np.mean(tone[middle] ** 2)))


def encode(samples: np.ndarray, bitrate: int, rate: int = RATE) -> bytes:
    """Mono samples at `rate` (one of rate_for's) → CBR MP3 bytes; LAME's own scaling is undone so the level
    stays as mastered."""
    enc = _encoder(bitrate, rate)
    return bytes(enc.encode(_pcm(samples / codec_gain(bitrate, rate))) + enc.flush())


@dataclass
class Tags:
    title: str
    artist: str
    date: str | None
    lang: str
    url: str | None
    album: str | None = None
    cover: Path | None = None
    subtitle: str | None = None
    summary: str | None = None


def _mime(path: Path) -> str | None:
    return {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(path.suffix.lower())


def write_tags(path: Path, tags: Tags, chapters: list[Chapter], toc_title: str) -> list[str]:
    """Write ID3v2.4 tags into the MP3 at `path`; returns problems worth a finding (e.g. a cover that cannot go in)."""
    from mutagen.id3 import (APIC, CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TIT3, TLAN, TPE1, WOAS, WXXX,
                             CTOCFlags)
    problems = []
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.artist))
    if tags.album:
        id3.add(TALB(encoding=3, text=tags.album))
    if tags.subtitle:
        id3.add(TIT3(encoding=3, text=tags.subtitle))
    if tags.date:
        id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TLAN(encoding=3, text=language_for(tags.lang).iso639_2))
    if tags.url:
        id3.add(WOAS(url=tags.url))
        id3.add(WXXX(encoding=3, desc="", url=tags.url))
    if tags.summary:
        id3.add(COMM(encoding=3, lang=language_for(tags.lang).iso639_2, desc="", text=tags.summary))
    if tags.cover:
        mime = _mime(tags.cover)
        if not tags.cover.is_file():
            problems.append(f"cover image '{tags.cover}' not found")
        elif not mime:
            problems.append(f"cover image '{tags.cover.name}' is not PNG or JPEG; ID3 cover art needs one of them")
        else:
            id3.add(APIC(encoding=3, mime=mime, type=3, desc="Cover", data=tags.cover.read_bytes()))
    ids = [f"chp{i}" for i in range(len(chapters))]
    for cid, ch in zip(ids, chapters):
        id3.add(CHAP(element_id=cid, start_time=int(round(ch.start * 1000)), end_time=int(round(ch.end * 1000)),
                     sub_frames=[TIT2(encoding=3, text=ch.title)]))
    if ids:
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text=toc_title)]))
    id3.save(path, v2_version=4)
    return problems
