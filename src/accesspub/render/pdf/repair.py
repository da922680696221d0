"""Repairs of WeasyPrint's tagged PDF with pikepdf, each for one upstream defect (see RECIPES.md).

- margin-box text (page numbers) is tagged but its structure elements hang outside the tree (#1836):
  it becomes a pagination artifact;
- an element split across lines or pages becomes several elements (#2903): they are joined again, and a
  table header row repeated on a new page becomes a pagination artifact instead of being read twice;
- anonymous boxes become elements of their own: they are dissolved into their element; `aria-hidden`
  content (a caption that repeats the image's alt text) becomes an artifact;
- a list item of paragraphs (`<li><p>`) is LI > Lbl, P: the paragraphs go into an LBody;
- element `lang`, `<abbr title>`, `<q>`, `<th scope>` are lost, `<figure>` becomes NonStruct (#2508, #2482):
  they become `/Lang`, `/E`, Quote, `/Scope`, BlockQuote + Caption or Div + Figure + Caption;
- link annotations carry only the URL as `/Contents`: the link text becomes their alternate description;
  an element inside a link gets an annotation of its own, tagged under it instead of the Link: it goes
  (the Link's annotation covers it) or moves under the Link.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .origins import KEY

SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}


def _kids(elem) -> list:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


def _is_elem(obj) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


def _origin(elem) -> Dictionary | None:
    return elem.get("/" + KEY)


def _walk(elem, seen: set):
    """Every structure element below `elem`, depth first, in reading order."""
    for kid in _kids(elem):
        if _is_elem(kid) and kid.objgen not in seen:
            seen.add(kid.objgen)
            yield kid
            yield from _walk(kid, seen)


class ParentTree:
    """The parent tree's entries (StructParents key → element or array of elements by MCID), edited in place."""

    def __init__(self, root):
        self.nums = root.ParentTree.get("/Nums", Array())
        self.entries = {int(self.nums[i]): self.nums[i + 1] for i in range(0, len(self.nums), 2)}

    def replace(self, old, new) -> None:
        """Every reference to `old` now names `new`: an annotation's entry (a link split across lines) too."""
        for i in range(1, len(self.nums), 2):
            value = self.nums[i]
            if isinstance(value, Array):
                for j, ref in enumerate(value):
                    if isinstance(ref, Dictionary) and ref.objgen == old.objgen:
                        value[j] = new
            elif isinstance(value, Dictionary) and value.objgen == old.objgen:
                self.nums[i] = new
                self.entries[int(self.nums[i - 1])] = new

    def set(self, key: int, value) -> None:
        for i in range(0, len(self.nums), 2):
            if int(self.nums[i]) == key:
                self.nums[i + 1] = value
        self.entries[key] = value

    def point(self, page, mcid: int, new) -> None:
        """The marked content `mcid` of `page` now belongs to `new`."""
        refs = self.entries.get(int(page.StructParents)) if "/StructParents" in page else None
        if isinstance(refs, Array) and 0 <= mcid < len(refs):
            refs[mcid] = new

    def drop(self, key: int) -> None:
        """Forget an entry whose object is gone."""
        for i in range(len(self.nums) - 2, -1, -2):
            if int(self.nums[i]) == key:
                del self.nums[i + 1]
                del self.nums[i]
        self.entries.pop(key, None)


def _mcr(mcid: int, page) -> Dictionary:
    return Dictionary(Type=Name.MCR, Pg=page, MCID=mcid)


def _number(elem) -> int | None:
    origin = _origin(elem) if _is_elem(elem) else None
    return int(origin.N) if origin is not None else None


def _merge_split(elem, parents: ParentTree) -> None:
    """Join adjacent kids that came from the same HTML element (split by a line or page break)."""
    kids = _kids(elem)
    merged: list = []
    seen: set = set()
    for kid in kids:
        if _is_elem(kid) and kid.S in (Name.THead, Name.TFoot) and _number(kid) in seen:
            continue
        seen.add(_number(kid))
        prev = merged[-1] if merged else None
        if (_is_elem(kid) and prev is not None and _is_elem(prev) and _origin(kid) is not None
                and _origin(prev) is not None and int(_origin(kid).N) == int(_origin(prev).N)):
            page = kid.get("/Pg")
            moved = []
            for k in _kids(kid):
                if isinstance(k, int) and page is not None and prev.get("/Pg") is not None \
                        and page.objgen != prev.Pg.objgen:
                    k = _mcr(k, page)
                if _is_elem(k):
                    k.P = prev
                moved.append(k)
            prev.K = Array(_kids(prev) + moved)
            parents.replace(kid, prev)
            continue
        merged.append(kid)
    if len(merged) != len(kids):
        elem.K = Array(merged)
    for kid in merged:
        if _is_elem(kid):
            _merge_split(kid, parents)


