"""The blind batches (tests/evalset-blind, -blind2 … -blind12 and tests/evalset-en-blind, issue 10):
their expectations are the ones checksummed before resdiff first ran on them, and each is a
partition of both texts. Their scores are measured by ``python bench/evaluate.py --cases …``, not
asserted (each folder's README says which figures are still blind)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "evalset"))

from scoring import load_cases, partition_errors  # noqa: E402

import resdiff  # noqa: E402

FOLDERS = [HERE / "evalset-blind", HERE / "evalset-en-blind", HERE / "evalset-blind2", HERE / "evalset-blind3",
           HERE / "evalset-blind4", HERE / "evalset-blind5",
           HERE / "evalset-blind6", HERE / "evalset-blind7", HERE / "evalset-blind8",
           HERE / "evalset-blind9", HERE / "evalset-blind10", HERE / "evalset-blind11",
           HERE / "evalset-blind12"]
CASES = [(folder, case) for folder in FOLDERS for case in load_cases(folder)]


def _sums() -> list[tuple[Path, str, str]]:
    rows = []
    for folder in FOLDERS:
        for sums in sorted(folder.glob("SHA256SUMS-*")):
            for line in sums.read_text(encoding="utf-8").splitlines():
                digest, name = line.split(maxsplit=1)
                rows.append((folder, name.lstrip("*"), digest))
    return rows


def test_there_are_the_chinese_batches_and_an_english_one() -> None:
    assert (len(load_cases(FOLDERS[0])) >= 18 and len(load_cases(FOLDERS[1])) >= 5 and len(load_cases(FOLDERS[2])) >= 18
            and len(load_cases(FOLDERS[3])) >= 12
            and len(load_cases(FOLDERS[4])) >= 6 and len(load_cases(FOLDERS[5])) >= 18
            and len(load_cases(FOLDERS[6])) >= 12 and len(load_cases(FOLDERS[7])) >= 8
            and len(load_cases(FOLDERS[8])) >= 15 and len(load_cases(FOLDERS[9])) >= 6
            and len(load_cases(FOLDERS[10])) >= 1 and len(load_cases(FOLDERS[11])) >= 4
            and len(load_cases(FOLDERS[12])) >= 6)
    assert all(case.info.get("illustrative") for _, case in CASES)


def test_every_file_of_every_case_is_as_checksummed_before_the_first_run() -> None:
    rows = _sums()
    covered = {(folder, name) for folder, name, _ in rows}
    for folder, case in CASES:
        for file in ("old.txt", "new.txt", "expected.json", "case.json"):
            assert (folder, f"{case.name}/{file}") in covered
    changed = [name for folder, name, digest in rows
               if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest]
    assert changed == []


@pytest.mark.parametrize("case", [case for _, case in CASES], ids=[case.name for _, case in CASES])
def test_expected_list_is_a_partition(case) -> None:  # type: ignore[no-untyped-def]
    old, new = resdiff.parse(case.old_text), resdiff.parse(case.new_text)
    assert partition_errors(case.expected, old, new) == []
