"""Small pieces the brief, the spreadsheet and the redline share: how a change is named and marked."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from resdiff.model import Change, Comparison, DiffOp, Resolution
from resdiff.options import DEFAULT_OPTIONS

#: A gettext function (``translations(ui).gettext``, see :mod:`resdiff.i18n`); ``str`` keeps English.
Gettext = Callable[[str], str]

#: How a lead shift is drawn after ``old → new``.
ARROWS = {"stronger": "↑", "weaker": "↓", "same": "=", "different": "≠"}

#: Below this confidence (``Change.confidence``, issue 10) a change is listed "to check": the
#: same threshold as the HTML report's and the terminal's "check" mark.
CHECK_BELOW = DEFAULT_OPTIONS.check_threshold

#: Characters of unchanged text kept on each side of an edit in an excerpt.
CONTEXT = 14


def ids(unit_ids: Sequence[str]) -> str:
    return " + ".join(unit_ids)


def where(change: Change, _: Gettext = str) -> str:
    """``OP8 → OP7``, ``new OP51``, ``OP38(a)`` (dropped)."""
    if not change.old:
        return _("new {ids}").format(ids=ids(change.new))
    if not change.new:
        return ids(change.old)
    return f"{ids(change.old)} → {ids(change.new)}"


def lead_note(change: Change) -> str:
    """``吁请 → 促请 ↑`` for a lead that changed beyond 又/还, else nothing."""
    lead = change.lead
    if lead is None or lead.shift == "same":
        return ""
    return f"{lead.old} → {lead.new} {ARROWS[lead.shift]}"


def marked(diff: Sequence[DiffOp]) -> str:
    """A word diff as plain text: ``[-deleted-]{+inserted+}``, for mail, terminals and cells."""
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[d.op][0]}{d.text}{marks[d.op][1]}" if d.op != "equal" else d.text for d in diff)


def excerpt(diff: Sequence[DiffOp], context: int = CONTEXT) -> tuple[DiffOp, ...]:
    """The word diff with long unchanged stretches cut to ``context`` characters around each edit."""
    runs: list[DiffOp] = []
    for n, op in enumerate(diff):
        text = op.text
        if op.op == "equal" and len(text) > 2 * context + 1:
            head = "" if n == 0 else text[:context]
            tail = "" if n == len(diff) - 1 else text[-context:]
            text = f"{head}…{tail}"
        runs.append(DiffOp(op.op, text))
    return tuple(runs)


def unit_texts(resolution: Resolution, unit_ids: Sequence[str]) -> str:
    """The texts of the units, one a line, each after its id when there are several."""
    if len(unit_ids) == 1:
        return resolution[unit_ids[0]].text
    return "\n".join(f"{uid}: {resolution[uid].text}" for uid in unit_ids)


def kind_of(comparison: Comparison, change: Change) -> str:
    """``preambular``, ``operative`` or ``heading``: the kind of the change's first unit."""
    resolution, unit_ids = (comparison.new, change.new) if change.new else (comparison.old, change.old)
    return resolution[unit_ids[0]].kind if unit_ids else "operative"


def label(resolution: Resolution, fallback: str, _: Gettext = str) -> str:
    """``E/RES/2013/9 (adopted 2013-07-22)``, or what the text is when it has no symbol yet."""
    name = resolution.name or fallback
    if resolution.adopted:
        return _("{name} (adopted {date})").format(name=name, date=resolution.adopted)
    return _("{name} (not adopted)").format(name=name)


def other_language(change: Change) -> tuple[str, tuple[DiffOp, ...]] | None:
    """A change's text in the other language, when it was given alongside (issue 12): the
    language and its word diff cut to the edits, or the one side there is."""
    parallel = change.parallel
    if parallel is None:
        return None
    if parallel.diff:
        return parallel.language, excerpt(parallel.diff)
    text = parallel.old if parallel.old is not None else parallel.new
    return (parallel.language, (DiffOp("equal", text),)) if text else None


def confidence(change: Change) -> float | None:
    """The engine's confidence in a change, where the model carries one (issue 10)."""
    value = getattr(change, "confidence", None)
    return float(value) if isinstance(value, (int, float)) else None


#: The time stamp of every member of a Word file resdiff writes: the zip format's earliest date.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def docx_bytes(document: Any) -> bytes:
    """A python-docx document as bytes that depend on its content only.

    python-docx stamps each zip member with the time of saving, so two renders of one comparison
    a second apart would differ; the members are packed again, in order, with one fixed stamp.
    """
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member))
    return out.getvalue()


def other_readings(change: Change, translate: Callable[[str], str] = str) -> str:
    """``; other reading: OP20 reworded, OP21 dropped`` for each alternative of an unsure change,
    or ``""`` when it has none."""
    name = translate("other reading")
    return "".join(f"; {name}: {', '.join(c.describe(translate) for c in reading)}" for reading in change.alternatives)
