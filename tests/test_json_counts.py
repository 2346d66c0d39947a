"""The comparison JSON carries the headline counts (``counts``), and ``resdiff.schemas.validate``
checks any resdiff document against the bundled schemas without touching the network."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import resdiff
from resdiff.cli import main
from resdiff.schemas import validate
from tests.conftest import CORPUS, ROOT

#: An illustrative draft (示意性, not an official text) with additions, drops, rewordings and moves.
DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
PARTS = ("substantive", "routine", "terminology", "unchanged")


@pytest.fixture(scope="module")
def comparison() -> resdiff.Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


def _json_of_cli(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["diff", *args, "--format", "json"]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def test_the_comparison_json_has_counts_that_add_up(comparison: resdiff.Comparison,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    document = _json_of_cli(capsys, str(CORPUS), str(DRAFT))
    validate(document)
    counts = document["counts"]
    assert counts == comparison.counts
    assert counts["changes"] == len(document["changes"]) == sum(counts[p] for p in PARTS)
    assert all(isinstance(counts[p], int) for p in PARTS)
    # the draft has changes of each kind the headline names, so a wrong sum could not hide behind zeros
    assert counts["substantive"] > 0 and counts["routine"] > 0 and counts["unchanged"] > 0
    assert counts["reworded"] == sum(c["type"] == "reworded" for c in document["changes"])
    assert counts["reworded_in_substance"] <= counts["reworded"]
    # summary is kept exactly as it was: counts by type, the same keys, the same numbers
    assert document["summary"] == comparison.summary
    assert sum(document["summary"][t] for t in ("unchanged", "reworded", "added", "dropped", "split", "merged")) \
        == counts["changes"]


def test_the_json_counts_are_what_the_terminal_summary_prints(capsys: pytest.CaptureFixture[str]) -> None:
    counts = _json_of_cli(capsys, str(CORPUS), str(DRAFT))["counts"]
    assert main(["diff", str(CORPUS), str(DRAFT), "--color", "never"]) == 0
    out = capsys.readouterr().out
    line = re.search(r"(\d+) changes: (\d+) substantive, (\d+) routine, (\d+) terminology only, (\d+) unchanged", out)
    assert line, out
    printed = [int(n) for n in line.groups()]
    assert printed == [counts["changes"], *(counts[p] for p in PARTS)]
    in_substance = re.search(r"(\d+) reworded \((\d+) in substance", out)
    assert in_substance and [int(n) for n in in_substance.groups()] == [counts["reworded"], counts["reworded_in_substance"]]


def test_a_text_against_itself_counts_only_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    document = _json_of_cli(capsys, str(CORPUS), str(CORPUS))
    validate(document)
    n = len(document["changes"])
    assert n > 50 and document["counts"] == {"changes": n, "substantive": 0, "routine": 0, "terminology": 0,
                                             "unchanged": n, "reworded": 0, "reworded_in_substance": 0}


@pytest.mark.parametrize("broken", [
    lambda d: d.pop("counts"),
    lambda d: d["counts"].pop("terminology"),
    lambda d: d["counts"].update(substantive=2.5),
    lambda d: d["counts"].update(unchanged="56"),
])
def test_the_schema_requires_integer_counts(comparison: resdiff.Comparison, broken: Any) -> None:
    document = comparison.to_dict()
    validate(document)
    broken(document)
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_validate_rejects_a_broken_comparison_with_a_clear_error(comparison: resdiff.Comparison) -> None:
    document = comparison.to_dict()
    document["old"]["units"][0]["kind"] = "bogus"  # inside the referenced resolution schema
    with pytest.raises(jsonschema.ValidationError) as error:
        validate(document)
    assert "'bogus' is not one of" in error.value.message
    assert list(error.value.absolute_path) == ["old", "units", 0, "kind"]


def test_validate_names_a_document_it_cannot_place() -> None:
    with pytest.raises(ValueError, match=re.escape("not a resdiff JSON document: its schema is 'resdiff.comparison/9'")):
        validate({"schema": "resdiff.comparison/9"})
    with pytest.raises(ValueError, match="its schema is None"):
        validate([{"text": "x"}])


def test_validate_touches_no_network(comparison: resdiff.Comparison, corpus: resdiff.Resolution,
                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[tuple[Any, ...]] = []

    def refuse(*args: Any, **kwargs: Any) -> socket.socket:
        opened.append(args)
        raise OSError("the network is off in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(OSError):  # the patch is in force
        socket.create_connection(("127.0.0.1", 9))
    opened.clear()
    validate(comparison.to_dict())  # its old and new refer to resolution-1.json by URL
    validate(corpus.to_dict())
    document = comparison.to_dict()
    del document["old"]["units"][0]["id"]
    with pytest.raises(jsonschema.ValidationError, match="'id' is a required property"):
        validate(document)
    assert opened == []
