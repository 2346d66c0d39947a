"""The HTML report (issue 4): structure, word diff, escaping and self-containment.

Checked against hand-built Comparisons (``html_fixtures``) so that every feature of the page is
covered whatever the engine finds, and against the engine's own comparison of E/RES/2013/9 with
the illustrative draft in ``examples/drafts/``.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from resdiff.model import Change, Comparison, Resolution, Unit
from resdiff.render import render_html
from resdiff.render.html import FILTERS
from tests.conftest import CORPUS
from tests.html_fixtures import COMPARISON, DRAFT, diff, hostile_comparison
from tests.htmldom import Node, parse


@pytest.fixture(scope="module")
def page() -> Node:
    return parse(render_html(COMPARISON, title="Fixture report"))


def rows(page: Node) -> list[Node]:
    return page.find_all("article", "change")


def side_text(cell: Node) -> str:
    """A cell's paragraph as a reader sees it, without the footnote toggle."""
    return cell.find("p", "text").text()


def expected_filters(change: Change) -> list[str]:
    return [f.name for f in FILTERS if f.keeps(change)]


# --- rows -----------------------------------------------------------------------------------


def test_one_row_per_change_in_order(page: Node) -> None:
    found = rows(page)
    assert [r.get("id") for r in found] == [f"change-{n}" for n in range(1, len(COMPARISON.changes) + 1)]
    for row, change in zip(found, COMPARISON.changes, strict=True):
        assert row.get("data-type") == change.type
        assert row.get("data-moved") == str(change.moved).lower()
        assert row.get("data-routine") == str(change.routine).lower()
        assert row.get("data-terminology") == str(change.terminology).lower()
        assert row.get("data-substantive") == str(change.substantive).lower()
        assert row.get("data-lead-shift") == (change.lead.shift if change.lead else "")
        assert row.get("data-filters").split() == expected_filters(change)


def test_row_heads_name_both_sides(page: Node) -> None:
    heads = [" ".join(r.find("span", "ids").text().split()) for r in rows(page)]
    assert "OP9(c) → OP8(b)" in heads
    assert "OP5 → OP5 + OP6" in heads
    assert "OP6 + OP7 → OP7" in heads
    assert "— → PP4" in heads
    assert "OP4 → —" in heads


def test_every_cell_shows_its_unit_text(page: Node) -> None:
    """The word diff, cut at unit boundaries, gives back each unit's text on its own side."""
    for row, change in zip(rows(page), COMPARISON.changes, strict=True):
        for side, ids, resolution in (
            ("old", change.old, COMPARISON.old),
            ("new", change.new, COMPARISON.new),
        ):
            cells = row.find("div", side).find_all("div", "unit")
            assert [c.get("id") for c in cells] == [f"{side}-{re.sub(r'[^A-Za-z0-9_-]+', '-', i).strip('-')}" for i in ids]
            for cell, unit_id in zip(cells, ids, strict=True):
                assert side_text(cell) == resolution[unit_id].text


def test_word_diff_marks_deleted_words_old_and_inserted_words_new(page: Node) -> None:
    row = page.find("article", id="change-7")  # OP2, 吁请 → 促请
    old, new = row.find("div", "old"), row.find("div", "new")
    assert [d.text() for d in old.find_all("del")] == ["吁请"]
    assert [i.text() for i in new.find_all("ins")] == ["促请"]
    assert not old.find_all("ins") and not new.find_all("del")


def test_split_and_merge_show_all_parts_in_one_row(page: Node) -> None:
    split = page.find("article", id="change-11")
    assert len(split.find("div", "old").find_all("div", "unit")) == 1
    new_cells = split.find("div", "new").find_all("div", "unit")
    assert [c.get("id") for c in new_cells] == ["new-OP5", "new-OP6"]
    assert [i.text() for i in new_cells[0].find_all("ins")] == ["互联网"]
    merged = page.find("article", id="change-12")
    old_cells = merged.find("div", "old").find_all("div", "unit")
    assert [c.get("id") for c in old_cells] == ["old-OP6", "old-OP7"]
    # The deletion "；又请" straddles the boundary between OP6 and OP7: each part gets its half.
    assert [d.text() for d in old_cells[0].find_all("del")] == ["；"]
    assert [d.text() for d in old_cells[1].find_all("del")] == ["又请", "十八"]


def test_added_and_dropped_show_the_text_plainly(page: Node) -> None:
    added = page.find("article", id="change-4")
    assert added.find("div", "old").find("p", "absent").text() == "not in the old text"
    assert not added.find_all("ins") and not added.find_all("del")
    dropped = page.find("article", id="change-9")
    assert dropped.find("div", "new").find("p", "absent").text() == "not in the new text"


