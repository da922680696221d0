"""The PDF rendition: the sample and the PDF test releases rendered, checked, and read as a reader gets them."""

from __future__ import annotations

import os

import pikepdf
import pytest

from accesspub.checks import pdf as checker
from accesspub.checks.pdf.document import Document
from accesspub.checks.pdf.fonts import shown_codes
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render import pdf as rendition
from accesspub.render.body import body_html
from accesspub.render.pdf.engine import engine

from conftest import SAMPLE
from pdf_helpers import FIXTURES, render_html, struct_text

RELEASES = {"sample": SAMPLE, "figures-en": FIXTURES / "figures-en.md", "long-de": FIXTURES / "long-de.md"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every PDF test release rendered once, by one engine: name → (release, Rendition)."""
    ctx = BuildContext(settings=Settings(), out=tmp_path_factory.mktemp("pdf"))
    out = {}
    for name, source in RELEASES.items():
        release = load_release(source, ctx.settings)
        out[name] = (release, rendition.render(release, ctx))
    return out


def _open(built, name) -> pikepdf.Pdf:
    return pikepdf.open(built[name][1].files[0])


@pytest.mark.parametrize("name", RELEASES)
def test_no_error_findings_from_our_checker_or_weasyprint(built, name):
    release, result = built[name]
    path = result.files[0]
    assert path.name == f"{release.slug}.pdf" and path.parent.name == release.slug
    assert result.findings == []
    found = checker.check([(release.slug, path)])[release.slug]
    assert [f for f in found if f.severity == "error"] == []


def test_sample_reads_in_order_as_the_golden_file(built):
    """What a screen reader gets from the sample's structure tree (poppler), in reading order."""
    text = struct_text(built["sample"][1].files[0])
    golden = FIXTURES / "sample-struct.golden"
    if os.environ.get("ACCESSPUB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    order = ["Pressestelle", "Regionalkonferenz Nord im Rahmen des", "Wiesbaden", "27. Oktober 2017",
             "Bad Hersfeld.", "Der Bevollmächtigte für Integration", "BlockQuote",
             "Mit der Einrichtung der 33", "Caption", '"so der Staatssekretär."', "Klose erklärte abschließend",
             "Stimmungen schüren wollen."]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_document_metadata_comes_from_the_release(built):
    release, _ = built["long-de"]
    with _open(built, "long-de") as pdf:
        info = pdf.docinfo
        assert str(info.Title) == release.meta.title
        assert str(info.Author) == "Pressestelle"
        assert str(info.Subject) == release.meta.summary
        assert str(info.Keywords) == "Integration, Landesprogramm WIR, Förderung"
        assert str(info.CreationDate).startswith("D:20250203")
        assert str(pdf.Root.Lang) == "de"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == release.meta.title
        assert b'pdfuaid:part="1"' in pdf.Root.Metadata.read_bytes()
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert titles[0] == release.meta.title and "Wo die Stellen entstehen" in titles[0:1] + [
            kid.title for item in outline.root for kid in item.children]


def test_a4_large_left_aligned_text_and_the_atkinson_font_embedded(built):
    with _open(built, "long-de") as pdf:
        assert [round(float(x)) for x in pdf.pages[0].MediaBox] == [0, 0, 595, 842]
        doc = Document(pdf)
        sizes = set()
        for page in pdf.pages:
            artifact = 0
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) in ("BMC", "BDC"):
                    artifact += 1 if str(operands[0]) == "/Artifact" or artifact else 0
                elif str(op) == "EMC" and artifact:
                    artifact -= 1
                elif str(op) == "Tf" and not artifact:
                    sizes.add(float(operands[1]))
        assert min(sizes) >= 11
        fonts = {str(f.BaseFont): f for f, _ in shown_codes(doc).values()}
        atkinson = [f for name, f in fonts.items() if "Atkinson-Hyperlegible-Next" in name]
        assert atkinson, fonts.keys()
        for font in atkinson:
            descriptor = font.DescendantFonts[0].FontDescriptor
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_page_numbers_are_pagination_artifacts_and_in_no_structure(built):
    with _open(built, "long-de") as pdf:
        assert len(pdf.pages) >= 3
        doc = Document(pdf)
        artifacts = [e for e in doc.content if e.operator in ("Tj", "TJ")
                     and any(t == "Artifact" for t, _, _ in e.stack)]
        assert {e.page for e in artifacts} == set(range(1, len(pdf.pages) + 1))
    assert "Seite" not in struct_text(built["long-de"][1].files[0])


