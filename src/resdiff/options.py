"""Every setting of the comparison engine, in one frozen dataclass with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Options:
    """Settings of :func:`resdiff.compare`; override any of them with keyword arguments."""

    link_threshold: float = 0.5
    """Least similarity (0–1) for two paragraphs to be paired on their own merit."""
    context_threshold: float = 0.3
    """Least similarity for a pair that sits between two aligned neighbours (rewritten in place)."""
    move_threshold: float = 0.35
    """Least similarity of a paragraph that moved and was reworded on the way, when the two are
    each other's best partner and share much of their rare wording."""
    in_place_threshold: float = 0.15
    """Least similarity for the one paragraph out and the one in at the same place between two
    aligned neighbours: a paragraph rewritten in place (it must also share rare wording)."""
    slot_content: float = 0.11
    """Least share of rare wording for the one paragraph out and the one in at the same place
    between two aligned neighbours, with the same lead, each the other's most alike among the
    unpaired, to be read as one paragraph rewritten in place whatever their similarity (1: never)."""
    part_threshold: float = 0.5
    """For split and merge: how much of a part must be found, in order, in the whole (0–1)."""
    term_min_count: int = 2
    """A word replacement counts as a terminology switch when it recurs in this many changes."""
    check_threshold: float = 0.8
    """Changes whose confidence is below this are marked "check" in the reports, with the other
    readings that came close. 0.8: the lowest threshold that, each development folder left out of
    the recalibration, marks at least 70% of the wrong changes and at most 20% of the non-trivial
    ones (``bench/fit_confidence.py --check-tradeoff``, docs/design.md); 0.7 marked only half."""
    un_terms: bool = True
    """Segment with resdiff's UN-terms dictionary (``data/un_terms.txt``); off: jieba's own only."""
    user_dictionary: str | None = None
    """Path of an extra jieba dictionary, added to resdiff's UN-terms dictionary."""

    def with_(self, **overrides: Any) -> Options:
        """A copy with ``overrides`` applied (``dataclasses.replace``)."""
        return replace(self, **overrides)


DEFAULT_OPTIONS = Options()
