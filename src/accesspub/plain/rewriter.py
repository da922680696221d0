"""Optional rewriter: an OpenAI-compatible chat endpoint writes the plain version; its text must pass the same
lints and the fact check, else the rule-based text is used.

Configured by `plain.rewriter_url` and `plain.rewriter_model` in accesspub.toml (off by default).
Every call has a timeout and a retry limit.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

TIMEOUT = 60.0
RETRIES = 2
BACKOFF = 0.5

PROMPTS = {
    "de": ("Schreibe die Pressemitteilung in {level} Sprache um. Regeln: ein Satz pro Zeile, höchstens {max} "
           "Wörter pro Satz, eine Aussage pro Satz, kein Passiv, kein Konjunktiv, kein Genitiv, keine "
           "Abkürzungen, Zahlen als Ziffern. Behalte jede Zahl, jedes Datum, jeden Betrag, jeden Namen und jeden "
           "Ort. Gib nur den Text als Markdown aus, mit kurzen Zwischenüberschriften (##)."),
    "en": ("Rewrite the press release in plain English (ISO 24495-1). Rules: one sentence per line, fewer than "
           "{max} words per sentence, active voice, no abbreviations, numbers as digits. Keep every number, date, "
           "amount, name and place. Reply with the text only, as Markdown with short headings (##)."),
}


@dataclass
class Endpoint:
    url: str
    model: str
    timeout: float = TIMEOUT
    retries: int = RETRIES

    @classmethod
    def from_settings(cls, plain) -> "Endpoint | None":
        """The configured endpoint (Settings.plain), or None when none is configured."""
        if plain.rewriter_url and plain.rewriter_model:
            return cls(plain.rewriter_url, plain.rewriter_model, plain.rewriter_timeout)
        return None

    @property
    def chat_url(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"


class RewriterError(Exception):
    """The endpoint did not give a usable answer within the retry limit."""


def rewrite(text: str, lang: str, level: str, max_words: int, endpoint: Endpoint) -> str:
    """The endpoint's plain version of `text` (Markdown); RewriterError after the retries are used up."""
    level_word = {"einfach": "einfacher", "leicht": "leichter"}.get(level, "einfacher")
    payload = {
        "model": endpoint.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": PROMPTS.get(lang, PROMPTS["en"]).format(level=level_word, max=max_words)},
            {"role": "user", "content": text},
        ],
    }
    body = json.dumps(payload).encode()
    last = "no attempt"
    for attempt in range(endpoint.retries + 1):
        request = urllib.request.Request(endpoint.chat_url, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
            content = data["choices"][0]["message"]["content"]
            if isinstance(content, str) and content.strip():
                return content
            last = "empty answer"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            last = f"{type(exc).__name__}: {exc}"
        if attempt < endpoint.retries:
            time.sleep(BACKOFF * (attempt + 1))
    raise RewriterError(f"{endpoint.chat_url}: {last} (after {endpoint.retries + 1} attempts)")
