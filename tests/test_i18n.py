"""The Chinese interface (issue 12): gettext catalogs shipped compiled, ``--ui zh|en`` defaulting from
the locale, and no English label left in the Chinese terminal summary, HTML report and timeline.

A label is what resdiff writes around the texts; the texts themselves (paragraphs, word diffs,
symbols, ids, leads, dates, file names) are data and stay as they are. Each check below takes the
data out of what was rendered and asserts that no English word is left.
"""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import resdiff
from resdiff.i18n import KEYWORDS, default_ui, translations
from resdiff.model import Comparison
from resdiff.parallel import attach_agreed, load_folder, pair_folder
from resdiff.render import render_html
from resdiff.render.text import render_comparison_text
from resdiff.render.timeline import render_timeline
from tests.conftest import CORPUS, ROOT
from tests.html_fixtures import DRAFT
from tests.series_gen.cached import loaded

LOCALE = ROOT / "src" / "resdiff" / "locale"
PO = LOCALE / "zh" / "LC_MESSAGES" / "resdiff.po"
BILINGUAL = ROOT / "examples" / "bilingual"

#: Words that may stay in a Chinese interface: the program's name, the option that shows more, Markdown,
#: and the name of the other interface language on the switch.
ALLOWED = {"resdiff", "all", "English", "Markdown", "unchanged"}  # all, unchanged: the options --all, --unchanged


@pytest.fixture(scope="module")
def chinese() -> Comparison:
    """A Chinese comparison with every kind of change (the illustrative draft of examples/drafts)."""
    return resdiff.compare(CORPUS, DRAFT)


@pytest.fixture(scope="module")
def negotiating() -> Comparison:
    comparison = resdiff.compare(BILINGUAL / "old-en.txt", BILINGUAL / "draft-en.txt",
                                 old_other=BILINGUAL / "old-zh.txt", new_other=BILINGUAL / "old-zh.txt")
    return attach_agreed(comparison, pair_folder(load_folder(BILINGUAL / "earlier"), "en"))


def _data(comparison: Comparison) -> list[str]:
    """Every string of a comparison that is data, longest first."""
    found: set[str] = set()
    for resolution in (comparison.old, comparison.new):
        found.update(u.text for u in resolution.units)
        found.update(filter(None, (resolution.symbol, resolution.title, resolution.meeting, resolution.adopted,
                                   resolution.source)))  # issue 14: a text without a symbol is named by its file
        found.update(resolution.footnotes.values())
    for change in comparison.changes:
        found.update(d.text for d in change.diff)
        for note in change.footnotes:
            found.update(filter(None, (note.old, note.new)))
            found.update(d.text for d in note.diff)
        if change.lead:
            found.update(filter(None, (change.lead.old, change.lead.new, change.lead.old_gloss, change.lead.new_gloss)))
        if change.parallel:
            found.update(filter(None, (change.parallel.old, change.parallel.new)))
            found.update(d.text for d in change.parallel.diff)
            if change.parallel.agreed:
                agreed = change.parallel.agreed
                found.update(filter(None, (agreed.text, agreed.other, agreed.symbol)))
    for term in comparison.terms:
        found.update((term.old, term.new))
    if comparison.pairing:
        found.update(filter(None, (comparison.pairing.old_symbol, comparison.pairing.new_symbol)))
    return sorted((s.strip() for s in found if s.strip()), key=len, reverse=True)


def english_left(rendered: str, data: Iterable[str]) -> list[str]:
    """The English words of ``rendered`` once the data, unit ids and numbers are taken out."""
    rendered = re.sub(r"\b(?:[A-Z]\.)?(?:PP|OP|H)\d+(?:\([a-z]\))?", " ", rendered)
    for text in data:
        rendered = rendered.replace(text, " ")
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", rendered)
    return [w for w in words if w not in ALLOWED]


# -- the catalogs ------------------------------------------------------------------------------