def test_split_table_is_one_table_with_one_header_row_and_scopes(built):
    text = struct_text(built["long-de"][1].files[0])
    assert text.count("Table (block)") == 1 and text.count("THead") == 1 and text.count("TBody") == 1
    assert text.count('"Kassel"') == 1 and text.count('"Gudensberg"') == 1
    with _open(built, "long-de") as pdf:
        doc = Document(pdf)
        ths = [e for e in doc.elements if e.type == "TH"]
        assert len(ths) == 3 and {str(e.attribute("Table", "Scope")) for e in ths} == {"/Column"}


def test_split_elements_are_joined(built):
    """An element broken over lines or pages (WeasyPrint #2903) is one element again."""
    text = struct_text(built["sample"][1].files[0])
    assert text.count("\n  Art") == 1
    with _open(built, "sample") as pdf:
        quotes = [e for e in Document(pdf).elements if e.type == "Quote"]
    assert len(quotes) == body_html(built["sample"][0]).count("<q>") == 8


def test_abbreviations_languages_quotes_and_links_are_tagged(built):
    with _open(built, "sample") as pdf:
        doc = Document(pdf)
        expansions = {str(e.obj.E) for e in doc.elements if "/E" in e.obj}
        assert expansions == {"Millionen", "beziehungsweise"}
        quote = [e for e in doc.elements if e.type == "BlockQuote"]
        assert len(quote) == 1 and [k.type for k in quote[0].kids] == ["P", "Caption"]
    with _open(built, "long-de") as pdf:
        doc = Document(pdf)
        assert [e.lang for e in doc.elements if "/Lang" in e.obj] == ["en"]
        links = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        contents = {str(a.Contents) for a in links}
        # the labelled phone number of the contact is a tel: link since ingest links numbers (issue 15)
        assert contents == {"presse@example.org", "https://example.org/presse", "0611 123456 (tel:0611123456)"}
    with _open(built, "figures-en") as pdf:
        doc = Document(pdf)
        assert [e.lang for e in doc.elements if "/Lang" in e.obj] == ["fr"]
        figure = next(e for e in doc.elements if e.type == "Figure")
        assert str(figure.obj.Alt).startswith("A floor plan")
        assert {str(a.Contents) for p in pdf.pages for a in p.obj.get("/Annots", [])} == {
            "project page (https://example.org/reading-room)"}


def test_publisher_identity_is_real_content_on_page_one(built):
    text = struct_text(built["figures-en"][1].files[0])
    assert text.index('"Pressestelle"') < text.index("H1")


def test_weasyprint_errors_become_findings(tmp_path):
    html = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><img src="data:image/gif;base64,' \
           'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></body></html>'
    _, findings = render_html(engine({}), html, tmp_path / "x.pdf")
    assert [f.severity for f in findings] == ["error"] and "alt" in findings[0].message


def test_one_engine_per_build(tmp_path):
    services: dict = {}
    assert engine(services) is engine(services)


def test_logo_is_a_figure_with_its_text_alternative_on_page_one(tmp_path):
    settings = Settings(publisher={"name": "City of Springfield", "logo": "plan.svg", "logo_alt": "City arms"},
                        root=FIXTURES)
    ctx = BuildContext(settings=settings, out=tmp_path)
    result = rendition.render(load_release(FIXTURES / "figures-en.md", settings), ctx)
    with pikepdf.open(result.files[0]) as pdf:
        doc = Document(pdf)
        figures = [e for e in doc.elements if e.type == "Figure"]
        assert str(figures[0].obj.Alt) == "City arms" and figures[0].obj.Pg.objgen == pdf.pages[0].obj.objgen
    assert 'City of Springfield"' in struct_text(result.files[0])
    assert checker.check_file(result.files[0]) == []


def test_glyphs_atkinson_lacks_fall_back_to_embedded_noto(tmp_path):
    html = '<!DOCTYPE html><html lang="de"><head><title>t</title></head><body><h1>Grüße</h1>' \
           '<p>Grüße nach <span lang="ru">Москва</span> und <span lang="el">Αθήνα</span>.</p></body></html>'
    path, findings = render_html(engine({}), html, tmp_path / "noto.pdf")
    assert findings == [] and checker.check_file(path) == []
    with pikepdf.open(path) as pdf:
        names = {str(f.BaseFont) for f, _ in shown_codes(Document(pdf)).values()}
    assert any("Atkinson" in n for n in names) and any("Noto" in n for n in names)


