"""The typeface of every rendition: Atkinson Hyperlegible Next (SIL OFL 1.1) with a plain zero.

The font draws its zero slashed and offers no feature to turn that off (its GSUB has only ccmp, frac, locl,
pnum and tnum), so "120" reads as "12Ø" in press figures. Each font file is derived once: the zero keeps its
outer contour and gets the font's own "O" counter, fitted into the space the slash divided — the typeface's
curves, no slash. The licence allows modified versions (no Reserved Font Name is declared); the derived files
live in a cache folder, never in the repository.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import atomic


def _contours(glyph_set, name: str) -> list[list[tuple[str, tuple]]]:
    from fontTools.pens.recordingPen import RecordingPen
    pen = RecordingPen()
    glyph_set[name].draw(pen)
    contours, current = [], []
    for op, args in pen.value:
        current.append((op, args))
        if op in ("closePath", "endPath"):
            contours.append(current)
            current = []
    return contours


def _bounds(contour) -> tuple[float, float, float, float]:
    points = [p for _, args in contour for p in args]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _area(box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def plain_zero(source: Path, target: Path) -> bool:
    """Write `source` with an unslashed zero to `target`; False (and nothing written) if the zero has no slash."""
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    glyphs = font.getGlyphSet()
    zero = _contours(glyphs, "zero")
    letter = _contours(glyphs, "O")
    if len(zero) != 3 or len(letter) != 2:
        return False
    zero.sort(key=lambda c: -_area(_bounds(c)))
    outer, counters = zero[0], zero[1:]
    a, b = _bounds(counters[0]), _bounds(counters[1])
    room = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    counter = min(letter, key=lambda c: _area(_bounds(c)))
    box = _bounds(counter)
    sx, sy = (room[2] - room[0]) / (box[2] - box[0]), (room[3] - room[1]) / (box[3] - box[1])
    pen = TTGlyphPen(glyphs)
    for op, args in outer:
        getattr(pen, op)(*args)
    fitted = TransformPen(pen, (sx, 0, 0, sy, room[0] - box[0] * sx, room[1] - box[1] * sy))
    for op, args in counter:
        getattr(fitted, op)(*args)
    font["glyf"]["zero"] = pen.glyph()
    font["glyf"]["zero"].recalcBounds(font["glyf"])
    with atomic.replacing(target) as tmp:
        font.flavor = "woff2" if source.suffix == ".woff2" else font.flavor
        font.save(str(tmp))
    return True


def _cache() -> Path:
    from .paths import user_cache
    return user_cache() / "fonts"


def derived(files: list[Path]) -> list[Path]:
    """The font files with a plain zero (made once per source file and kept in the cache); originals on failure."""
    out = []
    for source in files:
        digest = hashlib.sha256(source.read_bytes() + b"plain-zero-1").hexdigest()[:16]
        target = _cache() / digest / source.name
        unchanged = target.with_name(target.name + ".unchanged")
        if unchanged.exists():
            target = source
        elif not target.exists():
            try:
                made = plain_zero(source, target)
            except Exception:          # a font fontTools cannot rewrite is used as it is
                made = False
            if not made:
                atomic.write_text(unchanged, "no slashed zero to replace\n")
                target = source
        out.append(target)
    return out
