"""The results of each pipeline stage: frozen, typed, and serialisable.

This module imports nothing else of resdiff: every other module may read it, and
renderers read nothing but it. ``to_dict()`` gives exactly the JSON formats of
``resdiff.resolution/1`` and ``resdiff.comparison/1`` (see ``schemas/``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

RESOLUTION_SCHEMA = "resdiff.resolution/1"
COMPARISON_SCHEMA = "resdiff.comparison/1"

UnitKind = Literal["preambular", "heading", "operative"]
ChangeType = Literal["unchanged", "reworded", "added", "dropped", "split", "merged"]
DiffOpName = Literal["equal", "insert", "delete"]
Shift = Literal["stronger", "weaker", "same", "different"]

#: The width of punctuation is never a difference (``resdiff.comparison/1``): a web copy that
#: writes ``,`` ``;`` ``:`` ``(`` for ``，`` ``；`` ``：`` ``（`` says the same. Texts are kept as
#: printed; comparisons fold them with this table.
PUNCT_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})

#: Change types in the order the summary lists them.
CHANGE_TYPES: tuple[ChangeType, ...] = ("unchanged", "reworded", "added", "dropped", "split", "merged")


#: Month names of the English date lines (``22 July 2013``).
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


@dataclass(frozen=True)
class Unit:
    """One paragraph of a resolution: preambular, heading, operative or sub-paragraph."""

    id: str
    """``PP3``, ``H2``, ``OP12`` or ``OP38(b)``: stable within one text, renumbered between years."""
    kind: UnitKind
    """``preambular``, ``heading`` or ``operative`` (a lettered sub-paragraph is operative)."""
    number: str | None
    """The printed operative number, ``"12"`` or ``"38(b)"``; ``None`` for other kinds."""
    lead: str | None
    """The leading verb phrase with its 又/还 adverb (``又回顾``, ``吁请``), or ``None``."""
    text: str
    """The paragraph as printed, artefacts removed; the lead is included, the number is not."""
    footnotes: tuple[int, ...] = ()
    """Numbers of the footnotes referenced in this paragraph, in order of reference."""
    part: str | None = None
    """In a resolution adopted in lettered parts, the part's letter (``"B"``); the id then
    carries it too (``B.OP3(a)``). ``None`` in a resolution without parts."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "footnotes", tuple(self.footnotes))

    @property
    def parent(self) -> str | None:
        """For a sub-paragraph ``OP38(b)``, the id of its paragraph ``OP38`` (``B.OP3`` for
        ``B.OP3(a)``); otherwise ``None``."""
        if self.number and "(" in self.number:
            prefix = f"{self.part}." if self.part else ""
            return prefix + "OP" + self.number.split("(", 1)[0]
        return None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "lead": self.lead,
            "text": self.text,
            "footnotes": list(self.footnotes),
        }
        if self.part is not None:
            data["part"] = self.part
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Unit:
        return cls(
            id=data["id"],
            kind=data["kind"],
            number=data["number"],
            lead=data["lead"],
            text=data["text"],
            footnotes=tuple(data.get("footnotes", ())),
            part=data.get("part"),
        )


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser found doubtful: nothing it reads is silently wrong."""

    unit: str | None
    """The id of the unit concerned, or ``None`` for the text as a whole."""
    code: str
    """A short, stable kebab-case word: ``two-leads``, ``no-lead``, ``stray-digit``,
    ``numbering-gap``, ``unknown-footnote``, ``long-title``, ``not-chinese``, ``not-english``, ``mojibake`` …"""
    message: str
    """One sentence: what was seen and where."""

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ParseWarning:
        return cls(unit=data.get("unit"), code=data["code"], message=data["message"])

    def __str__(self) -> str:
        return f"{self.unit}: {self.message}" if self.unit else self.message


@dataclass(frozen=True)
class Resolution:
    """A parsed resolution: its metadata, its units in reading order and its footnotes."""

    units: tuple[Unit, ...]
    """Every unit in reading order."""
    symbol: str | None = None
    """The document symbol, ``E/RES/2013/9``, or ``None`` when the text does not say."""
    body: str | None = None
    """The body addressed in the text (``经济及社会理事会``), without its final comma."""
    adopted: str | None = None
    """Adoption date as an ISO date string (``2013-07-22``)."""
    meeting: str | None = None
    """The meeting at which it was adopted (``第41次全体会议``)."""
    title: str | None = None
    """The title, without the symbol number."""
    language: str = "zh"
    """ISO 639-1 code of the text's language."""
    predecessor: str | None = None
    """The symbol of the resolution of the same series that the preamble recalls."""
    footnotes: Mapping[int, str] = field(default_factory=dict, hash=False)
    """Footnote number → footnote text."""
    warnings: tuple[ParseWarning, ...] = field(default=(), compare=False)
    """What the parser found doubtful (a second lead in a paragraph, a stray digit, a gap in the
    numbering …). Two parses of the same text in different forms are equal whatever their
    warnings: they are about the reading, not the resolution."""
    source: str | None = field(default=None, compare=False, hash=False)
    """The name of the file it was read from (set by :func:`resdiff.load`), or ``None``. Not part
    of the JSON format: it names the text where it has no symbol (a draft)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", tuple(self.units))
        object.__setattr__(self, "footnotes", dict(sorted(self.footnotes.items())))
        object.__setattr__(self, "warnings", tuple(self.warnings))

    @property
    def name(self) -> str | None:
        """What to call the text: its symbol, else the name of its file, else ``None``."""
        return self.symbol or self.source

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def _positions(self) -> dict[str, int]:
        # Unit id → index in ``units``, built on first lookup and kept outside the fields (so that
        # equality, hashing, repr and to_dict are those of the fields alone). On a repeated id the
        # first unit wins, as a scan would find it.
        positions: dict[str, int] | None = self.__dict__.get("_by_id")
        if positions is None:
            positions = {}
            for k, unit in enumerate(self.units):
                positions.setdefault(unit.id, k)
            object.__setattr__(self, "_by_id", positions)
        return positions

    def index(self, unit_id: str) -> int:
        """The position of unit ``unit_id`` in ``units``; ``KeyError`` if there is none."""
        return self._positions()[unit_id]

    def __getitem__(self, unit_id: str) -> Unit:
        """The unit with id ``unit_id`` (``res["OP8"]``); ``KeyError`` if there is none."""
        return self.units[self._positions()[unit_id]]

    def get(self, unit_id: str) -> Unit | None:
        k = self._positions().get(unit_id)
        return None if k is None else self.units[k]

    @property
    def year(self) -> int | None:
        """The year of adoption, from ``adopted`` or else the symbol."""
        if self.adopted:
            return int(self.adopted[:4])
        if self.symbol:
            found = re.search(r"/((?:19|20)\d\d)/", self.symbol)
            if found:
                return int(found.group(1))
        return None

    @property
    def preambular(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "preambular")

    @property
    def operative(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "operative")

    @property
    def headings(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "heading")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": RESOLUTION_SCHEMA,
            "symbol": self.symbol,
            "body": self.body,
            "adopted": self.adopted,
            "meeting": self.meeting,
            "title": self.title,
            "language": self.language,
            "predecessor": self.predecessor,
            "units": [u.to_dict() for u in self.units],
            "footnotes": {str(n): t for n, t in self.footnotes.items()},
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Resolution:
        return cls(
            units=tuple(Unit.from_dict(u) for u in data["units"]),
            symbol=data.get("symbol"),
            body=data.get("body"),
            adopted=data.get("adopted"),
            meeting=data.get("meeting"),
            title=data.get("title"),
            language=data.get("language", "zh"),
            predecessor=data.get("predecessor"),
            footnotes={int(n): t for n, t in data.get("footnotes", {}).items()},
            warnings=tuple(ParseWarning.from_dict(w) for w in data.get("warnings", ())),
        )

    def to_text(self) -> str:
        """A clean text that :func:`resdiff.parse` reads back to an equal Resolution.

        The conventions of a text copied from a web page: the symbol, the numbered title
        and the body addressed; one unit a line, the lead marked ``**bold**`` as printed,
        operative numbers ``12.`` and letters ``(b)``; footnote references as ``[^n]`` at
        the end of their unit; the date and meeting lines; then the footnotes, ``[^n]: …``.
        """
        lines: list[str] = []
        if self.symbol:
            lines.append(self.symbol)
        # The number printed before the title is the symbol after its body's prefix: 2013/9 of
        # E/RES/2013/9, 22/1 of A/HRC/RES/22/1.
        number = self.symbol.split("RES/", 1)[1] if self.symbol and "RES/" in self.symbol else None
        if self.title:
            lines.append(f"{number}. {self.title}" if number else self.title)
        english = self.language == "en"
        if self.body and not any(u.part for u in self.units):
            lines.append(f"The {self.body}," if english else f"{self.body}，")
        part: str | None = None
        for unit in self.units:
            if unit.part and unit.part != part:
                # A part opens with its letter, its title (its first heading) and the body line.
                part = unit.part
                title = unit.kind == "heading" and unit.id == f"{part}.H1"
                lines.append(f"{part}. {unit.text}" if title else part)
                lines.append(f"The {self.body or 'General Assembly'}," if english else f"{self.body or '大会'}，")
                if title:
                    continue
            text = unit.text
            if unit.lead and text.startswith(unit.lead):
                text = f"**{unit.lead}**{text[len(unit.lead):]}"
            refs = "".join(f"[^{n}]" for n in unit.footnotes)
            if unit.kind == "operative" and unit.number:
                letter = re.fullmatch(r"\d+\((\w+)\)", unit.number)
                prefix = f"({letter.group(1)}) " if letter else f"{unit.number}. "
            else:
                prefix = ""
            lines.append(f"{prefix}{text}{refs}")
        if english and self.meeting:
            lines.append(self.meeting)
        if self.adopted:
            year, month, day = (int(p) for p in self.adopted.split("-"))
            lines.append(f"{day} {_MONTHS_EN[month - 1]} {year}" if english else f"{year}年{month}月{day}日")
        if self.meeting and not english:
            lines.append(self.meeting)
        if self.footnotes:
            lines.append("")
            lines.extend(f"[^{n}]: {t}" for n, t in self.footnotes.items())
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level edit script."""

    op: DiffOpName
    """``equal``, ``insert`` or ``delete``."""
    text: str
    """The words concerned, joined (whole jieba words, never half of one)."""

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@dataclass(frozen=True)
class LeadShift:
    """How the lead verb of a paragraph changed, on resdiff's scale of leads."""

    old: str
    """The old lead, with its 又/还 adverb."""
    new: str
    """The new lead, with its 又/还 adverb."""
    shift: Shift
    """``stronger``/``weaker`` on a common scale, ``same`` once 又/还 are ignored, else ``different``."""
    old_gloss: str | None = field(default=None, compare=False)
    """The old lead in the other language (吁请 → ``calls upon``, ``Urges`` → 促请), for the
    interface to show beside it; not part of the JSON."""
    new_gloss: str | None = field(default=None, compare=False)
    """The same for the new lead."""

    def to_dict(self) -> dict[str, str]:
        return {"old": self.old, "new": self.new, "shift": self.shift}


