"""espeak-ng (offline, default): libespeak-ng from the espeakng-loader wheel, driven with ctypes."""

from __future__ import annotations

import ctypes
import threading

import numpy as np

from .base import EngineUnavailable, SynthesisFailed

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_RATE, _VOLUME, _PITCH = 1, 2, 3
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

_lock = threading.Lock()
_state: dict = {}


def _library():
    """libespeak-ng, initialised once per process (the library holds global state)."""
    if "lib" in _state:
        return _state["lib"], _state["rate"]
    try:
        import espeakng_loader
    except ImportError:
        raise EngineUnavailable("espeak-ng needs the Python package espeakng-loader; run: make setup") from None
    try:
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = espeakng_loader.get_data_path().encode()
    except (OSError, RuntimeError) as exc:
        raise EngineUnavailable(f"libespeak-ng could not be loaded ({exc}); reinstall espeakng-loader") from None
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
                                 ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, _INITIALIZE_DONT_EXIT)
    if rate <= 0:
        raise EngineUnavailable(f"libespeak-ng did not start (code {rate}); reinstall espeakng-loader")
    chunks: list[bytes] = []

    def collect(wav, count, events):
        if wav and count > 0:
            chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    callback = _CALLBACK(collect)
    lib.espeak_SetSynthCallback(callback)
    _state.update(lib=lib, rate=rate, chunks=chunks, callback=callback)
    return lib, rate


class EspeakEngine:
    """espeak-ng voice for one language; words per minute set once."""

    name = "espeak"

    def __init__(self, lang: str, voice: str | None = None, words_per_minute: int = 165):
        self.lang = lang
        self.voice = voice or lang
        self.words_per_minute = words_per_minute
        with _lock:
            _, self.sample_rate = _library()
            self._select()

    def _select(self) -> None:
        lib = _state["lib"]
        if lib.espeak_SetVoiceByName(self.voice.encode()) != 0:
            raise EngineUnavailable(f"espeak-ng has no voice '{self.voice}'; set audio.voice.{self.lang} "
                                    "to a voice espeak-ng knows (e.g. 'de', 'en-us')")
        lib.espeak_SetParameter(_RATE, self.words_per_minute, 0)
        _state["voice"] = self.voice

    def synthesise(self, text: str) -> np.ndarray:
        data = text.encode("utf-8") + b"\0"
        with _lock:
            if _state.get("voice") != self.voice:
                self._select()
            chunks = _state["chunks"]
            chunks.clear()
            _state["lib"].espeak_Synth(data, len(data), 0, 0, 0, _CHARS_UTF8, None, None)
            pcm = b"".join(chunks)
            chunks.clear()
        if not pcm:
            raise SynthesisFailed(f"espeak-ng produced no audio for: {text[:60]!r}")
        return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0

    def close(self) -> None:
        """The library stays loaded for the process; nothing to release per engine."""
