"""Audio checks on the files as a listener gets them: the decoded MP3 (loudness, true peak, duration),
its ID3 tags and chapters, the WebVTT captions beside it; and the podcast feed against the files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from ..findings import Finding, tool_missing

TARGET_LUFS, TOLERANCE_LU, MAX_TRUE_PEAK = -16.0, 1.0, -1.0
WORDS_PER_MINUTE = (80, 260)       # spoken words outnumber written ones (numbers, abbreviations in full)
COVER_SLACK = 1.0                  # seconds between the last cue (or chapter) and the end of the audio
REQUIRED_TAGS = {"TIT2": "title", "TPE1": "artist", "TLAN": "language"}
WANTED_TAGS = {"TDRC": "date", "WOAS": "URL"}
_TIMING = re.compile(r"^(\S+)\s+-->\s+(\S+)")


def _f(rule: str, severity: str, message: str, location: str, check: str = "audio", rendition: str = "audio"):
    return Finding(check, rendition, rule, severity, message, location)


def decode(path: Path) -> tuple[np.ndarray, int]:
    """The MP3 decoded to mono float samples, with libsndfile (≥ 1.1 reads MPEG audio) through soundfile."""
    import soundfile as sf
    samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return samples.mean(axis=1), rate


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """LUFS integrated (BS.1770-4, mono): pyloudnorm's K-weighting filters and gating, with the 400 ms blocks
    summed from one running sum instead of a Python loop over the blocks (the same value, in a tenth of the time)."""
    import pyloudnorm
    y = samples.astype(np.float64)
    for stage in pyloudnorm.Meter(rate)._filters.values():
        y = stage.apply_filter(y)
    block, step = 0.4, 0.25
    count = int(np.round((len(y) / rate - block) / (block * step))) + 1
    j = np.arange(count)
    lower = (block * (j * step) * rate).astype(np.int64)
    upper = np.minimum((block * (j * step + 1) * rate).astype(np.int64), len(y))
    energy = np.concatenate(([0.0], np.cumsum(y * y)))
    z = (energy[upper] - energy[lower]) / (block * rate)
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10.0 * np.log10(z)
        above = z[loudness >= -70.0]
        if not above.size:
            return float("-inf")
        relative = -0.691 + 10.0 * np.log10(above.mean()) - 10.0
        gated = z[(loudness > relative) & (loudness > -70.0)]
        return float(-0.691 + 10.0 * np.log10(gated.mean())) if gated.size else float("-inf")


def true_peak(samples: np.ndarray) -> float:
    """dBTP: the largest absolute value of the 4× oversampled signal (BS.1770-4 Annex 2, its own filter)."""
    from ..tts.signal import true_peak_db
    return true_peak_db(samples)


def _seconds(clock: str) -> float:
    parts = [float(p) for p in clock.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]


def read_vtt(path: Path) -> list[tuple[str, float, float, str]]:
    """(id, start, end, text) of every cue of a WebVTT file; raises ValueError when it is not WebVTT."""
    text = path.read_text(encoding="utf-8-sig")
    if not text.startswith("WEBVTT"):
        raise ValueError("the file does not start with WEBVTT")
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))[1:]:
        lines = [line for line in block.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            m = _TIMING.match(line)
            if m:
                cue_id = lines[i - 1] if i else ""
                cues.append((cue_id, _seconds(m[1]), _seconds(m[2]), " ".join(lines[i + 1:])))
                break
    return cues


def _tags(path: Path, duration: float, chapters_json: Path) -> list[Finding]:
    from mutagen.id3 import ID3, ID3NoHeaderError
    loc = path.name
    try:
        id3 = ID3(path)
    except ID3NoHeaderError:
        return [_f("id3-missing", "error", "the MP3 has no ID3v2 tag (title, artist, language, chapters)", loc)]
    found = []
    for frame, what in REQUIRED_TAGS.items():
        if not id3.getall(frame) or not str(id3.getall(frame)[0]).strip():
            found.append(_f("id3-" + what, "error", f"the ID3 tag has no {what} ({frame})", loc))
    for frame, what in WANTED_TAGS.items():
        if not id3.getall(frame):
            found.append(_f("id3-" + what.lower(), "warning", f"the ID3 tag has no {what} ({frame})", loc))
    chapters = sorted(id3.getall("CHAP"), key=lambda c: c.start_time)
    if not chapters:
        return found + [_f("chapters-missing", "error", "the MP3 has no chapters (ID3 CHAP frames)", loc)]
    if not id3.getall("CTOC"):
        found.append(_f("chapters-toc", "error", "the MP3 has chapters but no table of contents (CTOC)", loc))
    for prev, ch in zip(chapters, chapters[1:]):
        if ch.start_time < prev.end_time:
            found.append(_f("chapters-overlap", "error",
                            f"chapter {ch.element_id} starts before chapter {prev.element_id} ends", loc))
    untitled = [c.element_id for c in chapters if not c.sub_frames.getall("TIT2")]
    if untitled:
        found.append(_f("chapters-title", "error", f"chapters without a title: {', '.join(untitled)}", loc))
    last_end = chapters[-1].end_time / 1000
    if abs(last_end - duration) > COVER_SLACK:
        found.append(_f("chapters-cover", "error", f"the last chapter ends at {last_end:.1f} s, "
                        f"the audio at {duration:.1f} s", loc))
    if chapters_json.is_file():
        try:
            listed = json.loads(chapters_json.read_text(encoding="utf-8"))["chapters"]
            if len(listed) != len(chapters):
                found.append(_f("chapters-json", "warning", f"{chapters_json.name} lists {len(listed)} chapters, "
                                f"the MP3 has {len(chapters)}", chapters_json.name))
        except (ValueError, KeyError, TypeError) as exc:
            found.append(_f("chapters-json", "error", f"{chapters_json.name} is not Podcasting 2.0 JSON "
                            f"chapters: {exc}", chapters_json.name))
    else:
        found.append(_f("chapters-json", "warning", f"{chapters_json.name} (JSON chapters) is missing",
                        chapters_json.name))
    return found


def _captions(vtt: Path, duration: float) -> tuple[list[Finding], int]:
    """Findings on the captions and the number of words they hold."""
    loc = vtt.name
    if not vtt.is_file():
        return [_f("captions-missing", "error", f"no captions: {vtt.name} is missing", loc)], 0
    try:
        cues = read_vtt(vtt)
    except (ValueError, UnicodeDecodeError) as exc:
        return [_f("captions-invalid", "error", f"{vtt.name} is not WebVTT: {exc}", loc)], 0
    if not cues:
        return [_f("captions-empty", "error", f"{vtt.name} has no cues", loc)], 0
    found = []
    for (id_a, _, end_a, _), (id_b, start_b, end_b, _) in zip(cues, cues[1:]):
        if start_b < end_a:
            found.append(_f("captions-overlap", "error", f"cue {id_b} starts before cue {id_a} ends", loc))
    bad = [c[0] or "?" for c in cues if c[2] <= c[1]]
    if bad:
        found.append(_f("captions-timing", "error", f"cues that end before they start: {', '.join(bad[:5])}", loc))
    last = cues[-1][2]
    if last > duration + 0.05 or duration - last > COVER_SLACK:
        found.append(_f("captions-cover", "error", f"the last cue ends at {last:.2f} s, the audio at "
                        f"{duration:.2f} s (they should be within {COVER_SLACK:.0f} s)", loc))
    return found, sum(len(c[3].split()) for c in cues)


def check_file(slug: str, mp3: Path, settings=None) -> list[Finding]:
    """Every audio check on one release's MP3 and the files beside it."""
    loc = mp3.name
    if not mp3.is_file() or mp3.stat().st_size == 0:
        return [_f("audio-missing", "error", f"{mp3.name} is missing or empty", loc)]
    try:
        import pyloudnorm  # noqa: F401
        import soundfile  # noqa: F401
    except ImportError as exc:
        return [tool_missing("audio", "audio", f"the Python package {exc.name}")]
    try:
        samples, rate = decode(mp3)
    except Exception as exc:  # libsndfile raises its own error types; an old one cannot read MP3 at all
        return [_f("audio-decode", "error", f"{mp3.name} does not decode ({exc}); libsndfile ≥ 1.1 reads MP3", loc)]
    duration = len(samples) / rate
    if duration < 1:
        return [_f("audio-short", "error", f"{mp3.name} lasts only {duration:.2f} s", loc)]
    level = integrated_loudness(samples, rate)
    peak = true_peak(samples)
    found = [_f("measured", "info", f"{level:.2f} LUFS integrated, true peak {peak:.2f} dBTP, {duration:.1f} s "
                f"(decoded with libsndfile {soundfile.__libsndfile_version__})", loc)]
    if not abs(level - TARGET_LUFS) <= TOLERANCE_LU:
        found.append(_f("loudness", "error", f"integrated loudness {level:.2f} LUFS; spoken word should be "
                        f"{TARGET_LUFS:.0f} ± {TOLERANCE_LU:.0f} LUFS", loc))
    if peak > MAX_TRUE_PEAK:
        found.append(_f("true-peak", "error", f"true peak {peak:.2f} dBTP exceeds {MAX_TRUE_PEAK:.0f} dBTP", loc))
    stem = mp3.with_suffix("")
    caption_findings, words = _captions(mp3.with_suffix(".vtt"), duration)
    found += caption_findings
    if words:
        rate_wpm = words / (duration / 60)
        low, high = WORDS_PER_MINUTE
        if not low <= rate_wpm <= high:
            found.append(_f("duration", "warning", f"{duration:.0f} s for {words} written words is {rate_wpm:.0f} "
                            f"words per minute; speech runs at {low}–{high}", loc))
    found += _tags(mp3, duration, Path(f"{stem}.chapters.json"))
    return found


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    """Audio findings per slug for (slug, mp3 path) pairs."""
    out: dict[str, list[Finding]] = {}
    for slug, path in items:
        try:
            out.setdefault(slug, []).extend(check_file(slug, Path(path), settings))
        except Exception as exc:  # a check never raises
            out.setdefault(slug, []).append(_f("check-crashed", "error", f"the audio check failed: {exc!r}",
                                               Path(path).name))
    return out


