"""The one rule for footnote texts typed at the end of a document (``normalize.trailing_notes``)."""

from __future__ import annotations

import pytest

from resdiff.normalize import trailing_notes, typed_note


@pytest.mark.parametrize(("line", "expected"), [
    ("1 见A/C.2/59/3。", (1, "见A/C.2/59/3。")),
    ("1见A/C.2/59/3。", (1, "见A/C.2/59/3。")),
    ("[2] A/68/65-E/2013/11。", (2, "A/68/65-E/2013/11。")),
    ("（3）见A/60/687。", (3, "见A/60/687。")),
    ("1. 注意到报告；", None),
    ("2013年7月25日", None),
    ("12月3日第45次全体会议", None),
])
def test_a_typed_footnote_is_read_with_its_number(line: str, expected: tuple[int, str] | None) -> None:
    assert typed_note(line) == expected


def _cut(lines: list[str]) -> int:
    return trailing_notes(lines, [typed_note(line) for line in lines])


def test_only_the_block_after_the_last_other_line_and_only_cited_numbers() -> None:
    body = ["经济及社会理事会，", "回顾成果文件，[^1]", "1. 请秘书长提交报告。[^2]"]
    assert _cut([*body, "", "1 见A/60/687。", "", "2 见A/68/65。"]) == len(body)  # blank lines inside
    # A number nothing refers to: the block is text.
    assert _cut([*body, "1 见A/60/687。", "3 见A/68/65。"]) == len(body) + 2
    # A line that is no footnote after the block ends it: no block.
    assert _cut([*body, "1 见A/60/687。", "2013年7月25日"]) == len(body) + 2
    # A text that defines its footnotes the clean way has no typed ones.
    assert _cut(["[^1]: 见A/60/687。", *body, "2 见A/68/65。"]) == len(body) + 2
    assert _cut([]) == 0
