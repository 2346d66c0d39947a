"""Issue 14: what a new user trips over — each item of the issue as a regression test.

The texts are the official E/RES/2013/9 and illustrative variants of it made here (示意性, not
official texts), and the illustrative draft of ``examples/drafts/``.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import resdiff
from resdiff.cli import build_parser, main
from resdiff.model import Comparison
from resdiff.render.html import FILTERS, render_html
from resdiff.render.text import render_comparison_text
from resdiff.render.timeline import chart, render_timeline
from resdiff.series import Series
from tests.conftest import CORPUS, ROOT
from tests.html_fixtures import DRAFT
from tests.htmldom import parse as parse_html
from tests.test_examples import run_example


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))


def _newer_than_corpus() -> str:
    """An illustrative next-year text (not an official one): 2013/9 renumbered as 2014/99."""
    text = CORPUS.read_text(encoding="utf-8").replace("E/RES/2013/9", "E/RES/2014/99").replace("2013/9.", "2014/99.")
    return re.sub(r"2013\s*年\s*7\s*月\s*22\s*日", "2014年7月22日", text)


# --- 1. search --paragraph with a real paragraph -----------------------------------------------------


def test_issue14_search_paragraph_takes_a_long_chinese_paragraph_as_text(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    paragraph = resdiff.load(CORPUS)["OP8"].text * 2  # far more than 255 bytes of UTF-8
    assert len(paragraph) >= 86 and len(paragraph.encode()) > 255
    assert main(["search", "--paragraph", paragraph, str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "OP8" in out and "cannot write" not in err


def test_issue14_a_long_text_is_a_text_for_the_api_too() -> None:
    text = CORPUS.read_text(encoding="utf-8")
    long_line = "经济及社会理事会，" + "回顾" * 200
    assert resdiff.compare(text, text).summary["unchanged"] == 70
    with pytest.raises(resdiff.NotAResolutionError):  # not "File name too long"
        resdiff.compare(text, long_line)


# --- 2. files in the wrong order ----------------------------------------------------------------------


def test_issue14_files_in_the_wrong_order_are_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "E-RES-2014-99.txt"
    newer.write_text(_newer_than_corpus(), encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["diff", str(newer), str(CORPUS), "-o", str(report)]) == 0
    err = capsys.readouterr().err
    assert "resdiff: warning: the two texts seem to be in the wrong order" in err
    assert "adopted on 2014-07-22, after the new one (E/RES/2013/9, 2013-07-22)" in err
    page = parse_html(report.read_text(encoding="utf-8"))
    warning = page.find("p", "order-warning")
    assert "wrong order" in warning.text()
    header = page.find("header", "report-head")
    assert warning in header.iter()  # at the top of the report
    assert main(["diff", str(CORPUS), str(newer)]) == 0  # the right order: no warning
    assert "wrong order" not in capsys.readouterr().err


def test_issue14_an_old_text_recalling_the_new_one_as_its_predecessor_is_flagged() -> None:
    corpus = resdiff.load(CORPUS)
    predecessor = resdiff.Resolution(units=corpus.units, symbol="E/RES/2012/5")
    warnings = resdiff.compare(corpus, predecessor).warnings
    assert len(warnings) == 1 and "recalls the new one (E/RES/2012/5) as its predecessor" in warnings[0]


# --- 3. one stray file in a folder ---------------------------------------------------------------------


def _folder_with_strays(tmp_path: Path) -> Path:
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    (folder / "E-RES-2014-99.txt").write_text(_newer_than_corpus(), encoding="utf-8")
    (folder / "notes.txt").write_text("会议笔记：记得带上草案。\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def test_issue14_special_files_in_a_folder_are_named_never_opened(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import os

    folder = _folder_with_strays(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    assert main(["lineage", str(folder), "OP8"]) == 0
    err = capsys.readouterr().err
    assert "skipped pipe.txt: not a regular file" in err and "skipped zero.txt: not a regular file" in err


@pytest.mark.parametrize("command", [["lineage", "{folder}", "OP8"], ["chain", "{folder}", "-o", "{out}"],
                                     ["search", "能力建设", "{folder}"]])
def test_issue14_stray_files_are_skipped_and_named(tmp_path: Path, command: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder_with_strays(tmp_path)
    out = tmp_path / "timeline.html"
    argv = [a.format(folder=folder, out=out) for a in command]
    assert main(argv) == 0
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if "skipped" in line]
    assert len(skipped) == 2 and any("notes.txt" in s for s in skipped) and any("scan.pdf" in s for s in skipped)
    assert all(line.startswith("resdiff: warning: skipped ") for line in skipped)
    if command[0] == "chain":
        notes = parse_html(out.read_text(encoding="utf-8")).find("ul", "warnings").text()
        assert "notes.txt" in notes and "scan.pdf" in notes


# --- 4. the counts agree -----------------------------------------------------------------------------


def test_issue14_the_four_parts_add_up_and_every_renderer_shows_them(comparison: Comparison,
                                                                      tmp_path: Path) -> None:
    counts = comparison.counts
    parts = [counts[k] for k in ("substantive", "routine", "terminology", "unchanged")]
    assert sum(parts) == counts["changes"] == len(comparison.changes)
    assert counts["substantive"] == len(comparison.substantive)
    assert counts["reworded"] == comparison.summary["reworded"] > counts["reworded_in_substance"]
    line = (f"{counts['changes']} changes: {counts['substantive']} substantive, {counts['routine']} routine, "
            f"{counts['terminology']} terminology only, {counts['unchanged']} unchanged")
    assert line in render_comparison_text(comparison)
    assert line in run_example("diff_years.py", tmp_path / "report.html")
    page = parse_html(render_html(comparison))
    shown = {label.get("for")[len("filter-"):]: int(label.find("span", "n").text())
             for label in page.find("div", "filters").find_all("label")}
    for name in ("substantive", "routine", "terminology", "unchanged"):
        assert shown[name] == counts[name], name
    assert shown["all"] == counts["changes"]
    assert f"{counts['reworded']} reworded ({counts['reworded_in_substance']} in substance)" in \
        page.find("ul", "summary").text()


def test_issue14_a_moved_unchanged_paragraph_is_substantive_and_said_so(comparison: Comparison) -> None:
    moved = [c for c in comparison.changes if c.type == "unchanged" and c.moved]
    assert moved and all(c in comparison.substantive for c in moved)
    assert comparison.counts["unchanged"] == comparison.summary["unchanged"] - len(moved)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "moved — even\nwith the same words" in readme


def test_issue14_terminology_counts_say_what_they_count(comparison: Comparison) -> None:
    page = parse_html(render_html(comparison))
    note = page.find("p", "terms-note").text()
    assert note.startswith(f"{comparison.counts['terminology']} paragraphs differ by nothing else")
    term = comparison.terms[0]
    assert f"in {term.count} paragraphs" in page.find("li", "term").text()


# --- 5. a text without a symbol is named by its file ------------------------------------------------------


def test_issue14_a_text_without_a_symbol_is_named_by_its_file(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORPUS), str(DRAFT), "--color", "never"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(f"→ {DRAFT.name} (not adopted)")
    page = parse_html(render_html(resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))))
    assert page.find("h1").text() == f"E/RES/2013/9 → {DRAFT.name}"
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    shutil.copy(DRAFT, folder / "draft-2014.txt")
    assert main(["lineage", str(folder), "OP8", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "draft-2014.txt" in out and "?" not in out
    assert main(["search", "避免采取和不采取任何不符合国际法", str(folder), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "? " not in out and ("draft-2014.txt" in out or "2013/9" in out)


def test_issue14_loaded_resolutions_know_their_file_but_json_does_not() -> None:
    draft = resdiff.load(DRAFT)
    assert draft.symbol is None and draft.source == DRAFT.name == draft.name
    assert "source" not in draft.to_dict()
    assert resdiff.parse(DRAFT.read_text(encoding="utf-8")) == draft


# --- 6. the report opens on what matters --------------------------------------------------------------


def test_issue14_the_report_opens_on_substantive_with_the_legend_at_the_top(comparison: Comparison) -> None:
    page = parse_html(render_html(comparison))
    assert page.find("body").get("data-filter") == "substantive"
    checked = [i.get("value") for i in page.find_all("input") if "checked" in i.attrs and i.get("name") == "filter"]
    assert checked == ["substantive"] and FILTERS[0].name == "substantive"
    header = page.find("header", "report-head")
    assert "struck through" in header.find("p", "legend").text()
    assert "struck through" not in page.find("footer").text()


# --- 7. terminal and help ---------------------------------------------------------------------------------


def test_issue14_all_shows_routine_and_terminology_but_unchanged_only_when_asked(comparison: Comparison) -> None:
    counts = comparison.counts
    heads = re.compile(r"^\S+ → \S+  (\w+)", re.MULTILINE)
    plain = render_comparison_text(comparison)
    every = render_comparison_text(comparison, all_changes=True)
    with_unchanged = render_comparison_text(comparison, all_changes=True, unchanged=True)
    assert len(heads.findall(plain)) == counts["substantive"]
    assert len(heads.findall(every)) == counts["changes"] - counts["unchanged"]
    assert len(heads.findall(with_unchanged)) == counts["changes"]
    assert "\n    \n" not in with_unchanged  # no empty indented line
    assert f"{counts['unchanged']} unchanged paragraphs not shown (--unchanged shows them)" in every


def test_issue14_every_option_says_what_it_does() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, f"{name} {action.dest} has no help text"
    assert "--unchanged" in subparsers.choices["diff"].format_help()
    assert "unchanged paragraphs only" in subparsers.choices["diff"].format_help().replace("\n", " ").replace("  ", " ")


# --- 8. the README works on a fresh machine ---------------------------------------------------------------


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL)


def test_issue14_the_two_setup_commands_use_a_virtual_environment() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("## Use", 1)[0]
    commands = [block.strip() for block in _shell_blocks(setup)]
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    first, tests = commands
    assert first.startswith("python3 -m venv .venv && .venv/bin/pip install")
    assert "pip install" not in tests.replace(".venv/bin/pip", "") and tests.startswith("bash .ci/setup && .venv/")
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_run.rstrip().splitlines()[-1] == tests  # CI runs the README's test command
    ci_setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in ci_setup and ".venv/bin/python -m pip install" in ci_setup
    assert re.search(r"^\s*python3 -m pip install", ci_setup, re.MULTILINE) is None  # never the system Python
    assert "python3-venv" in (ROOT / ".ci" / "apt-packages.txt").read_text(encoding="utf-8").split()


def test_the_setup_command_installs_what_the_use_section_needs() -> None:
    """User test: after the README's set-up (``pip install -e .``), its own ``-o redline.docx`` and
    ``-o changes.xlsx`` failed for want of python-docx and openpyxl, and the advice printed
    (``pip install 'resdiff[docx]'``) would have gone to the system's pip, outside ``.venv``."""
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("## Use", 1)[0]
    use = readme.split("## Use", 1)[1].split("## How it works", 1)[0]
    first = _shell_blocks(setup)[0]
    extras = re.search(r"pip install -q -e '\.\[(?P<extras>[a-z,]+)\]'", first)
    assert extras, first
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    installed = " ".join(dep for extra in extras.group("extras").split(",") for dep in optional[extra])
    needs = {".docx": "python-docx", ".xlsx": "openpyxl", ".pdf": "pdfplumber"}
    for ending, package in needs.items():
        if ending in use:
            assert package in installed, (ending, package)


