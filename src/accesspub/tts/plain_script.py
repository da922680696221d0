"""The speech script of the plain-language version: its headline, dateline and lines, one cue per line.

The lines come from the plain rendition's data (`speech`: sections of blocks of lines, each line with the id it
has in plain.html), so the audio says exactly what the plain page shows; quotation intros ("Kai Klose sagt:")
are said before their lines. Normalisation and the pronunciation lexicon are the same as for the full text.
"""

from __future__ import annotations

from ..language.normalise import normalise, spoken_date
from ..language.pronunciation import pronunciations
from ..language.registry import language_for
from ..model import Release
from .script import QUOTE_MARKS, Cue, Script, spoken_only


def build(release: Release, plain: dict) -> Script:
    """Script from the plain rendition's `speech` data; PronunciationError when pronunciation.yaml is broken."""
    lang = release.lang
    lexicon_ = pronunciations(lang, release.source)
    script = Script(lang, sections=[plain["title"]])
    cues = [Cue("headline", plain["title"])]
    meta = release.meta
    if meta.date:
        written = ", ".join(p for p in (meta.place, plain.get("date_text")) if p)
        said = ", ".join(p for p in (meta.place, spoken_date(meta.date, lang) if language_for(lang).normalise
                                     else plain.get("date_text")) if p)
        cues.append(Cue("dateline", written, spoken=said))
    cues[-1].pause = "section"
    for section in plain["sections"]:
        if not any(b["lines"] for b in section["blocks"]):
            continue
        script.sections.append(section["heading"])
        number = len(script.sections) - 1
        for block in section["blocks"]:
            if block.get("intro"):
                cues.append(Cue(f"{block['lines'][0]['id']}-intro" if block["lines"] else "intro", block["intro"],
                                section=number))
            for line in block["lines"]:
                cues.append(Cue(line["id"], line["text"], section=number))
            cues[-1].pause = "paragraph"
        cues[-1].pause = "section"
    for cue in cues:
        cue.spoken = normalise(lexicon_.apply(QUOTE_MARKS.sub("", cue.spoken or cue.text)), lang).rstrip(" ,")
    script.cues = spoken_only(cues)
    if script.cues:
        script.cues[-1].pause = "end"
    return script