def test_badges(page: Node) -> None:
    changes = COMPARISON.changes
    assert len(page.find_all("span", "badge-type")) == len(changes)
    for kind in ("unchanged", "reworded", "added", "dropped", "split", "merged"):
        assert len(page.find_all("span", f"badge-{kind}")) == sum(c.type == kind for c in changes)
    main = page.find("main")
    assert len(main.find_all("span", "badge-moved")) == sum(c.moved for c in changes)
    assert len(main.find_all("span", "badge-routine")) == sum(c.routine for c in changes)
    assert len(main.find_all("span", "badge-terminology")) == sum(c.terminology for c in changes)
    leads = [" ".join(b.text().split()) for b in main.find_all("span", "badge-lead")]
    assert leads == ["满意地注意到 → 欢迎 ≠", "吁请 → 促请 ↑", "促请 → 鼓励 ↓"]


def test_moved_row_says_from_where_to_where(page: Node) -> None:
    row = page.find("article", id="change-17")
    note = " ".join(row.find("div", "moved-note").text().split())
    assert note == "Moved: in E/RES/2013/9 OP8, after OP7 → in E/RES/2014/X OP9, after OP8(b)"


def test_routine_rows_are_collapsed_and_unchanged_rows_quiet(page: Node) -> None:
    for row, change in zip(rows(page), COMPARISON.changes, strict=True):
        details = [d for d in row.find_all("details") if "routine-body" in d.classes]
        assert len(details) == (1 if change.routine else 0)
        assert all("open" not in d.attrs for d in details)
        assert ("quiet" in row.classes) == (change.type == "unchanged" and not change.moved)


def test_footnotes_on_demand(page: Node) -> None:
    pp3 = page.find("div", id="new-PP3")
    notes = pp3.find("details", "notes")
    assert "open" not in notes.attrs
    assert notes.find("li").get("value") == "2"
    assert notes.find("li").text() == "A/69/65-E/2014/12。"
    assert page.find("div", id="old-PP3").find("li").text() == "A/68/65-E/2013/11。"
    assert not page.find("div", id="new-PP4").find_all("details")


def test_every_link_has_a_target(page: Node) -> None:
    ids = [n.get("id") for n in page.iter() if n.get("id")]
    assert len(ids) == len(set(ids))
    targets = {a.get("href")[1:] for a in page.find_all("a") if a.get("href").startswith("#")}
    assert targets <= set(ids)
    units = {f"old-{u.id}" for u in COMPARISON.old} | {f"new-{u.id}" for u in COMPARISON.new}
    assert {t.replace("(", "-").replace(")", "") for t in units} <= targets


# --- header and controls --------------------------------------------------------------------


def test_header_names_both_texts_and_counts(page: Node) -> None:
    assert page.find("title").text() == "Fixture report"
    assert page.find("h1").text() == "Fixture report"
    meta = page.find("table", "meta").text()
    for value in (
        "E/RES/2013/9",
        "E/RES/2014/X",
        "2013-07-22",
        "2014-07-15",
        COMPARISON.old.title,
        COMPARISON.new.title,
    ):
        assert value in meta
    counts = {li.get("class").split()[1]: int(li.find("span", "n").text()) for li in page.find_all("li", "count")}
    # By type (issue 14: "unchanged" and "routine" are counted once, among the four parts).
    by_type = {k: v for k, v in COMPARISON.summary.items() if k not in ("unchanged", "routine")}
    assert counts == {f"count-{k.replace('_', '-')}": v for k, v in by_type.items()}
    parts = {span.get("class").split()[1]: int(span.find("span", "n").text())
             for span in page.find("p", "parts").find_all("span", "count")}
    defined = COMPARISON.counts
    assert parts == {f"part-{k}": defined[k] for k in ("substantive", "routine", "terminology", "unchanged")}
    assert sum(parts.values()) == defined["changes"] == len(COMPARISON.changes)


def test_terminology_switches_listed(page: Node) -> None:
    term = page.find("section", "terms").find("li", "term")
    assert term.find("del").text() == "因特网" and term.find("ins").text() == "互联网"
    assert "in 3 paragraphs" in term.text()


def test_filter_bar_counts(page: Node) -> None:
    labels = page.find("div", "filters").find_all("label")
    assert [lab.get("for") for lab in labels] == [f"filter-{f.name}" for f in FILTERS]
    for label, f in zip(labels, FILTERS, strict=True):
        assert int(label.find("span", "n").text()) == sum(f.keeps(c) for c in COMPARISON.changes)
    checked = [i.get("value") for i in page.find_all("input") if i.get("name") == "filter" and "checked" in i.attrs]
    assert checked == ["substantive"]  # issue 14: the report opens on what matters


def test_default_title_names_the_symbols() -> None:
    assert parse(render_html(COMPARISON)).find("h1").text() == "E/RES/2013/9 → E/RES/2014/X"