@dataclass(frozen=True)
class AgreedLanguage:
    """The closest paragraph of an earlier text to a new one: agreed language to argue from."""

    symbol: str | None
    """The text it comes from (``A/RES/69/904``)."""
    unit: str
    """Its id there (``OP2``)."""
    text: str
    """Its text, in the language of the comparison."""
    other: str | None
    """The same paragraph in the other language, when that text is known and the unit pairs."""
    similarity: float
    """How alike it is to the new paragraph (0–1)."""

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "unit": self.unit, "text": self.text, "other": self.other,
                "similarity": round(self.similarity, 4)}


@dataclass(frozen=True)
class Parallel:
    """A change's units in the other language: the Chinese of an English comparison, or the
    English of a Chinese one, paired by unit id (the two language versions number alike)."""

    language: str
    """The other language (``en`` or ``zh``)."""
    old: str | None
    """The other language's text of the change's old units, joined; ``None`` when there is no old
    unit, no old text in that language, or a unit could not be paired."""
    new: str | None
    """The same for the new units."""
    diff: tuple[DiffOp, ...] = ()
    """The word diff of ``old`` → ``new`` in that language (empty unless both are known)."""
    unpaired: tuple[str, ...] = ()
    """Ids of the change's units (``old:PP3``, ``new:OP12``) that have no counterpart there."""
    agreed: AgreedLanguage | None = None
    """For an added paragraph: the closest agreed language found in earlier texts, both languages."""

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "old": self.old, "new": self.new,
                "diff": [d.to_dict() for d in self.diff], "unpaired": list(self.unpaired),
                "agreed": self.agreed.to_dict() if self.agreed else None}


