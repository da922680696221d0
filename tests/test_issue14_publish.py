"""Issue 14: drafts and releases under embargo are built and checked but appear in no public file until a build
after their time; the output folder holds only what is published, the state folder the rest."""

from __future__ import annotations

import datetime as dt
import json
import time
from zoneinfo import ZoneInfo

from accesspub.config import Settings
from accesspub.state import build_dir

from conftest import run_build

TEXT = "---\ntitle: {title}\ndate: 2025-03-0{n}\nlang: de\n{extra}---\n\n**Kassel.** {body}\n"


def _public_text(out) -> str:
    """Everything a reader of the site can fetch, as one text."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(out.rglob("*")) if p.is_file())


def test_drafts_and_embargo_are_held_until_their_time(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    soon = dt.datetime.now(ZoneInfo("Europe/Berlin")).replace(tzinfo=None, microsecond=0) + dt.timedelta(seconds=25)
    cases = {
        "oeffentlich": ("Radwege für Kassel", ""),
        "entwurf": ("Geheimer Entwurf Alpha", "draft: true\n"),
        "sperrfrist": ("Gesperrte Nachricht Beta", "embargo: 2099-01-01T00:00:00+01:00\n"),
        "bald": ("Baldige Nachricht Gamma", f"embargo: {soon.isoformat()}\n"),     # no zone: site.timezone
    }
    for n, (name, (title, extra)) in enumerate(cases.items(), start=1):
        (src / f"{name}.md").write_text(TEXT.format(title=title, n=n, extra=extra, body=f"Text zu {title}."),
                                        encoding="utf-8")
    out = tmp_path / "out"
    result = run_build([src], out)
    assert result.exit_code == 0, [f for r in result.reports for f in r["findings"]]
    public = _public_text(out)
    assert "Radwege für Kassel" in public
    for title in ("Alpha", "Beta", "Gamma"):
        assert title not in public, title
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["2025-03-01-radwege-fuer-kassel", "_assets", "_docs", "pagefind"]
    held = {h["slug"]: h for h in result.held}
    assert held["2025-03-02-geheimer-entwurf-alpha"]["reason"] == "draft"
    assert held["2025-03-03-gesperrte-nachricht-beta"]["until"].startswith("2099-01-01T00:00:00+01:00")
    gamma = held["2025-03-04-baldige-nachricht-gamma"]
    assert dt.datetime.fromisoformat(gamma["until"]) == soon.replace(tzinfo=ZoneInfo("Europe/Berlin"))
    report = json.loads((build_dir(out) / "report.json").read_text())
    assert {h["slug"] for h in report["held"]} == set(held)
    # held releases were built and checked all the same
    assert (build_dir(out) / "2025-03-02-geheimer-entwurf-alpha" / "index.html").exists()
    assert {r["slug"] for r in result.reports} >= set(held)
    # a build after the embargo publishes it, although nothing changed in the source
    time.sleep(max(0.0, (soon.replace(tzinfo=ZoneInfo("Europe/Berlin")) - dt.datetime.now(dt.timezone.utc))
                   .total_seconds() + 1))
    result = run_build([src], out)
    assert result.rebuilt.get("2025-03-04-baldige-nachricht-gamma") == []
    public = _public_text(out)
    assert "Gamma" in public and (out / "2025-03-04-baldige-nachricht-gamma" / "index.html").exists()
    assert "Alpha" not in public and "Beta" not in public
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "Baldige Nachricht Gamma" in feed and "Radwege für Kassel" in feed
    # a published release made a draft again leaves the site
    (src / "oeffentlich.md").write_text(TEXT.format(title="Radwege für Kassel", n=1, extra="draft: true\n",
                                                    body="Text."), encoding="utf-8")
    run_build([src], out)
    assert "Radwege für Kassel" not in _public_text(out)
    assert not (out / "2025-03-01-radwege-fuer-kassel").exists()


def test_output_holds_only_what_is_published(tmp_path):
    (tmp_path / "r.md").write_text(TEXT.format(title="Neue Busse", n=1, extra="", body="Mehr Busse."),
                                   encoding="utf-8")
    out = tmp_path / "out"
    run_build([tmp_path / "r.md"], out)
    names = {p.name for p in out.rglob("*")}
    assert not names & {"report.json", "report.html", "manifest.json", ".accesspub.lock", ".claims"}
    assert not [n for n in names if n.startswith(".")]
    assert (build_dir(out) / "report.json").exists()
    run_build([tmp_path / "r.md"], out, settings=Settings(output={"publish_reports": True}))
    assert (out / "report.html").exists() and (out / "2025-03-01-neue-busse" / "report.html").exists()
    assert not list(out.rglob("manifest.json"))


def test_an_output_folder_inside_the_source_folder_is_never_read_as_sources(tmp_path):
    """`accesspub build . --out public`: the second build must not take the first one's pages and _docs
    (HTML, a source format) for releases, nor anything in a hidden folder (.git, the state folder)."""
    src = tmp_path / "site"
    src.mkdir()
    (src / "radwege.md").write_text(TEXT.format(title="Radwege für Kassel", n=1, extra="", body="Neue Wege."),
                                    encoding="utf-8")
    (src / ".git").mkdir()
    (src / ".git" / "notes.md").write_text(TEXT.format(title="Versteckt", n=2, extra="", body="Nein."),
                                           encoding="utf-8")
    out = src / "public"
    first = run_build([src], out)
    assert first.exit_code == 0 and list(first.rebuilt) == ["2025-03-01-radwege-fuer-kassel"]
    assert len(list(out.rglob("*.html"))) > 3, "the build publishes HTML pages, a source format too"
    second = run_build([src], out)
    assert [r["slug"] for r in second.reports] == ["2025-03-01-radwege-fuer-kassel"]
