"""Issue 14: PDF links never become file: URIs carrying the build machine's paths."""

from __future__ import annotations

import pikepdf

from accesspub.config import Settings
from accesspub.worker import build_release


def _uris(pdf_path) -> list[str]:
    uris = []
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                if action is not None and "/URI" in action:
                    uris.append(str(action["/URI"]))
    return uris


def test_relative_and_schemeless_links_do_not_leak_paths(tmp_path):
    src = tmp_path / "secret-build-folder"
    src.mkdir()
    path = src / "r.md"
    path.write_text("""---
title: Links in der Mitteilung
date: 2025-03-01
lang: de
---

**Berlin.** Die [Broschüre](broschuere.pdf) und das [Archiv](../archiv/) und [fremd](//evil.example/steal)
und [oben](/impressum) und [die Seite](https://www.land.example/seite) und [Post](mailto:presse@land.example).

## Mehr {#mehr}

Siehe [weiter oben](#mehr).
""", encoding="utf-8")
    out = tmp_path / "out"
    settings = Settings(site={"url": "https://www.land.example/presse/"})
    outcome = build_release(path, out, ("pdf",), settings, None)
    slug = outcome["manifest"].slug
    uris = _uris(out / slug / f"{slug}.pdf")
    assert uris
    for uri in uris:
        assert not uri.lower().startswith("file:"), uri
        assert str(tmp_path) not in uri and "secret-build-folder" not in uri, uri
        assert uri.startswith(("https://", "http://", "mailto:")), uri
    base = f"https://www.land.example/presse/{slug}/"
    assert base + "broschuere.pdf" in uris
    assert "https://www.land.example/presse/archiv/" in uris
    assert "https://www.land.example/impressum" in uris
    assert "https://www.land.example/seite" in uris and "mailto:presse@land.example" in uris
    raw = (out / slug / f"{slug}.pdf").read_bytes()
    assert b"file:" not in raw and str(tmp_path).encode() not in raw
