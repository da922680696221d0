"""Sentence-by-sentence synthesis joined with fixed pauses, so that every cue has an exact start and end."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .base import Engine
from .script import Script
from .signal import trim

PAUSES = {"sentence": 0.35, "paragraph": 0.7, "section": 1.2, "end": 0.0}
LEAD_IN = 0.3
TAIL = 0.5


@dataclass(frozen=True)
class Timing:
    """Where one cue sits in the audio, in seconds."""

    id: str
    start: float
    end: float
    text: str

    def to_dict(self) -> dict:
        return {"id": self.id, "start": round(self.start, 3), "end": round(self.end, 3), "text": self.text}


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float
    end: float

    def to_dict(self) -> dict:
        return {"title": self.title, "start": round(self.start, 3), "end": round(self.end, 3)}


@dataclass
class Speech:
    """The synthesised script: samples at the engine's rate, cue timings, chapters."""

    samples: np.ndarray
    rate: int
    timings: list[Timing]
    chapters: list[Chapter]

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


def synthesise(script: Script, engine: Engine) -> Speech:
    """Speak every cue; raises SynthesisFailed (from the engine) on the first cue that yields no audio."""
    rate = engine.sample_rate
    parts = [np.zeros(int(LEAD_IN * rate), dtype=np.float32)]
    position = len(parts[0])
    timings, starts = [], {}
    for cue in script.cues:
        audio = trim(engine.synthesise(cue.spoken), rate)
        starts.setdefault(cue.section, position)
        timings.append(Timing(cue.id, position / rate, (position + len(audio)) / rate, cue.text))
        gap = np.zeros(int(PAUSES[cue.pause] * rate) if cue.pause != "end" else int(TAIL * rate), dtype=np.float32)
        parts += [audio.astype(np.float32, copy=False), gap]
        position += len(audio) + len(gap)
    samples = np.concatenate(parts)
    duration = len(samples) / rate
    order = sorted(starts)
    chapters = []
    for i, section in enumerate(order):
        start = 0.0 if i == 0 else starts[section] / rate
        end = starts[order[i + 1]] / rate if i + 1 < len(order) else duration
        chapters.append(Chapter(script.sections[section], start, end))
    return Speech(samples, rate, timings, chapters)
