"""Both languages side by side (issue 12): units paired by id, the other language carried along in
JSON, terminal and HTML, the negotiating case (zh+en old against an en draft) and agreed language.

The texts are the illustrative ones of ``examples/bilingual/`` (not official texts).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import resdiff
from resdiff.parallel import attach_agreed, counterpart, load_folder, pair_folder
from resdiff.render import render_html
from resdiff.render.text import render_comparison_text
from tests.conftest import validate

HERE = Path(__file__).resolve().parent
BILINGUAL = HERE.parent / "examples" / "bilingual"
OLD_EN, OLD_ZH, DRAFT_EN = BILINGUAL / "old-en.txt", BILINGUAL / "old-zh.txt", BILINGUAL / "draft-en.txt"


@pytest.fixture(scope="module")
def negotiating() -> resdiff.Comparison:
    """Last year's adopted text in English (with its Chinese alongside) against this year's English draft."""
    comparison = resdiff.compare(OLD_EN, DRAFT_EN, old_other=OLD_ZH)
    return attach_agreed(comparison, pair_folder(load_folder(BILINGUAL / "earlier"), "en"))


def test_units_pair_by_id_when_they_agree() -> None:
    en, zh = resdiff.load(OLD_EN), resdiff.load(OLD_ZH)
    assert all(counterpart(u, zh) is not None for u in en.units)
    assert counterpart(en["OP2"], zh).text.startswith("吁请")  # type: ignore[union-attr]


def test_a_paragraph_numbered_differently_is_reported_not_guessed() -> None:
    """The draft gained PP6 and OP4: its OP5 (Requests) is not the Chinese OP5 (决定), and OP6 has none."""
    comparison = resdiff.compare(OLD_EN, DRAFT_EN, old_other=OLD_ZH, new_other=OLD_ZH)
    assert comparison.pairing is not None
    assert {"PP6", "OP4", "OP5", "OP6"} <= set(comparison.pairing.unpaired_new)
    assert "OP3" not in comparison.pairing.unpaired_new  # same id, same lead rank: paired
    last = comparison.change_for("OP6")
    assert last is not None and last.parallel is not None
    assert last.parallel.new is None and "new:OP6" in last.parallel.unpaired


def test_the_negotiating_case_shows_last_years_chinese(negotiating: resdiff.Comparison) -> None:
    op2 = negotiating.change_for("OP2")
    assert op2 is not None and op2.lead is not None and op2.lead.shift == "stronger"
    assert op2.parallel is not None and op2.parallel.language == "zh"
    assert op2.parallel.old == "吁请所有会员国加强国家宽带计划，并吁请联合国系统各实体为此提供支持；"
    assert op2.parallel.new is None and op2.parallel.diff == ()
    assert negotiating.pairing is not None and negotiating.pairing.unpaired_old == ()


def test_a_new_paragraph_gets_the_closest_agreed_language_in_both_languages(negotiating: resdiff.Comparison) -> None:
    added = {c.new[0]: c for c in negotiating.changes if c.type == "added"}
    assert set(added) == {"PP6", "OP4"}
    agreed = added["OP4"].parallel.agreed  # type: ignore[union-attr]
    assert agreed is not None and (agreed.symbol, agreed.unit) == ("A/RES/69/904", "OP2")
    assert agreed.other == "邀请会员国分享弥合数字鸿沟的国家经验和良好做法；" and agreed.similarity > 0.8
    assert added["PP6"].parallel.agreed is None  # type: ignore[union-attr]  # nothing close enough


def test_a_chinese_comparison_carries_the_english_and_its_diff() -> None:
    """The reverse: Chinese texts compared, English of both years alongside with its own word diff."""
    zh_new = OLD_ZH.read_text(encoding="utf-8").replace("**吁请**所有会员国", "**促请**所有会员国")
    en_new = OLD_EN.read_text(encoding="utf-8").replace("*Calls upon* all Member States", "*Urges* all Member States")
    comparison = resdiff.compare(OLD_ZH, zh_new, old_other=OLD_EN, new_other=en_new)
    op2 = comparison.change_for("OP2")
    assert op2 is not None and op2.parallel is not None and op2.parallel.language == "en"
    assert [(d.op, d.text) for d in op2.parallel.diff if d.op != "equal"] == [("delete", "Calls upon"),
                                                                              ("insert", "Urges")]
    unchanged = comparison.change_for("PP1")
    assert unchanged is not None and unchanged.parallel is not None
    assert unchanged.parallel.old == unchanged.parallel.new
    assert comparison.pairing is not None and not comparison.pairing.unpaired_new


def test_the_other_texts_must_be_the_other_language() -> None:
    with pytest.raises(resdiff.ResdiffError, match="other language"):
        resdiff.compare(OLD_EN, DRAFT_EN, old_other=OLD_EN)


def test_json_carries_the_parallel_field_and_validates(negotiating: resdiff.Comparison) -> None:
    document = json.loads(negotiating.to_json())
    validate(document)
    op2 = next(c for c in document["changes"] if c["new"] == ["OP2"])
    assert op2["parallel"]["language"] == "zh" and op2["parallel"]["old"].startswith("吁请")
    assert document["pairing"] == {"language": "zh", "old_symbol": "A/RES/70/901", "new_symbol": None,
                                   "unpaired_old": [], "unpaired_new": []}
    plain = json.loads(resdiff.compare(OLD_EN, DRAFT_EN).to_json())
    assert "pairing" not in plain and all("parallel" not in c for c in plain["changes"])


def test_the_terminal_shows_the_other_language_and_the_unpaired(negotiating: resdiff.Comparison) -> None:
    text = render_comparison_text(negotiating)
    assert "Chinese: (last year) 吁请所有会员国加强国家宽带计划" in text
    assert "agreed language: A/RES/69/904 OP2" in text and "Chinese: 邀请会员国分享" in text
    both = render_comparison_text(resdiff.compare(OLD_EN, DRAFT_EN, old_other=OLD_ZH, new_other=OLD_ZH))
    assert "not paired (new; the numbering differs or the paragraph is new): " in both and "OP6" in both


def test_the_cli_takes_the_other_texts_and_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(OLD_EN), str(DRAFT_EN), "--old-other",
                          str(OLD_ZH), "--agreed", str(BILINGUAL / "earlier"), "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    validate(document)
    op4 = next(c for c in document["changes"] if c["new"] == ["OP4"])
    assert op4["parallel"]["agreed"]["unit"] == "OP2"
    bad = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(OLD_EN), str(DRAFT_EN), "--old-other",
                          str(OLD_EN)], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def test_the_html_report_shows_the_other_language(negotiating: resdiff.Comparison) -> None:
    page = render_html(negotiating)
    assert 'id="toggle-parallel"' in page and "Show the Chinese text" in page
    assert '<p class="text" lang="zh-Hans">吁请所有会员国加强国家宽带计划' in page
    assert "Closest agreed language: A/RES/69/904 OP2" in page
    assert 'id="toggle-parallel"' not in render_html(replace(negotiating, pairing=None,
                                                            changes=tuple(replace(c, parallel=None)
                                                                          for c in negotiating.changes)))


@pytest.mark.browser
def test_the_toggle_hides_and_shows_the_other_language(negotiating: resdiff.Comparison, browser: object,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "bilingual.html"
    path.write_text(render_html(negotiating), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    rows = page.locator(".columns.parallel")
    assert rows.count() >= 8 and rows.first.is_visible()
    page.locator("#toggle-parallel").uncheck()
    assert not rows.first.is_visible()
    assert page.locator(".agreed").first.is_visible()  # agreed language is not the other language
    page.locator("#toggle-parallel").check()
    assert rows.first.is_visible()
    page.screenshot(path=str(tmp_path / "bilingual.png"), full_page=True)
    assert errors == []


def test_the_example_script_writes_the_three_reports(tmp_path: Path) -> None:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH")]))
    run = subprocess.run([sys.executable, str(BILINGUAL / "negotiating.py"), str(tmp_path)], capture_output=True,
                         text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "substantive changes" in run.stdout
    validate(json.loads((tmp_path / "negotiating.json").read_text(encoding="utf-8")))
    assert "吁请所有会员国" in (tmp_path / "negotiating.txt").read_text(encoding="utf-8")
    assert "toggle-parallel" in (tmp_path / "negotiating.html").read_text(encoding="utf-8")


def test_the_brief_carries_the_other_language(negotiating: resdiff.Comparison) -> None:
    from resdiff.render.brief import make_brief, render_brief, render_brief_docx

    brief = make_brief(negotiating)
    items = {item.where: item for section in brief.sections for item in section.items}
    assert "".join(d.text for d in items["OP2 → OP2"].other).startswith("吁请所有会员国")
    text = render_brief(negotiating)
    assert "    Chinese: 吁请所有会员国加强国家宽带计划" in text
    assert "Chinese:" in render_brief(negotiating, format="html")
    import io

    import docx

    document = docx.Document(io.BytesIO(render_brief_docx(negotiating)))
    assert any(p.text.startswith("Chinese: 吁请所有会员国") for p in document.paragraphs)


@pytest.mark.parametrize("case", ["02-lead-shifts", "06-split", "12-next-year"])
def test_an_english_redline_sets_leads_in_italics_and_resolves_both_ways(case: str) -> None:
    """The Word redline of English texts: accept all gives the new text, reject all the old one,
    read back by resdiff's own Word reader (leads are italic runs, as the ODS sets them)."""
    import io
    import zipfile

    from resdiff.readers.docx import read_docx
    from resdiff.render.docx import render_docx
    from tests.redline_xml import resolved_docx

    folder = HERE / "evalset-en" / case
    comparison = resdiff.compare(folder / "old.txt", folder / "new.txt")
    data = render_docx(comparison)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:i/>" in body and "<w:b/>" not in body
    for how, side in (("accept", comparison.new), ("reject", comparison.old)):
        back = resdiff.parse(read_docx(resolved_docx(data, how)))
        assert [(u.id, u.lead, u.text) for u in back.units] == [(u.id, u.lead, u.text) for u in side.units], how
