"""Accept or reject every tracked change of a Word file, over its XML, as Word's Review pane does.

Independent of the renderer: it knows only the WordprocessingML revision marks. Accepting keeps
inserted and moved-to text, drops deleted and moved-from text, and joins a paragraph whose mark
was deleted (or moved away) to the next one, which keeps its own properties; rejecting does the
opposite and restores the old properties kept in ``w:pPrChange`` and ``w:rPrChange``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def resolve(root: etree._Element, how: Literal["accept", "reject"]) -> etree._Element:
    """``root`` (a ``w:document``) with every revision accepted or rejected, in place."""
    keep, drop = (("ins", "moveTo"), ("del", "moveFrom")) if how == "accept" else (("del", "moveFrom"), ("ins", "moveTo"))
    body = root.find(q("body"))
    # Paragraph marks first: a paragraph whose mark goes joins the next paragraph.
    paragraphs = list(body.iter(q("p")))
    for n, p in enumerate(paragraphs):
        rpr = p.find(f"{q('pPr')}/{q('rPr')}")
        marks = [] if rpr is None else [c for c in rpr if etree.QName(c).localname in (*keep, *drop)]
        goes = any(etree.QName(c).localname in drop for c in marks)
        for mark in marks:
            rpr.remove(mark)
        if goes:
            following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            assert following is not None, "the last paragraph mark cannot go"
            ppr = following.find(q("pPr"))
            at = 0 if ppr is None else following.index(ppr) + 1
            for child in [c for c in p if c.tag != q("pPr")]:
                following.insert(at, child)
                at += 1
            p.getparent().remove(p)
    for tag in drop:
        for element in list(root.iter(q(tag))):
            element.getparent().remove(element)
    for tag in keep:
        for element in list(root.iter(q(tag))):
            _unwrap(element)
    for tag in RANGES:
        for element in list(root.iter(q(tag))):
            element.getparent().remove(element)
    for text in list(root.iter(q("delText"))):
        text.tag = q("t")
    for change_tag, props_tag in (("pPrChange", "pPr"), ("rPrChange", "rPr")):
        for change in list(root.iter(q(change_tag))):
            props = change.getparent()
            if how == "accept":
                props.remove(change)
                continue
            old = change.find(q(props_tag))
            keep_children = [c for c in props if c.tag in (q("rPr"), q("sectPr"))] if props_tag == "pPr" else []
            for child in list(props):
                props.remove(child)
            for child in ([] if old is None else list(old)):
                props.append(child)
            for child in keep_children:
                props.append(child)
    return root


def resolved_docx(data: bytes, how: Literal["accept", "reject"]) -> bytes:
    """The Word file ``data`` with its document part accepted or rejected throughout."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                root = resolve(etree.fromstring(content), how)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return out.getvalue()


def revisions(data: bytes) -> dict[str, int]:
    """How many of each revision element the document part holds."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    names = ("ins", "del", "delText", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart",
             "pPrChange", "rPrChange", "commentRangeStart")
    return {name: sum(1 for _ in root.iter(q(name))) for name in names}