@dataclass(frozen=True)
class Pairing:
    """How the units of a text were paired with those of its other language version."""

    language: str
    """The other language."""
    old_symbol: str | None
    """The symbol of the other language's old text (``None`` when none was given)."""
    new_symbol: str | None
    unpaired_old: tuple[str, ...] = ()
    """Old unit ids with no counterpart in the other language (numbering differs)."""
    unpaired_new: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "old_symbol": self.old_symbol, "new_symbol": self.new_symbol,
                "unpaired_old": list(self.unpaired_old), "unpaired_new": list(self.unpaired_new)}


@dataclass(frozen=True)
class FootnoteChange:
    """A footnote cited by a change's units whose text changed, appeared or disappeared."""

    old_number: int | None
    """Its number in the old text, ``None`` if the old units cite no such footnote."""
    new_number: int | None
    """Its number in the new text, ``None`` if the new units cite no such footnote."""
    old: str | None
    """Its old text, ``None`` when it appeared."""
    new: str | None
    """Its new text, ``None`` when it disappeared."""
    diff: tuple[DiffOp, ...] = ()
    """Word-level edit script from the old text to the new."""
    routine: bool = False
    """Every difference is a document symbol, a date, a number or a year bump."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "diff", tuple(self.diff))

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_number": self.old_number,
            "new_number": self.new_number,
            "old": self.old,
            "new": self.new,
            "diff": [d.to_dict() for d in self.diff],
            "routine": self.routine,
        }


@dataclass(frozen=True)
class Change:
    """What happened to one group of paragraphs between the old and the new text."""

    type: ChangeType
    """``unchanged``, ``reworded``, ``added``, ``dropped``, ``split`` or ``merged``."""
    old: tuple[str, ...]
    """Ids of the old units concerned (empty for ``added``)."""
    new: tuple[str, ...]
    """Ids of the new units concerned (empty for ``dropped``)."""
    moved: bool = False
    """Outside the largest order-preserving set of matched pairs."""
    routine: bool = False
    """Only on ``reworded``: every difference is a date, number, symbol, ordinal or 又/还."""
    similarity: float = 0.0
    """How alike the two sides are, 0 to 1 (1 for ``unchanged``; 0 for added and dropped)."""
    lead: LeadShift | None = None
    """The lead shift, or ``None`` when either side has no lead."""
    diff: tuple[DiffOp, ...] = ()
    """Word-level edit script from the old text(s) to the new text(s); empty when unchanged."""
    terminology: bool = False
    """Every difference is a recurring terminology switch (see ``Comparison.terms``) or routine."""
    footnotes: tuple[FootnoteChange, ...] = ()
    """The footnotes cited by its units whose text changed, appeared or disappeared. The change
    keeps its ``type`` by the paragraphs' own texts."""
    parallel: Parallel | None = None
    """The same units in the other language, when its texts were given alongside (issue 12)."""
    confidence: float = 1.0
    """How sure the engine is of this reading of these units, 0 to 1, calibrated on revisions it
    was never tuned on (among changes at 0.9 or more, nine in ten or more are right)."""
    alternatives: tuple[tuple[Change, ...], ...] = ()
    """Other readings of these units that came close, best first: each a list of changes (without
    alternatives of their own) that would replace this change and the changes it is read with."""

    def __post_init__(self) -> None:
        # Lists given by a caller become tuples (the engine gives tuples: nothing to do).
        for name in ("old", "new", "diff", "footnotes"):
            if type(getattr(self, name)) is not tuple:
                object.__setattr__(self, name, tuple(getattr(self, name)))
        if type(self.alternatives) is not tuple or any(type(a) is not tuple for a in self.alternatives):
            object.__setattr__(self, "alternatives", tuple(tuple(a) for a in self.alternatives))

    @property
    def substantive(self) -> bool:
        """True unless the change is unchanged, routine or only a terminology switch. A move, a
        lead that became stronger, weaker or different, and a footnote whose text changed other
        than routinely are always substantive."""
        if self.moved or (self.lead is not None and self.lead.shift != "same"):
            return True
        if any(not f.routine for f in self.footnotes):
            return True
        return not (self.type == "unchanged" or self.routine or self.terminology)

    @property
    def label(self) -> str:
        """A short description: ``OP20 reworded``, ``OP12+OP15 → OP8 merged``, ``OP21 dropped``,
        ``OP5 → PP5 reworded, moved``."""
        return self.describe()

    def describe(self, translate: Callable[[str], str] = str) -> str:
        """:attr:`label` with its words (the change type, ``moved``) passed through ``translate``
        (an interface language's ``gettext``)."""
        kind = translate(self.type)
        if not self.old:
            text = f"{self.new[0]} {translate('added')}"
        elif not self.new:
            text = f"{self.old[0]} {translate('dropped')}"
        elif self.old == self.new:
            text = f"{self.old[0]} {kind}"
        else:
            text = f"{'+'.join(self.old)} → {'+'.join(self.new)} {kind}"
        return text + (f", {translate('moved')}" if self.moved else "")

    def below(self, threshold: float) -> bool:
        """Whether the reports mark this change "check": confidence below ``threshold``, and a
        change (an unchanged paragraph is never marked, whatever the threshold: ``--check-below 1``)."""
        return self.confidence < threshold and self.type != "unchanged"

    @property
    def old_text(self) -> str:
        """The old side of the word diff, joined."""
        return "".join(d.text for d in self.diff if d.op != "insert")

    @property
    def new_text(self) -> str:
        """The new side of the word diff, joined."""
        return "".join(d.text for d in self.diff if d.op != "delete")

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "old": list(self.old),
            "new": list(self.new),
            "moved": self.moved,
            "routine": self.routine,
            "similarity": round(self.similarity, 4),
            "lead": self.lead.to_dict() if self.lead else None,
            "diff": [d.to_dict() for d in self.diff],
            "terminology": self.terminology,
            "footnotes": [f.to_dict() for f in self.footnotes],
            "confidence": round(self.confidence, 4),
            "alternatives": [[c._to_dict_alone() for c in reading] for reading in self.alternatives],
            **({"parallel": self.parallel.to_dict()} if self.parallel is not None else {}),
        }

    def _to_dict_alone(self) -> dict[str, Any]:
        """The change as an alternative lists it: without alternatives of its own."""
        data = self.to_dict()
        del data["alternatives"]
        return data


