"""The scored decision (issue 10): confidence, alternatives, merges from afar, the shipped model.

The revisions here are ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``.
"""

from __future__ import annotations

import json
import math
import sys
from importlib import resources
from pathlib import Path

import pytest

import resdiff
from resdiff import decide
from resdiff.model import Change, Comparison, Resolution
from resdiff.render.text import render_comparison_text
from tests.conftest import validate

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision, body, without_lead


def merged(old: Resolution, first: str, second: str) -> tuple[Resolution, list[dict[str, object]]]:
    """``second`` merged into ``first``: the new text and its expected change list."""
    r = Revision(old)
    r.merge([first, second], body(old[first].text) + "，并" + without_lead(old[second].text))
    text, expected = r.build()
    return resdiff.parse(text), expected


def units_of(changes: tuple[Change, ...] | list[Change]) -> tuple[set[str], set[str]]:
    return {u for c in changes for u in c.old}, {u for c in changes for u in c.new}


@pytest.mark.parametrize(("first", "second"), [("OP20", "OP23"), ("OP28", "OP33"), ("OP2", "OP9")])
def test_a_merge_of_paragraphs_that_stood_apart_is_found(corpus: Resolution, first: str, second: str) -> None:
    # Two or more kept paragraphs stood between the parts: the aligner alone reads one part
    # reworded and the other dropped (or moved); the decision reads the merge.
    new, expected = merged(corpus, first, second)
    comparison = resdiff.compare(corpus, new)
    merges = comparison.by_type("merged")
    assert [(set(c.old), set(c.new)) for c in merges] == [({first, second}, {first})]
    assert next(c for c in expected if c["type"] == "merged")["old"] == [first, second]
    # Everything else stayed where it was, unchanged.
    assert {c.type for c in comparison.changes} == {"unchanged", "merged"}
    assert not any(c.moved for c in comparison.changes)


def test_every_change_has_a_confidence_and_its_alternatives_are_readings_of_its_units() -> None:
    folder = Path(__file__).resolve().parent / "evalset" / "35-blind3-uneven-split-merge"
    comparison = resdiff.compare(resdiff.parse((folder / "old.txt").read_text(encoding="utf-8")),
                                 resdiff.parse((folder / "new.txt").read_text(encoding="utf-8")))
    assert all(0.0 <= c.confidence <= 1.0 for c in comparison.changes)
    assert any(c.alternatives for c in comparison.changes)
    for change in comparison.changes:
        for reading in change.alternatives:
            assert reading and all(not other.alternatives for other in reading)
            # The reading covers this change's units, and with the changes it replaces taken
            # out, the rest of the comparison and the reading are again a partition.
            old, new = units_of(reading)
            assert set(change.old) <= old and set(change.new) <= new
            replaced = [c for c in comparison.changes if set(c.old) & old or set(c.new) & new]
            assert units_of(replaced) == (old, new)
            assert reading != tuple(replaced)
    document = comparison.to_dict()
    validate(document)
    listed = [c for c in document["changes"] if c["alternatives"]]
    assert listed and all("alternatives" not in other and 0 <= other["confidence"] <= 1
                          for c in listed for reading in c["alternatives"] for other in reading)


def test_the_changes_of_another_reading_carry_their_own_confidence(corpus: Resolution) -> None:
    # A reading that was not taken is not one the engine is sure of: each of its changes carries the
    # confidence the engine would give it, not the 1.0 of a change nobody scored.
    draft = Path(__file__).resolve().parent.parent / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
    comparison = resdiff.compare(corpus, resdiff.parse(draft.read_text(encoding="utf-8")))
    others = [other for c in comparison.changes for reading in c.alternatives for other in reading]
    assert others and all(0.0 <= other.confidence < 1.0 for other in others)
    by_reading = {(other.type, other.old, other.new, other.moved): other.confidence for other in others}
    for change in comparison.changes:  # one change, the same confidence, wherever it is listed
        key = (change.type, change.old, change.new, change.moved)
        if key in by_reading:
            assert by_reading[key] == change.confidence


def test_the_schema_requires_confidence_and_alternatives(corpus: Resolution) -> None:
    import jsonschema

    document = resdiff.compare(corpus, corpus).to_dict()
    del document["changes"][0]["confidence"]
    with pytest.raises(jsonschema.ValidationError):
        validate(document)
    document = resdiff.compare(corpus, corpus).to_dict()
    document["changes"][0]["alternatives"] = [[dict(document["changes"][1], alternatives=[])]]
    with pytest.raises(jsonschema.ValidationError):  # an alternative has no alternatives of its own
        validate(document)


def test_an_identical_text_is_sure_of_every_change(corpus: Resolution) -> None:
    comparison = resdiff.compare(corpus, corpus)
    assert min(c.confidence for c in comparison.changes) >= 0.9
    assert not any(c.alternatives for c in comparison.changes)


def test_the_shipped_model_matches_the_features() -> None:
    data = json.loads(resources.files("resdiff").joinpath("data/confidence.json").read_text(encoding="utf-8"))
    for family in decide.FAMILIES:
        fitted = data["families"][family]
        assert fitted["features"] == list(decide.Scorer.NAMES[family])
        for key in ("mean", "scale", "coef"):
            assert len(fitted[key]) == len(fitted["features"])
            assert all(math.isfinite(v) for v in fitted[key])
        assert data["recalibration"][family]["logit"] > 0  # the recalibration keeps the model's order
    assert decide.load_model() is not None


def test_without_the_model_the_aligners_reading_stands(corpus: Resolution) -> None:
    from resdiff import engine
    from resdiff.options import DEFAULT_OPTIONS

    new, _ = merged(corpus, "OP20", "OP23")
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    kept, _, _ = decide.Decider(aligner, None).decide(list(items))
    assert sorted(kept) == sorted(items)
    chosen, _, _ = decide.Decider(aligner, decide.load_model()).decide(list(items))
    assert sorted(chosen) != sorted(items)


def test_the_terminal_summary_marks_unsure_changes(corpus: Resolution) -> None:
    new, _ = merged(corpus, "OP20", "OP23")
    comparison = resdiff.compare(corpus, new)
    change = comparison.by_type("merged")[0]
    other = (Change("reworded", ("OP20",), ("OP20",), confidence=0.3), Change("dropped", ("OP23",), ()))
    unsure = Comparison(comparison.old, comparison.new, tuple(
        Change(**{**c.__dict__, "confidence": 0.55, "alternatives": (other,)}) if c is change else c
        for c in comparison.changes))
    text = render_comparison_text(unsure)
    lines = text.splitlines()
    head = next(k for k, line in enumerate(lines) if line.startswith("OP20+OP23 → OP20"))
    assert "CHECK (55% sure)" in lines[head]
    assert lines[head + 1] == "    other reading: OP20 reworded, OP23 dropped"
    assert "CHECK" not in render_comparison_text(comparison)
    assert "CHECK" not in render_comparison_text(unsure, check_threshold=0.5)


def test_generated_training_revisions_are_labelled_partitions() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from revisions import generate
    from scoring import partition_errors

    made = list(generate(12, seed=4))
    assert len(made) >= 8  # a few come out ambiguous (which paragraph moved) and are skipped
    kinds = set()
    for lab in made:
        assert partition_errors(lab.expected, lab.old, lab.new) == []
        kinds.update(op.split()[0] for op in lab.ops)
    assert {"merge-adjacent", "split2", "move", "add"} & kinds
