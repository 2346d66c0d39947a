"""Write an illustrative revision of a resolution and the change list it implies.

A case is written as a sequence of edits on the old text (reword, drop, add, move, split, merge),
each naming the old paragraph it touches. The edits keep the lineage of every new paragraph, so
the expected change list follows from them by the rules of ``docs``' ``resdiff.comparison/1``:

- a paragraph kept and equal once whitespace and its final ``；。，：`` are ignored is
  ``unchanged``, otherwise ``reworded``; one old paragraph into several is ``split``, several into
  one ``merged``; a new paragraph without lineage is ``added``, an old one without a successor
  ``dropped``;
- ``moved``: outside the largest order-keeping set of matched changes (the set must be unique,
  or the case is ambiguous and is refused);
- ``routine`` is declared by the author of the edit and checked against a mechanical rule (all
  differences in digits, document symbols, ordinals ``第十七届`` or the 又/还 before the lead);
- ``lead_shift`` from the two leads on resdiff's scale (``data/leads.tsv``).

The printed list is then read and checked by hand; ``expected.json`` is what is checked in.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scoring import is_routine, norm

import resdiff
from resdiff.lexicon import match_lead, shift
from resdiff.model import Resolution, Unit


@dataclass
class Slot:
    """A paragraph of the revision, with where it comes from."""

    label: str
    """The old id for a paragraph of the old text, or the name given to an added one."""
    kind: str
    """``preambular``, ``heading`` or ``operative``."""
    sub: bool
    """A lettered sub-paragraph."""
    lead: str | None
    text: str
    footnotes: tuple[int, ...]
    origin: tuple[str, ...]
    """The old ids it derives from (empty for an added paragraph)."""
    routine: bool = False
    terminology: bool = False
    note: str = ""
    new_id: str = ""


def body(text: str) -> str:
    """A paragraph's text without its final ``；。，：`` (for writing a paragraph into another)."""
    return text[:-1] if text and text[-1] in "；。，：" else text


def without_lead(text: str) -> str:
    """A paragraph's text without its lead (``又确认…`` → ``…``), as when it becomes a merge's part."""
    lead = match_lead(text)
    return text[len(lead):] if lead else text


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