def order_warning(old: Resolution, new: Resolution) -> str | None:
    """Why ``old`` seems to be the later text of the two, or ``None`` when nothing says so."""
    old_name, new_name = old.name or "the old text", new.name or "the new text"
    why = None
    if old.predecessor and new.symbol and old.predecessor == new.symbol:
        why = f"the old text ({old_name}) recalls the new one ({new_name}) as its predecessor"
    elif old.adopted and new.adopted and old.adopted > new.adopted:
        why = f"the old text ({old_name}) was adopted on {old.adopted}, after the new one ({new_name}, {new.adopted})"
    elif not (old.adopted and new.adopted) and old.year and new.year and old.year > new.year:
        why = f"the old text ({old_name}) is of {old.year}, the new one ({new_name}) of {new.year}"
    if why is None:
        return None
    return (f"the two texts seem to be in the wrong order: {why}; additions and drops, and every lead shift, "
            "are then the wrong way round (give the older text first)")


def part_of(change: Change) -> str:
    """``substantive``, ``routine``, ``terminology`` or ``unchanged``: the part of
    :attr:`Comparison.counts` a change is counted in."""
    if change.substantive:
        return "substantive"
    if change.routine:
        return "routine"
    if change.terminology:
        return "terminology"
    return "unchanged"


@dataclass(frozen=True)
class TermSwitch:
    """A word replacement that recurs across paragraphs (因特网 → 互联网)."""

    old: str
    new: str
    count: int
    """In how many changes the replacement occurs."""

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "count": self.count}


