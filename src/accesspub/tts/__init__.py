"""Speech engines behind one interface (`base.Engine`), chosen by Settings.audio.engine, created once per build."""

from __future__ import annotations

import threading
from pathlib import Path

from ..config import Settings
from .base import Engine, EngineUnavailable, SynthesisFailed

__all__ = ["Engine", "EngineUnavailable", "SynthesisFailed", "create", "engine_for"]

_creating = threading.Lock()       # two renditions rendered side by side share one engine, made once


def create(settings: Settings, lang: str) -> Engine:
    """A new engine for the configured kind and the language's voice; raises EngineUnavailable."""
    kind = settings.audio.engine
    voice = settings.audio.voice.get(lang)
    if kind == "espeak":
        from .espeak import EspeakEngine
        return EspeakEngine(lang, voice or lang)
    if kind == "piper":
        if not voice:
            raise EngineUnavailable(f"the piper engine needs a voice model for '{lang}': "
                                    f"set audio.voice.{lang} = \"path/to/voice.onnx\" in accesspub.toml")
        path = Path(voice)
        from .piper_engine import PiperEngine
        return PiperEngine(lang, path if path.is_absolute() else settings.root / path)
    if kind == "gtts":
        from .gtts_engine import GttsEngine
        return GttsEngine(voice or lang)
    raise EngineUnavailable(f"unknown speech engine '{kind}'; use espeak, piper or gtts")


def engine_for(settings: Settings, lang: str, services: dict) -> Engine:
    """The build's engine for a language: created on first use, then reused (cached in `services`)."""
    key = f"tts:{settings.audio.engine}:{lang}"
    with _creating:
        if key not in services:
            services[key] = create(settings, lang)
        return services[key]
