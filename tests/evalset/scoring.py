"""Scoring of change lists against the hand-checked ones of the evaluation set, and a baseline.

Used by ``bench/evaluate.py`` (which prints the figures) and ``tests/test_evalset.py`` (which
asserts the targets). A change here is a plain dict in the shape of ``expected.json``::

    {"type": "reworded", "old": ["OP8"], "new": ["OP8"], "moved": false, "routine": false,
     "lead_shift": "stronger"}

The measures (all pooled over the cases given, micro-averaged):

- **links**: a link is an (old id, new id) pair inside one change; precision and recall of the
  predicted links against the expected ones.
- **non-trivial exact**: a non-trivial expected change is anything but an unchanged paragraph
  that kept its place (an unchanged but moved paragraph counts: the reader must see it). It is
  matched exactly when the prediction has a change with the same type, the same old and new ids,
  and the same ``moved``, ``routine`` and lead shift. *Non-trivial precision* is the same the
  other way round: how many of the predicted non-trivial changes are exactly expected.
- **moves / splits / merges recall**: of the expected moved changes (splits, merges), how many
  the prediction has with the same ids and likewise moved (of the same type).
- **routine**: precision and recall of the changes flagged routine, a flag counting when the
  other side flags the change with the same ids.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resdiff.lexicon import shift
from resdiff.model import Comparison, Resolution, Unit

HERE = Path(__file__).resolve().parent
Change = dict[str, Any]

#: Final punctuation ignored when deciding that two paragraphs are equal.
FINAL_PUNCT = "；。，："

#: What a routine rewording may touch: digits (dates, numbers, document symbols) and Chinese
#: ordinals of sessions and meetings (``第十七届``, ``第七次``). The 又/还 before the lead is
#: handled apart.
RE_ROUTINE_MASK = re.compile(r"\d+|(?<=第)[一二三四五六七八九十百零]+(?=[届次])")


#: The same in an English text (issue 12): digits, month names of dates, ordinals in words
#: (``seventeenth``, ``sixty-eighth``); the ``also``/``further`` of the lead is handled apart.
RE_ROUTINE_MASK_EN = re.compile(
    r"\d+(?:st|nd|rd|th)?|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)\b")

#: No Chinese character: a paragraph of an English text.
RE_CJK = re.compile(r"[\u3400-\u9fff]")


def norm(text: str) -> str:
    """A paragraph's text without whitespace and without its final punctuation mark (``；。，：``,
    or ``;.,:`` in an English text)."""
    english = RE_CJK.search(text) is None
    text = re.sub(r"\s+", "", text)
    return text[:-1] if text and text[-1] in (FINAL_PUNCT + ";.,:" if english else FINAL_PUNCT) else text


def _mask(unit: Unit) -> str:
    text = unit.text
    if RE_CJK.search(text) is None:
        if unit.lead:
            bare = " ".join(w for w in unit.lead.split() if w.lower() not in ("also", "further"))
            text = bare[:1].upper() + bare[1:] + text[len(unit.lead):]
        return norm(RE_ROUTINE_MASK_EN.sub("0", text))
    if unit.lead:
        bare = unit.lead.lstrip("又还") or unit.lead
        text = bare + text[len(unit.lead):]
    return RE_ROUTINE_MASK.sub("0", norm(text))


def is_routine(old: Unit, new: Unit) -> bool:
    """The texts differ, but only in digits, document symbols, ordinals or the 又/还 of the lead."""
    return norm(old.text) != norm(new.text) and _mask(old) == _mask(new)


def lead_shift(old: Unit, new: Unit) -> str | None:
    return shift(old.lead, new.lead) if old.lead and new.lead else None


# -- cases -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One folder of the evaluation set."""

    name: str
    old_text: str
    new_text: str
    expected: list[Change]
    info: dict[str, Any] = field(hash=False)


def load_cases(root: Path = HERE) -> list[Case]:
    cases = []
    for folder in sorted(p for p in root.iterdir() if (p / "expected.json").exists()):
        cases.append(Case(
            folder.name,
            (folder / "old.txt").read_text(encoding="utf-8"),
            (folder / "new.txt").read_text(encoding="utf-8"),
            json.loads((folder / "expected.json").read_text(encoding="utf-8")),
            json.loads((folder / "case.json").read_text(encoding="utf-8")),
        ))
    return cases


def partition_errors(changes: Iterable[Change], old: Resolution, new: Resolution) -> list[str]:
    """What keeps ``changes`` from being a partition of both texts' units (empty if nothing)."""
    errors = []
    for side, res in (("old", old), ("new", new)):
        ids = [uid for c in changes for uid in c[side]]
        want = [u.id for u in res]
        for uid in sorted(set(ids) - set(want)):
            errors.append(f"{side} id {uid} is not in the {side} text")
        for uid in want:
            if ids.count(uid) != 1:
                errors.append(f"{side} id {uid} is listed {ids.count(uid)} times")
    return errors