def _splice(parent, child) -> None:
    """Replace `child` in `parent`'s kids by `child`'s own kids."""
    out = []
    for kid in _kids(parent):
        if _is_elem(kid) and kid.objgen == child.objgen:
            for grandkid in _kids(child):
                if _is_elem(grandkid):
                    grandkid.P = parent
                out.append(grandkid)
        else:
            out.append(kid)
    parent.K = Array(out)


def _figure(elem) -> None:
    """<figure>: a quotation becomes BlockQuote with its Caption inside; an image figure a Div of Figure + Caption."""
    kids = [k for k in _kids(elem) if _is_elem(k)]
    quotes = [k for k in kids if k.S == Name.BlockQuote]
    if quotes:
        elem.S = Name.BlockQuote
        for quote in quotes:
            _splice(elem, quote)
    else:
        elem.S = Name.Div


def _scope(th, row) -> None:
    origin = _origin(th)
    scope = SCOPES.get(str(origin.get("/Scope", ""))) if origin is not None else None
    if scope is None:
        in_head = row.get("/P") is not None and row.P.get("/S") == Name.THead
        has_data = any(_is_elem(k) and k.S == Name.TD for k in _kids(row))
        scope = "/Row" if has_data and not in_head else "/Column"
    attributes = th.get("/A")
    if isinstance(attributes, Array):
        table = next((a for a in attributes if isinstance(a, Dictionary) and a.get("/O") == Name.Table), None)
        if table is None:
            table = Dictionary(O=Name.Table)
            attributes.append(table)
    elif isinstance(attributes, Dictionary) and attributes.get("/O") == Name.Table:
        table = attributes
    else:
        table = Dictionary(O=Name.Table)
        th.A = Array([attributes, table]) if attributes is not None else table
    table.Scope = Name(scope)


def _link(elem) -> None:
    """The link text (and where it leads, when that differs) as the annotation's description."""
    origin = _origin(elem)
    text = str(origin.get("/Text", "")) if origin is not None else ""
    href = str(origin.get("/Href", "")) if origin is not None else ""
    if not text:
        return
    described = text if not href or href in (text, f"mailto:{text}") or href.startswith("#") else f"{text} ({href})"
    for kid in _kids(elem):
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            kid.Obj.Contents = String(described)


def _link_ancestor(elem):
    parent = elem.get("/P")
    while _is_elem(parent):
        if parent.S == Name.Link:
            return parent
        parent = parent.get("/P")
    return None


def _inside(inner, outer, slack: float = 1.0) -> bool:
    a, b = [float(x) for x in inner.Rect], [float(x) for x in outer.Rect]
    return min(a[0], a[2]) >= min(b[0], b[2]) - slack and max(a[0], a[2]) <= max(b[0], b[2]) + slack \
        and min(a[1], a[3]) >= min(b[1], b[3]) - slack and max(a[1], a[3]) <= max(b[1], b[3]) + slack


def _uri(annot) -> str:
    action = annot.get("/A")
    return str(action.get("/URI", "")) if isinstance(action, Dictionary) else ""


def _annotations_under_links(pdf: pikepdf.Pdf, parents: ParentTree) -> None:
    """An element inside a link (`<a><code>…</code></a>`) gets a link annotation of its own, tagged under that
    element instead of the Link. Where the Link's own annotation already covers it, it goes; otherwise it moves
    under the Link, as the Link's child."""
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if not annots:
            continue
        keep = []
        for annot in annots:
            holder = parents.entries.get(int(annot.StructParent)) if "/StructParent" in annot else None
            link = _link_ancestor(holder) if _is_elem(holder) and holder.S != Name.Link else None
            if link is None:
                keep.append(annot)
                continue
            objr = next((k for k in _kids(holder) if isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR
                         and k.Obj.objgen == annot.objgen), None)
            if objr is None:
                keep.append(annot)
                continue
            holder.K = Array([k for k in _kids(holder) if not (isinstance(k, Dictionary) and k.objgen == objr.objgen)])
            own = [k.Obj for k in _kids(link) if isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR]
            if any(_uri(o) == _uri(annot) and "/Rect" in o and _inside(annot, o) for o in own):
                parents.drop(int(annot.StructParent))
                continue
            link.K = Array(_kids(link) + [objr])
            parents.set(int(annot.StructParent), link)
            keep.append(annot)
        if len(keep) != len(annots):
            page.obj.Annots = Array(keep)