def test_issue14_readme_examples_use_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set()
    variables: dict[str, str] = {}
    for block in _shell_blocks(readme):
        for word in shlex.split(block, comments=True):
            if re.fullmatch(r"[A-Z]+=\S+", word):
                key, value = word.split("=", 1)
                variables[key] = value
            value = re.sub(r"\$([A-Z]+)", lambda m: variables.get(m.group(1), m.group()), word.split("=", 1)[-1])
            if re.search(r"\.(txt|pdf|docx)$", value) and "/" in value:
                named.add(value)
    assert named and all((ROOT / name).is_file() for name in named), named
    for path in re.findall(r"`((?:docs|src|corpora|examples)/[\w./-]+\.(?:md|py|txt|json))`", readme):
        assert (ROOT / path).exists(), path


def test_issue14_the_json_formats_are_described_in_the_repository() -> None:
    described = ROOT / "docs" / "json-formats.md"
    text = described.read_text(encoding="utf-8")
    for schema in ("resdiff.resolution/1", "resdiff.comparison/1"):
        assert schema in text
    for path in [ROOT / "README.md", ROOT / "docs" / "design.md", *(ROOT / "src" / "resdiff" / "schemas").glob("*.json")]:
        assert "shared/spec" not in path.read_text(encoding="utf-8"), path


