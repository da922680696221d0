"""The rendition registry: every spec is complete, and a rendition added by a plugin package — one module
with one spec, found through the `accesspub.renditions` entry-point group — is built, cached, linked from
the page and checked like the built-in ones."""

from __future__ import annotations

import json
import re
import textwrap
from importlib.metadata import entry_points

import pytest

from accesspub import renditions
from accesspub.language.lexicon import LANGUAGES, lexicon
from accesspub.manifest import read_manifest
from accesspub.render.frame import human_size
from accesspub.renditions import CheckSpec, RenditionSpec
from accesspub.state import build_dir

from conftest import SAMPLE, run_build

UI = {lang: lexicon(lang)["ui"] for lang in LANGUAGES}

PLUGIN = '''
"""A plain-text rendition: the release's text as OUT/<slug>/<slug>.txt, and a check family for it."""

import pypandoc

from accesspub.atomic import write_text
from accesspub.findings import Finding
from accesspub.render import Rendition
from accesspub.renditions import CheckSpec, RenditionSpec


def render(release, ctx):
    path = ctx.release_dir(release) / f"{release.slug}.txt"
    text = pypandoc.convert_text(release.ast_json(), "plain", format="json", extra_args=["--wrap=none"])
    write_text(path, release.meta.title + "\\n\\n" + text)
    return Rendition("txt", [path])


def check(items, settings):
    return {slug: [Finding("txt-lines", "txt", "line-count", "info",
                           f"{len(path.read_text(encoding='utf-8').splitlines())} lines", path.name)]
            for slug, path in items}


SPECS = [
    RenditionSpec("txt", "accesspub_txt", ("{slug}.txt",), "text/plain", "TXT", "txt", settings=("publisher",),
                  checks=("txt-lines",), labels={"de": "Nur Text", "en": "Plain text"}),
    CheckSpec("txt-lines", "accesspub_txt"),
]
'''


@pytest.fixture
def txt_plugin(tmp_path, monkeypatch):
    """An installed plugin package: its module and a dist-info whose entry point names its specs."""
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "accesspub_txt.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "accesspub_txt-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: accesspub-txt\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{renditions.GROUP}]\ntxt = accesspub_txt:SPECS\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    renditions.reload()
    yield
    monkeypatch.undo()
    renditions.reload()


def test_every_declared_rendition_and_check_is_complete():
    assert renditions.problems(UI) == []
    assert renditions.build_order() == ("plain-audio", "plain", "audio", "pdf", "epub", "html")
    browser = [c for c, s in renditions.check_specs().items() if s.needs_browser]
    assert any(set(lane) == set(browser) for lane in renditions.lanes())      # one browser at a time


def test_an_incomplete_spec_is_caught():
    broken = (RenditionSpec("odt", "somewhere.odt", (), "application/vnd.oasis.opendocument.text", "ODT",
                            "odt-label", embeds=("docx",), checks=("odf-validator",)),
              CheckSpec("orphan", "somewhere.orphan"))
    renditions.register(*broken)
    try:
        found = "\n".join(renditions.problems(UI))
    finally:
        renditions.unregister("odt", "orphan")
    assert "'odt': 'files' is empty" in found
    assert "embeds unknown rendition 'docx'" in found
    assert "unknown check family 'odf-validator'" in found
    assert "no label 'odt-label' in the 'de' language data" in found
    assert "check 'orphan' reads no rendition, so it never runs" in found
    assert renditions.problems(UI) == []


def test_a_cycle_of_embeds_is_caught():
    renditions.register(RenditionSpec("a", "x.a", ("a",), "x/a", "A", "html", embeds=("b",)),
                        RenditionSpec("b", "x.b", ("b",), "x/b", "B", "html", embeds=("a",)))
    try:
        assert any("embeds itself" in p for p in renditions.problems(UI))
    finally:
        renditions.unregister("a", "b")


def test_a_plugin_rendition_is_built_cached_linked_and_checked(txt_plugin, tmp_path):
    assert [ep.name for ep in entry_points(group=renditions.GROUP)] == ["txt"]
    assert "txt" in renditions.names() and renditions.problems(UI) == []
    src = tmp_path / "content"
    src.mkdir()
    source = src / SAMPLE.name
    source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"

    first = run_build([src], out, formats=("html", "txt"))
    (slug, rebuilt), = first.rebuilt.items()
    assert rebuilt == ["txt", "html"]                      # built, before the page that links it
    txt = out / slug / f"{slug}.txt"
    assert "Regionalkonferenz" in txt.read_text(encoding="utf-8")
    page = (out / slug / "index.html").read_text(encoding="utf-8")
    link = re.search(rf'<a href="{re.escape(txt.name)}" type="text/plain"[^>]*>Nur Text</a>\s*'
                     r'<span class="meta-info">\(TXT, ([^)]+)\)</span>', page)
    assert link and link.group(1) == human_size(txt.stat().st_size, "de")
    report = json.loads((build_dir(out) / slug / "report.json").read_text(encoding="utf-8"))
    lines = [f for f in report["findings"] if f["check"] == "txt-lines"]
    assert lines == [{"check": "txt-lines", "rendition": "txt", "rule": "line-count", "severity": "info",
                      "message": f"{len(txt.read_text(encoding='utf-8').splitlines())} lines",
                      "location": txt.name}]
    assert report["renditions"]["txt"] == txt.name
    built = read_manifest(build_dir(out) / slug / "manifest.json").built
    assert {n: b.files for n, b in built.items()} == {n: renditions.files_of(n, slug) for n in ("txt", "html")}
    site = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{slug}/{txt.name}" type="text/plain">Nur Text</a>' in site

    stamp = txt.stat().st_mtime_ns
    again = run_build([src], out, formats=("html", "txt"))
    assert again.rebuilt == {slug: []} and txt.stat().st_mtime_ns == stamp      # cached
    assert [f["check"] for f in json.loads((build_dir(out) / slug / "report.json").read_text())["findings"]
            if f["check"] == "txt-lines"] == ["txt-lines"]                      # its finding is kept

    source.write_text(source.read_text(encoding="utf-8").replace("massiv erweitert", "stark erweitert"),
                      encoding="utf-8")
    third = run_build([src], out, formats=("html", "txt"))
    assert third.rebuilt == {slug: ["txt", "html"]}
    assert "stark erweitert" in txt.read_text(encoding="utf-8")


def test_config_and_command_line_accept_only_declared_formats(txt_plugin, tmp_path):
    from accesspub.cli import _formats
    from accesspub.config import Settings
    from accesspub.errors import UsageError
    assert _formats("txt", []) == ("txt", "html")                # the page is always built
    assert Settings(output={"formats": ["txt"]}).output.formats == ["txt"]
    with pytest.raises(UsageError, match="unknown format"):
        _formats("docx", [])
    with pytest.raises(ValueError, match="unknown format"):
        Settings(output={"formats": ["docx"]})


def test_no_module_imports_the_html_rendition():
    """The page frame (render/frame.py) and the body (render/body.py) are shared; the html rendition is not."""
    import ast
    from accesspub.paths import PACKAGE
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        package = ".".join(("accesspub", *path.relative_to(PACKAGE).with_suffix("").parts))
        base = package if path.name == "__init__.py" else package.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                parts = base.split(".")
                origin = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else [])) \
                    if node.level else node.module
                names = [origin] + [f"{origin}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if "accesspub.render.html" in names:
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
