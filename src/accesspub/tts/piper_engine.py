"""Piper (neural, offline, optional extra `neural`): a voice model file the user supplies per language."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .base import EngineUnavailable, SynthesisFailed


class PiperEngine:
    """A Piper voice; audio is left unnormalised (the whole file is mastered at once)."""

    name = "piper"

    def __init__(self, lang: str, model: Path):
        try:
            from piper import PiperVoice, SynthesisConfig
        except ImportError:
            raise EngineUnavailable("the piper engine needs the package piper-tts; "
                                    "run: pip install 'accesspub[neural]'") from None
        if not model.is_file():
            raise EngineUnavailable(f"Piper voice model '{model}' not found; set audio.voice.{lang} to the path "
                                    "of a .onnx voice (its .onnx.json beside it)")
        try:
            self._voice = PiperVoice.load(model)
        except Exception as exc:  # onnxruntime and json errors vary
            raise EngineUnavailable(f"Piper could not load '{model}': {exc}") from None
        self._config = SynthesisConfig(normalize_audio=False)
        self.lang = lang
        self.sample_rate = int(self._voice.config.sample_rate)

    def synthesise(self, text: str) -> np.ndarray:
        chunks = [c.audio_float_array for c in self._voice.synthesize(text, self._config)]
        if not chunks:
            raise SynthesisFailed(f"Piper produced no audio for: {text[:60]!r}")
        return np.concatenate(chunks).astype(np.float32)

    def close(self) -> None:
        self._voice = None