# --- 9. an old Word file --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["draft.doc", "draft.txt", "draft.docx"])
def test_issue14_a_word_97_file_is_recognised_by_its_first_bytes(tmp_path: Path, name: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(resdiff.DocumentError, match="Word 97-2003 file"):
        resdiff.load(path)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "save it as .docx" in err and "binary file" not in err


# --- 10. the timeline page ------------------------------------------------------------------------------------


def test_issue14_timeline_labels_have_room_and_the_chart_is_readable() -> None:
    drawn = chart(["2013/9", "draft-2014.docx"], [None, {"added": 3, "dropped": 2, "reworded": 6, "lead": 4}])
    assert drawn.width >= 480
    longest = len("draft-2014.docx") * 6.5
    import math

    x_first = drawn.labels[0][0]
    assert x_first - longest * math.cos(math.radians(40)) > -1  # not clipped on the left
    assert drawn.height - drawn.baseline >= longest * math.sin(math.radians(40))  # nor at the bottom


def test_issue14_a_one_text_series_is_not_called_a_range(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    page = parse_html(render_timeline(Series.load(folder)))
    title = page.find("h1").text()
    assert title.endswith(": 2013/9") and "–" not in title
    assert "each compared with its predecessor" not in page.find("p", "sub").text()
    assert page.find_all("svg") == []


def _recorded(monkeypatch: pytest.MonkeyPatch, direct_url: str | None) -> None:
    """resdiff's distribution as pip recorded it: ``direct_url.json`` holding ``direct_url``."""
    from importlib import metadata

    class Recorded:
        def read_text(self, name: str) -> str | None:
            return direct_url if name == "direct_url.json" else None

    monkeypatch.setattr(metadata, "distribution", lambda name: Recorded())


@pytest.mark.parametrize(("direct_url", "expected"), [
    ('{"dir_info": {"editable": true}, "url": "file:///home/ana/my%20resdiff"}',
     "-m pip install -e '/home/ana/my resdiff[docx]'"),
    ('{"dir_info": {}, "url": "file:///tmp/resdiff-1.0.tar.gz"}', "-m pip install 'resdiff[docx]'"),
    (None, "-m pip install 'resdiff[docx]'"),
])
def test_the_missing_extra_hint_installs_into_the_python_that_runs_resdiff(
        monkeypatch: pytest.MonkeyPatch, direct_url: str | None, expected: str) -> None:
    """User test: in a checkout installed with ``pip install -e .``, the hint said ``pip install
    'resdiff[docx]'``, which fetches resdiff from the index into whichever Python ``pip`` belongs
    to. The hint now names this interpreter's pip and, from a checkout, the checkout."""
    import shlex

    from resdiff.errors import install_command

    _recorded(monkeypatch, direct_url)
    command = install_command("docx")
    assert command == f"{shlex.quote(sys.executable)} {expected}"


@pytest.mark.parametrize(("module", "call"), [
    ("docx", lambda tmp: __import__("resdiff").load(tmp / "a.docx")),
    ("openpyxl", lambda tmp: __import__("resdiff").render_xlsx(
        resdiff.compare(resdiff.load(CORPUS), resdiff.load(CORPUS)))),
])
def test_a_missing_extra_is_one_line_naming_its_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        module: str, call: Callable[[Path], object]) -> None:
    from resdiff import DocumentError

    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(DocumentError) as caught:
        call(tmp_path)
    said = str(caught.value)
    assert "\n" not in said and f"{sys.executable} -m pip install" in said, said


def test_too_many_paragraphs_names_the_file_as_given(tmp_path: Path) -> None:
    """User test: two drafts both named draft.txt in different folders; the error named
    ``draft.txt`` only."""
    folder = tmp_path / "week2"
    folder.mkdir()
    body = "\n\n".join(f"{k}. 请秘书长提交第{k}项报告；" for k in range(1, 1102))
    (folder / "draft.txt").write_text(f"关于测试的决议\n\n经济及社会理事会，\n\n{body}", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(folder / "draft.txt")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert str(folder / "draft.txt") in run.stderr and "1,000" in run.stderr, run.stderr
