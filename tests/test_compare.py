"""Issue 3: the comparison engine: properties, the spec's rules, the word diff and the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.model import Comparison, Resolution, Unit
from tests.conftest import CORPUS, validate

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])


def assert_partition(comparison: Comparison) -> None:
    """Every old and every new unit id is in exactly one change."""
    old_ids = [i for c in comparison.changes for i in c.old]
    new_ids = [i for c in comparison.changes for i in c.new]
    assert sorted(old_ids) == sorted(u.id for u in comparison.old.units)
    assert sorted(new_ids) == sorted(u.id for u in comparison.new.units)
    assert len(set(old_ids)) == len(old_ids) and len(set(new_ids)) == len(new_ids)


def assert_new_reading_order(comparison: Comparison) -> None:
    order = {u.id: k for k, u in enumerate(comparison.new.units)}
    firsts = [order[c.new[0]] for c in comparison.changes if c.new]
    assert firsts == sorted(firsts)


def assert_diffs_apply(comparison: Comparison) -> None:
    """Applying each change's word diff to its old units gives its new units."""
    old, new = comparison.old, comparison.new
    for change in comparison.changes:
        old_text = "".join(old[i].text for i in change.old)
        new_text = "".join(new[j].text for j in change.new)
        if change.type == "unchanged":
            assert change.diff == ()
            continue
        assert change.old_text == old_text
        assert change.new_text == new_text


def renumber(units: list[Unit]) -> tuple[Unit, ...]:
    """Give units the ids and numbers of their new places (sub-paragraphs follow their paragraph)."""
    out, pp, h, op, letter = [], 0, 0, 0, 0
    for u in units:
        if u.kind == "preambular":
            pp += 1
            out.append(replace(u, id=f"PP{pp}"))
        elif u.kind == "heading":
            h += 1
            out.append(replace(u, id=f"H{h}"))
        elif u.number and "(" in u.number:
            x = "abcdefghijklmnop"[letter]
            letter += 1
            out.append(replace(u, id=f"OP{op}({x})", number=f"{op}({x})"))
        else:
            op += 1
            letter = 0
            out.append(replace(u, id=f"OP{op}", number=str(op)))
    return tuple(out)