def test_texts_without_metadata() -> None:
    bare = Resolution(units=(Unit("OP1", "operative", "1", None, "请秘书长提交报告；"),))
    page = parse(render_html(Comparison(bare, bare, (Change("unchanged", ("OP1",), ("OP1",), similarity=1.0),))))
    assert page.find("h1").text() == "Old text → New text"
    assert len(rows(page)) == 1


def test_empty_comparison() -> None:
    empty = Resolution(units=())
    page = parse(render_html(Comparison(empty, empty, ())))
    assert rows(page) == []
    assert page.find("p", id="status").text() == "Showing 0 of 0 changes"


def test_split_with_a_diff_of_other_texts_falls_back_to_plain_parts() -> None:
    """A diff that cannot be cut at the unit boundaries is shown whole, under the plain parts."""
    old = Resolution(units=(Unit("OP1", "operative", "1", "请", "请甲；并请乙；"),))
    new = Resolution(units=(Unit("OP1", "operative", "1", "请", "请甲；"), Unit("OP2", "operative", "2", "请", "请乙；")))
    change = Change("split", ("OP1",), ("OP1", "OP2"), similarity=0.9, diff=diff("=请甲", "-，并", "+。", "=请乙；"))
    page = parse(render_html(Comparison(old, new, (change,))))
    assert [side_text(c) for c in page.find("div", "new").find_all("div", "unit")] == ["请甲；", "请乙；"]
    joined = page.find("div", "joined")
    assert joined.find("del").text() == "，并" and joined.find("ins").text() == "。"


# --- safety and self-containment ------------------------------------------------------------


def test_texts_are_escaped() -> None:
    html = render_html(hostile_comparison())
    assert html.count("<script") == 1  # the report's own script
    assert "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&amp; 采取步骤" in html
    page = parse(html)
    assert page.find("td", "old-symbol").text() == 'E/RES/2013/9"><script>alert(1)</script>'
    assert side_text(page.find("div", id="old-OP1")) == "吁请各国<script>alert('x')</script>& 采取步骤；"


def test_self_contained() -> None:
    html = render_html(COMPARISON)
    page = parse(html)
    assert not page.find_all("link")
    assert all(not n.get("src") for n in page.iter()), "no element may load a resource"
    assert not [a.get("href") for a in page.find_all("a") if not a.get("href").startswith("#")]
    assert not re.search(r"https?://|@import|url\(", html)
    assert len(page.find_all("style")) == 1 and len(page.find_all("script")) == 1


def test_cjk_font_stack_and_print_stylesheet() -> None:
    css = parse(render_html(COMPARISON)).find("style").text()
    stack = re.search(r"font-family:([^;]+);", css)
    assert stack
    for font in (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "SimSun",
        "WenQuanYi Zen Hei",
        "sans-serif",
    ):
        assert font in stack.group(1)
    assert "@media print" in css
    printed = css[css.index("@media print") :]
    assert ".controls" in printed and "display: none" in printed
    assert "[hidden] { display: none !important; }" in css


def test_chinese_text_is_marked_as_chinese(page: Node) -> None:
    texts = page.find_all("p", "text")
    assert texts and all(p.get("lang") == "zh-Hans" for p in texts)


def test_templates_are_package_data() -> None:
    templates = resources.files("resdiff.render") / "templates"
    assert {"report.html.j2", "report.css", "report.js"} <= {p.name for p in templates.iterdir()}


def test_render_is_pure() -> None:
    assert render_html(COMPARISON) == render_html(COMPARISON)


# --- a real comparison ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Comparison:
    import resdiff

    try:
        return resdiff.compare(resdiff.load(CORPUS), resdiff.load(DRAFT))
    except ModuleNotFoundError as exc:  # pragma: no cover - until the engine lands
        if exc.name != "resdiff.engine":
            raise
        pytest.skip("resdiff.compare is not implemented yet (no resdiff.engine)")


def test_real_comparison_renders_every_change(real: Comparison) -> None:
    page = parse(render_html(real, title="E/RES/2013/9 → illustrative draft"))
    found = rows(page)
    assert len(found) == len(real.changes)
    for row, change in zip(found, real.changes, strict=True):
        assert row.get("data-type") == change.type
        assert row.get("data-filters").split() == expected_filters(change)
        for side, ids, resolution in (("old", change.old, real.old), ("new", change.new, real.new)):
            cells = row.find("div", side).find_all("div", "unit")
            assert len(cells) == len(ids)
            if not row.find_all("div", "joined"):
                for cell, unit_id in zip(cells, ids, strict=True):
                    # Whitespace and the final mark may be normalised in the diff, no more.
                    assert side_text(cell).rstrip("，；。：") == resolution[unit_id].text.rstrip("，；。：")
