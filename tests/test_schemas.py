"""Every JSON output validates against its shipped schema (lineage and search: issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from resdiff.cli import main
from resdiff.schemas import validate
from tests.series_gen.cached import written


@pytest.fixture(scope="module")
def folder() -> Path:
    return written(5, 2013)[0]


def test_lineage_json_validates(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", str(folder), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert len(documents) > 50
    for document in documents:
        validate(document)
    assert main(["lineage", str(folder), "OP12", "--format", "json"]) == 0
    one = json.loads(capsys.readouterr().out)
    validate(one)
    assert one["unit"] == "OP12" and one["history"][0]["type"] == "added"


@pytest.mark.parametrize("args", [["能力建设"], ["--paragraph", "请秘书长每年向委员会提交报告，说明本决议的落实情况；"]])
def test_search_json_validates(folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main(["search", *args, str(folder), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    validate(hits, schema="resdiff.search-hits/1")
    for hit in hits:
        start, end = hit["span"]
        assert 0 <= start < end <= len(hit["text"])


def test_a_broken_lineage_document_is_rejected() -> None:
    bad = {"schema": "resdiff.lineage/1", "unit": "OP1", "symbol": None, "history": [{"symbol": "x", "unit": "OP1"}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


def test_lineage_of_the_corpus_reports_its_gaps_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import CORPUS

    assert main(["lineage", str(CORPUS.parent), "OP8", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "E/RES/2012/5, recalled by E/RES/2013/9, is not in the folder" in err
    document = json.loads(out)
    validate(document)
    assert [step["symbol"] for step in document["history"]] == ["E/RES/2013/9"]
