"""The timeline page of a series: one self-contained HTML file, a pure function of a Series.

What the page shows, top to bottom: the texts of the series with their dates and gaps; a chart
(inline SVG, drawn here, no script) of what each year did — paragraphs added, dropped, reworded
in substance, and lead shifts; then every paragraph of the latest text with its history,
expandable (``<details>``, no script either). Unchanged years are folded into one row.

This module decides what every row and bar shows; the template (``templates/timeline.html.j2``
and ``timeline.css``, package data) only lays them out, with jinja2's autoescape on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import jinja2

from resdiff.i18n import _ as N_
from resdiff.i18n import translations
from resdiff.lineage import Lineage, LineageStep
from resdiff.model import Comparison, DiffOp
from resdiff.render.lineage import describe, short
from resdiff.render.warnings import gap_message, note_message

if TYPE_CHECKING:
    from resdiff.series import Series

#: The series the chart draws, in order: (key, label, colour).
SERIES_BARS: tuple[tuple[str, str, str], ...] = (
    ("added", N_("added"), "#2e7d32"),
    ("dropped", N_("dropped"), "#c62828"),
    ("reworded", N_("reworded in substance"), "#1565c0"),
    ("lead", N_("lead shifts"), "#ef6c00"),
)

# Chart geometry, in SVG user units (the page shows them at that size, or wider).
_PLOT = 220
_TOP = 16
_LEFT = 44
_BAR = 14
_GAP = 28
#: The slant of the labels under the bars, in degrees.
_SLANT = 40
#: Width of a label's character at the labels' 11px: ideographs are square, Latin about half.
_WIDE, _NARROW = 11.0, 6.5


def _label_width(label: str) -> float:
    return sum(_WIDE if ord(ch) >= 0x2E80 else _NARROW for ch in label)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    bars: tuple[Bar, ...]
    labels: tuple[tuple[float, str], ...]
    """(x, label) under each year."""
    ticks: tuple[tuple[float, int], ...]
    """(y, value) of the horizontal grid lines."""
    baseline: float
    left: float = _LEFT
    """Where the plot starts: the value labels stand left of it."""


@dataclass(frozen=True)
class Row:
    """One line of a paragraph's history."""

    years: str
    unit: str
    what: str
    kind: str
    """CSS class: the step type, or ``quiet`` for folded unchanged years."""
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    unit: str
    anchor: str
    since: str
    summary: str
    text: str
    substantive: int
    rows: tuple[Row, ...]


def counts(comparison: Comparison) -> dict[str, int]:
    """What one year did: added, dropped, reworded in substance, lead shifts."""
    changes = comparison.changes
    return {
        "added": sum(c.type == "added" for c in changes),
        "dropped": sum(c.type == "dropped" for c in changes),
        "reworded": comparison.counts["reworded_in_substance"],
        "lead": sum(bool(c.lead and c.lead.shift in ("stronger", "weaker", "different")) for c in changes),
    }