def test_the_shipped_mo_is_the_compiled_po() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    compiled = translations("zh")
    messages = [m for m in catalog if m.id]
    assert len(messages) >= 120
    for message in messages:
        assert message.string, f"untranslated: {message.id!r}"
        assert "fuzzy" not in message.flags, message.id
        assert compiled.gettext(str(message.id)) == message.string, f"compile the catalog: {message.id!r}"
        assert set(re.findall(r"\{\w+\}", str(message.id))) == set(re.findall(r"\{\w+\}", str(message.string))), \
            message.id


def test_every_marked_message_is_in_the_catalog() -> None:
    """What Babel extracts from the code and templates (babel.cfg) is all translated."""
    method_map = [("src/resdiff/**.py", "python"), ("src/resdiff/render/templates/**.j2", "jinja2")]
    found = {str(message) for _, _, message, *_ in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=dict.fromkeys(KEYWORDS))
        if isinstance(message, str)}
    with PO.open("rb") as handle:
        catalog = {str(m.id) for m in read_po(handle) if m.id}
    assert len(found) >= 120
    assert found <= catalog, sorted(found - catalog)


def test_the_catalog_is_package_data() -> None:
    assert resources.files("resdiff").joinpath("locale/zh/LC_MESSAGES/resdiff.mo").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject


@pytest.mark.parametrize(("environ", "ui"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANGUAGE": "zh_TW:en", "LANG": "C"}, "zh"),
    ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"), ({}, "en"),
])
def test_the_interface_defaults_from_the_locale(environ: dict[str, str], ui: str) -> None:
    assert default_ui(environ) == ui


def test_an_unknown_interface_language_is_refused() -> None:
    with pytest.raises(resdiff.ResdiffError, match="interface language"):
        translations("fr")


# -- the terminal ------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["chinese", "negotiating"])
def test_the_chinese_terminal_summary_has_no_english_label(case: str, request: pytest.FixtureRequest) -> None:
    comparison: Comparison = request.getfixturevalue(case)
    text = render_comparison_text(comparison, all_changes=True, ui="zh")
    assert english_left(text, _data(comparison)) == []
    assert "改写" in text and "相似度" in text
    english = render_comparison_text(comparison, all_changes=True, ui="en")
    assert english_left(english, _data(comparison))  # the check sees English when there is some
    assert "reworded" in english


def test_leads_are_glossed_in_the_other_language(chinese: Comparison, negotiating: Comparison) -> None:
    assert "吁请 → 促请 ↑ (calls upon → urges)" in render_comparison_text(chinese, ui="en")
    assert "Calls upon → Urges ↑ (吁请 → 促请)" in render_comparison_text(negotiating, ui="zh")
    assert "(calls upon)" not in render_comparison_text(chinese, ui="zh")


def test_the_cli_speaks_the_interface_language() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), LANG="zh_CN.UTF-8", LC_ALL="", LANGUAGE="")
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(DRAFT)], capture_output=True,
                         text=True, env=env)
    assert run.returncode == 0 and "未改动" in run.stdout
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(CORPUS), str(DRAFT), "--ui", "en"],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0 and "unchanged" in run.stdout and "未改动" not in run.stdout


# -- the HTML report ---------------------------------------------------------------------------

def _visible_labels(page: object, selectors: str) -> str:
    """The page's visible text, without the elements holding data."""
    return str(page.evaluate(  # type: ignore[attr-defined]
        """(selectors) => {
             const copy = document.body.cloneNode(true);
             copy.querySelectorAll(selectors).forEach((node) => node.remove());
             document.body.appendChild(copy);
             copy.querySelectorAll('[hidden]').forEach((node) => node.remove());
             const text = copy.innerText;
             copy.remove();
             return text;
           }""", selectors))


DATA_SELECTORS = ("p.text, .ids, .symbol, .badge-lead, .lead-gloss, ol.footnotes, .terms ul, .colheads, "
                  "td, .moved-note .uid, h1, #ui-messages, .agreed .text")


