"""The changes as a spreadsheet, one row per change: for a delegation's position paper.

``render_xlsx`` writes an Excel workbook with openpyxl (frozen header, filters, column widths,
wrapped texts, an empty ``position`` column for the delegation's notes); ``render_csv`` the same
rows as CSV in UTF-8 with a byte-order mark, so that Excel reads the Chinese.

A cell that starts like a formula (``=``, ``+``, ``-``, ``@``) is written as text, never as a
formula: an xlsx cell typed as a string, a CSV cell after an apostrophe, as spreadsheet programs
expect.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from resdiff.i18n import _, translations
from resdiff.model import Change, Comparison
from resdiff.render.common import Gettext, confidence, label, marked, unit_texts


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float
    """Column width in characters (xlsx)."""
    wrap: bool = False


#: The columns; their titles are the catalog's messages (``--ui zh`` writes them in Chinese).
COLUMNS: tuple[Column, ...] = (
    Column("n", "#", 5),
    Column("type", _("type"), 10),
    Column("moved", _("moved"), 7),
    Column("old", _("old ids"), 11),
    Column("new", _("new ids"), 11),
    Column("lead_old", _("old lead"), 12),
    Column("lead_new", _("new lead"), 12),
    Column("lead_shift", _("lead shift"), 10),
    Column("routine", _("routine"), 8),
    Column("terminology", _("terminology"), 11),
    Column("substantive", _("substantive"), 11),
    Column("similarity", _("similarity"), 10),
    Column("old_text", _("old text"), 48, wrap=True),
    Column("new_text", _("new text"), 48, wrap=True),
    Column("difference", _("difference ([-deleted-] {+inserted+})"), 60, wrap=True),
    Column("position", _("position"), 30, wrap=True),
)

#: The words of the cells that are resdiff's own (a change's type, a lead's shift, yes and no).
VALUES = {"unchanged": _("unchanged"), "reworded": _("reworded"), "added": _("added"), "dropped": _("dropped"),
          "split": _("split"), "merged": _("merged"), "stronger": _("stronger"), "weaker": _("weaker"),
          "same": _("same"), "different": _("different"), "yes": _("yes"), "no": _("no")}

Cell = str | int | float


def _yes(flag: bool, gettext: Gettext = str) -> str:
    return gettext(VALUES["yes" if flag else "no"])


def row(comparison: Comparison, n: int, change: Change, *, ui: str = "en") -> dict[str, Cell]:
    """The cells of one change, by column key; resdiff's own words in the interface language ``ui``."""
    gettext = translations(ui).gettext
    lead = change.lead
    cells: dict[str, Cell] = {
        "n": n,
        "type": gettext(VALUES[change.type]),
        "moved": _yes(change.moved, gettext),
        "old": " + ".join(change.old),
        "new": " + ".join(change.new),
        "lead_old": lead.old if lead else "",
        "lead_new": lead.new if lead else "",
        "lead_shift": gettext(VALUES[lead.shift]) if lead else "",
        "routine": _yes(change.routine, gettext),
        "terminology": _yes(change.terminology, gettext),
        "substantive": _yes(change.substantive, gettext),
        "similarity": round(change.similarity, 4),
        "old_text": unit_texts(comparison.old, change.old) if change.old else "",
        "new_text": unit_texts(comparison.new, change.new) if change.new else "",
        "difference": marked(change.diff) if change.type != "unchanged" else "",
        "position": "",
    }
    level = confidence(change)
    if level is not None:
        cells["confidence"] = round(level, 4)
    return cells


def _columns(comparison: Comparison) -> tuple[Column, ...]:
    if any(confidence(c) is not None for c in comparison.changes):
        at = [c.key for c in COLUMNS].index("similarity") + 1
        return (*COLUMNS[:at], Column("confidence", _("confidence"), 11), *COLUMNS[at:])
    return COLUMNS


def rows(comparison: Comparison, *, ui: str = "en") -> list[list[Cell]]:
    """The header and one row per change, in the new text's order (labels in ``ui``)."""
    gettext = translations(ui).gettext
    columns = _columns(comparison)
    out: list[list[Cell]] = [[gettext(c.title) for c in columns]]
    for n, change in enumerate(comparison.changes, 1):
        cells = row(comparison, n, change, ui=ui)
        out.append([cells[c.key] for c in columns])
    return out


def _formula_like(value: Cell) -> bool:
    return isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")


def render_csv(comparison: Comparison, *, ui: str = "en") -> bytes:
    """The rows as CSV, UTF-8 with a byte-order mark (Excel's way of knowing the encoding)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for values in rows(comparison, ui=ui):
        writer.writerow(["'" + v if _formula_like(v) else v for v in values])  # type: ignore[operator]
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(comparison: Comparison, *, title: str | None = None, ui: str = "en") -> bytes:
    """An Excel workbook: the sheet ``changes`` (one row per change) and ``texts`` (what was compared);
    with ``ui="zh"`` the sheets, headers and resdiff's own words are Chinese."""
    gettext = translations(ui).gettext
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from resdiff.errors import DocumentError, install_command

        raise DocumentError("Excel output needs openpyxl: {command}", command=install_command("office")) from exc

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext(_("changes"))
    columns = _columns(comparison)
    data = rows(comparison, ui=ui)
    for values in data:
        sheet.append(values)
    for r in sheet.iter_rows(min_row=2):
        for cell in r:
            if isinstance(cell.value, str) and _formula_like(cell.value):
                cell.data_type = "s"
    header_fill = PatternFill("solid", fgColor="DDE3EA")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.wrap:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        elif column.key in ("similarity", "confidence"):
            for cell in sheet[letter][1:]:
                cell.number_format = "0%"
                cell.alignment = Alignment(vertical="top")
        else:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(data)}"

    about = workbook.create_sheet(gettext(_("texts")))
    old, new = comparison.old, comparison.new
    old_text, new_text = gettext(_("old text")), gettext(_("new text"))
    facts: tuple[tuple[Cell, Cell, Cell], ...] = (
        ("", old_text, new_text),
        (gettext(_("symbol")), old.symbol or "", new.symbol or ""),
        (gettext(_("adopted")), old.adopted or "", new.adopted or ""),
        (gettext(_("title")), old.title or "", new.title or ""),
        (gettext(_("paragraphs")), len(old), len(new)),
        (gettext(_("compared")), label(old, old_text, gettext), label(new, new_text, gettext)),
    )
    for fact in facts:
        about.append(list(fact))
    about.column_dimensions["A"].width = 12
    about.column_dimensions["B"].width = 50
    about.column_dimensions["C"].width = 50
    workbook.properties.creator = "resdiff"
    workbook.properties.title = title or gettext(_("Changes: {old} → {new}")).format(
        old=old.name or old_text, new=new.name or new_text)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