# -- systems -----------------------------------------------------------------------------------
def from_comparison(comparison: Comparison) -> list[Change]:
    """resdiff's changes in the shape of ``expected.json``."""
    return [{"type": c.type, "old": list(c.old), "new": list(c.new), "moved": c.moved, "routine": c.routine,
             "lead_shift": c.lead.shift if c.lead else None, "terminology": c.terminology}
            for c in comparison.changes]


def baseline(old: Resolution, new: Resolution) -> list[Change]:
    """``difflib.SequenceMatcher`` over the paragraphs' texts (whitespace and final punctuation
    ignored): ``equal`` → unchanged, a ``replace`` of one paragraph by one → reworded, any other
    ``replace`` → dropped + added, ``insert`` → added, ``delete`` → dropped. It knows no moves,
    splits or merges. ``routine`` by :func:`is_routine`; lead shifts from resdiff's scale of
    leads, so that the baseline differs from resdiff only in how paragraphs are paired.
    """
    a, b = list(old.units), list(new.units)
    matcher = difflib.SequenceMatcher(None, [norm(u.text) for u in a], [norm(u.text) for u in b],
                                      autojunk=False)
    changes: list[Change] = []

    def pair(kind: str, x: Unit, y: Unit) -> Change:
        return {"type": kind, "old": [x.id], "new": [y.id], "moved": False,
                "routine": kind == "reworded" and is_routine(x, y), "lead_shift": lead_shift(x, y),
                "terminology": False}

    def single(kind: str, u: Unit) -> Change:
        return {"type": kind, "old": [u.id] if kind == "dropped" else [], "new": [u.id] if kind == "added" else [],
                "moved": False, "routine": False, "lead_shift": None, "terminology": False}

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes.extend(pair("unchanged", a[i1 + k], b[j1 + k]) for k in range(i2 - i1))
        elif op == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            changes.append(pair("reworded", a[i1], b[j1]))
        else:
            changes.extend(single("dropped", u) for u in a[i1:i2])
            changes.extend(single("added", u) for u in b[j1:j2])
    return changes


# -- scores ------------------------------------------------------------------------------------
def _key(change: Change) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(change["old"]), frozenset(change["new"])


def _links(changes: Iterable[Change]) -> set[tuple[str, str]]:
    return {(o, n) for c in changes for o in c["old"] for n in c["new"]}


def nontrivial(change: Change) -> bool:
    return change["type"] != "unchanged" or bool(change["moved"])


def _exact(a: Change, b: Change) -> bool:
    return (a["type"] == b["type"] and _key(a) == _key(b) and bool(a["moved"]) == bool(b["moved"])
            and bool(a["routine"]) == bool(b["routine"]) and a.get("lead_shift") == b.get("lead_shift"))


