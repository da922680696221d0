"""Checkpoints 10 and 31: fonts are embedded, every shown code maps to Unicode, no .notdef glyph is shown."""

from __future__ import annotations

import re
from collections import Counter

from pikepdf import Array, Dictionary, Name, Stream, String

from .document import TEXT_SHOWING, Document
from .registry import rule

ADOBE_CJK = {"GB1", "CNS1", "Japan1", "Korea1"}
STANDARD_ENCODINGS = {"/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding"}
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")


def _name(font: Dictionary) -> str:
    return str(font.get("/BaseFont", "?"))[1:]


def _descendant(font: Dictionary) -> Dictionary | None:
    kids = font.get("/DescendantFonts")
    return kids[0] if isinstance(kids, Array) and len(kids) else None


def _descriptor(font: Dictionary) -> Dictionary | None:
    target = _descendant(font) if font.get("/Subtype") == Name.Type0 else font
    return target.get("/FontDescriptor") if target is not None else None


def _two_byte(font: Dictionary) -> bool:
    return font.get("/Subtype") == Name.Type0


def _strings(event) -> list[bytes]:
    if event.operator == "TJ":
        return [bytes(x) for x in event.operands[0] if isinstance(x, String)]
    return [bytes(event.operands[-1])] if isinstance(event.operands[-1], String) else []


def shown_codes(doc: Document) -> dict[tuple, tuple[Dictionary, Counter]]:
    """Font objgen → (font, Counter of character codes shown with it)."""
    used: dict[tuple, tuple[Dictionary, Counter]] = {}
    for e in doc.content:
        if e.operator not in TEXT_SHOWING or e.font is None:
            continue
        font, codes = used.setdefault(e.font.objgen, (e.font, Counter()))
        width = 2 if _two_byte(font) else 1
        for data in _strings(e):
            for i in range(0, len(data) - width + 1, width):
                codes[int.from_bytes(data[i:i + width], "big")] += 1
    return used


def to_unicode_codes(cmap: Stream) -> list[tuple[int, int]]:
    """Code ranges a ToUnicode CMap maps (bfchar and bfrange)."""
    ranges = []
    for kind, body in _BLOCK.findall(cmap.read_bytes()):
        tokens = [t for t in _TOKEN.finditer(body)]
        values, i = [], 0
        while i < len(tokens):
            tok = tokens[i].group(0)
            if tok == b"[":
                j = i
                while j < len(tokens) and tokens[j].group(0) != b"]":
                    j += 1
                values.append("array")
                i = j + 1
                continue
            values.append(int(tokens[i].group(1) or b"0", 16))
            i += 1
        step = 2 if kind == b"bfchar" else 3
        for k in range(0, len(values) - step + 1, step):
            lo = values[k]
            hi = lo if kind == b"bfchar" else values[k + 1]
            if isinstance(lo, int) and isinstance(hi, int):
                ranges.append((lo, hi))
    return ranges


def _unicode_exempt(font: Dictionary) -> bool:
    """A font whose codes map to Unicode without a ToUnicode CMap (ISO 14289-1, 7.21.7)."""
    subtype = font.get("/Subtype")
    if subtype == Name.Type0:
        kid = _descendant(font)
        info = kid.get("/CIDSystemInfo") if kid is not None else None
        return isinstance(info, Dictionary) and str(info.get("/Registry", "")) == "Adobe" \
            and str(info.get("/Ordering", "")) in ADOBE_CJK
    if subtype == Name.Type3:
        return False
    encoding = font.get("/Encoding")
    if isinstance(encoding, Dictionary):
        encoding = encoding.get("/BaseEncoding")
    return encoding is not None and str(encoding) in STANDARD_ENCODINGS


@rule("31-009", "For a font used by text intended to be rendered the font program is not embedded.")
def embedded(doc: Document):
    for font, _ in shown_codes(doc).values():
        if font.get("/Subtype") == Name.Type3:
            continue
        descriptor = _descriptor(font)
        if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            yield f"the font {_name(font)} is not embedded", f"font {_name(font)}"


@rule("31-027", "A font dictionary has no ToUnicode entry and no other permitted mechanism provides "
                "Unicode mapping.")
def has_to_unicode(doc: Document):
    for font, _ in shown_codes(doc).values():
        if "/ToUnicode" not in font and not _unicode_exempt(font):
            yield f"the font {_name(font)} has no /ToUnicode: its text cannot be read aloud or searched", \
                f"font {_name(font)}"


@rule("10-001", "Character code cannot be mapped to Unicode.")
def mapped(doc: Document):
    for font, codes in shown_codes(doc).values():
        cmap = font.get("/ToUnicode")
        if not isinstance(cmap, Stream):
            continue
        ranges = to_unicode_codes(cmap)
        missing = sorted(c for c in codes if not any(lo <= c <= hi for lo, hi in ranges))
        if missing:
            yield (f"{len(missing)} character codes of {_name(font)} have no Unicode mapping "
                   f"(first: 0x{missing[0]:04X})"), f"font {_name(font)}"


@rule("31-030", "One or more characters used in text showing operators reference the .notdef glyph.")
def notdef(doc: Document):
    for font, codes in shown_codes(doc).values():
        if font.get("/Subtype") != Name.Type0 or str(font.get("/Encoding", "")) not in ("/Identity-H", "/Identity-V"):
            continue
        kid = _descendant(font)
        gid_map = kid.get("/CIDToGIDMap") if kid is not None else None
        table = gid_map.read_bytes() if isinstance(gid_map, Stream) else None
        bad = 0
        for cid, n in codes.items():
            gid = int.from_bytes(table[2 * cid:2 * cid + 2], "big") if table is not None else cid
            if gid == 0:
                bad += n
        if bad:
            yield f"{bad} shown characters of {_name(font)} select the .notdef glyph (a missing glyph box)", \
                f"font {_name(font)}"