@pytest.mark.parametrize("name", RELEASES)
def test_parent_tree_maps_every_mcid_to_the_element_holding_it(built, name):
    """After joining and re-tagging, content → structure lookups (the ParentTree) still agree with the tree."""
    with _open(built, name) as pdf:
        doc = Document(pdf)
        tree = doc.parent_tree()
        for page in pdf.pages:
            refs = tree[int(page.obj.StructParents)]
            held = {mcid: e for (owner, mcid), e in doc.tagged.items() if owner == page.obj.objgen}
            assert set(held) == {i for i, r in enumerate(refs) if isinstance(r, pikepdf.Dictionary)}
            assert all(refs[mcid].objgen == e.obj.objgen for mcid, e in held.items())


def test_a_link_wrapped_over_two_lines_keeps_both_annotations_under_its_link_element(tmp_path):
    """WeasyPrint tags each line's piece of a link as a Link; joined into one, the parent tree must follow."""
    words = " ".join(["Wort"] * 14)
    html = ('<!DOCTYPE html><html lang="de"><head><title>t</title></head><body><h1>Links</h1>'
            f'<p>{words} <a href="https://example.org/ein/pfad">ein Link, dessen Text so lang ist, dass er '
            f'über das Ende der Zeile hinaus auf die nächste reicht</a> und danach {words}.</p></body></html>')
    path, _ = render_html(engine({}), html, tmp_path / "wrap.pdf")
    with pikepdf.open(path) as pdf:
        doc = Document(pdf)
        annots = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        assert len(annots) >= 2                     # the link did wrap: one annotation per line
        tree = doc.parent_tree()
        owners = {tree[int(a.StructParent)].objgen for a in annots}
        links = [e for e in doc.elements if e.type == "Link"]
        assert len(links) == 1 and owners == {links[0].obj.objgen}
        assert {str(a.Contents) for a in annots} == {
            "ein Link, dessen Text so lang ist, dass er über das Ende der Zeile hinaus auf die nächste reicht "
            "(https://example.org/ein/pfad)"}
    assert checker.check_file(path) == []


def test_an_element_inside_a_link_adds_no_annotation_outside_the_link(tmp_path):
    """WeasyPrint gives `<a><code>…</code></a>` a second annotation, tagged under the code's element."""
    html = ('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>Profiles</h1>'
            '<p>The profile <a href="https://example.org/p/#tls"><code>tlsserver</code></a> and '
            '<a href="https://example.org/p/#classic">the <code>classic</code> profile</a> stay.</p></body></html>')
    path, _ = render_html(engine({}), html, tmp_path / "code.pdf")
    with pikepdf.open(path) as pdf:
        doc = Document(pdf)
        tree = doc.parent_tree()
        annots = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        holders = [doc.by_objgen[tree[int(a.StructParent)].objgen] for a in annots]
        assert [h.type for h in holders] == ["Link", "Link"]
        assert [str(a.Contents) for a in annots] == ["tlsserver (https://example.org/p/#tls)",
                                                     "the classic profile (https://example.org/p/#classic)"]
    assert checker.check_file(path) == []


def test_a_list_item_of_paragraphs_has_its_paragraphs_in_an_lbody(tmp_path):
    """A loose list (`<li><p>…</p></li>`) is tagged LI > Lbl, P by WeasyPrint; PDF/UA wants LI > Lbl, LBody."""
    html = ('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>Lists</h1>'
            '<ul><li><p>First item, a paragraph.</p></li><li><p>Second item.</p><p>Its second paragraph.</p></li>'
            '</ul><ol><li>tight</li></ol></body></html>')
    path, _ = render_html(engine({}), html, tmp_path / "loose.pdf")
    with pikepdf.open(path) as pdf:
        doc = Document(pdf)
        items = [e for e in doc.elements if e.type == "LI"]
        assert [[k.type for k in li.kids] for li in items] == [["Lbl", "LBody"]] * 3
        assert [[k.type for k in li.kids[1].kids] for li in items[:2]] == [["P"], ["P", "P"]]
        tree = doc.parent_tree()
        for page in pdf.pages:
            refs = tree[int(page.obj.StructParents)]
            held = {mcid: e for (owner, mcid), e in doc.tagged.items() if owner == page.obj.objgen}
            assert all(refs[mcid].objgen == e.obj.objgen for mcid, e in held.items())
    assert checker.check_file(path) == []
