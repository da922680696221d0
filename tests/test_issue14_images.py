"""Issue 14: an SVG is carried sanitised (allow-list) or refused; every image source passes the same limits."""

from __future__ import annotations

import base64
import struct
import zipfile
import zlib

import pytest
from lxml import etree

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.worker import build_release

EVIL_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"
     onload="alert('onload')">
  <script>alert('script')</script>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">PAYLOAD-FO</div></foreignObject>
  <a href="javascript:alert('js')"><rect width="10" height="10" fill="red" onclick="alert('click')"/></a>
  <a xlink:href="https://evil.example/phish"><circle r="2"/></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <image xlink:href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" width="1" height="1"/>
  <use href="https://evil.example/sprite.svg#x"/>
  <style>@import url(https://evil.example/x.css); rect { fill: url(https://evil.example/p.svg) }</style>
  <circle r="3" style="fill: url(https://evil.example/q)"/>
  <animate attributeName="href" to="javascript:alert('animate')"/>
  <set attributeName="onmouseover" to="alert('set')"/>
</svg>
"""
PAYLOADS = ("alert", "PAYLOAD-FO", "evil.example", "javascript:", "<script", "foreignObject", "onload", "onclick",
            "text/html")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = zlib.compress(b"\0" * (width + 1) * height) if width * height < 10_000 else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def _release(folder, body: str):
    path = folder / "r.md"
    path.write_text(f"---\ntitle: Bilder der Woche\ndate: 2025-03-01\nlang: de\n---\n\n**Berlin.** Das Land zeigt "
                    f"Bilder. {body}\n", encoding="utf-8")
    return path


def _assert_clean(text: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in text, f"{payload!r} in {where}"


def test_svg_beside_the_release_is_sanitised_in_media_and_epub(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "chart.svg").write_text(EVIL_SVG)
    path = _release(src, "![Ein Diagramm der Ausgaben](chart.svg)")
    out = tmp_path / "out"
    outcome = build_release(path, out, ("html", "epub"), Settings(), None)
    slug = outcome["manifest"].slug
    svgs = list((out / slug / "media").glob("*.svg"))
    assert len(svgs) == 1
    carried = svgs[0].read_text()
    _assert_clean(carried, "media svg")
    root = etree.fromstring(carried.encode())
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.find(".//{http://www.w3.org/2000/svg}rect") is not None
    with zipfile.ZipFile(out / slug / f"{slug}.epub") as z:
        members = [n for n in z.namelist() if n.endswith(".svg")]
        assert members
        for n in members:
            _assert_clean(z.read(n).decode(), f"epub {n}")


def test_unparseable_svg_is_refused_with_a_finding(tmp_path):
    (tmp_path / "bad.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</scr")
    (tmp_path / "bomb.svg").write_text('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
                                       '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                                       '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                                       '<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>')
    release = load_release(_release(tmp_path, "![Kaputt](bad.svg) ![Bombe](bomb.svg)"), Settings())
    refused = {f.location.split("image ")[-1]: f.message for f in release.findings if f.rule == "resource-refused"}
    assert "bad.svg" in refused and "SVG" in refused["bad.svg"]
    assert release.resources == {} or all("aaaaaaaaaa" * 10 not in p.read_text() for p in release.resources.values())


def test_huge_data_url_image_is_refused(tmp_path):
    data = base64.b64encode(_png(9000, 9000)).decode()
    release = load_release(_release(tmp_path, f"![Ein Plakat](data:image/png;base64,{data})"), Settings())
    refused = [f for f in release.findings if f.rule == "resource-refused"]
    assert refused and "megapixels" in refused[0].message
    assert data not in release.ast_json()


def test_data_url_svg_is_sanitised(tmp_path):
    data = base64.b64encode(EVIL_SVG.encode()).decode()
    out = tmp_path / "out"
    outcome = build_release(_release(tmp_path, f"![Ein Diagramm](data:image/svg+xml;base64,{data})"), out,
                            ("html",), Settings(), None)
    page = (out / outcome["manifest"].slug / "index.html").read_text()
    carried = [base64.b64decode(part.split('"')[0]).decode() for part in page.split("data:image/svg+xml;base64,")[1:]]
    assert carried
    for svg in carried:
        _assert_clean(svg, "data url on the page")


@pytest.mark.parametrize("url", ["data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,AAAA",
                                 "data:image/png;base64," + base64.b64encode(b"GIF89a not a png").decode()])
def test_bad_data_urls_are_refused(tmp_path, url):
    release = load_release(_release(tmp_path, f"![Bild]({url})"), Settings())
    assert any(f.rule == "resource-refused" for f in release.findings)
    assert url not in release.ast_json()


def test_fake_png_file_is_refused(tmp_path):
    (tmp_path / "photo.png").write_text("<svg onload=alert(1)>")
    release = load_release(_release(tmp_path, "![Foto](photo.png)"), Settings())
    assert any(f.rule == "resource-refused" for f in release.findings)
    assert release.resources == {}


def test_an_oversized_picture_in_a_docx_is_refused_and_no_machine_path_is_published(tmp_path):
    """Pictures inside a Word file pass the same limits; the finding the statement publishes names the picture,
    not the folder of the build machine it was extracted to."""
    import pypandoc

    from accesspub.ingest.readers.office import MEDIA_ROOT

    from conftest import run_build
    src = tmp_path / "src"
    src.mkdir()
    (src / "huge.png").write_bytes(_png(9000, 9000))
    (src / "r.md").write_text("# Große Bilder\n\nText davor.\n\n![Ein großes Bild](huge.png)\n\nText danach.\n",
                              encoding="utf-8")
    pypandoc.convert_file(str(src / "r.md"), "docx", outputfile=str(tmp_path / "release.docx"),
                          extra_args=[f"--resource-path={src}"])
    out = tmp_path / "out"
    result = run_build([tmp_path / "release.docx"], out)
    refused = [f for r in result.reports for f in r["findings"] if f["rule"] == "resource-refused"]
    assert refused and "40 megapixels" in refused[0]["message"]
    public = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file())
    assert "megapixels" in public, "the statement lists the refused picture"
    assert str(MEDIA_ROOT) not in public and str(tmp_path) not in public
