"""Text pasted from a PDF (issue 12): bullet glyphs become list items, never text; the layout's lines reflow."""

from __future__ import annotations

import panflute as pf

from accesspub.config import Settings
from accesspub.ingest import load_release

WIDE = "Die Landesregierung hat heute in Wiesbaden ein neues Förderprogramm für die Kommunen"


def _release(tmp_path, text: str):
    source = tmp_path / "mitteilung.txt"
    source.write_text(text, encoding="utf-8")
    return load_release(source, Settings())


def _lists(release) -> list[list[str]]:
    found = []

    def visit(e, doc):
        if isinstance(e, pf.BulletList):
            found.append([" ".join(pf.stringify(item).split()) for item in e.content])
    release.doc.walk(visit)
    return found


def _text(release) -> str:
    return pf.stringify(release.doc)


def test_glyphs_on_lines_of_their_own_pair_with_the_items_below(tmp_path):
    text = f"""Pressemitteilung

Neues Programm für Kommunen startet

\uf0d8
\uf0d8

\uf0d8

Am 3. März in Kassel
Das Ziel: Kommunen sollen schneller und einfacher an die Mittel kommen, die sie für Radwege
und Bushaltestellen brauchen
Zehn Landkreise beteiligen sich am ersten Jahr des Programms

Wiesbaden, 2. März 2025 – {WIDE}
vorgestellt. Es richtet sich an alle Städte und Gemeinden des Landes, die Radwege planen.

Weiterführende Links
•

Zum Programm: https://example.org/programm

•

Zur Anmeldung: https://example.org/anmeldung
"""
    release = _release(tmp_path, text)
    assert _lists(release) == [
        ["Am 3. März in Kassel",
         "Das Ziel: Kommunen sollen schneller und einfacher an die Mittel kommen, die sie für Radwege und "
         "Bushaltestellen brauchen",
         "Zehn Landkreise beteiligen sich am ersten Jahr des Programms"],
        ["Zum Programm: https://example.org/programm", "Zur Anmeldung: https://example.org/anmeldung"]]
    assert release.meta.title == "Neues Programm für Kommunen startet"
    tight = []
    release.doc.walk(lambda e, d: tight.append(all(isinstance(b, pf.Plain) for b in e.content))
                     if isinstance(e, pf.ListItem) else None)
    assert tight == [True] * 5              # the blank lines between glyphs are layout: no paragraph per item
    assert "\uf0d8" not in _text(release) and "•" not in _text(release)


def test_a_glyph_before_its_text_opens_an_item_and_the_dateline_ends_the_list(tmp_path):
    text = f"""Neues Programm für Kommunen startet
► Am 3. März kommen in Kassel die Bürgermeisterinnen und Bürgermeister aller Landkreise
zusammen
► Gemeinsames Ziel: schneller bauen
Wiesbaden, 2. März 2025 – {WIDE}
vorgestellt. Es richtet sich an alle Städte und Gemeinden des Landes, die Radwege planen.
"""
    release = _release(tmp_path, text)
    assert _lists(release) == [["Am 3. März kommen in Kassel die Bürgermeisterinnen und Bürgermeister aller "
                                "Landkreise zusammen", "Gemeinsames Ziel: schneller bauen"]]
    assert release.meta.date.isoformat() == "2025-03-02"
    assert "►" not in _text(release)


def test_glyphs_that_pair_with_nothing_are_dropped_and_the_text_stays(tmp_path):
    text = f"""Neues Programm für Kommunen startet

•
•
•

Am 3. März in Kassel

Wiesbaden, 2. März 2025 – {WIDE}
vorgestellt. Es richtet sich an alle Städte und Gemeinden des Landes, die Radwege planen.
"""
    release = _release(tmp_path, text)
    assert "Am 3. März in Kassel" in _text(release) and "•" not in _text(release)


def test_a_headline_that_wraps_early_stays_one_headline(tmp_path):
    """A headline in a larger type wraps long before the column ends; its next line going on in lower case
    says it is the same headline, not a new paragraph."""
    text = f"""Pressemitteilung

So fördert das Land die Radwege – ein neues Programm
gibt 28 Kommunen Geld
Wiesbaden, 2. März 2025 – {WIDE}
vorgestellt. Es richtet sich an alle Städte und Gemeinden des Landes, die Radwege planen und
bauen wollen.
"""
    release = _release(tmp_path, text)
    assert release.meta.title == "So fördert das Land die Radwege – ein neues Programm gibt 28 Kommunen Geld"
    assert release.meta.date.isoformat() == "2025-03-02"
