"""The interface every speech engine offers: text in, mono float32 samples out."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class EngineUnavailable(Exception):
    """The engine cannot run here (package, library, voice or network missing); the message says the fix."""


class SynthesisFailed(Exception):
    """The engine ran but produced no audio for a text."""


class Engine(Protocol):
    """A speech engine bound to one language and voice."""

    name: str
    lang: str
    sample_rate: int

    def synthesise(self, text: str) -> np.ndarray:
        """Mono samples in [-1, 1] (float32) at `sample_rate` for one sentence of text."""
        ...

    def close(self) -> None:
        """Release what the engine holds (library state, sessions)."""
        ...
