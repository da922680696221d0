"""Media overlays: a SMIL file that pairs every sentence of text.xhtml with its clip of the release's MP3."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import ContentDocument, sentence_pieces
from .templates import render_template

ACTIVE_CLASS = "-epub-media-overlay-active"


@dataclass
class Clip:
    id: str
    begin: float
    end: float


@dataclass
class Overlay:
    smil: str
    clips: list[Clip]
    duration: str               # media:duration clock value: the sum of the clips
    active_class: str = ACTIVE_CLASS
    skipped: list[str] = field(default_factory=list)   # cue ids with no element in the document


def clock(seconds: float) -> str:
    """A SMIL full clock value, h:mm:ss.fff."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def _split(cue_id: str, begin: float, end: float, pieces: list[str], doc: ContentDocument) -> list[Clip]:
    """One clip per piece of a sentence, the cue's time shared in proportion to the pieces' text length."""
    lengths = [max(1, len(doc.text_of(p))) for p in pieces]
    total = sum(lengths)
    clips, start = [], begin
    for piece, length in zip(pieces, lengths):
        stop = end if piece == pieces[-1] else start + (end - begin) * length / total
        clips.append(Clip(piece, round(start, 3), round(stop, 3)))
        start = stop
    return clips


def clips_for(timings: list[dict], doc: ContentDocument, duration: float | None) -> tuple[list[Clip], list[str]]:
    """Clips in reading order for the cues whose id is in the document; the cue ids that are not."""
    ids = set(doc.ids())
    pieces = sentence_pieces(doc.ids())
    clips, skipped = [], []
    for cue in sorted(timings, key=lambda t: t["start"]):
        begin, end = float(cue["start"]), float(cue["end"])
        if duration:
            end = min(end, duration)
        if end - begin < 0.001:
            continue
        if cue["id"] in pieces and len(pieces[cue["id"]]) > 1:
            clips.extend(_split(cue["id"], begin, end, pieces[cue["id"]], doc))
        elif cue["id"] in ids:
            clips.append(Clip(cue["id"], round(begin, 3), round(end, 3)))
        else:
            skipped.append(cue["id"])
    return [c for c in clips if c.end > c.begin], skipped


def media_overlay(timings: list[dict], doc: ContentDocument, audio_href: str, duration: float | None) -> Overlay | None:
    """The SMIL document for text.xhtml, or None when no cue matches the text."""
    clips, skipped = clips_for(timings, doc, duration)
    if not clips:
        return None
    total = sum(round(c.end - c.begin, 3) for c in clips)
    smil = render_template("text.smil", clips=clips, audio=audio_href)
    return Overlay(smil, clips, clock(total), skipped=skipped)