@dataclass(frozen=True)
class Comparison:
    """Every change between two resolutions, in the reading order of the new text."""

    old: Resolution
    new: Resolution
    changes: tuple[Change, ...]
    """A partition of both texts' units, listed in the new text's reading order."""
    terms: tuple[TermSwitch, ...] = ()
    """Terminology switches found across several paragraphs, most frequent first."""
    pairing: Pairing | None = None
    """The other language's texts carried along (issue 12): which units could not be paired."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(self.changes))
        object.__setattr__(self, "terms", tuple(self.terms))

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @property
    def summary(self) -> dict[str, int]:
        result: dict[str, int] = {t: 0 for t in CHANGE_TYPES}
        for change in self.changes:
            result[change.type] += 1
        result["moved"] = sum(c.moved for c in self.changes)
        result["routine"] = sum(c.routine for c in self.changes)
        result["lead_stronger"] = sum(bool(c.lead and c.lead.shift == "stronger") for c in self.changes)
        result["lead_weaker"] = sum(bool(c.lead and c.lead.shift == "weaker") for c in self.changes)
        # A footnote cited by several changed units is one footnote change.
        result["footnotes"] = len({(f.old_number, f.new_number) for c in self.changes for f in c.footnotes})
        return result

    @property
    def counts(self) -> dict[str, int]:
        """The counts every renderer shows, each defined once here (see ``docs/design.md``, "Counts").

        ``substantive``, ``routine``, ``terminology`` and ``unchanged`` divide the changes into four
        parts that add up to ``changes``:

        - ``substantive``: what a negotiator has to read (:attr:`Change.substantive`): added,
          dropped, split, merged, reworded in substance, moved (even with the same words), or with a
          lead that became stronger, weaker or different;
        - ``routine``: the rest of the rewordings whose differences are all routine updates;
        - ``terminology``: the rest whose differences are a terminology switch (and routine ones);
        - ``unchanged``: the same words in the same place.

        ``reworded`` counts every change of that type, and ``reworded_in_substance`` those of them
        that are neither routine nor terminology only. ``summary`` (the JSON) counts by type: its
        ``unchanged`` includes moved paragraphs with the same words, which are substantive here.
        """
        parts = {"substantive": 0, "routine": 0, "terminology": 0, "unchanged": 0}
        for change in self.changes:
            parts[part_of(change)] += 1
        return {
            "changes": len(self.changes),
            **parts,
            "reworded": sum(c.type == "reworded" for c in self.changes),
            "reworded_in_substance": sum(c.type == "reworded" and not (c.routine or c.terminology)
                                         for c in self.changes),
        }

    @property
    def warnings(self) -> tuple[str, ...]:
        """What makes the comparison doubtful: so far, two texts that seem to be in the wrong order
        (the old one adopted after the new one, or recalling it as its predecessor), which would
        turn every addition into a drop and every lead shift around."""
        return tuple(w for w in (order_warning(self.old, self.new),) if w)

    def by_type(self, *types: ChangeType) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.type in types)

    @property
    def substantive(self) -> tuple[Change, ...]:
        """The changes a negotiator has to read: not unchanged, routine or terminology only."""
        return tuple(c for c in self.changes if c.substantive)

    def change_for(self, unit_id: str, *, side: Literal["old", "new"] = "new") -> Change | None:
        """The change whose ``old`` or ``new`` side lists ``unit_id``."""
        for change in self.changes:
            if unit_id in (change.new if side == "new" else change.old):
                return change
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": COMPARISON_SCHEMA,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
            "summary": self.summary,
            "counts": self.counts,
            "terms": [t.to_dict() for t in self.terms],
            **({"pairing": self.pairing.to_dict()} if self.pairing is not None else {}),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
