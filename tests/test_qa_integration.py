"""Regressions found by the QA pass over the integrated main (issues 9, 11–15 merged together)."""

from __future__ import annotations

import ast
import dataclasses
import re
import sys

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Modules the tests import that come with another test dependency (jsonschema brings referencing,
#: reportlab brings Pillow) or with the test runner itself.
_COMES_WITH = {"referencing": "jsonschema", "PIL": "reportlab", "_pytest": "pytest"}
#: Import name → distribution name, where the two differ.
_DISTRIBUTION = {"docx": "python-docx", "markdown_it": "markdown-it-py", "diff_match_patch": "diff-match-patch"}
#: Modules of a Debian package, imported by a script the system's Python runs
#: (tests/libreoffice_review.py): .ci/setup installs them from .ci/apt-packages.txt.
_DEBIAN = {"uno": "python3-uno", "com": "python3-uno"}


def _third_party_imports() -> set[str]:
    # The tests' own helpers, and the bench scripts some tests put on the path (bench/revisions.py).
    local = ({p.stem for p in (ROOT / "tests").rglob("*.py")} | {p.name for p in (ROOT / "tests").rglob("*") if p.is_dir()}
             | {p.stem for p in (ROOT / "bench").glob("*.py")})
    found: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in local and top not in {"resdiff", "tests"}:
                    found.add(top)
    return found


def test_qa_every_module_the_tests_import_is_installed_by_the_test_extra() -> None:
    """`bash .ci/setup` installs `.[test]` only: test_i18n imported Babel, which was in `dev` alone."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~; \[]", spec, maxsplit=1)[0].lower()
                for spec in project["dependencies"] + project["optional-dependencies"]["test"]}
    apt = set((ROOT / ".ci" / "apt-packages.txt").read_text(encoding="utf-8").split())
    for module in sorted(_third_party_imports()):
        if module in _DEBIAN:
            assert _DEBIAN[module] in apt, f"{module} is imported by the tests: {_DEBIAN[module]} not in .ci/apt-packages.txt"
            continue
        module = _COMES_WITH.get(module, module)
        assert _DISTRIBUTION.get(module, module).lower() in declared, f"{module} is imported by the tests but not in .[test]"


def test_qa_a_chinese_text_read_as_english_is_warned_about() -> None:
    """`--lang zh` on an English text warned `not-chinese`; `--lang en` on a Chinese text said nothing."""
    import resdiff
    from tests.conftest import CORPUS

    text = CORPUS.read_text(encoding="utf-8")
    forced = resdiff.parse(text, language="en")
    assert [w.code for w in forced.warnings][:1] == ["not-english"]
    assert "not-english" not in {w.code for w in resdiff.parse(text).warnings}
    english = (ROOT / "examples" / "bilingual" / "old-en.txt").read_text(encoding="utf-8")
    assert "not-english" not in {w.code for w in resdiff.parse(english, language="en").warnings}


def test_qa_strict_refuses_a_chinese_text_read_as_english(tmp_path) -> None:
    import subprocess

    from tests.conftest import CORPUS

    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(CORPUS), "--lang", "en", "--strict"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert "[not-english]" in run.stderr and "--strict" in run.stderr.splitlines()[-1] and "Traceback" not in run.stderr


def test_qa_the_redline_cover_speaks_one_interface_language() -> None:
    """The Word redline's cover kept the pre-i18n labels "Old text · 旧文本" in both interfaces."""
    import io

    import docx

    import resdiff
    from resdiff.render.docx import render_docx
    from tests.conftest import CORPUS
    from tests.html_fixtures import DRAFT

    comparison = resdiff.compare(CORPUS, DRAFT)

    def labels(ui: str) -> list[str]:
        table = docx.Document(io.BytesIO(render_docx(comparison, ui=ui))).tables[0]
        return [row.cells[0].text for row in table.rows]

    zh, en = labels("zh"), labels("en")
    assert zh[:2] == ["旧文本", "新文本"] and en[:2] == ["Old text", "New text"]
    assert not any(re.search(r"[A-Za-z]", label) for label in zh), zh
    assert not any(re.search(r"[\u4e00-\u9fff]", label) for label in en), en


def test_qa_a_folder_given_as_a_text_is_named_as_a_folder(tmp_path) -> None:
    """`resdiff parse FOLDER` said "error: 3: Is a directory" (os.fdopen's own error, naming the fd)."""
    import subprocess

    import pytest

    import resdiff

    folder = tmp_path / "drafts"
    folder.mkdir()
    with pytest.raises(resdiff.ResdiffError, match=r"drafts is a folder, not a file"):
        resdiff.load(folder)
    run = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(folder)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == f"resdiff: error: {folder} is a folder, not a file\n"


def test_qa_fetch_refuses_a_word_that_is_not_a_symbol_before_the_network() -> None:
    """`resdiff fetch garbage` tried the service four times before failing on the connection."""
    import pytest

    from resdiff.errors import InputError
    from resdiff.fetch import fetch

    for word in ("garbage", "E/RES/", "E//RES/2012/5", "/E/RES/2012/5"):
        with pytest.raises(InputError, match="is not a document symbol"):
            fetch(word, base_url="http://127.0.0.1:9")  # refused before a connection is tried
    from resdiff.fetch import RE_SYMBOL

    for symbol in ("E/RES/2012/5", "A/RES/67/195", "A/C.2/59/3", "A/67/65/Corr.1", "S/RES/2334(2016)"):
        assert RE_SYMBOL.match(symbol), symbol


def test_qa_parser_warnings_escape_control_characters_as_everything_else_does(capsys) -> None:
    """The CLI had two terminal-escape helpers: parser warnings went through one that turned every
    non-printable character into "?" — an ideographic space, a no-break space, and ESC alike —
    while every other message shows control characters as ``\\x1b`` (README, render.ansi.safe)."""
    import resdiff
    from resdiff.cli import _warn
    from resdiff.model import ParseWarning

    resolution = resdiff.parse((ROOT / "examples" / "bilingual" / "old-zh.txt").read_text(encoding="utf-8"))
    quoted = "“\x1b]0;owned\x07以\u3000《宪章》…”"
    resolution = dataclasses.replace(resolution, warnings=(ParseWarning("PP1", "no-lead", quoted),))
    assert _warn(resolution, "draft.txt", strict=True)
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07以\u3000《宪章》" in err


def test_qa_language_error_is_raised_for_texts_in_the_wrong_language() -> None:
    """resdiff.LanguageError was exported but raised nowhere once English texts were read (issue 12)."""
    import pytest

    import resdiff
    from tests.conftest import CORPUS

    bilingual = ROOT / "examples" / "bilingual"
    with pytest.raises(resdiff.LanguageError, match="compare texts of one language"):
        resdiff.compare(bilingual / "old-en.txt", bilingual / "old-zh.txt")
    with pytest.raises(resdiff.LanguageError, match="the language of the comparison itself"):
        resdiff.compare(bilingual / "old-en.txt", bilingual / "draft-en.txt", old_other=bilingual / "old-en.txt")
    with pytest.raises(resdiff.LanguageError, match="in one language"):
        resdiff.compare(CORPUS, CORPUS, old_other=bilingual / "old-en.txt", new_other=bilingual / "old-zh.txt")


def test_qa_every_public_name_is_in_the_readme() -> None:
    """`resdiff.__all__` grew by seven branches; each name it exports is introduced in the README."""
    import resdiff

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in resdiff.__all__ if name != "__version__" and not re.search(rf"\b{name}\b", readme)]
    assert missing == []
    for name in resdiff.__all__:
        assert getattr(resdiff, name) is not None  # lazy names load too


def test_qa_the_not_english_warning_is_said_in_chinese_under_ui_zh() -> None:
    import resdiff
    from resdiff.render.warnings import warning_message
    from tests.conftest import CORPUS

    warning = resdiff.parse(CORPUS.read_text(encoding="utf-8"), language="en").warnings[0]
    assert warning.code == "not-english"
    assert warning_message(warning, "zh") == "文本大部分不是英文：可能不是决议的英文本"


def test_qa_brief_takes_strict_as_parse_and_diff_do(tmp_path) -> None:
    """`resdiff brief --strict` was refused by argparse: brief read the same texts without the option."""
    import subprocess

    from tests.conftest import CORPUS

    def brief(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "resdiff", "brief", str(CORPUS), str(CORPUS), *extra],
                              capture_output=True, text=True, cwd=tmp_path)

    assert brief("--strict").returncode == 0  # the official text parses without a warning
    refused = brief("--strict", "--lang", "en")
    assert refused.returncode == 2 and refused.stdout == "" and "[not-english]" in refused.stderr
    assert brief("--lang", "en").returncode == 0  # without --strict the warnings are only said
