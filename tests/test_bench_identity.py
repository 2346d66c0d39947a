"""The fingerprint of the evaluation comparisons (``bench/identity.py``), run before and after a
change that must not change any result."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import identity


def test_every_evaluation_folder_is_fingerprinted_but_the_held_out_one() -> None:
    names = [p.name for p in identity.folders()]
    assert "evalset" in names and "evalset-en" in names and "evalset-blind" in names
    assert "evalset-heldout" not in names


def test_the_fingerprint_is_one_digest_per_style_and_dictionary_and_follows_the_output(tmp_path: Path) -> None:
    case = tmp_path / "01-date-bump"
    shutil.copytree(ROOT / "tests" / "evalset" / "01-date-bump", case)
    first = dict(identity.fingerprints([tmp_path]))
    assert sorted(first) == [f"{tmp_path.name}/01-date-bump/{style}/{d}"
                             for style in ("clean", "extracted") for d in ("plain", "terms")]
    assert dict(identity.fingerprints([tmp_path])) == first  # the same texts, the same digests
    new = case / "new.txt"
    new.write_text(new.read_text(encoding="utf-8").replace("。", "，另外。", 1), encoding="utf-8")
    changed = dict(identity.fingerprints([tmp_path]))
    assert all(changed[name] != digest for name, digest in first.items())
