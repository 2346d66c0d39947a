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
from resdiff.i18n import default_ui, translations
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
        str(ROOT), method_map=method_map, keywords={"_": None, "N_": None, "t": None, "ta": None})
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
                                                              tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    comparison: Comparison = request.getfixturevalue(case)
    path = tmp_path / "report.html"
    path.write_text(render_html(comparison, ui="zh"), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
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
        browser.close()
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
    data.update(str(w) for w in series.warnings)
    data.update(x for g in series.gaps for x in (g.symbol, g.named_by) if x)  # the gaps' sentences are labels
    assert series.gaps
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