@pytest.mark.browser
@pytest.mark.parametrize("case", ["chinese", "negotiating"])
def test_the_chinese_report_has_no_english_label_and_switches(case: str, request: pytest.FixtureRequest,
                                                              browser: object, tmp_path: Path) -> None:
    comparison: Comparison = request.getfixturevalue(case)
    path = tmp_path / "report.html"
    path.write_text(render_html(comparison, ui="zh"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.locator("#toggle-routine").check()
    page.locator("#toggle-notes").check()
    chinese_text = _visible_labels(page, DATA_SELECTORS)
    assert english_left(chinese_text, _data(comparison)) == [], chinese_text[:2000]
    assert "显示" in page.locator("#status").inner_text()
    page.click('label[for="filter-substantive"]')
    assert "筛选：实质性" in page.locator("#status").inner_text()  # issue 14: the report opens on it
    page.click('button[data-ui-choice="en"]')
    assert page.evaluate("document.documentElement.lang") == "en"
    english_text = _visible_labels(page, DATA_SELECTORS)
    assert "Substantive" in english_text and "实质性" not in english_text
    assert "filter: Substantive" in page.locator("#status").inner_text()
    page.click('button[data-ui-choice="zh"]')
    assert english_left(_visible_labels(page, DATA_SELECTORS), _data(comparison)) == []
    page.screenshot(path=str(tmp_path / "report-zh.png"), full_page=True)
    assert errors == []


def test_the_english_report_is_unchanged_by_default(chinese: Comparison) -> None:
    page = render_html(chinese)
    assert 'data-ui="en"' in page and ">Substantive<" in page
    assert ">实质性<" not in page  # the Chinese labels travel only in the page's message table


# -- the timeline ------------------------------------------------------------------------------

def test_the_chinese_timeline_has_no_english_label() -> None:
    from tests.htmldom import parse

    _folder, _truth, series = loaded(5)
    page = parse(render_timeline(series, ui="zh"))
    data: set[str] = set()
    for member in series.members:
        data.update(filter(None, (member.symbol, member.label, member.adopted, member.source, member.resolution.title)))
        data.update(u.text for u in member.resolution.units)
    for comparison in series.comparisons:
        if comparison is not None:
            data.update(d.text for c in comparison.changes for d in c.diff)
            data.update(x for c in comparison.changes if c.lead for x in (c.lead.old, c.lead.new))
    # Gaps and notes are said in Chinese (render/warnings.py): only their symbols are data.
    data.update(x for g in series.gaps for x in (g.symbol, g.named_by, str(g.year or "")) if x)
    body = page.find("body")
    assert body is not None
    for name in ("style", "svg"):
        for node in body.find_all(name):
            node.children = []
    text = body.text()
    left = english_left(text, sorted(data, key=len, reverse=True))
    assert left == [], left[:20]
    assert "每年的改动" in text
    assert "What each year changed" in render_timeline(series, ui="en")


def test_gettext_reads_the_shipped_catalog_as_the_stdlib_would() -> None:
    found = gettext.translation("resdiff", localedir=str(LOCALE), languages=["zh"])
    assert found.gettext("unchanged") == "未改动"


# -- the brief and the Word redline --------------------------------------------------------------

def test_the_chinese_brief_has_no_english_label(chinese: Comparison) -> None:
    from resdiff.render.brief import render_brief

    for fmt in ("text", "markdown"):
        text = render_brief(chinese, format=fmt, ui="zh")  # type: ignore[arg-type]
        for named in (chinese.old.source, chinese.new.source):  # a draft is named by its file (issue 14)
            text = text.replace(named or "\0", " ")
        # The texts are Chinese: what Latin is left is a symbol, an id, or a label.
        text = re.sub(r"[A-Z]+(?:[./][A-Za-z0-9.]*)+|\\?[\[\]{}+\-~*#\\]", " ", text)
        assert english_left(text, _data(chinese)) == [], fmt
    assert "谈判简报" in render_brief(chinese, ui="zh") and "Negotiation brief" in render_brief(chinese)


def test_the_redline_comments_speak_the_interface_language(negotiating: Comparison) -> None:
    import io
    import zipfile

    from resdiff.render.docx import render_docx

    def comments(ui: str) -> str:
        with zipfile.ZipFile(io.BytesIO(render_docx(negotiating, ui=ui))) as package:
            return package.read("word/comments.xml").decode("utf-8")

    english, chinese_ui = comments("en"), comments("zh")
    assert "Calls upon → Urges: stronger (吁请 → 促请)" in english
    assert "Calls upon → Urges: 加强 (吁请 → 促请)" in chinese_ui
    assert "Chinese: 吁请所有会员国加强国家宽带计划" in english and "中文: 吁请所有会员国加强国家宽带计划" in chinese_ui


# -- spreadsheet, lineage, search, warnings and the CLI's own lines (issue 12, second round) ----------

def test_the_chinese_spreadsheet_has_no_english_label(chinese: Comparison, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from resdiff.render.sheet import render_csv, render_xlsx, rows

    data = _data(chinese)
    cells = [str(cell) for line in rows(chinese, ui="zh") for cell in line]
    # The word diff marks its edits with [-…-] and {+…+}: the marks are no words.
    left = english_left("\n".join(cells), data)
    assert left == [], left[:20]
    assert english_left("\n".join(str(c) for line in rows(chinese) for c in line), data)  # English by default
    assert rows(chinese, ui="zh")[0][1] == "类型" and "是" in cells and "改写" in cells
    assert render_csv(chinese, ui="zh").decode("utf-8-sig").splitlines()[0].startswith("#,类型,")
    path = tmp_path / "zh.xlsx"
    path.write_bytes(render_xlsx(chinese, ui="zh"))
    book = load_workbook(path)
    assert book.sheetnames == ["改动", "文本"]
    texts = "\n".join(str(c.value) for row in book["文本"].iter_rows() for c in row if c.value is not None)
    left = english_left(texts + "\n" + str(book.properties.title), data)
    assert left == [], left


def _series_data(series: object) -> list[str]:
    data: set[str] = set()
    for member in series.members:  # type: ignore[attr-defined]
        data.update(filter(None, (member.symbol, member.label, member.adopted, member.source, member.resolution.title)))
        data.update(u.text for u in member.resolution.units)
        data.update(filter(None, (u.lead for u in member.resolution.units)))
    for comparison in series.comparisons:  # type: ignore[attr-defined]
        if comparison is not None:
            data.update(d.text for c in comparison.changes for d in c.diff)
            data.update(x for c in comparison.changes if c.lead for x in (c.lead.old, c.lead.new))
    for gap in series.gaps:  # type: ignore[attr-defined]
        data.update(filter(None, (gap.symbol, gap.named_by, str(gap.year or ""))))
    return sorted((s for s in data if s), key=len, reverse=True)


def test_the_chinese_lineage_output_has_no_english_label() -> None:
    from resdiff.render.lineage import render_lineage_text

    _folder, _truth, series = loaded(5)
    data = _series_data(series)
    every = render_lineage_text(series.lineage(), ui="zh")
    one = render_lineage_text(series.lineage("OP5"), ui="zh")
    for text in (every, one):
        left = english_left(text, data)
        assert left == [], left[:20]
    assert "沿革" in every and "始于" in one
    assert english_left(render_lineage_text(series.lineage(), ui="en"), data)
    assert render_lineage_text([], ui="zh") == "没有段落\n"


def test_the_chinese_search_output_has_no_english_label(tmp_path: Path) -> None:
    import shutil

    from resdiff.render.search import render_hits_text
    from resdiff.search import Index

    folder = tmp_path / "zh"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    shutil.copy(DRAFT, folder / "E-RES-2014-illustrative.txt")
    with Index.open(folder) as index:
        exact = index.search("能力建设", limit=5)
        near = index.search("加强能力建设工作", limit=5)
        whole = index.similar(resdiff.load(DRAFT).units[30].text.replace("鼓励", "敦促"), limit=3)
    assert exact and whole
    for hits in (exact, near, whole):
        data: set[str] = set()
        for hit in hits:
            data.update(filter(None, (hit.text, hit.symbol, hit.source, hit.adopted)))
            data.update(d.text for d in hit.diff)
            data.update(filter(None, (o.symbol for o in hit.also)))
        text = render_hits_text(hits, ui="zh")
        left = english_left(text, sorted(data, key=len, reverse=True))
        assert left == [], left[:20]
    assert "草案即" in render_hits_text(whole, ui="zh") and "draft is" in render_hits_text(whole)
    assert render_hits_text([], ui="zh") == "没有相符的段落\n"


def _warned() -> list[resdiff.ParseWarning]:
    """Warnings of every kind the parser gives, from illustrative variants of the corpus and the
    English fixture (not official texts)."""
    zh = CORPUS.read_text(encoding="utf-8")
    en = (ROOT / "tests" / "fixtures" / "en" / "wsis-illustrative-2013.txt").read_text(encoding="utf-8")
    variants = [
        zh.replace(" 52. 欢迎欢迎欢迎欢迎埃及", " 54. 欢迎欢迎欢迎欢迎埃及", 1),             # numbering gap
        zh.replace("强调强调强调强调急需", "急需", 1),                              # no lead
        en.replace("*Recalling* General Assembly", "Bearing firmly General Assembly"),  # no lead (English)
        en.replace("2006/46 of 28 July 2006", "2006/46 of 28 July 2006,5"),      # stray digit (English)
        en.replace("[^1]:", "[^9]:"),                                            # unknown footnotes
    ]
    found = [w for text in variants for w in resdiff.parse(text).warnings]
    assert {"numbering-gap", "no-lead", "stray-digit", "unknown-footnote"} <= {w.code for w in found}
    return found


def test_every_parser_warning_is_shown_in_chinese_and_kept_english_in_json() -> None:
    from resdiff.render.warnings import TEMPLATES, read_back, warning_message

    for warning in _warned():
        assert read_back(warning) is not None, f"no template reads: {warning.message!r}"
        shown = warning_message(warning, "zh")
        quoted = re.findall(r"“([^”]*)”", warning.message)
        assert english_left(shown, sorted(quoted, key=len, reverse=True)) == [], shown
        assert warning.to_dict()["message"] == warning.message and warning_message(warning) == warning.message
    for code, templates in TEMPLATES.items():  # every template, with sample values
        for template in templates:
            values = {name: "7" for name in re.findall(r"\{(\w+)\}", template)}
            sample = resdiff.ParseWarning("OP1", code, template.format(**values))
            assert read_back(sample) == (template, values)
            assert english_left(warning_message(sample, "zh"), ["UTF-8", "Latin-1", "Windows-1252"]) == [], template
    unknown = resdiff.ParseWarning(None, "no-lead", "a message no template knows")
    assert warning_message(unknown, "zh").startswith("段落开头没有已知的引导词")


def test_the_cli_warnings_and_errors_speak_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from resdiff.cli import main

    text = CORPUS.read_text(encoding="utf-8").replace(" 52. 欢迎欢迎欢迎欢迎埃及", " 54. 欢迎欢迎欢迎欢迎埃及", 1)
    source = tmp_path / "gap.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["parse", str(source), "--ui", "zh", "--strict"]) == 2
    err = capsys.readouterr().err
    assert "resdiff：警告：" in err and "编号有缺口" in err and "resdiff：错误：" in err
    assert english_left(err.replace(str(source), " "), ["numbering-gap", "strict"]) == [], err
    assert main(["parse", str(source), "--ui", "en", "--strict"]) == 2
    assert "the numbering has a gap" in capsys.readouterr().err
    assert main(["search", "能力", str(tmp_path), "--limit", "0", "--ui", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("resdiff：错误：") and english_left(err, ["--limit"]) == [], err
    assert main(["diff", str(source), str(source), "-o", str(tmp_path / "x.pdf"), "--ui", "zh"]) == 2
    err = capsys.readouterr().err
    assert "无法写入" in err


def test_the_chinese_timeline_says_its_gaps_and_notes_in_chinese(tmp_path: Path) -> None:
    import shutil

    from resdiff.render.warnings import gap_message, note_message
    from resdiff.series import Gap, Series

    folder = tmp_path / "en"
    folder.mkdir()
    shutil.copy(BILINGUAL / "earlier" / "A-RES-69-904-en.txt", folder / "A-RES-69-904-en.txt")
    shutil.copy(BILINGUAL / "draft-en.txt", folder / "draft-en.txt")  # recalls 70/901, not in the folder
    series = Series.load(folder)
    assert series.gaps
    page = render_timeline(series, ui="zh")
    for gap in series.gaps:
        assert gap_message(gap, "zh") in page and str(gap) not in page
    assert "A/RES/70/901（A/C.2/71/L.901回顾了它）不在文件夹中" in page
    assert gap_message(Gap("year", year=2015), "zh") == "2015年没有文本"
    assert note_message("E/RES/2014/9 recalls no predecessor: compared with E/RES/2013/9", "zh") == \
        "E/RES/2014/9未回顾前一项决议：与E/RES/2013/9比较"


def test_the_chinese_report_shows_parser_warnings_in_chinese_and_can_switch() -> None:
    text = CORPUS.read_text(encoding="utf-8").replace(" 52. 欢迎欢迎欢迎欢迎埃及", " 54. 欢迎欢迎欢迎欢迎埃及", 1)
    comparison = resdiff.compare(text, DRAFT)
    assert comparison.old.warnings
    page = render_html(comparison, ui="zh")
    assert "执行段落54.紧接第51.段：编号有缺口" in page
    assert 'data-i18n="operative paragraph {number}. follows paragraph {last}.: the numbering has a gap"' in page
    english = render_html(comparison, ui="en")
    assert "operative paragraph 54. follows paragraph 51.: the numbering has a gap" in english


# -- errors raised deep in the library, said in the interface language --------------------------

def _bad_inputs(folder: Path) -> dict[str, list[str]]:
    """A command line for each kind of bad input: each fails with one ``ResdiffError``."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "encoding.txt").write_bytes("决议".encode() + b"\xff\xfe\xfd\x80" * 50)
    (folder / "letter.txt").write_text("各位同事：\n我们星期一开会讨论本届会议的议程。\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n%%EOF\n")
    (folder / "large.txt").write_text("决议。\n" * 400_000, encoding="utf-8")  # 1.6 million characters
    parse = ["parse"]
    return {
        "empty": [*parse, str(folder / "empty.txt")],
        "binary": [*parse, str(folder / "binary.txt")],
        "encoding": [*parse, str(folder / "encoding.txt")],
        "not a resolution": [*parse, str(folder / "letter.txt")],
        "broken PDF": [*parse, str(folder / "broken.pdf")],
        "too large": [*parse, str(folder / "large.txt")],
        "unreachable": ["fetch", "E/RES/2012/5", "--lang", "zh", "--base-url", "http://127.0.0.1:9",
                        "--into", str(folder)],
    }


#: What each English error says (its gist), and the same in Chinese.
GIST = {"empty": ("is empty", "空文件"), "binary": ("is a binary file", "二进制文件"),
        "encoding": ("unknown encoding", "编码无法识别"), "not a resolution": ("no operative paragraphs", "没有执行段落"),
        "broken PDF": ("cannot be read as a PDF", "无法作为PDF读取"), "too large": ("characters; resdiff reads", "个字符"),
        "unreachable": ("could not reach 127.0.0.1:9", "无法连接127.0.0.1:9")}


def test_every_kind_of_bad_input_is_one_line_in_the_interface_language(tmp_path: Path) -> None:
    """Errors raised in the readers, the limits, the parser and fetch (issue 12, third round): one
    line, in Chinese under ``--ui zh`` and in English by default, exit code 2, no traceback."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), LANG="C.UTF-8", LC_ALL="", LANGUAGE="",
               RESDIFF_CACHE_DIR=str(tmp_path / "cache"))
    for kind, argv in _bad_inputs(tmp_path).items():
        english, chinese = GIST[kind]
        for ui, prefix, gist in (("en", "resdiff: error: ", english), ("zh", "resdiff：错误：", chinese)):
            run = subprocess.run([sys.executable, "-m", "resdiff", *argv, *(["--ui", "zh"] if ui == "zh" else [])],
                                 capture_output=True, text=True, env=env, timeout=60)
            errors = [line for line in run.stderr.splitlines() if line.startswith(prefix)]
            assert run.returncode == 2 and "Traceback" not in run.stderr, (kind, ui, run.stderr)
            assert len(errors) == 1 and gist in errors[0], (kind, ui, run.stderr)
            if ui == "zh":
                assert "trying again" not in run.stderr, run.stderr  # fetch's retries are said in Chinese too
                said = errors[0].removeprefix(prefix)
                for path in sorted(argv, key=len, reverse=True):
                    said = said.replace(path, " ")
                assert english_left(said, ["UTF-8", "UTF-16", "BOM", "GB18030/GBK", "PDF", "Word", "resdiff", "E/RES/2012/5"]) \
                    == [] or kind in ("broken PDF", "unreachable"), (kind, said)


def test_an_error_is_english_as_a_string_and_translated_when_said() -> None:
    from resdiff.errors import InputError, Message

    error = InputError("{name} is empty", name="a.txt")
    assert str(error) == "a.txt is empty" and error.args == ("a.txt is empty",)
    zh = translations("zh").gettext
    assert error.translated(zh) == "a.txt是空文件"
    wrapped = InputError(Message("{file}: {error}", file="folder", error=error))
    assert str(wrapped) == "folder: a.txt is empty" and wrapped.translated(zh) == "folder：a.txt是空文件"
    import pickle

    assert pickle.loads(pickle.dumps(wrapped)).translated(zh) == "folder：a.txt是空文件"


def test_the_files_a_series_skips_are_said_in_chinese_with_their_reasons(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from resdiff.cli import main

    folder = tmp_path / "series"
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    shutil.copy(DRAFT, folder / "E-RES-2014-illustrative.txt")
    (folder / "E-RES-2015-empty.txt").write_bytes(b"")
    os.mkfifo(folder / "pipe.txt")
    assert main(["lineage", str(folder), "OP8", "--ui", "zh"]) == 0
    err = capsys.readouterr().err
    assert "E-RES-2015-empty.txt是空文件" in err and "已跳过 pipe.txt：不是普通文件" in err
    data = ["resdiff", "OP8", "E-RES-2015-empty.txt", "pipe.txt", "E/RES/2012/5", "E/RES/2013/9"]
    assert english_left(err.replace(str(folder), " "), data) == [], err
    assert main(["lineage", str(folder), "OP8", "--ui", "en"]) == 0
    err = capsys.readouterr().err
    assert "skipped pipe.txt: not a regular file" in err and "is empty" in err


@pytest.mark.parametrize(("name", "data"), [("broken.pdf", b"%PDF-1.4\n garbage \x00\x01"),
                                            ("broken.docx", b"PK\x03\x04garbage")])
def test_a_damaged_file_is_named_in_chinese(tmp_path: Path, name: str, data: bytes) -> None:
    """User test: ``…broken.pdf：the PDF已损坏`` — the reader named the bytes it was given in
    English (``the PDF``, ``the Word file``) and the Chinese error kept the English words."""
    path = tmp_path / name
    path.write_bytes(data)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), RESDIFF_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(path), "--ui", "zh"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 2
    said = run.stderr.strip()
    assert said.startswith(f"resdiff：错误：{path}：该") and "the " not in said, said


@pytest.mark.parametrize("ui", ["en", "zh"])
def test_a_dash_for_standard_input_is_told_that_resdiff_reads_files(ui: str, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from resdiff.cli import main

    monkeypatch.chdir(tmp_path)  # no file named "-" here
    new = tmp_path / "new.txt"
    new.write_text("经济及社会理事会，\n1. 请秘书长提交报告。\n", encoding="utf-8")
    assert main(["diff", "--ui", ui, "-", str(new)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert ("standard input" in err) if ui == "en" else ("标准输入" in err and "standard" not in err)
