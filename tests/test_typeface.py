"""The typeface without its slashed zero: every rendition gets font files whose zero has no slash."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from accesspub.paths import font_files, node_modules
from accesspub.typeface import _contours

FILES = node_modules() / "@fontsource" / "atkinson-hyperlegible-next" / "files"


@pytest.mark.skipif(not FILES.exists(), reason="npm fonts not installed (make setup)")
@pytest.mark.parametrize("style", ["400-normal", "700-normal", "400-italic", "700-italic"])
def test_zero_has_no_slash_and_nothing_else_changed(style):
    name = f"atkinson-hyperlegible-next-latin-{style}.woff2"
    original = TTFont(str(FILES / name))
    derived_path = next(p for p in font_files() if p.name == name)
    assert derived_path != FILES / name, "the renditions use the derived file"
    derived = TTFont(str(derived_path))
    assert len(_contours(original.getGlyphSet(), "zero")) == 3, "outer contour and two counters split by a slash"
    assert len(_contours(derived.getGlyphSet(), "zero")) == 2, "outer contour and one counter"
    assert derived.getBestCmap() == original.getBestCmap()
    assert derived["hmtx"]["zero"] == original["hmtx"]["zero"] and derived.flavor == "woff2"
    assert _contours(derived.getGlyphSet(), "O") == _contours(original.getGlyphSet(), "O")


def test_fonts_without_a_zero_are_used_as_they_are():
    ext = [p for p in font_files() if "latin-ext" in p.name]
    assert ext and all(p.parent == FILES for p in ext)