def _list_body(pdf: pikepdf.Pdf, li, parents: ParentTree) -> None:
    """`<li><p>…</p></li>` (a loose list) is tagged LI > Lbl, P: what follows the label goes into an LBody."""
    kids = _kids(li)
    loose = [k for k in kids if not (_is_elem(k) and k.S in (Name.Lbl, Name.LBody))]
    if not loose:
        return
    body = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LBody, P=li, K=Array(loose)))
    if "/Pg" in li:
        body.Pg = li.Pg
    for kid in loose:
        if _is_elem(kid):
            kid.P = body
        elif isinstance(kid, int) and "/Pg" in li:
            parents.point(li.Pg, kid, body)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            parents.point(kid.get("/Pg", li.get("/Pg")), int(kid.MCID), body)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR and "/StructParent" in kid.Obj:
            parents.set(int(kid.Obj.StructParent), body)
    order = []
    for kid in kids:
        if _is_elem(kid) and kid.S in (Name.Lbl, Name.LBody):
            order.append(kid)
        elif not any(k is body for k in order):
            order.append(body)
    li.K = Array(order)


def _dissolve_anonymous(elem) -> None:
    """A NonStruct kid from the same HTML element as its parent is an anonymous box: its kids join the parent."""
    number = _number(elem)
    for kid in _kids(elem):
        if _is_elem(kid) and kid.S == Name.NonStruct and number is not None and _number(kid) == number:
            _splice(elem, kid)
            _dissolve_anonymous(elem)
            return


def _hide(elem, parent) -> bool:
    """Content hidden from assistive technology (aria-hidden) leaves the tree, to become an artifact."""
    origin = _origin(elem)
    if origin is None or "/Hidden" not in origin or parent is None:
        return False
    parent.K = Array([k for k in _kids(parent) if not (_is_elem(k) and k.objgen == elem.objgen)])
    return True


def _retag(elem, parent) -> None:
    """Standard keys and types for what the origin tells."""
    origin = _origin(elem)
    if origin is None or _hide(elem, parent):
        return
    _dissolve_anonymous(elem)
    tag = str(origin.T)
    if "/Lang" in origin:
        elem.Lang = String(str(origin.Lang))
    if tag == "abbr":
        elem.S = Name.Span
        if "/Title" in origin:
            elem.E = String(str(origin.Title))
    elif tag == "q":
        elem.S = Name.Quote
    elif tag == "figure":
        _figure(elem)
    elif tag == "th" and elem.S == Name.TH:
        _scope(elem, parent)
    if elem.S == Name.Link:
        _link(elem)


def _reachable(root) -> set:
    seen: set = set()
    list(_walk(root, seen))
    return seen


def _artifact_orphans(pdf: pikepdf.Pdf, parents: ParentTree) -> None:
    """Marked content whose structure element is not in the tree (margin boxes) becomes a pagination artifact."""
    inside = _reachable(pdf.Root.StructTreeRoot)
    for page in pdf.pages:
        key = page.obj.get("/StructParents")
        refs = parents.entries.get(int(key)) if key is not None else None
        if not isinstance(refs, Array):
            continue
        orphans = {i for i, ref in enumerate(refs) if isinstance(ref, Dictionary) and ref.objgen not in inside}
        if not orphans:
            continue
        ops = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], Dictionary) \
                    and int(operands[1].get("/MCID", -1)) in orphans:
                operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
            ops.append((operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        for i in orphans:
            refs[i] = pikepdf.Object.parse(b"null")


def _tabs(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        if page.obj.get("/Annots"):
            page.obj.Tabs = Name.S


def _strip(root) -> None:
    for elem in _walk(root, set()):
        if "/" + KEY in elem:
            del elem["/" + KEY]


def repair_pdf(pdf: pikepdf.Pdf) -> None:
    """Apply every repair in place."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    parents = ParentTree(root)
    for elem in _kids(root):
        if _is_elem(elem):
            _merge_split(elem, parents)
    _annotations_under_links(pdf, parents)
    for elem in list(_walk(root, set())):
        _retag(elem, elem.get("/P"))
    for elem in list(_walk(root, set())):
        if elem.S == Name.LI:
            _list_body(pdf, elem, parents)
    _artifact_orphans(pdf, parents)
    _tabs(pdf)
    _strip(root)


def repair(data: bytes, target: Path) -> None:
    """Repair the PDF `data` and save it to `target`."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        repair_pdf(pdf)
        pdf.save(target, linearize=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)
