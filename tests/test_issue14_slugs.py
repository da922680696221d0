"""Issue 14: two sources never share one folder; the collision is an error naming both."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_build

TEXT = "---\ntitle: {title}\ndate: 2025-03-01\nlang: de\n---\n\n**Berlin.** {body}\n"


def test_same_title_and_date_is_an_error_naming_both(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    (src / "a.md").write_text(TEXT.format(title="Neue Radwege", body="Erste Fassung aus Datei A."), encoding="utf-8")
    (src / "b.md").write_text(TEXT.format(title="Neue Radwege", body="Zweite Fassung aus Datei B."), encoding="utf-8")
    (src / "c.md").write_text(TEXT.format(title="🎉🎉", body="Ein Fest."), encoding="utf-8")
    (src / "d.md").write_text(TEXT.format(title="🎉🎉", body="Noch ein Fest."), encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):      # and the next build keeps the owner
        result = run_build([src], out)
        assert result.exit_code == 2
        assert len(result.input_errors) == 1
        message = str(result.input_errors[0])
        assert "a.md" in message and "b.md" in message and "2025-03-01-neue-radwege" in message
        page = (out / "2025-03-01-neue-radwege" / "index.html").read_text(encoding="utf-8")
        assert "Datei A" in page and "Datei B" not in page
        assert sorted(r["slug"] for r in result.reports) == ["2025-03-01-c", "2025-03-01-d",
                                                             "2025-03-01-neue-radwege"]
    # a new source may not take over a folder whose source still exists, even when built alone
    result = run_build([src / "b.md"], out)
    assert result.exit_code == 2
    assert "Datei A" in (out / "2025-03-01-neue-radwege" / "index.html").read_text(encoding="utf-8")
    # once the owner is gone, the other may have the slug
    (src / "a.md").unlink()
    result = run_build([src], out)
    assert not result.input_errors
    assert "Datei B" in (out / "2025-03-01-neue-radwege" / "index.html").read_text(encoding="utf-8")


def test_one_file_by_two_spellings_is_one_release(tmp_path, monkeypatch):
    """Built from `content/…` and then from `/abs/…/content/…`: the same source keeps its slug, no conflict."""
    from accesspub import slugs
    from accesspub.errors import SourceError
    (tmp_path / "content").mkdir()
    source = tmp_path / "content" / "a.md"
    source.write_text("x", encoding="utf-8")
    other = tmp_path / "content" / "b.md"
    other.write_text("y", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    work = tmp_path / "work"
    slugs.claim(work, "2025-01-01-a", Path("content/a.md"))
    slugs.claim(work, "2025-01-01-a", source.resolve())
    with pytest.raises(SourceError):
        slugs.claim(work, "2025-01-01-a", other)
