"""Our Matterhorn checker: silent on a good PDF, and every rule shown to fail on a PDF crafted to break it."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String
from weasyprint import HTML

from accesspub.checks import pdf as checker
from accesspub.checks.pdf import verapdf
from accesspub.checks.pdf.document import Document
from accesspub.checks.pdf.registry import RULES
from accesspub.render.pdf.engine import engine

from pdf_helpers import FIXTURES, render_html

GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
BODY = f"""<h1>Press release</h1>
<p>Costs rose by 9 <abbr title="million">m</abbr> euros, <span lang="fr">à peu près</span>, see
<a href="https://example.org/">the report</a>.</p>
<h2>Figures</h2>
<p><img src="{GIF}" alt="A bar chart of the costs" width="40" height="20"></p>
<table><thead><tr><th scope="col">Year</th><th scope="col">Cost</th></tr></thead>
<tbody><tr><th scope="row">2024</th><td>9</td></tr><tr><th scope="row">2025</th><td>10</td></tr></tbody></table>
<ul><li>one</li><li>two</li></ul>
<h3>Details</h3><p>More text.</p>"""


def page(body: str = BODY, lang: str | None = "en", title: str = "Press release", margin: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    style = f"<style>@page {{ @top-center {{ content: '{margin}'; }} }}</style>" if margin else ""
    return f"<!DOCTYPE html><html{lang_attr}><head><meta charset='utf-8'><title>{title}</title>{style}</head>" \
           f"<body>{body}</body></html>"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf-checker")


@pytest.fixture(scope="module")
def good(folder) -> Path:
    path, findings = render_html(engine({}), page(), folder / "good.pdf")
    assert findings == []
    return path


def rules_failing(path: Path) -> set[str]:
    return {f.rule for f in checker.check_file(path)}


def test_good_pdf_passes_every_rule(good):
    assert checker.check_file(good) == []


def test_check_reports_per_slug_with_coverage_when_verapdf_is_absent(good):
    found = checker.check([("a", good)])["a"]
    if verapdf.available() is None:
        assert [(f.rule, f.severity) for f in found] == [("coverage", "info")]
    assert all(f.check in ("pdf-ua", "verapdf") and f.rendition == "pdf" for f in found)


# --- crafted bad PDFs -----------------------------------------------------------------------------------------

def edit(good: Path, folder: Path, name: str, change) -> Path:
    """A copy of the good PDF changed by `change(pdf)` with pikepdf."""
    target = folder / f"{name}.pdf"
    with pikepdf.open(good) as pdf:
        change(pdf)
        pdf.save(target)
    return target


def elements(pdf, kind: str) -> list:
    return [e.obj for e in Document(pdf).elements if e.raw == kind]


def rewrite_page(pdf, change) -> None:
    page = pdf.pages[0]
    ops = change(list(pikepdf.parse_content_stream(page)))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def _insert_after_first(ops, test, extra):
    i = next(i for i, (operands, op) in enumerate(ops) if test(operands, str(op)))
    return ops[:i + 1] + extra + ops[i + 1:]


def _rect():
    return [([0, 0, 1, 1], pikepdf.Operator("re")), ([], pikepdf.Operator("f"))]


def artifact_in_tagged(pdf):
    rewrite_page(pdf, lambda ops: _insert_after_first(
        ops, lambda o, op: op == "BDC" and "/MCID" in o[1],
        [([Name.Artifact], pikepdf.Operator("BMC")), *_rect(), ([], pikepdf.Operator("EMC"))]))


def tagged_in_artifact(pdf):
    rewrite_page(pdf, lambda ops: _insert_after_first(
        ops, lambda o, op: op == "BMC" and o[0] == Name.Artifact,
        [([Name.P, Dictionary(MCID=9999)], pikepdf.Operator("BDC")), *_rect(), ([], pikepdf.Operator("EMC"))]))


def notdef_shown(pdf):
    def change(ops):
        i = next(i for i, (_, op) in enumerate(ops) if str(op) == "TJ")
        return ops[:i] + [([Array([String(b"\x00\x00")])], pikepdf.Operator("TJ"))] + ops[i + 1:]
    rewrite_page(pdf, change)


def retype(kind: str, new: str, index: int = 0):
    def change(pdf):
        elements(pdf, kind)[index].S = Name(new)
    return change


def role_map(mapping: dict, retyped: tuple[str, str] | None = None):
    def change(pdf):
        pdf.Root.StructTreeRoot.RoleMap = Dictionary({k: Name(v) for k, v in mapping.items()})
        if retyped:
            retype(*retyped)(pdf)
    return change


def xmp(old: bytes, new: bytes, regex: bool = False):
    def change(pdf):
        data = pdf.Root.Metadata.read_bytes()
        data = re.sub(old, new, data, flags=re.S) if regex else data.replace(old, new)
        pdf.Root.Metadata = pdf.make_stream(data, Type=Name.Metadata, Subtype=Name.XML)
    return change


def without_lang(pdf):
    del pdf.Root["/Lang"]


def form_field(pdf):
    without_lang(pdf)
    field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("name"), TU=String("Your name")))
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]))


def headers_without_scope(pdf):
    for th in elements(pdf, "TH"):
        del th.A["/Scope"]
    for td in elements(pdf, "TD"):
        del td.A["/Headers"]


def first_font(pdf):
    return pdf.pages[0].Resources.Font[next(iter(pdf.pages[0].Resources.Font.keys()))]


def set_tabs(value):
    def change(pdf):
        for p in pdf.pages:
            if value is None:
                del p.obj["/Tabs"]
            else:
                p.obj.Tabs = Name(value)
    return change


def drop_contents(pdf):
    for p in pdf.pages:
        for a in p.obj.get("/Annots", []):
            del a["/Contents"]


def empty_to_unicode(pdf):
    font = first_font(pdf)
    font.ToUnicode = pdf.make_stream(b"begincmap\n1 beginbfchar\n<FFFF> <0020>\nendbfchar\nendcmap\n")


def del_font_file(pdf):
    descriptor = first_font(pdf).DescendantFonts[0].FontDescriptor
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            del descriptor[key]


def del_key(key: str):
    def change(pdf):
        del first_font(pdf)[key]
    return change


EDITS = {
    "01-003": artifact_in_tagged,
    "01-004": tagged_in_artifact,
    "01-007": lambda pdf: setattr(pdf.Root.MarkInfo, "Suspects", True),
    "02-001": retype("P", "/Para"),
    "02-003": role_map({"/Para": "/Text", "/Text": "/Para"}, ("P", "/Para")),
    "02-004": role_map({"/P": "/Span"}),
    "06-001": lambda pdf: pdf.Root.__delitem__("/Metadata"),
    "06-002": xmp(b' pdfuaid:part="1"', b""),
    "06-003": xmp(rb"<dc:title>.*?</dc:title>", b"", regex=True),
    "07-001": lambda pdf: pdf.Root.ViewerPreferences.__delitem__("/DisplayDocTitle"),
    "07-002": lambda pdf: setattr(pdf.Root.ViewerPreferences, "DisplayDocTitle", False),
    "09-004": retype("TR", "/Div"),
    "09-005": retype("LI", "/P"),
    "10-001": empty_to_unicode,
    "11-002": without_lang,
    "11-003": without_lang,
    "11-004": without_lang,
    "11-005": form_field,
    "13-004": lambda pdf: next(e for e in elements(pdf, "Figure")).__delitem__("/Alt"),
    "14-006": lambda pdf: [retype(h, "/H")(pdf) for h in ("H2", "H3")],
    "14-007": retype("H3", "/H"),
    "15-003": headers_without_scope,
    "28-008": set_tabs(None),
    "28-009": set_tabs("/R"),
    "28-011": retype("Link", "/Span"),
    "28-012": drop_contents,
    "31-009": del_font_file,
    "31-027": del_key("/ToUnicode"),
    "31-030": notdef_shown,
}


@pytest.mark.parametrize("rule", sorted(EDITS))
def test_rule_fails_on_an_edited_pdf(rule, good, folder):
    bad = edit(good, folder, rule, EDITS[rule])
    assert rule in rules_failing(bad)


def _rendered(folder: Path, name: str, html: str, repaired: bool = True) -> Path:
    return render_html(engine({}), html, folder / f"{name}.pdf", repaired)[0]


def test_untagged_pdf_fails(folder):
    """WeasyPrint without pdf_variant: no tags, no XMP, no DisplayDocTitle."""
    path = folder / "untagged.pdf"
    HTML(string=page()).write_pdf(path)
    assert {"01-005", "06-001", "07-001"} <= rules_failing(path)


def test_missing_alt_fails(folder):
    path = _rendered(folder, "no-alt", page(f'<h1>T</h1><p><img src="{GIF}"></p>'))
    assert "13-004" in rules_failing(path)


def test_skipped_heading_levels_fail(folder):
    assert "14-003" in rules_failing(_rendered(folder, "h1-h3", page("<h1>A</h1><h3>B</h3><p>x</p>")))
    assert "14-002" in rules_failing(_rendered(folder, "h2-first", page("<h2>A</h2><p>x</p>")))


def test_missing_lang_fails(folder):
    failing = rules_failing(_rendered(folder, "no-lang", page(lang=None)))
    assert {"11-001", "11-003", "11-006"} <= failing


def test_missing_title_fails(folder):
    path = folder / "no-title.pdf"
    HTML(string=page().replace("<title>Press release</title>", "")).write_pdf(path, pdf_variant="pdf/ua-1")
    assert "06-003" in rules_failing(path)


def test_unmarked_header_text_fails_until_repaired(folder):
    html = page(margin="Press office")
    assert "01-005" in rules_failing(_rendered(folder, "header-raw", html, repaired=False))
    assert rules_failing(_rendered(folder, "header-repaired", html)) == set()


def test_every_rule_has_a_failing_test():
    shown_elsewhere = {"01-005", "11-001", "11-006", "14-002", "14-003"}
    assert set(EDITS) | shown_elsewhere == set(RULES)


def test_verapdf_report_parsing():
    report = (FIXTURES / "verapdf-mrr.xml").read_bytes()
    found = verapdf.parse_report(report)
    findings = found["/tmp/x.pdf"]
    assert [(f.rule, f.check, f.severity) for f in findings] == [("UA1:7.1-3", "verapdf", "error")]
    assert "Figure" not in findings[0].message and "2 failed checks" in findings[0].message
