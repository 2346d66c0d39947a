"""Each paragraph's lineage over a series: since when it has been in the text, and how it changed.

A pure stage: it reads the comparisons of a series (each text against its predecessor) and
nothing else. A paragraph of the latest text is followed back through the changes that produced
it, text by text, until the change that added it. Where it came from a merge, every merged
paragraph is an ancestor (``LineageStep.units`` lists them all); the line the history follows is
the one that goes back furthest, so that the first step answers "since when".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from resdiff.model import Change, Comparison, DiffOp, LeadShift, Resolution, UnitKind

LINEAGE_SCHEMA = "resdiff.lineage/1"

StepType = Literal["added", "unchanged", "reworded", "split", "merged"]
_STEP_TYPES: dict[str, StepType] = {"unchanged": "unchanged", "reworded": "reworded", "split": "split",
                                    "merged": "merged"}


@dataclass(frozen=True)
class LineageStep:
    """One text of the series in a paragraph's history: the unit it was there, and how it got so."""

    symbol: str | None
    """The symbol of the text (``E/RES/2013/9``)."""
    adopted: str | None
    """Its adoption date (ISO), or ``None`` when unknown."""
    unit: str
    """The id of the paragraph in that text (``OP36``), on the line the history follows."""
    type: StepType
    """The change that led to it from the text before: ``added`` for the first appearance,
    ``unchanged``, ``reworded``, ``split`` or ``merged``."""
    text: str
    """The paragraph as it stood in that text."""
    previous: tuple[str, ...] = ()
    """The ids in the text before that it came from (two or more for ``merged``); empty when added."""
    siblings: tuple[str, ...] = ()
    """For ``split``: the other paragraphs of that text cut from the same old one."""
    units: tuple[str, ...] = ()
    """Every ancestor of the paragraph in that text (more than ``unit`` once merged paragraphs
    are followed back); in reading order."""
    moved: bool = False
    """The paragraph left its place relative to the others (see ``Change.moved``)."""
    routine: bool = False
    """Only on ``reworded``: dates, numbers, symbols, ordinals or 又/还 only."""
    terminology: bool = False
    """Only on ``reworded``: a terminology switch (因特网 → 互联网) and routine updates only."""
    similarity: float = 1.0
    """How alike it is to what it came from, 0 to 1 (0 for ``added``)."""
    lead: LeadShift | None = None
    """The lead before and after, with its shift (``stronger``/``weaker``/``same``/``different``)."""
    diff: tuple[DiffOp, ...] = ()
    """The word diff from what it came from to this text; empty when unchanged or added."""
    oldest_text: bool = False
    """Only on the first step: the paragraph is already in the series' oldest text, so it may be
    older than the series can tell."""
    source: str | None = field(default=None, compare=False)
    """The file the text was read from, which names it where it has no symbol (not in the JSON)."""

    @property
    def lead_shift(self) -> bool:
        """The lead became stronger, weaker or different (not just 又/还)."""
        return self.lead is not None and self.lead.shift in ("stronger", "weaker", "different")

    @property
    def substantive(self) -> bool:
        """A step a negotiator reads: added, split, merged, moved or reworded in substance."""
        if self.type in ("added", "split", "merged") or self.moved:
            return True
        return self.type == "reworded" and not (self.routine or self.terminology)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "symbol": self.symbol,
            "adopted": self.adopted,
            "unit": self.unit,
            "type": self.type,
            "from": list(self.previous),
            "units": list(self.units),
            "moved": self.moved,
            "routine": self.routine,
            "terminology": self.terminology,
            "similarity": round(self.similarity, 4),
            "lead": self.lead.to_dict() if self.lead else None,
            "diff": [d.to_dict() for d in self.diff],
            "text": self.text,
        }
        if self.siblings:
            data["siblings"] = list(self.siblings)
        if self.oldest_text:
            data["oldest_text"] = True
        return data


@dataclass(frozen=True)
class Lineage:
    """The history of one paragraph of the latest text, oldest first."""

    unit: str
    """Its id in the latest text (``OP12``)."""
    symbol: str | None
    """The symbol of the latest text."""
    kind: UnitKind
    """``preambular``, ``heading`` or ``operative``."""
    history: tuple[LineageStep, ...]
    """One step per text from its first appearance to the latest text, oldest first."""
    source: str | None = field(default=None, compare=False)
    """The file the latest text was read from (not in the JSON)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "history", tuple(self.history))

    @property
    def first(self) -> LineageStep:
        """Its first appearance (as far as the series goes back)."""
        return self.history[0]

    @property
    def latest(self) -> LineageStep:
        return self.history[-1]

    @property
    def text(self) -> str:
        return self.history[-1].text

    @property
    def changes(self) -> tuple[LineageStep, ...]:
        """The steps after the first in which something happened (not ``unchanged`` in place)."""
        return tuple(s for s in self.history[1:] if s.type != "unchanged" or s.moved)

    @property
    def substantive(self) -> tuple[LineageStep, ...]:
        """The steps after the first that a negotiator reads (see ``LineageStep.substantive``)."""
        return tuple(s for s in self.history[1:] if s.substantive)

    def ancestors(self) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
        """(symbol, every ancestor's id in that text), oldest first."""
        return tuple((s.symbol, s.units) for s in self.history)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": LINEAGE_SCHEMA,
            "unit": self.unit,
            "symbol": self.symbol,
            "kind": self.kind,
            "since": self.first.symbol,
            "history": [s.to_dict() for s in self.history],
        }


