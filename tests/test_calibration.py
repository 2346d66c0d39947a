"""The recalibration of the confidence (issue 10, part 2): fitted on the development cases written by
hand (``bench/fit_confidence.py``), monotone, into [0, 1], the reported confidence only."""

from __future__ import annotations

import dataclasses
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import resdiff
from resdiff import decide, engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "evalset"))

import fit_confidence  # noqa: E402
from scoring import iter_styles, load_cases  # noqa: E402


def shipped() -> dict[str, Any]:
    return json.loads(resources.files("resdiff").joinpath("data/confidence.json").read_text(encoding="utf-8"))


def test_the_shipped_recalibration_is_the_one_the_development_cases_give() -> None:
    # Stale check: after a refit of the models (or any change to what the engine decides on the
    # development cases), `python bench/fit_confidence.py --recalibrate-only` must be run again.
    coefficients, about = fit_confidence.recalibration_model(fit_confidence.calibration_rows())
    data = shipped()
    levels, shipped_levels = about.pop("folder_levels"), dict(data["calibration"])
    assert about == {k: v for k, v in shipped_levels.items() if k != "folder_levels"}
    assert levels == pytest.approx(shipped_levels["folder_levels"], abs=1e-5)
    assert set(coefficients) == set(data["recalibration"]) == set(decide.FAMILIES)
    for fam, fitted in coefficients.items():
        for key, value in fitted.items():
            assert value == pytest.approx(data["recalibration"][fam][key], abs=1e-5), (fam, key)
    assert "evalset-heldout" not in data["calibration"]["folders"]


def test_the_held_out_cases_are_never_fitted_on() -> None:
    with pytest.raises(ValueError, match="held-out"):
        fit_confidence.calibration_rows(("evalset-blind4", "evalset-heldout"))


@pytest.mark.parametrize("fam", decide.FAMILIES)
def test_the_confidence_rises_with_the_model_and_falls_with_the_rival(fam: str) -> None:
    model = decide.load_model()
    assert model is not None
    a, c, _ = model.recalibration[fam]
    assert a >= fit_confidence.MIN_SLOPE > 0 and c <= 0
    grid = [0.0, 1e-12, 1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, 1.0]
    for rival in grid:
        values = [model.calibrated(fam, p, rival) for p in grid]
        assert all(0.0 <= v <= 1.0 for v in values)
        assert values == sorted(values)  # never less sure of a likelier change
        assert values[-1] > values[3]  # and the model's probability still moves it
    for p in grid:
        values = [model.calibrated(fam, p, rival) for rival in grid]
        assert values == sorted(values, reverse=True)  # never surer when the other reading is likelier


def test_the_fit_keeps_its_bounds_and_takes_the_hardest_folders_level() -> None:
    # Two folders of the same changes; in "hard" a fifth of the doubtful ones are wrong, in "easy" none.
    rng = np.random.default_rng(3)
    n = 400
    p = rng.uniform(0.05, 0.999, n)
    rival = np.where(rng.uniform(size=n) < 0.5, 0.0, rng.uniform(0.0, 0.5, n))
    wrong = (rng.uniform(size=n) < 0.2) & (p < 0.9)
    rows = fit_confidence.CalibrationRows(
        folder=np.array(["easy"] * n + ["hard"] * n), family=np.array(["pair"] * (2 * n)),
        p=np.concatenate([p, p]), rival=np.concatenate([rival, rival]), reported=np.concatenate([p, p]),
        right=np.concatenate([np.ones(n), (~wrong).astype(float)]))
    coefficients, levels = fit_confidence.fit_recalibration(rows)
    assert levels["hard"] < levels["easy"]
    pair = coefficients["pair"]
    assert pair["logit"] >= fit_confidence.MIN_SLOPE and pair["rival"] <= 0
    conf = fit_confidence.recalibrated(coefficients, rows)
    hard = rows.folder == "hard"
    # Taking the hard folder's level, the confidence is about as often right as it says there,
    # and below what the easy folder shows.
    assert abs(conf[hard].mean() - rows.right[hard].mean()) < 0.03
    assert conf[~hard].mean() < rows.right[~hard].mean()


def test_a_family_never_wrong_keeps_the_models_probability() -> None:
    # The splits and merges of the development cases all right: nothing tells how the model errs
    # on them, and a fitted level would run off without bound (every split reported sure).
    rng = np.random.default_rng(5)
    n = 300
    p = rng.uniform(0.05, 0.999, n)
    family = np.array(["pair"] * n + ["parts"] * 40)
    right = np.concatenate([(rng.uniform(size=n) < p).astype(float), np.ones(40)])
    rows = fit_confidence.CalibrationRows(
        folder=np.array(["a", "b"] * ((n + 40) // 2)), family=family,
        p=np.concatenate([p, rng.uniform(0.0, 1.0, 40)]), rival=np.zeros(n + 40),
        reported=np.zeros(n + 40), right=right)
    coefficients, _ = fit_confidence.fit_recalibration(rows)
    assert coefficients["parts"] == {"logit": 1.0, "rival": 0.0, "intercept": 0.0}
    assert coefficients["pair"]["logit"] >= fit_confidence.MIN_SLOPE
    assert coefficients["single"] == {"logit": 1.0, "rival": 0.0, "intercept": 0.0}  # no rows at all
    conf = fit_confidence.recalibrated(coefficients, rows)
    parts = rows.family == "parts"
    assert conf[parts] == pytest.approx(rows.p[parts], abs=1e-3)


def _without_confidence(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_confidence(v) for k, v in value.items() if k not in ("confidence", "alternatives")}
    if isinstance(value, list):
        return [_without_confidence(v) for v in value]
    return value


@pytest.mark.parametrize("folder, name", [("evalset-blind3", "106-blind13-heavy2014"),
                                          ("evalset-blind4", "118-blind15-heavy2014"),
                                          ("evalset-en-blind", "84-blind-en1-mixA")])
def test_the_recalibration_changes_the_confidence_only(folder: str, name: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case = next(c for c in load_cases(ROOT / "tests" / folder) if c.name == name)
    model = decide.load_model()
    assert model is not None
    for _, old, new in iter_styles(case, ("clean", "extracted")):
        recalibrated = resdiff.compare(old, new)
        with monkeypatch.context() as patch:
            patch.setattr(engine, "load_model", lambda: dataclasses.replace(model, recalibration={}))
            raw = resdiff.compare(old, new)
        assert _without_confidence(recalibrated.to_dict()) == _without_confidence(raw.to_dict())
        assert [c.confidence for c in recalibrated.changes] != [c.confidence for c in raw.changes]
        # The alternatives listed follow the reported confidence: a change below decide.UNSURE lists
        # at least its best other reading.
        listed = {(c.old, c.new) for c in raw.changes if c.alternatives}
        assert all(c.alternatives for c in recalibrated.changes
                   if c.confidence < decide.UNSURE and (c.old, c.new) in listed)
