"""Language of a release's text when its metadata does not say: German or English."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(["de", "en"])
    return ident


def detect(text: str, default: str = "de") -> str:
    """'de' or 'en'; the default when the text is too short to tell."""
    if len(text.split()) < 5:
        return default
    lang, prob = _identifier().classify(text)
    return lang if prob >= 0.6 else default
