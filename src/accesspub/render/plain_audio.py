"""Audio of the plain-language version: OUT/<slug>/<slug>.plain.mp3 (+ .vtt, .chapters.json), spoken line by
line from the same plain text the plain page shows (made once per build, see render/plain.result_of), mastered
and tagged like the full-text audio, linked from plain.html and listed in the podcast feed as its own item."""

from __future__ import annotations

from ..language.pronunciation import PronunciationError
from ..language.registry import language_for
from ..model import Release
from ..tts import plain_script
from . import BuildContext, Rendition
from .audio import _finding, speak
from .plain import result_of, speech

NAME = "plain-audio"


def render(release: Release, ctx: BuildContext) -> Rendition:
    if not language_for(release.lang).plain:          # no plain version, nothing to speak (plain reports why)
        for stale in ctx.release_dir(release).glob(f"{release.slug}.plain.*"):
            stale.unlink(missing_ok=True)
        return Rendition(NAME)
    result = result_of(release, ctx)
    base = ctx.release_dir(release) / f"{release.slug}.plain"
    try:
        script = plain_script.build(release, speech(result))
    except PronunciationError as exc:
        rendition = Rendition(NAME)
        rendition.findings.append(_finding("pronunciation-invalid", "error", str(exc), exc.file or base.name, NAME))
        return rendition
    return speak(release, ctx, script, base, NAME, result.doc.title)