class Revision:
    """Edits on an old resolution; ``build()`` gives the new one and the expected change list."""

    def __init__(self, old: Resolution) -> None:
        self.old = old
        self.slots: list[Slot] = []
        for unit in old:
            self.slots.append(Slot(unit.id, unit.kind, bool(unit.parent), unit.lead, unit.text,
                                   unit.footnotes, (unit.id,)))
        self.meta: dict[str, Any] = {"symbol": old.symbol, "body": old.body, "adopted": old.adopted,
                                     "meeting": old.meeting, "title": old.title}
        self.footnotes: dict[int, str] = dict(old.footnotes)
        self.next_footnote = max(self.footnotes, default=0) + 1

    # -- finding ---------------------------------------------------------------------------
    def _at(self, label: str) -> int:
        for i, slot in enumerate(self.slots):
            if slot.label == label:
                return i
        raise KeyError(f"no paragraph {label!r} in the revision")

    def __getitem__(self, label: str) -> Slot:
        return self.slots[self._at(label)]

    # -- edits -----------------------------------------------------------------------------
    def set_meta(self, **meta: Any) -> Revision:
        self.meta.update(meta)
        return self

    def footnote(self, text: str) -> int:
        """A new footnote; returns its (provisional) number."""
        n = self.next_footnote
        self.next_footnote += 1
        self.footnotes[n] = text
        return n

    def reword(self, label: str, text: str, *, lead: str | None = "auto", routine: bool = False,
               terminology: bool = False, note: str = "", footnotes: tuple[int, ...] | None = None) -> Revision:
        slot = self[label]
        slot.text = text
        slot.lead = (match_lead(text) if slot.kind != "heading" else None) if lead == "auto" else lead
        slot.routine, slot.terminology = routine, terminology
        slot.note = note
        if footnotes is not None:
            slot.footnotes = footnotes
        return self

    def sub(self, label: str, *pairs: str, routine: bool = False, terminology: bool = False,
            note: str = "", count: int = 0) -> Revision:
        """Reword by replacing substrings: ``sub("OP8", "吁请", "促请")``; each must occur."""
        text = self[label].text
        assert len(pairs) % 2 == 0, pairs
        for old, new in zip(pairs[::2], pairs[1::2]):
            if old not in text:
                raise ValueError(f"{label}: {old!r} not in {text!r}")
            text = text.replace(old, new, count or -1)
        return self.reword(label, text, routine=routine, terminology=terminology, note=note)

    def drop(self, *labels: str) -> Revision:
        for label in labels:
            del self.slots[self._at(label)]
        return self

    def _place(self, slot: Slot, after: str | None, before: str | None) -> None:
        if after is not None:
            self.slots.insert(self._at(after) + 1, slot)
        elif before is not None:
            self.slots.insert(self._at(before), slot)
        else:
            raise ValueError("say where: after= or before=")

    def add(self, label: str, text: str, *, after: str | None = None, before: str | None = None,
            kind: str = "operative", sub: bool = False, footnotes: tuple[int, ...] = (),
            lead: str | None = "auto", note: str = "") -> Revision:
        if lead == "auto":
            lead = None if kind == "heading" else match_lead(text)
        self._place(Slot(label, kind, sub, lead, text, footnotes, (), note=note), after, before)
        return self

    def move(self, label: str, *, after: str | None = None, before: str | None = None,
             note: str = "") -> Revision:
        slot = self.slots.pop(self._at(label))
        slot.note = slot.note or note
        self._place(slot, after, before)
        return self

    def split(self, label: str, texts: list[str], *, names: list[str] | None = None,
              footnotes: list[tuple[int, ...]] | None = None, note: str = "") -> Revision:
        at = self._at(label)
        old = self.slots.pop(at)
        names = names or [label] + [f"{label}/{k}" for k in range(2, len(texts) + 1)]
        for k, text in enumerate(texts):
            notes = footnotes[k] if footnotes else (old.footnotes if k == 0 else ())
            self.slots.insert(at + k, Slot(names[k], old.kind, old.sub, match_lead(text), text, notes,
                                           old.origin, note=note))
        return self

    def merge(self, labels: list[str], text: str, *, name: str | None = None,
              footnotes: tuple[int, ...] | None = None, note: str = "") -> Revision:
        first = self[labels[0]]
        origin = tuple(o for label in labels for o in self[label].origin)
        notes = footnotes if footnotes is not None else tuple(
            n for label in labels for n in self[label].footnotes)
        merged = Slot(name or labels[0], first.kind, first.sub, match_lead(text), text, notes, origin,
                      note=note)
        at = self._at(labels[0])
        for label in labels:
            del self.slots[self._at(label)]
        self.slots.insert(at, merged)
        return self

    # -- the result ------------------------------------------------------------------------
    def _number(self) -> None:
        pp = h = op = 0
        letter = ""
        for slot in self.slots:
            if slot.kind == "preambular":
                pp += 1
                slot.new_id = f"PP{pp}"
            elif slot.kind == "heading":
                h += 1
                slot.new_id = f"H{h}"
            elif slot.sub:
                assert op, f"sub-paragraph {slot.label} before any operative paragraph"
                letter = chr(ord(letter) + 1) if letter else "a"
                slot.new_id = f"OP{op}({letter})"
            else:
                op += 1
                letter = ""
                slot.new_id = f"OP{op}"

    def resolution(self) -> Resolution:
        """The new text, footnotes renumbered in order of first reference."""
        self._number()
        order: list[int] = []
        for slot in self.slots:
            order.extend(n for n in slot.footnotes if n not in order)
        renumber = {old: k + 1 for k, old in enumerate(order)}
        units = []
        for slot in self.slots:
            number = slot.new_id[2:] if slot.kind == "operative" else None
            units.append(Unit(slot.new_id, slot.kind, number, slot.lead, slot.text,  # type: ignore[arg-type]
                              tuple(renumber[n] for n in slot.footnotes)))
        return Resolution(units=tuple(units), symbol=self.meta["symbol"], body=self.meta["body"],
                          adopted=self.meta["adopted"], meeting=self.meta["meeting"],
                          title=self.meta["title"], language=self.old.language,
                          footnotes={renumber[n]: self.footnotes[n] for n in order})

    def build(self) -> tuple[str, list[dict[str, Any]]]:
        """The new clean text and the expected change list, after checking both."""
        written = self.resolution()
        text = written.to_text()
        parsed = resdiff.parse(text)
        if replace(parsed, predecessor=None) != written:
            for a, b in zip(parsed.units, written.units):
                if a != b:
                    raise AssertionError(f"the new text does not parse back:\n{a}\n{b}")
            raise AssertionError("the new text does not parse back (metadata or unit count)")
        return text, self.expected(parsed)

    def expected(self, new: Resolution) -> list[dict[str, Any]]:
        old_ids = [u.id for u in self.old]
        old_pos = {uid: k for k, uid in enumerate(old_ids)}
        new_pos = {slot.new_id: k for k, slot in enumerate(self.slots)}
        # Group the new slots by shared origin: a split shares one origin over several slots.
        groups: list[tuple[list[str], list[Slot]]] = []
        by_origin: dict[str, int] = {}
        for slot in self.slots:
            if not slot.origin:
                groups.append(([], [slot]))
                continue
            hit = {by_origin[o] for o in slot.origin if o in by_origin}
            if hit:
                assert len(hit) == 1, f"{slot.label}: tangled lineage"
                g = hit.pop()
                groups[g][1].append(slot)
                for o in slot.origin:
                    if o not in groups[g][0]:
                        groups[g][0].append(o)
                        by_origin[o] = g
            else:
                by_origin.update({o: len(groups) for o in slot.origin})
                groups.append((list(slot.origin), [slot]))
        changes: list[dict[str, Any]] = []
        for olds, slots in groups:
            olds = sorted(olds, key=old_pos.__getitem__)
            news = [s.new_id for s in slots]
            first_old = self.old[olds[0]] if olds else None
            first_new = new[news[0]]
            note = "; ".join(dict.fromkeys(s.note for s in slots if s.note))
            if not olds:
                kind = "added"
            elif len(slots) > 1:
                assert len(olds) == 1, f"{news}: many to many"
                kind = "split"
            elif len(olds) > 1:
                kind = "merged"
            else:
                assert first_old is not None
                kind = "unchanged" if norm(first_old.text) == norm(first_new.text) else "reworded"
            routine = kind == "reworded" and slots[0].routine
            if kind == "reworded":
                assert first_old is not None
                if routine != is_routine(first_old, first_new):
                    raise AssertionError(f"{olds}->{news}: routine declared {routine}, rule says "
                                         f"{not routine}:\n{first_old.text}\n{first_new.text}")
            lead = None
            if first_old is not None and first_old.lead and first_new.lead:
                lead = shift(first_old.lead, first_new.lead)
            changes.append({"type": kind, "old": olds, "new": news, "moved": False, "routine": routine,
                            "lead_shift": lead,
                            "terminology": kind == "reworded" and slots[0].terminology,
                            **({"note": note} if note and kind != "unchanged" else {})})
            if first_old is not None and kind in ("reworded", "split", "merged"):
                changes[-1]["similarity_hint"] = round(similarity(
                    "".join(self.old[o].text for o in olds), "".join(new[n].text for n in news)), 2)
        kept = [c for c in changes if c["old"] and c["new"]]
        for index in moved_indices([(min(new_pos[n] for n in c["new"]), min(old_pos[o] for o in c["old"]))
                                    for c in kept]):
            kept[index]["moved"] = True
        taken = {o for c in changes for o in c["old"]}
        for uid in old_ids:
            if uid not in taken:
                lead = None
                changes.append({"type": "dropped", "old": [uid], "new": [], "moved": False, "routine": False,
                                "lead_shift": lead, "terminology": False})
        return _reading_order(changes, old_pos, new_pos)