def test_a_resolution_against_itself_is_all_unchanged(corpus: Resolution) -> None:
    comparison = resdiff.compare(corpus, corpus)
    assert {c.type for c in comparison.changes} == {"unchanged"}
    assert not any(c.moved for c in comparison.changes)
    assert comparison.summary["unchanged"] == 70
    validate(comparison.to_dict())


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_shuffling_operative_paragraphs_gives_only_moves(corpus: Resolution, rnd: random.Random) -> None:
    ops = [u for u in corpus.units if u.kind == "operative" and "(" not in (u.number or "")]
    chosen = rnd.sample(range(len(ops)), 3)
    moved = [ops[k] for k in chosen]
    blocks = [[m, *(u for u in corpus.units if u.parent == m.id)] for m in moved]  # with its sub-paragraphs
    rest = [u for u in corpus.units if u not in moved and u.parent not in {m.id for m in moved}]
    for block in blocks:
        ends = [k for k in range(len(rest) + 1) if k == len(rest) or rest[k].parent is None]
        at = rnd.choice(ends)
        rest[at:at] = block
    new = replace(corpus, units=renumber(rest))
    comparison = resdiff.compare(corpus, new)
    assert_partition(comparison)
    assert {c.type for c in comparison.changes} <= {"unchanged"}
    assert comparison.summary["moved"] <= sum(len(block) for block in blocks)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_swapping_sides_swaps_added_dropped_split_merged(corpus: Resolution, rnd: random.Random) -> None:
    units = list(corpus.units)
    ops = [k for k, u in enumerate(units) if u.kind == "operative" and u.parent is None and k + 1 < len(units)
           and units[k + 1].kind == "operative" and units[k + 1].parent is None and k > 0]
    k = rnd.choice(ops)
    merged = replace(units[k], text=units[k].text[:-1] + "，并" + units[k + 1].text)
    units[k:k + 2] = [merged]
    novel = replace(units[k], lead="决定", text="决定在世界首脑会议框架内设立人工智能治理专家小组，并就其任务规定提出建议；")
    for d in sorted(rnd.sample([i for i, u in enumerate(units) if u.kind == "operative" and u.parent is None
                                and abs(i - k) > 2 and not any(v.parent == u.id for v in units)], 2), reverse=True):
        units.pop(d)
    for at in (2, len(units) - 1):  # new paragraphs elsewhere than the dropped ones
        units.insert(at if units[at].kind != "preambular" else len(units) - 1, novel)
    new = replace(corpus, units=renumber(units))
    forward, backward = resdiff.compare(corpus, new), resdiff.compare(new, corpus)
    for c in (forward, backward):
        assert_partition(c)
        assert_diffs_apply(c)
    f, b = forward.summary, backward.summary
    assert (f["added"], f["dropped"], f["split"], f["merged"]) == (b["dropped"], b["added"], b["merged"], b["split"])
    assert f["merged"] == 1 and f["added"] == 2 and f["dropped"] == 2


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_partition_and_diffs_hold_for_random_edits(corpus: Resolution, rnd: random.Random) -> None:
    units = list(corpus.units)
    for _ in range(rnd.randint(1, 8)):
        k = rnd.randrange(len(units))
        action = rnd.choice(["drop", "edit", "dup", "cut"])
        if action == "drop" and len(units) > 5:
            units.pop(k)
        elif action == "edit":
            t = units[k].text
            cut = rnd.randrange(len(t))
            units[k] = replace(units[k], text=t[:cut] + "切实" + t[cut:])
        elif action == "dup":
            units.insert(k, replace(units[k], text=units[k].text[::-1]))
        elif action == "cut" and len(units[k].text) > 20 and units[k].kind != "heading":
            t = units[k].text
            units[k:k + 1] = [replace(units[k], text=t[: len(t) // 2] + "；"), replace(units[k], text=t[len(t) // 2:])]
    new = replace(corpus, units=renumber(units))
    comparison = resdiff.compare(corpus, new)
    assert_partition(comparison)
    assert_new_reading_order(comparison)
    assert_diffs_apply(comparison)
    validate(comparison.to_dict())


def _edit(corpus: Resolution, unit_id: str, old: str, new: str) -> Resolution:
    units = [replace(u, text=u.text.replace(old, new), lead=(new if u.lead == old else u.lead))
             if u.id == unit_id else u for u in corpus.units]
    return replace(corpus, units=tuple(units))


def test_lead_shifts_stronger_and_weaker(corpus: Resolution) -> None:
    new = _edit(_edit(corpus, "OP8", "吁请", "促请"), "OP35", "促请", "鼓励")
    comparison = resdiff.compare(corpus, new)
    shifts = {c.old[0]: c.lead.shift for c in comparison.changes if c.lead and c.type == "reworded"}
    assert shifts == {"OP8": "stronger", "OP35": "weaker"}
    assert comparison.summary["lead_stronger"] == 1 and comparison.summary["lead_weaker"] == 1


def test_routine_updates(corpus: Resolution) -> None:
    new = _edit(corpus, "PP3", "2012年7月24日第2012/5号决议", "2013年7月22日第2013/9号决议")
    new = _edit(new, "OP25", "第十七届", "第十八届")
    new = _edit(new, "OP12", "又确认", "还确认")
    new = _edit(new, "OP11", "最不发达国家", "内陆发展中国家")
    changes = {c.old[0]: c for c in resdiff.compare(corpus, new).changes if c.type == "reworded"}
    assert set(changes) == {"PP3", "OP25", "OP12", "OP11"}
    assert changes["PP3"].routine and changes["OP25"].routine and changes["OP12"].routine
    assert not changes["OP11"].routine
    assert changes["OP12"].lead is not None and changes["OP12"].lead.shift == "same"


def test_word_diff_never_splits_a_word(corpus: Resolution) -> None:
    new = _edit(corpus, "OP34", "信息和通信技术", "信息通信技术")
    change = next(c for c in resdiff.compare(corpus, new).changes if c.type == "reworded")
    assert [(d.op, d.text) for d in change.diff if d.op != "equal"] == [("delete", "信息和通信技术"),
                                                                        ("insert", "信息通信技术")]


def test_terminology_switch_is_reported_once_and_headings_follow(corpus: Resolution) -> None:
    units = tuple(replace(u, text=u.text.replace("因特网", "互联网")) for u in corpus.units)
    comparison = resdiff.compare(corpus, replace(corpus, units=units))
    assert [(t.old, t.new) for t in comparison.terms] == [("因特网", "互联网")]
    reworded = [c for c in comparison.changes if c.type == "reworded"]
    assert comparison.terms[0].count == len(reworded) >= 10
    assert all(c.terminology and not c.substantive for c in reworded)
    assert {"H2", "H4"} <= {c.old[0] for c in reworded}
    assert comparison.to_dict()["terms"] == [{"old": "因特网", "new": "互联网", "count": len(reworded)}]


def test_unrelated_paragraphs_are_not_paired(corpus: Resolution) -> None:
    units = list(corpus.units)
    k = next(i for i, u in enumerate(units) if u.id == "OP43")
    unrelated = "决定在世界首脑会议框架内设立一个关于人工智能治理的专家小组，向委员会报告；"
    units[k] = Unit("OP43", "operative", "43", "决定", unrelated)
    comparison = resdiff.compare(corpus, replace(corpus, units=tuple(units)))
    types = {c.type: c for c in comparison.changes if c.type != "unchanged"}
    assert set(types) == {"added", "dropped"}


def test_compare_accepts_texts_and_paths(corpus: Resolution, corpus_text: str) -> None:
    a = resdiff.compare(CORPUS, corpus_text)
    b = resdiff.compare(str(CORPUS), corpus)
    assert a.summary == b.summary and a.summary["unchanged"] == 70


def test_options_are_keyword_overrides(corpus: Resolution) -> None:
    new = _edit(corpus, "OP8", "所有国家", "所有国家和区域组织")
    strict = resdiff.compare(corpus, new, link_threshold=0.999, context_threshold=0.999, in_place_threshold=0.999,
                             move_threshold=0.999, slot_content=1.0)
    assert strict.summary["added"] == 1 and strict.summary["dropped"] == 1
    with pytest.raises(TypeError):
        resdiff.compare(corpus, new, no_such_option=1)


def test_cli_diff_json_and_text(tmp_path: Path, corpus: Resolution) -> None:
    new_path = tmp_path / "new.txt"
    new_path.write_text(_edit(corpus, "OP8", "吁请", "促请").to_text(), encoding="utf-8")
    out = tmp_path / "c.json"
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(new_path), "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    validate(document)
    assert document["summary"]["lead_stronger"] == 1
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(new_path), "--color", "never"],
                         capture_output=True, text=True)
    assert run.returncode == 0
    assert "OP8 → OP8  reworded" in run.stdout and "吁请 → 促请 ↑" in run.stdout
    assert "[-吁请-]{+促请+}" in run.stdout


def test_cli_diff_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(empty)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.startswith("resdiff: error:") and "Traceback" not in run.stderr


def test_un_terms_dictionary_keeps_terms_whole(corpus: Resolution) -> None:
    """What the dictionary changes: without it, an edit lands inside a term (issue 3)."""
    new = _edit(corpus, "OP34", "信息和通信技术", "信息通信技术")
    with_terms = next(c for c in resdiff.compare(corpus, new).changes if c.type == "reworded")
    without = next(c for c in resdiff.compare(corpus, new, un_terms=False).changes if c.type == "reworded")
    assert [d.text for d in with_terms.diff if d.op != "equal"] == ["信息和通信技术", "信息通信技术"]
    assert [(d.op, d.text) for d in without.diff if d.op != "equal"] == [("delete", "和")]


def test_unchanged_ignores_only_whitespace_width_and_the_final_mark(corpus: Resolution) -> None:
    new = _edit(corpus, "OP51", "贡献者；", "贡献者。")  # the last paragraph now ends with 。
    new = _edit(new, "OP12", "宽带接入网络", "宽带接入 网络")
    new = _edit(new, "OP38", "并因此:", "并因此：")  # ASCII colon → full-width: the same mark (issue 9)
    new = _edit(new, "OP39", "，", "、")  # another mark, not another width of the same one
    changes = {c.old[0]: c.type for c in resdiff.compare(corpus, new).changes}
    assert changes["OP51"] == "unchanged" and changes["OP12"] == "unchanged"
    assert changes["OP38"] == "unchanged"
    assert changes["OP39"] == "reworded"


def test_cli_diff_html_by_extension_and_by_format(tmp_path: Path) -> None:
    draft = CORPUS.parents[3] / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"
    report = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(draft), "-o", str(report)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<del>吁请</del>" in page and "<ins>促请</ins>" in page
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(draft), "--format", "html",
                          "--title", "Draft <b>2014</b>"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.startswith("<!DOCTYPE html>")
    assert "Draft &lt;b&gt;2014&lt;/b&gt;" in run.stdout


def test_next_years_forum_paragraph_is_new_not_a_split(corpus: Resolution) -> None:
    """The yearly pair "notes the Forum held / welcomes the next host" (the illustrative draft):
    the new welcome is written on the pattern of the old one, but it is a new paragraph."""
    draft = resdiff.load(CORPUS.parents[3] / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt")
    changes = {(c.old, c.new): c for c in resdiff.compare(corpus, draft).changes}
    assert changes[("OP32",), ("OP31",)].type == "reworded"
    assert changes[("OP32",), ("OP31",)].lead.shift == "weaker"
    assert changes[(), ("OP32",)].type == "added"
    assert changes[("OP31",), ()].type == "dropped"
    assert not any(c.type == "split" and "OP32" in c.old for c in changes.values())