def chart(labels: Sequence[str], values: Sequence[dict[str, int] | None],
          _: Callable[[str], str] = str) -> Chart:
    """Grouped bars, one group per text (none for the first, which has nothing to compare with)."""
    import math

    bars_width = len(SERIES_BARS) * _BAR
    # Wide enough to read at a glance with few texts: the groups share at least 480 units.
    group = max(bars_width + _GAP, 480 / max(len(labels), 1))
    # Slanted labels reach down and to the left of their group: the margins make room for the
    # longest (a file name such as draft-2014.docx), so that none is clipped.
    longest = max((_label_width(label) for label in labels), default=0.0)
    bottom = 24 + longest * math.sin(math.radians(_SLANT))
    left = max(_LEFT, longest * math.cos(math.radians(_SLANT)) - group / 2 + 8)
    width = left + group * max(len(labels), 1) + 10
    top = max((v[k] for v in values if v for k, _, _ in SERIES_BARS), default=0)
    scale_max = max(top, 1)
    step = max(1, -(-scale_max // 4))
    plot = _PLOT
    baseline = _TOP + _PLOT
    height = baseline + bottom
    bars: list[Bar] = []
    marks: list[tuple[float, str]] = []
    for n, (label, value) in enumerate(zip(labels, values)):
        x0 = left + n * group + (group - bars_width) / 2
        marks.append((x0 + len(SERIES_BARS) * _BAR / 2, label))
        if value is None:
            continue
        for m, (key, name, colour) in enumerate(SERIES_BARS):
            h = plot * value[key] / (step * 4)
            bars.append(Bar(x0 + m * _BAR, baseline - h, _BAR - 1, h, colour, f"{label}: {value[key]} {_(name)}"))
    ticks = tuple((baseline - plot * i / 4, step * i) for i in range(5))
    return Chart(round(width, 1), round(height, 1), tuple(bars), tuple(marks), ticks, baseline, round(left, 1))


def _rows(history: Sequence[LineageStep], _: Callable[[str], str] = str) -> tuple[Row, ...]:
    rows: list[Row] = []
    quiet: list[LineageStep] = []

    def flush() -> None:
        if not quiet:
            return
        first, last = quiet[0], quiet[-1]
        years = short(first.symbol) if first is last else f"{short(first.symbol)} – {short(last.symbol)}"
        units = first.unit if first.unit == last.unit else f"{first.unit} … {last.unit}"
        routine = sum(s.type != "unchanged" for s in quiet)
        what = _("unchanged") if not routine else _("routine updates only") if routine == len(quiet) else \
            _("unchanged or routine updates only ({n} routine)").format(n=routine)
        if len(quiet) > 1:
            what += _(", {n} texts").format(n=len(quiet))
        rows.append(Row(years, units, what, "quiet"))
        quiet.clear()

    for step in history:
        # Unchanged years and routine updates (dates, symbols, ordinals) are folded into one row.
        if (step.type == "unchanged" or step.routine) and not step.moved and not step.lead_shift:
            quiet.append(step)
            continue
        flush()
        kind = step.type if not (step.routine or step.terminology) else "routine"
        rows.append(Row(short(step.symbol), step.unit, describe(step, _), kind,
                        step.diff if step.type != "added" else ()))
    flush()
    return tuple(rows)


def paragraphs(lineages: Sequence[Lineage], _: Callable[[str], str] = str) -> tuple[Paragraph, ...]:
    out = []
    for lineage in lineages:
        first = lineage.first
        since = (_("{symbol} or earlier") if first.oldest_text else "{symbol}").format(symbol=short(first.symbol))
        n = len(lineage.substantive)
        out.append(Paragraph(
            unit=lineage.unit,
            anchor="u-" + "".join(ch if ch.isalnum() else "-" for ch in lineage.unit),
            since=since,
            summary=(_("{n} substantive changes") if n != 1 else _("{n} substantive change")).format(n=n)
            if n else _("no substantive change"),
            text=lineage.text,
            substantive=n,
            rows=_rows(lineage.history, _),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    templates = resources.files("resdiff").joinpath("render/templates")
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: templates.joinpath(name).read_text(encoding="utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_timeline(series: Series, *, title: str | None = None,
                    lineages: Sequence[Lineage] | None = None, ui: str = "en") -> str:
    """The timeline page of ``series`` (``lineages``: of the latest text, computed if not given),
    its labels in the interface language ``ui`` (``en`` or ``zh``)."""
    _ = translations(ui).gettext
    lineages = series.lineage() if lineages is None else lineages
    members = series.members
    labels = [m.label for m in members]
    values = [counts(c) if c is not None else None for c in series.comparisons]
    years = []
    for m, c, v in zip(members, series.comparisons, values):
        years.append({
            "label": m.label, "symbol": m.symbol, "adopted": m.adopted or _("date unknown"), "source": m.source,
            "units": len(m.resolution.units),
            "operative": sum(1 for u in m.resolution.units if u.kind == "operative"),
            "compared": None if m.parent is None else members[m.parent].label,
            "counts": v, "routine": c.summary["routine"] if c is not None else None,
        })
    latest = series.latest
    env = _environment()
    css = resources.files("resdiff").joinpath("render/templates/timeline.css").read_text(encoding="utf-8")
    return env.get_template("timeline.html.j2").render(
        title=title or (latest.resolution.title or _("Series")) + (f": {labels[0]} – {labels[-1]}" if len(labels) > 1
                                                                  else f": {labels[0]}"),
        css=css,
        years=years,
        chart=chart(labels, values, _),
        legend=SERIES_BARS,
        gaps=[gap_message(g, ui) for g in series.gaps],
        warnings=[note_message(w, ui) for w in series.warnings],
        latest=latest.symbol or latest.label,
        paragraphs=paragraphs(lineages, _),
        _=_,
        ui=ui,
    )