def _local(feed: Path, url: str) -> Path | None:
    """The file in the output folder that a feed URL points to (matched by the end of its path)."""
    parts = [p for p in urlparse(url).path.split("/") if p]
    for i in range(len(parts)):
        candidate = feed.parent.joinpath(*parts[i:])
        if candidate.is_file():
            return candidate
    return None


def check_podcast(path: Path) -> list[Finding]:
    """The podcast feed parses, and every item's enclosure, transcript and chapters match the files in OUT."""
    from lxml import etree
    from mutagen.mp3 import MP3

    ns = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0"}
    loc = path.name

    def f(rule, severity, message, where=loc):
        return _f(rule, severity, message, where, check="podcast", rendition="site")

    if not path.is_file():
        return [f("feed-missing", "error", f"{path.name} is missing")]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        return [f("feed-invalid", "error", f"{path.name} is not well-formed XML: {exc}")]
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        return [f("feed-invalid", "error", f"{path.name} is not an RSS 2.0 feed")]
    found = [f("channel-" + tag, "error", f"the channel has no <{tag}>")
             for tag in ("title", "link", "description", "language") if not (channel.findtext(tag) or "").strip()]
    if channel.find("itunes:image", ns) is None:
        found.append(f("channel-image", "warning", "the channel has no itunes:image (podcast apps want cover art); "
                       "set publisher.logo to an image URL"))
    items = channel.findall("item")
    if not items:
        found.append(f("feed-empty", "warning", "the feed has no items"))
    for item in items:
        title = item.findtext("title") or "?"
        where = f"{loc}: item '{title}'"
        for tag in ("title", "guid", "pubDate"):
            if not (item.findtext(tag) or "").strip():
                found.append(f("item-" + tag.lower(), "error", f"the item has no <{tag}>", where))
        enclosure = item.find("enclosure")
        if enclosure is None:
            found.append(f("enclosure-missing", "error", "the item has no enclosure", where))
            continue
        local = _local(path, enclosure.get("url", ""))
        if local is None:
            found.append(f("enclosure-file", "error", f"no file in the output for {enclosure.get('url')}", where))
            continue
        if enclosure.get("type") != "audio/mpeg":
            found.append(f("enclosure-type", "error", f"enclosure type is {enclosure.get('type')!r}, not audio/mpeg",
                           where))
        size = local.stat().st_size
        if enclosure.get("length") != str(size):
            found.append(f("enclosure-length", "error", f"enclosure length {enclosure.get('length')} differs from "
                           f"the size of {local.name} ({size} bytes)", where))
        duration = item.findtext("itunes:duration", namespaces=ns)
        if not duration:
            found.append(f("item-duration", "error", "the item has no itunes:duration", where))
        else:
            stated = _seconds(duration)
            actual = MP3(local).info.length
            if abs(stated - actual) > 2:
                found.append(f("item-duration", "error", f"itunes:duration {duration} but {local.name} lasts "
                               f"{actual:.0f} s", where))
        for tag, mime in (("transcript", "text/vtt"), ("chapters", "application/json+chapters")):
            el = item.find(f"podcast:{tag}", ns)
            if el is None:
                found.append(f(f"item-{tag}", "warning", f"the item has no podcast:{tag}", where))
            elif el.get("type") != mime or _local(path, el.get("url", "")) is None:
                found.append(f(f"item-{tag}", "error", f"podcast:{tag} must point to a file in the output with "
                               f"type {mime} (url {el.get('url')}, type {el.get('type')})", where))
    return found