@dataclass
class Tally:
    """Counts pooled over cases; ``ratio``s computed at the end."""

    links_expected: int = 0
    links_predicted: int = 0
    links_right: int = 0
    nontrivial_expected: int = 0
    nontrivial_predicted: int = 0
    nontrivial_exact: int = 0
    nontrivial_predicted_exact: int = 0
    moves: list[int] = field(default_factory=lambda: [0, 0])
    splits: list[int] = field(default_factory=lambda: [0, 0])
    merges: list[int] = field(default_factory=lambda: [0, 0])
    moved_predicted: list[int] = field(default_factory=lambda: [0, 0])
    routine_expected: int = 0
    routine_predicted: int = 0
    routine_right: int = 0
    terminology: list[int] = field(default_factory=lambda: [0, 0, 0])
    """Expected, predicted, both (informational: not among the targets)."""

    def add(self, expected: list[Change], predicted: list[Change]) -> list[str]:
        """Count one case; return a line for every expected non-trivial change missed and every
        predicted non-trivial change not expected."""
        el, pl = _links(expected), _links(predicted)
        self.links_expected += len(el)
        self.links_predicted += len(pl)
        self.links_right += len(el & pl)
        by_key = {_key(c): c for c in predicted}
        exp_key = {_key(c): c for c in expected}
        misses = []
        for c in expected:
            got = by_key.get(_key(c))
            if nontrivial(c):
                self.nontrivial_expected += 1
                if got is not None and _exact(c, got):
                    self.nontrivial_exact += 1
                else:
                    misses.append(f"expected {describe(c)}; got {_covering(c, predicted)}")
            for counter, wanted in ((self.moves, c["moved"]), (self.splits, c["type"] == "split"),
                                    (self.merges, c["type"] == "merged")):
                if wanted:
                    counter[0] += 1
                    counter[1] += got is not None and got["type"] == c["type"] and bool(got["moved"]) == bool(
                        c["moved"])
            if c["routine"]:
                self.routine_expected += 1
                self.routine_right += bool(got and got["routine"])
        for c in predicted:
            want = exp_key.get(_key(c))
            if nontrivial(c):
                self.nontrivial_predicted += 1
                if want is not None and _exact(want, c):
                    self.nontrivial_predicted_exact += 1
                elif want is None or not nontrivial(want):
                    misses.append(f"unexpected {describe(c)}; expected {_covering(c, expected)}")
            if c["moved"]:
                self.moved_predicted[0] += 1
                self.moved_predicted[1] += bool(want and want["moved"])
            if c["routine"]:
                self.routine_predicted += 1
        for c in expected:
            got = by_key.get(_key(c))
            self.terminology[0] += bool(c.get("terminology"))
            self.terminology[2] += bool(c.get("terminology") and got and got.get("terminology"))
        self.terminology[1] += sum(bool(c.get("terminology")) for c in predicted)
        return misses

    def scores(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        msm = [self.moves[i] + self.splits[i] + self.merges[i] for i in (0, 1)]
        return {
            "link_precision": ratio(self.links_right, self.links_predicted),
            "link_recall": ratio(self.links_right, self.links_expected),
            "nontrivial_exact": ratio(self.nontrivial_exact, self.nontrivial_expected),
            "nontrivial_precision": ratio(self.nontrivial_predicted_exact, self.nontrivial_predicted),
            "move_recall": ratio(self.moves[1], self.moves[0]),
            "split_recall": ratio(self.splits[1], self.splits[0]),
            "merge_recall": ratio(self.merges[1], self.merges[0]),
            "move_split_merge_recall": ratio(msm[1], msm[0]),
            "move_precision": ratio(self.moved_predicted[1], self.moved_predicted[0]),
            "routine_precision": ratio(self.routine_right, self.routine_predicted),
            "routine_recall": ratio(self.routine_right, self.routine_expected),
            "terminology_precision": ratio(self.terminology[2], self.terminology[1]),
            "terminology_recall": ratio(self.terminology[2], self.terminology[0]),
        }

    def counts(self) -> dict[str, int]:
        return {"nontrivial_expected": self.nontrivial_expected, "nontrivial_predicted": self.nontrivial_predicted,
                "links_expected": self.links_expected, "moves": self.moves[0], "splits": self.splits[0],
                "merges": self.merges[0], "routine_expected": self.routine_expected}


#: The targets of issue 3.
TARGETS = {"nontrivial_exact": 0.99, "move_split_merge_recall": 0.95, "routine_precision": 0.95,
           "routine_recall": 0.95}


def with_arguable(expected: list[Change], arguable: Iterable[dict[str, Any]], predicted: list[Change]) -> list[Change]:
    """The expected list with each reading its author declared arguable *before the first run*
    (``case.json``'s ``arguable``: the ``expected`` changes it names, by their ids, and the
    ``alternative`` changes a delegate could also read) put in place of the expected changes it
    names, when the prediction has every change of that alternative exactly. Used for the second,
    lenient figure of ``bench/evaluate.py``; the strict figure ignores ``arguable``. An entry whose
    named changes are not all in the expected list, or whose alternative does not cover the same
    paragraphs, is ignored."""
    out = list(expected)
    got = {_key(c): c for c in predicted}
    for entry in arguable:
        named = {_key(c) for c in entry.get("expected", [])}
        alternative = entry.get("alternative", [])
        keys = [_key(c) for c in out]
        if not named or not alternative or not named <= set(keys):
            continue
        ids = [{i for k in group for i in k[side]} for group in (named, {_key(c) for c in alternative})
               for side in (0, 1)]
        if ids[0] != ids[2] or ids[1] != ids[3]:
            continue
        if all(_key(c) in got and _exact(c, got[_key(c)]) for c in alternative):
            out = [c for c in out if _key(c) not in named] + [dict(c) for c in alternative]
    return out


def describe(change: Change) -> str:
    flags = [f for f in ("moved", "routine") if change.get(f)]
    if change.get("lead_shift") not in (None, "same"):
        flags.append(f"lead {change['lead_shift']}")
    tail = f" [{', '.join(flags)}]" if flags else ""
    return f"{change['type']} {','.join(change['old']) or '-'} → {','.join(change['new']) or '-'}{tail}"


def _covering(change: Change, others: list[Change]) -> str:
    """The changes of ``others`` that share an id with ``change``."""
    old, new = set(change["old"]), set(change["new"])
    hits = [c for c in others if old & set(c["old"]) or new & set(c["new"])]
    return "; ".join(describe(c) for c in hits) or "nothing"


def iter_styles(case: Case, styles: Iterable[str]) -> Iterator[tuple[str, Resolution, Resolution]]:
    """The parsed old and new texts of a case in each style (``clean``, ``extracted``)."""
    from extracted import to_extracted  # the sibling module

    import resdiff

    for style in styles:
        if style == "clean":
            yield style, resdiff.parse(case.old_text), resdiff.parse(case.new_text)
        elif style == "extracted" and case.info.get("language") == "en":
            # An English case's counterpart of the extraction: the web copy hard-wrapped, its
            # footnote numbers glued after the punctuation and listed after the end (issue 12).
            from en_forms import to_wrapped  # the sibling module

            yield style, resdiff.parse(to_wrapped(case.old_text)), resdiff.parse(to_wrapped(case.new_text))
        elif style == "extracted":
            yield style, resdiff.parse(to_extracted(case.old_text)), resdiff.parse(to_extracted(case.new_text))
        else:
            raise ValueError(f"unknown style {style!r}")