class Tracer:
    """Follows paragraphs back through a series of texts; built once per series.

    ``texts`` are in the series' order; ``parents[k]`` is the index of the text that text ``k``
    was compared with (``None`` for a text without one), and ``comparisons[k]`` that comparison.
    """

    def __init__(self, texts: Sequence[Resolution], parents: Sequence[int | None],
                 comparisons: Sequence[Comparison | None]) -> None:
        if not (len(texts) == len(parents) == len(comparisons)):
            raise ValueError("texts, parents and comparisons must be as many")
        self.texts = texts
        self.parents = parents
        self.by_new: list[Mapping[str, Change]] = [
            {} if c is None else {uid: change for change in c.changes for uid in change.new}
            for c in comparisons
        ]
        # origin[k][unit]: the index of the oldest text holding an ancestor of that unit. Parents
        # come before their children, so one pass in order fills it.
        self.origin: list[dict[str, int]] = []
        for k, text in enumerate(texts):
            parent = parents[k]
            if parent is not None and not 0 <= parent < k:
                raise ValueError("a text's parent must come before it")
            here: dict[str, int] = {}
            for unit in text.units:
                old = self._came_from(k, unit.id)
                here[unit.id] = k if parent is None or not old else min(self.origin[parent][o] for o in old)
            self.origin.append(here)

    def _came_from(self, k: int, unit_id: str) -> tuple[str, ...]:
        if self.parents[k] is None:
            return ()
        return self.by_new[k][unit_id].old

    def trace(self, unit_id: str, k: int | None = None) -> Lineage:
        """The lineage of unit ``unit_id`` of text ``k`` (default: the last text)."""
        k = len(self.texts) - 1 if k is None else k
        latest = self.texts[k]
        unit = latest[unit_id]
        steps: list[LineageStep] = []
        main: str = unit_id
        ancestors: set[str] = {unit_id}
        j: int | None = k
        while j is not None:
            text = self.texts[j]
            # (Most paragraphs have one ancestor per text: no sort, no key function for them.)
            units = (main,) if len(ancestors) == 1 else tuple(sorted(ancestors, key=text.index))
            parent = self.parents[j]
            change = self.by_new[j].get(main) if parent is not None else None
            if parent is None or change is None or change.type in ("added", "dropped"):
                steps.append(_step(text, main, "added", units, oldest_text=parent is None))
                break
            kind = _STEP_TYPES[change.type]
            steps.append(_step(text, main, kind, units, change=change))
            ancestors = set(change.old) if len(ancestors) == 1 else {
                o for a in ancestors for o in self._came_from(j, a)}
            # The line to follow: the ancestor that goes back furthest (first in reading order on a tie).
            origin, old = self.origin[parent], change.old
            main = old[0] if len(old) == 1 else min(old, key=lambda o: (origin[o], old.index(o)))
            j = parent
        return Lineage(unit=unit_id, symbol=latest.symbol, kind=unit.kind, history=tuple(reversed(steps)),
                       source=latest.source)


def _step(text: Resolution, unit_id: str, kind: StepType, units: tuple[str, ...], *,
          change: Change | None = None, oldest_text: bool = False) -> LineageStep:
    unit = text[unit_id]
    if change is None:
        return LineageStep(symbol=text.symbol, adopted=text.adopted, unit=unit_id, type=kind, text=unit.text,
                           units=units, similarity=0.0, oldest_text=oldest_text, source=text.source)
    return LineageStep(
        symbol=text.symbol,
        adopted=text.adopted,
        unit=unit_id,
        type=kind,
        text=unit.text,
        previous=change.old,
        siblings=tuple(u for u in change.new if u != unit_id) if kind == "split" else (),
        units=units,
        moved=change.moved,
        routine=change.routine,
        terminology=change.terminology,
        similarity=change.similarity,
        lead=change.lead,
        diff=change.diff,
        source=text.source,
    )
