"""What the rules read, parsed once per file: the structure tree (role-mapped, with inherited language)
and the marked-content events of every content stream."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

STANDARD = frozenset("""
Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form
""".split())
LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI", "INLINE IMAGE", "Do"}


def valid_language(value) -> bool:
    """A usable BCP 47 tag (an empty /Lang, as WeasyPrint writes without <html lang>, is none)."""
    return value is not None and bool(LANGUAGE.match(str(value)))


def kids_of(obj) -> list:
    k = obj.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


@dataclass
class Element:
    """A structure element as the rules see it."""

    obj: Dictionary
    raw: str                                    # /S as written
    type: str                                   # after role mapping ("" when it ends nowhere standard)
    parent: "Element | None"
    depth: int
    lang: str | None                            # its own or inherited /Lang
    kids: list["Element"] = field(default_factory=list)
    mcids: list[tuple[tuple, int]] = field(default_factory=list)   # ((page or stream objgen), MCID)
    objrs: list[Dictionary] = field(default_factory=list)

    def attribute(self, owner: str, key: str):
        """An attribute of owner `owner` (e.g. Table/Scope) from /A (a dictionary or an array of them)."""
        attrs = self.obj.get("/A")
        for a in (list(attrs) if isinstance(attrs, Array) else [attrs] if attrs is not None else []):
            if isinstance(a, Dictionary) and a.get("/O") == Name("/" + owner) and ("/" + key) in a:
                return a["/" + key]
        return None

    @property
    def where(self) -> str:
        path, e = [], self
        while e is not None:
            path.append(e.raw)
            e = e.parent
        return "/".join(reversed(path))


@dataclass
class Marked:
    """One operator of a content stream with the marked-content sequences it is inside (outermost first)."""

    page: int                                   # 1-based
    operator: str
    operands: list
    stack: tuple                                # ((tag, mcid or None, stream objgen), ...)
    font: Dictionary | None = None


class Document:
    """A PDF opened for checking."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.root = pdf.Root
        self.catalog_lang = self.root.get("/Lang")
        self.page_number = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}

    @cached_property
    def tree_root(self) -> Dictionary | None:
        return self.root.get("/StructTreeRoot")

    @cached_property
    def role_map(self) -> dict[str, str]:
        rm = self.tree_root.get("/RoleMap") if self.tree_root is not None else None
        return {str(k)[1:]: str(v)[1:] for k, v in rm.items()} if isinstance(rm, Dictionary) else {}

    def standard_type(self, raw: str) -> str:
        """The standard type a type maps to; "" for none or a circular mapping."""
        seen = set()
        t = raw
        while t not in STANDARD:
            if t in seen or t not in self.role_map:
                return ""
            seen.add(t)
            t = self.role_map[t]
        return t

    @cached_property
    def elements(self) -> list[Element]:
        """Every structure element reachable from the root, in reading order."""
        out: list[Element] = []
        if self.tree_root is None:
            return out
        seen: set = set()

        def visit(obj, parent, depth, lang, page):
            for kid in kids_of(obj):
                if isinstance(kid, int) and parent is not None:
                    if page is not None:
                        parent.mcids.append((page.objgen, int(kid)))
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    owner = kid.get("/Stm") or kid.get("/Pg") or page
                    if parent is not None and owner is not None:
                        parent.mcids.append((owner.objgen, int(kid.MCID)))
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                    if parent is not None:
                        parent.objrs.append(kid)
                elif isinstance(kid, Dictionary) and "/S" in kid and kid.objgen not in seen:
                    seen.add(kid.objgen)
                    own = kid.get("/Lang")
                    raw = str(kid.S)[1:]
                    elem = Element(kid, raw, self.standard_type(raw), parent, depth,
                                   str(own) if own is not None else lang)
                    out.append(elem)
                    if parent is not None:
                        parent.kids.append(elem)
                    visit(kid, elem, depth + 1, elem.lang, kid.get("/Pg") or page)

        doc_lang = str(self.catalog_lang) if self.catalog_lang is not None else None
        visit(self.tree_root, None, 0, doc_lang, None)
        return out

    @cached_property
    def tagged(self) -> dict[tuple, Element]:
        """(page or stream objgen, MCID) → the structure element that holds it."""
        return {key: e for e in self.elements for key in e.mcids}

    @cached_property
    def by_objgen(self) -> dict[tuple, Element]:
        return {e.obj.objgen: e for e in self.elements}

    def parent_tree(self) -> dict[int, object]:
        """The /ParentTree number tree flattened."""
        out: dict[int, object] = {}

        def visit(node):
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums) - 1, 2):
                    out[int(nums[i])] = nums[i + 1]
            for kid in node.get("/Kids", []):
                visit(kid)

        if self.tree_root is not None and "/ParentTree" in self.tree_root:
            visit(self.tree_root.ParentTree)
        return out

    @cached_property
    def content(self) -> list[Marked]:
        """Every painting and text-showing operator of every page, Form XObjects followed."""
        events: list[Marked] = []
        for number, page in enumerate(self.pdf.pages, start=1):
            self._stream(page.obj, page.obj.get("/Resources"), number, (), page.obj.objgen, events, set())
        return events

    def _stream(self, owner, resources, page: int, outer: tuple, key: tuple, events: list, forms: set) -> None:
        stack = list(outer)
        font = None
        try:
            ops = pikepdf.parse_content_stream(owner)
        except pikepdf.PdfError:
            return
        for operands, operator in ops:
            op = str(operator)
            if op == "BMC":
                stack.append((str(operands[0])[1:], None, key))
            elif op == "BDC":
                props = operands[1]
                if isinstance(props, Name) and resources is not None:
                    props = resources.get("/Properties", {}).get(props)
                mcid = int(props.MCID) if isinstance(props, Dictionary) and "/MCID" in props else None
                stack.append((str(operands[0])[1:], mcid, key))
            elif op == "EMC":
                if stack and len(stack) > len(outer):
                    stack.pop()
            elif op == "Tf":
                fonts = resources.get("/Font") if resources is not None else None
                font = fonts.get(operands[0]) if fonts is not None else None
            elif op == "Do":
                xobjects = resources.get("/XObject") if resources is not None else None
                xobj = xobjects.get(operands[0]) if xobjects is not None else None
                if isinstance(xobj, Stream) and xobj.get("/Subtype") == Name.Form:
                    if xobj.objgen not in forms:
                        self._stream(xobj, xobj.get("/Resources") or resources, page, tuple(stack),
                                     xobj.objgen, events, forms | {xobj.objgen})
                    continue
                events.append(Marked(page, op, list(operands), tuple(stack)))
            elif op in TEXT_SHOWING or op in PAINTING:
                events.append(Marked(page, op, list(operands), tuple(stack), font))
