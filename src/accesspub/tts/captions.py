"""WebVTT captions (the written sentences) and Podcasting 2.0 JSON chapters from the speech timings."""

from __future__ import annotations

import json
import textwrap

from .timeline import Chapter, Timing

LINE = 64


def _clock(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "→")


def vtt(timings: list[Timing], lang: str) -> str:
    """A WebVTT file: one cue per sentence, its id the sentence id, its text as written."""
    out = ["WEBVTT", f"Language: {lang}", ""]
    for t in timings:
        text = "\n".join(textwrap.wrap(_escape(" ".join(t.text.split())), LINE)) or "…"
        out += [t.id, f"{_clock(t.start)} --> {_clock(t.end)}", text, ""]
    return "\n".join(out)


def chapters_json(chapters: list[Chapter], title: str) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0)."""
    doc = {
        "version": "1.2.0",
        "title": title,
        "chapters": [{"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title}
                     for c in chapters],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