def moved_indices(pairs: list[tuple[int, int]]) -> set[int]:
    """Indices of the pairs outside the longest chain increasing in both positions.

    Refuses a case where the longest chain is not unique: which paragraph moved would be a
    matter of taste, and the expected list must not be.
    """
    order = sorted(range(len(pairs)), key=lambda i: pairs[i])
    n = len(order)
    best = [1] * n
    count = [1] * n
    prev: list[list[int]] = [[] for _ in range(n)]
    for j in range(n):
        for i in range(j):
            if pairs[order[i]][1] < pairs[order[j]][1]:
                if best[i] + 1 > best[j]:
                    best[j], count[j], prev[j] = best[i] + 1, count[i], [i]
                elif best[i] + 1 == best[j]:
                    count[j] += count[i]
                    prev[j].append(i)
    if not n:
        return set()
    top = max(best)
    ends = [j for j in range(n) if best[j] == top]
    if sum(count[j] for j in ends) != 1:
        raise AssertionError("the largest order-keeping set is not unique: the case is ambiguous")
    chain = set()
    j: int | None = ends[0]
    while j is not None:
        chain.add(order[j])
        j = prev[j][0] if prev[j] else None
    return set(range(len(pairs))) - chain


def _reading_order(changes: list[dict[str, Any]], old_pos: dict[str, int],
                   new_pos: dict[str, int]) -> list[dict[str, Any]]:
    """Changes in the new text's reading order; a dropped unit where it stood (after the change
    holding the old unit before it)."""
    listed = sorted((c for c in changes if c["new"]), key=lambda c: min(new_pos[n] for n in c["new"]))
    for c in sorted((c for c in changes if not c["new"]), key=lambda c: old_pos[c["old"][0]]):
        before = old_pos[c["old"][0]] - 1
        at = 0
        for k, other in enumerate(listed):
            if any(old_pos[o] <= before for o in other["old"]) and not other["moved"]:
                at = k + 1
        listed.insert(at, c)
    return listed


# -- the case scripts (make_cases.py, make_cases_en.py) -----------------------------------------

#: What makes a case: the old text → the revision that writes the new text and the change list.
Maker = Callable[[Resolution], Revision]


class Cases(list[tuple[str, dict[str, Any], Maker]]):
    """A case script's cases, in the order they are written: ``(name, info, make)``, each registered
    by decorating its maker, ``@case("01-date-bump", tests=[…], description=…)`` with ``case = CASES.case``."""

    def case(self, name: str, **info: Any) -> Callable[[Maker], Maker]:
        def register(make: Maker) -> Maker:
            self.append((name, info, make))
            return make
        return register


def changes_json(changes: list[dict[str, Any]]) -> str:
    """A change list as ``expected.json`` holds it: one change a line, reviewable in a diff."""
    return "[\n" + ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in changes) + "\n]\n"


def write_case(folder: Path, files: dict[str, str], *, check: bool) -> list[str]:
    """Write a case's files into ``folder``; with ``check``, write nothing and return the names of
    the files that are missing or differ."""
    if check:
        return [name for name, text in files.items()
                if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return []
