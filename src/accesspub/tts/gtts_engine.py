"""gTTS (online, opt-in, optional extra `online`): Google Translate's speech, one request per sentence."""

from __future__ import annotations

import io

import numpy as np

from .base import EngineUnavailable, SynthesisFailed

TIMEOUT = 10.0


class GttsEngine:
    """gTTS for one language; every request has a timeout and a failure raises SynthesisFailed."""

    name = "gtts"
    sample_rate = 24000

    def __init__(self, lang: str, timeout: float = TIMEOUT):
        try:
            import gtts  # noqa: F401
        except ImportError:
            raise EngineUnavailable("the gtts engine needs the package gTTS; "
                                    "run: pip install 'accesspub[online]'") from None
        self.lang = lang
        self.timeout = timeout

    def synthesise(self, text: str) -> np.ndarray:
        from gtts import gTTS, gTTSError
        import soundfile as sf
        buffer = io.BytesIO()
        try:
            gTTS(text, lang=self.lang, lang_check=False, timeout=self.timeout).write_to_fp(buffer)
        except (gTTSError, OSError, AssertionError) as exc:
            raise SynthesisFailed(f"gTTS failed ({exc}); check the network or choose audio.engine = 'espeak'") \
                from None
        if not buffer.getvalue():
            raise SynthesisFailed("gTTS returned no audio; check the network or choose audio.engine = 'espeak'")
        buffer.seek(0)
        try:
            samples, rate = sf.read(buffer, dtype="float32", always_2d=True)
        except (sf.LibsndfileError, RuntimeError) as exc:
            raise SynthesisFailed(f"gTTS returned audio that does not decode ({exc})") from None
        samples = samples.mean(axis=1)
        if rate != self.sample_rate:
            from .signal import resample
            samples = resample(samples, rate, self.sample_rate)
        return samples.astype(np.float32)

    def close(self) -> None:
        """Each request opens and closes its own session."""
