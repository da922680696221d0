"""Language of a release's text when its metadata does not say: py3langid over all its 97 languages, and
whether the answer is sure enough to act on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 5          # below this no identifier can tell
MIN_CONFIDENCE = 0.6   # normalised probability of the best language


@dataclass(frozen=True)
class Detection:
    """The language chosen, what the identifier guessed and how sure it was."""

    lang: str
    guess: str | None
    confidence: float

    @property
    def sure(self) -> bool:
        return self.guess == self.lang and self.confidence >= MIN_CONFIDENCE


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, default: str = "de") -> Detection:
    """The text's language, or `default` (not sure) when the text is too short or the identifier hesitates.
    A language accesspub has no rules for is still named: a Turkish text is 'tr', never German."""
    if len(text.split()) < MIN_WORDS:
        return Detection(default, None, 0.0)
    lang, prob = _identifier().classify(text)
    return Detection(lang if prob >= MIN_CONFIDENCE else default, lang, float(prob))
