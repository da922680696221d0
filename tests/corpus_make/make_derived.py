"""Make the corpus files for source forms of which no public original was found.

Each one carries the text of a real, public release (the Markdown beside this script, copied unchanged from
its repository; see ../corpus/SOURCES.tsv) in the form a press office's tools write: DOCX as Word writes it
(Title style, Heading 1, document properties, an embedded picture with its description), ODT as
LibreOffice writes it, MDX as a Next.js/Astro site keeps it, a WordPress REST API post, a Pelican article.
Run once: `.venv/bin/python tests/corpus_make/make_derived.py`; the outputs are committed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"


def release(name: str) -> tuple[dict, list[tuple[str, str]]]:
    """(front matter, [(kind, text)]) of a Markdown source; kind is 'p' or 'h'."""
    text = (HERE / name).read_text()
    _, fm, body = text.split("---", 2)
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        chunk = " ".join(chunk.split())
        if chunk:
            blocks.append(("h", chunk.lstrip("# ")) if chunk.startswith("#") else ("p", chunk))
    return yaml.safe_load(fm), blocks


def plain(text: str) -> str:
    """Inline Markdown/HTML of the source reduced to the words a word processor holds."""
    text = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"</?em>", "", text)
    return text.replace("\\*", "*")


def docx(name: str, source: str, image: str, description: str, title_style: bool) -> None:
    import docx as pydocx
    from docx.shared import Cm

    meta, blocks = release(source)
    d = pydocx.Document()
    props = d.core_properties
    props.title = meta["title"]
    props.author = meta.get("author") or ", ".join(meta.get("authors") or [])
    props.created = dt.datetime.combine(meta["date"] if isinstance(meta["date"], dt.date) else meta["date"].date(),
                                        dt.time(9, 0))
    props.language = "de-DE" if "vt-" in source else "en-US"
    if title_style:
        d.add_paragraph(meta["title"], style="Title")
    else:
        d.add_paragraph(meta["title"])          # the headline as a plain first line, as many offices type it
    for i, (kind, text) in enumerate(blocks):
        if kind == "h":
            d.add_heading(plain(text), level=1)
        else:
            d.add_paragraph(plain(text))
        if i == 1:
            d.add_picture(str(HERE / image), width=Cm(8))
            pic = d.inline_shapes[-1]._inline
            pic.docPr.set("descr", description)       # Word: "Alt Text" of the picture
            pic.docPr.set("title", "")
    d.save(CORPUS / name)


def odt(name: str, source: str, image: str, description: str) -> None:
    from odf.draw import Frame, Image as OdfImage
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.svg import Desc
    from odf.text import H, P
    from odf import dc, meta as odfmeta

    meta, blocks = release(source)
    doc = OpenDocumentText()
    title = Style(name="Title", family="paragraph")
    title.addElement(TextProperties(fontsize="24pt", fontweight="bold"))
    doc.styles.addElement(title)
    heading = Style(name="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    doc.styles.addElement(heading)
    doc.meta.addElement(dc.Title(text=meta["title"]))
    doc.meta.addElement(dc.Creator(text=", ".join(meta.get("authors") or [])))
    doc.meta.addElement(odfmeta.CreationDate(text=f"{meta['date']}T09:00:00"))
    doc.meta.addElement(dc.Language(text="de-DE"))
    doc.text.addElement(P(stylename=title, text=meta["title"]))
    href = doc.addPicture(str(HERE / image))
    for i, (kind, text) in enumerate(blocks):
        if kind == "h" or text.rstrip().endswith(":") and len(text) < 40:
            doc.text.addElement(H(outlinelevel=1, stylename=heading, text=plain(text).rstrip(":")))
        else:
            doc.text.addElement(P(text=plain(text)))
        if i == 0:
            frame = Frame(width="6cm", height="6cm", anchortype="as-char", name="Lupe")
            frame.addElement(OdfImage(href=href))
            frame.addElement(Desc(text=description))
            para = P()
            para.addElement(frame)
            doc.text.addElement(para)
    doc.save(str(CORPUS / name))


def html_paragraphs(blocks) -> str:
    out = []
    for kind, text in blocks:
        text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)
        if kind == "h":
            out.append(f"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{text}</h2>\n<!-- /wp:heading -->")
        else:
            out.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(out)


def wordpress(name: str, source: str, post_id: int, link: str) -> None:
    """A post as the WordPress REST API returns it (GET /wp-json/wp/v2/posts/ID), fields as WordPress names them."""
    meta, blocks = release(source)
    date = meta["date"] if isinstance(meta["date"], dt.datetime) else dt.datetime.combine(meta["date"], dt.time(10, 0))
    first = re.sub(r"<[^>]+>", "", blocks[0][1])
    post = {
        "id": post_id, "date": date.strftime("%Y-%m-%dT%H:%M:%S"), "date_gmt": date.strftime("%Y-%m-%dT%H:%M:%S"),
        "guid": {"rendered": f"{link}?p={post_id}"}, "modified": date.strftime("%Y-%m-%dT%H:%M:%S"),
        "slug": meta.get("slug") or re.sub(r"[^a-z0-9]+", "-", meta["title"].lower()).strip("-"),
        "status": "publish", "type": "post", "link": link,
        "title": {"rendered": html.escape(meta["title"]).replace("&#x27;", "&#8217;")},
        "content": {"rendered": html_paragraphs(blocks) + "\n", "protected": False},
        "excerpt": {"rendered": f"<p>{html.escape(first[:200])} [&hellip;]</p>\n", "protected": False},
        "author": 3, "featured_media": 0, "comment_status": "closed", "ping_status": "closed", "sticky": False,
        "template": "", "format": "standard", "meta": {"footnotes": ""}, "categories": [7], "tags": [],
        "class_list": [f"post-{post_id}", "post", "type-post", "status-publish", "format-standard", "category-press"],
    }
    (CORPUS / name).write_text(json.dumps(post, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    docx("office-le-trusted.docx", "le-trusted.md", "issuance-april-2016.png",
         "Chart: number of certificates issued by Let's Encrypt, rising from zero in November 2015 "
         "to about 1.7 million in April 2016", title_style=True)
    docx("office-vt-gesetzentwurf-eingereicht.docx", "vt-gesetzentwurf-eingereicht.md", "lupe.png",
         "Zeichnung einer Lupe", title_style=False)
    odt("office-vt-akteneinsicht.odt", "vt-akteneinsicht.md", "lupe.png", "Zeichnung einer Lupe")
    wordpress("wp-le-public-beta-timing.json", "le-public-beta-timing.md", 412,
              "https://letsencrypt.org/2015/11/12/public-beta-timing/")
    wordpress("wp-vt-abgeordnetenwatch.json", "vt-abgeordnetenwatch.md", 1187,
              "https://volksentscheid-transparenz.de/blog/2019/09/abgeordnetenwatch/")
