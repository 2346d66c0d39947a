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
    a, c, _, _ = model.recalibration[fam]
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
        right=np.concatenate([np.ones(n), (~wrong).astype(float)]), kind=np.array(["reworded"] * (2 * n)))
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


def test_a_family_always_right_gets_no_runaway_level() -> None:
    # Separable: every split/merge of the development cases right (as when no batch had a false
    # one). With a level of its own barely penalised, the parts family's level ran away (to 15: every
    # split/merge at ~1.0); drawn towards the shared level, it stays near the others' and under the
    # family's ceiling.
    rng = np.random.default_rng(5)
    n, k = 600, 200
    p = np.concatenate([rng.uniform(0.05, 0.9999, n), rng.uniform(0.5, 0.999999, k)])
    family = np.array(["pair"] * n + ["parts"] * k)
    right = np.concatenate([(rng.uniform(size=n) < p[:n]).astype(float), np.ones(k)])
    rows = fit_confidence.CalibrationRows(
        folder=np.array(["a", "b"])[rng.integers(0, 2, n + k)], family=family, p=p, rival=np.zeros(n + k),
        reported=p, right=right, kind=family)
    coefficients, _ = fit_confidence.fit_recalibration(rows)
    parts, pair = coefficients["parts"], coefficients["pair"]
    assert abs(parts["intercept"] - pair["intercept"]) < 2.0
    assert parts["logit"] < 2.0
    conf = fit_confidence.recalibrated(coefficients, rows)
    assert conf[family == "parts"].max() <= fit_confidence.CEILING["parts"] < 1.0
    # Without the ceiling, the ridge alone keeps the family's surest change well short of certain.
    uncapped = {f: {**c, "ceiling": 1.0} for f, c in coefficients.items()}
    assert fit_confidence.recalibrated(uncapped, rows)[family == "parts"].max() < 0.9995
