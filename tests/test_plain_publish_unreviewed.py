"""Issue 13: with `plain.publish_unreviewed = false` an unreviewed machine plain version (and the audio that
speaks it) is built and checked in the state folder but is not on the public site, and no public page links
it; a signed-off plain version is published."""

from __future__ import annotations

from accesspub.config import Settings
from accesspub.state import build_dir

from conftest import run_build

TEXT = ("---\ntitle: Neue Radwege für Kassel\ndate: 2025-03-01\nlang: de\n{extra}---\n\n"
        "**Kassel.** Die Stadt baut neue Radwege, saniert alte Brücken und pflanzt in diesem Jahr 300 Bäume.\n")
SLUG = "2025-03-01-neue-radwege-fuer-kassel"


def _build(tmp_path, extra: str, publish_unreviewed: bool):
    src = tmp_path / "content"
    src.mkdir()
    (src / "radwege.md").write_text(TEXT.format(extra=extra), encoding="utf-8")
    settings = Settings()
    settings.plain.publish_unreviewed = publish_unreviewed
    out = tmp_path / "out"
    result = run_build([src], out, formats=("html", "plain"), settings=settings)
    assert result.exit_code == 0, [f for r in result.reports for f in r["findings"]]
    return out


def test_unreviewed_plain_version_is_not_published(tmp_path):
    out = _build(tmp_path, "", publish_unreviewed=False)
    assert (build_dir(out) / SLUG / "plain.html").exists()          # built and checked all the same
    public = out / SLUG
    assert (public / "index.html").exists() and not (public / "plain.html").exists()
    assert not any(".plain." in p.name for p in public.iterdir())
    assert "plain.html" not in (public / "index.html").read_text(encoding="utf-8")


def test_signed_off_plain_version_is_published(tmp_path):
    out = _build(tmp_path, "plain_review: {by: Eva Prüf, date: 2025-03-02}\n", publish_unreviewed=False)
    assert (out / SLUG / "plain.html").exists()
    assert "plain.html" in (out / SLUG / "index.html").read_text(encoding="utf-8")


def test_unreviewed_plain_version_is_published_by_default(tmp_path):
    out = _build(tmp_path, "", publish_unreviewed=True)
    page = (out / SLUG / "plain.html").read_text(encoding="utf-8")
    assert '<meta name="accesspub:plain-review" content="draft">' in page
