"""Build Word (.docx) files of a resolution with python-docx, for the Word reader's tests.

:func:`make_docx` takes a resolution in the clean text format (``docs/text-format.md``) and
writes it as a Word file the way the UN's are made: one paragraph per unit; operative numbers and
sub-paragraph letters either computed by Word (``w:numPr`` and a two-level list in
``numbering.xml``) or typed; the lead in a bold run; footnotes in a footnotes part, referenced
by ``w:footnoteReference`` the first time and by a superscript number (as a cross-reference
prints it) after that; the symbol in the page header.

python-docx 1.2 cannot write footnotes, so the part is built here as XML.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

RE_FOOTNOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
RE_SYMBOL = re.compile(r"^[A-Z]{1,3}/(?:[A-Z]{2,5}/)*RES/\d+/\d+$")
RE_OP = re.compile(r"^(\d{1,3})\.\s+(.*)$")
RE_SUB = re.compile(r"^\(([a-z])\)\s+(.*)$")
RE_TOKEN = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[\^(?P<ref>\d+)\]|(?P<text>[^*\[]+|.)")

#: The list of operative paragraphs: ``1.`` at level 0, ``(a)`` at level 1.
LIST_ID = "77"
NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:suff w:val="tab"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>
    <w:suff w:val="tab"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {nsdecls("w")} w:numId="{LIST_ID}"><w:abstractNumId w:val="{LIST_ID}"/></w:num>'


def _note_id(number: int) -> int:
    """Footnote ids as Word leaves them after editing: not the printed numbers."""
    return 100 + 7 * number


def _footnotes_xml(notes: dict[int, str]) -> bytes:
    body = "".join(
        f'<w:footnote w:id="{_note_id(n)}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:tab/><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"</w:p></w:footnote>{body}</w:footnotes>"
    )
    return xml.encode("utf-8")


def _number(paragraph: docx.text.paragraph.Paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{LIST_ID}"/></w:numPr>'))


def _reference(paragraph: docx.text.paragraph.Paragraph, number: int, first: bool) -> None:
    run = paragraph.add_run()
    if first:
        run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{_note_id(number)}"/>'))
    else:
        run.text = str(number)
    run.font.superscript = True


#: Styles as the Official Document System's Word files use them: the text in ``SingleTxtG``, the
#: operative paragraphs and sub-paragraphs numbered by their paragraph style, the lead bold by a
#: character style (no direct formatting anywhere).
ODS_STYLES = [
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="SingleTxtG"><w:name w:val="_ Single Txt_G"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/><w:ind w:left="1134" w:right="1134"/>'
    '</w:pPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="OpNumberedG"><w:name w:val="Op Numbered_G"/>'
    f'<w:basedOn w:val="SingleTxtG"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{LIST_ID}"/>'
    '</w:numPr></w:pPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="SubNumberedG"><w:name w:val="Sub Numbered_G"/>'
    f'<w:basedOn w:val="SingleTxtG"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="{LIST_ID}"/>'
    '</w:numPr></w:pPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="LeadG"><w:name w:val="Lead_G"/>'
    '<w:rPr><w:b/></w:rPr></w:style>',
]


def make_docx(clean: str, *, numbering: str = "auto", header: bool = True, ods_styles: bool = False) -> bytes:
    """A .docx of the resolution ``clean``; ``numbering`` is ``auto`` (Word's lists) or ``typed``;
    with ``ods_styles`` the numbering and the bold leads come from named styles (``ODS_STYLES``).

    The footnotes must be first referenced in the order of their numbers, as Word numbers them.
    """
    document = docx.Document()
    if numbering == "auto":
        numbering_xml = document.part.numbering_part.element
        numbering_xml.insert(0, parse_xml(NUMBERING))
        numbering_xml.append(parse_xml(NUM))
    if ods_styles:
        for xml in ODS_STYLES:
            document.styles.element.append(parse_xml(xml))
    notes: dict[int, str] = {}
    lines = []
    for line in clean.splitlines():
        found = RE_FOOTNOTE.match(line)
        if found:
            notes[int(found.group(1))] = found.group(2)
        elif line.strip():
            lines.append(line.strip())
    referenced: list[int] = []
    for line in lines:
        if RE_SYMBOL.match(line):
            if header:
                document.sections[0].header.paragraphs[0].text = f"决议 {line}"
            else:
                document.add_paragraph(line)
            continue
        paragraph = document.add_paragraph()
        if ods_styles:
            paragraph.style = document.styles["_ Single Txt_G"]
        for pattern, level in ((RE_OP, 0), (RE_SUB, 1)):
            found = pattern.match(line)
            if not found:
                continue
            if numbering == "auto" and ods_styles:
                paragraph.style = document.styles["Op Numbered_G" if level == 0 else "Sub Numbered_G"]
            elif numbering == "auto":
                _number(paragraph, level)
            else:
                label = f"{found.group(1)}." if level == 0 else f"({found.group(1)})"
                paragraph.add_run(label + "\t")
            line = found.group(2)
            break
        for token in RE_TOKEN.finditer(line):
            if token.group("bold") and ods_styles:
                paragraph.add_run(token.group("bold"), style=document.styles["Lead_G"])
            elif token.group("bold"):
                paragraph.add_run(token.group("bold")).bold = True
            elif token.group("ref"):
                number = int(token.group("ref"))
                first = number not in referenced
                if first:
                    referenced.append(number)
                    assert number == len(referenced), "footnotes must be referenced in order"
                _reference(paragraph, number, first)
            else:
                paragraph.add_run(token.group("text"))
    if notes:
        blob = _footnotes_xml(notes)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
