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

from resdiff.model import Change, Comparison
from resdiff.render.common import confidence, label, marked, unit_texts


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float
    """Column width in characters (xlsx)."""
    wrap: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("n", "#", 5),
    Column("type", "type", 10),
    Column("moved", "moved", 7),
    Column("old", "old ids", 11),
    Column("new", "new ids", 11),
    Column("lead_old", "old lead", 12),
    Column("lead_new", "new lead", 12),
    Column("lead_shift", "lead shift", 10),
    Column("routine", "routine", 8),
    Column("terminology", "terminology", 11),
    Column("substantive", "substantive", 11),
    Column("similarity", "similarity", 10),
    Column("old_text", "old text", 48, wrap=True),
    Column("new_text", "new text", 48, wrap=True),
    Column("difference", "difference ([-deleted-] {+inserted+})", 60, wrap=True),
    Column("position", "position", 30, wrap=True),
)

Cell = str | int | float


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def row(comparison: Comparison, n: int, change: Change) -> dict[str, Cell]:
    """The cells of one change, by column key."""
    lead = change.lead
    cells: dict[str, Cell] = {
        "n": n,
        "type": change.type,
        "moved": _yes(change.moved),
        "old": " + ".join(change.old),
        "new": " + ".join(change.new),
        "lead_old": lead.old if lead else "",
        "lead_new": lead.new if lead else "",
        "lead_shift": lead.shift if lead else "",
        "routine": _yes(change.routine),
        "terminology": _yes(change.terminology),
        "substantive": _yes(change.substantive),
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
        return (*COLUMNS[:at], Column("confidence", "confidence", 11), *COLUMNS[at:])
    return COLUMNS


def rows(comparison: Comparison) -> list[list[Cell]]:
    """The header and one row per change, in the new text's order."""
    columns = _columns(comparison)
    out: list[list[Cell]] = [[c.title for c in columns]]
    for n, change in enumerate(comparison.changes, 1):
        cells = row(comparison, n, change)
        out.append([cells[c.key] for c in columns])
    return out


def _formula_like(value: Cell) -> bool:
    return isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")


def render_csv(comparison: Comparison) -> bytes:
    """The rows as CSV, UTF-8 with a byte-order mark (Excel's way of knowing the encoding)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for values in rows(comparison):
        writer.writerow(["'" + v if _formula_like(v) else v for v in values])  # type: ignore[operator]
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(comparison: Comparison, *, title: str | None = None) -> bytes:
    """An Excel workbook: the sheet ``changes`` (one row per change) and ``texts`` (what was compared)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from resdiff.errors import DocumentError

        raise DocumentError("Excel output needs openpyxl: pip install 'resdiff[office]'") from exc

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "changes"
    columns = _columns(comparison)
    data = rows(comparison)
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

    about = workbook.create_sheet("texts")
    old, new = comparison.old, comparison.new
    facts: tuple[tuple[Cell, Cell, Cell], ...] = (
        ("", "old text", "new text"),
        ("symbol", old.symbol or "", new.symbol or ""),
        ("adopted", old.adopted or "", new.adopted or ""),
        ("title", old.title or "", new.title or ""),
        ("paragraphs", len(old), len(new)),
        ("compared", label(old, "old text"), label(new, "new text")),
    )
    for fact in facts:
        about.append(list(fact))
    about.column_dimensions["A"].width = 12
    about.column_dimensions["B"].width = 50
    about.column_dimensions["C"].width = 50
    workbook.properties.creator = "resdiff"
    workbook.properties.title = title or f"Changes: {old.symbol or 'old text'} → {new.symbol or 'new text'}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
