"""Issue 6: a folder of resolutions as a series — order, predecessor links, gaps, errors, the
facts of series.toml, and the ``chain`` timeline page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import tomllib

import resdiff
from resdiff.cli import main
from resdiff.errors import SeriesError
from resdiff.render.timeline import render_timeline
from resdiff.series import Series, read_series_file
from tests.conftest import CORPUS
from tests.series_gen import file_name
from tests.series_gen.cached import loaded, written

SERIES_TOML = CORPUS.parent.parent / "series.toml"

#: The facts of issue 6: the symbols (General Assembly resolution 77/150, footnote 2) and the dates known so far.
SYMBOLS = ["2006/46", "2008/3", "2009/7", "2010/2", "2011/16", "2012/5", "2013/9", "2014/27", "2015/26",
           "2016/22", "2017/21", "2018/28", "2019/24", "2020/12", "2021/28", "2022/15", "2023/3"]
DATES = {"2006/46": "2006-07-28", "2008/3": "2008-07-18", "2009/7": "2009-07-24", "2010/2": "2010-07-19",
         "2012/5": "2012-07-24", "2013/9": "2013-07-22", "2019/24": "2019-07-23", "2022/15": "2022-07-21",
         "2023/3": "2023-06-07"}


def copy_series(tmp_path: Path, years: int = 6) -> Path:
    source, _ = written(20)
    folder = tmp_path / "series"
    folder.mkdir()
    files = sorted(source.glob("E-RES-*.txt"), key=lambda p: int(p.stem.split("-")[2]))[:years]
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


# -- series.toml ------------------------------------------------------------------------------

def test_series_toml_lists_the_series_with_the_known_dates_only() -> None:
    data = tomllib.loads(SERIES_TOML.read_text(encoding="utf-8"))
    entries = data["resolution"]
    assert [e["symbol"] for e in entries] == [f"E/RES/{s}" for s in SYMBOLS]
    for entry in entries:
        short = entry["symbol"].removeprefix("E/RES/")
        if short in DATES:
            assert entry["adopted"].isoformat() == DATES[short]
            assert entry["adopted_source"]
        else:
            assert "adopted" not in entry
        for text in entry["texts"]:
            assert (SERIES_TOML.parent / text).is_file()
    assert [e["symbol"] for e in entries if e["texts"]] == ["E/RES/2013/9"]
    assert "77/150" in data["series"]["members_source"]


def test_series_toml_is_read_beside_the_folder() -> None:
    listed = read_series_file(CORPUS.parent)
    assert len(listed) == len(SYMBOLS)
    assert {x.symbol: x.adopted for x in listed}["E/RES/2012/5"] == "2012-07-24"


# -- the corpus folder: one official text ------------------------------------------------------

def test_the_corpus_folder() -> None:
    series = Series.load(CORPUS.parent)
    assert [m.symbol for m in series.members] == ["E/RES/2013/9"]
    assert series.comparisons == (None,)
    kinds = {(g.kind, g.symbol) for g in series.gaps}
    assert ("predecessor", "E/RES/2012/5") in kinds
    assert ("listed", "E/RES/2014/27") in kinds
    assert len(series.gaps) == len(SYMBOLS) - 1
    assert resdiff.Series is Series


# -- order, links and gaps ---------------------------------------------------------------------

def test_order_and_links_of_the_illustrative_series() -> None:
    _, truth, series = loaded()
    assert [m.symbol for m in series.members] == [y.resolution.symbol for y in truth.years]
    assert [m.parent for m in series.members] == [None, *range(len(series) - 1)]
    for member, comparison in zip(series.members[1:], series.comparisons[1:]):
        assert comparison is not None
        assert comparison.new is member.resolution
        assert member.resolution.predecessor == comparison.old.symbol
    # Only 2013/9's own predecessor is missing; the README of the folder is not a resolution.
    assert [(g.kind, g.symbol) for g in series.gaps] == [("predecessor", "E/RES/2012/5")]
    assert not series.warnings


def test_order_comes_from_the_dates_not_the_file_names(tmp_path: Path) -> None:
    folder = copy_series(tmp_path, 4)
    for n, path in enumerate(sorted(folder.iterdir(), reverse=True)):
        path.rename(folder / f"{n}-{path.name}")
    series = Series.load(folder)
    assert [m.label for m in series.members] == ["2013/9", "2014/27", "2015/26", "2016/22"]


def test_a_missing_year_is_a_gap_and_the_chain_goes_on(tmp_path: Path) -> None:
    folder = copy_series(tmp_path, 5)
    (folder / file_name("E/RES/2015/26")).unlink()
    series = Series.load(folder)
    assert [m.label for m in series.members] == ["2013/9", "2014/27", "2016/22", "2017/21"]
    assert ("predecessor", "E/RES/2015/26", "E/RES/2016/22") in {(g.kind, g.symbol, g.named_by) for g in series.gaps}
    assert series.members[2].parent == 1
    assert ("year", 2015) not in {(g.kind, g.year) for g in series.gaps}  # already a predecessor gap


def test_the_same_resolution_twice_is_used_once(tmp_path: Path) -> None:
    folder = copy_series(tmp_path, 3)
    shutil.copy(folder / file_name("E/RES/2014/27"), folder / "copy-of-2014.txt")
    series = Series.load(folder)
    assert [m.label for m in series.members] == ["2013/9", "2014/27", "2015/26"]
    assert any("twice" in w for w in series.warnings)


def test_an_undated_text_takes_its_date_from_series_toml(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    text = CORPUS.read_text(encoding="utf-8")
    # Both date lines out: the one above the title and the one at the end.
    text = re.sub(r"^\s*2013\s*年\s*7\s*月\s*22\s*日.*$", "", text, flags=re.MULTILINE)
    (folder / "2013-9.txt").write_text(text, encoding="utf-8")
    assert resdiff.load(folder / "2013-9.txt").adopted is None
    (tmp_path / "series.toml").write_text('[[resolution]]\nsymbol = "E/RES/2013/9"\nadopted = 2013-07-22\n',
                                          encoding="utf-8")
    assert Series.load(folder).members[0].adopted == "2013-07-22"


# -- errors ------------------------------------------------------------------------------------

def test_errors_name_the_folder_or_the_file(tmp_path: Path) -> None:
    with pytest.raises(SeriesError, match="no such folder"):
        Series.load(tmp_path / "missing")
    with pytest.raises(SeriesError, match="not a folder"):
        Series.load(CORPUS)
    with pytest.raises(SeriesError, match="no resolutions"):
        Series.load(tmp_path)
    (tmp_path / "README.txt").write_text("not a resolution", encoding="utf-8")
    with pytest.raises(SeriesError, match="no resolutions"):
        Series.load(tmp_path)
    shutil.copy(CORPUS, tmp_path / CORPUS.name)
    (tmp_path / "notes.txt").write_text("这不是决议。\n只是笔记。\n", encoding="utf-8")
    with pytest.raises(SeriesError, match=r"notes\.txt"):
        Series.load(tmp_path)
    series = Series.load(tmp_path, skip_unreadable=True)
    assert len(series) == 1 and any("notes.txt" in w for w in series.warnings)


def test_progress_is_reported(tmp_path: Path) -> None:
    folder = copy_series(tmp_path, 3)
    calls: list[tuple[int, int, str]] = []
    Series.load(folder, progress=lambda done, total, label: calls.append((done, total, label)))
    assert calls[-1][0] == calls[-1][1]
    assert all(0 <= d <= t for d, t, _ in calls)
    assert any("comparing" in label for _, _, label in calls)


# -- the timeline page -------------------------------------------------------------------------

def test_timeline_page_is_self_contained_with_a_chart_and_every_paragraph() -> None:
    _, _, series = loaded()
    page = render_timeline(series)
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and page.count("<rect") >= 4 * (len(series) - 1) - 10
    assert page.count("<details") == len(series.latest.resolution.units)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<script" not in page
    for member in series.members:
        assert member.label in page


def test_timeline_escapes_the_texts(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    text = CORPUS.read_text(encoding="utf-8").replace("加强合作 ", "<script>alert(1)</script>加强合作 ")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    page = render_timeline(Series.load(folder))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_cli_chain_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_series(tmp_path, 3)
    out = tmp_path / "timeline.html"
    assert main(["chain", str(folder), "-o", str(out)]) == 0
    assert "<svg" in out.read_text(encoding="utf-8")
    assert main(["chain", str(tmp_path / "nothing"), "-o", str(out)]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize(("toml", "says"), [
    ("resolution = 5\n", "'resolution' must be a list"),
    ('[[resolution]]\nsymbol = "E/RES/2013/9"\ntexts = 5\n', "'texts' must be a list of file names"),
    ("[[resolution]]\nsymbol = 2013\n", "'symbol' must be a text"),
    ('[[resolution]]\nsymbol = "E/RES/2013/9"\nadopted = 7\n', "'adopted' must be a date"),
    ('[[resolution]]\nsymbol = "E/RES/2013/9"\nadopted = "July"\n', "'adopted' must be a date"),
])
def test_series_toml_of_the_wrong_types_is_one_clear_error(tmp_path: Path, toml: str, says: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Regression (issue 15, item 3): `resolution = 5` or `texts = 5` ended in a traceback."""
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    (folder / "series.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(SeriesError, match=re.escape(says)):
        read_series_file(folder)
    assert main(["lineage", str(folder), "OP1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


def test_series_toml_dates_as_text_are_read() -> None:
    from resdiff.series import parse_series_file

    (item,) = parse_series_file({"resolution": [{"symbol": "E/RES/2013/9", "adopted": "2013-07-22",
                                                 "texts": "zh/E-RES-2013-9.txt"}]})
    assert (item.adopted, item.texts) == ("2013-07-22", ("zh/E-RES-2013-9.txt",))
