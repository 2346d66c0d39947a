"""Hypothesis strategies: resolutions that follow the printed conventions."""

from __future__ import annotations

from hypothesis import strategies as st

from resdiff.lexicon import leads
from resdiff.model import Resolution, Unit

# Words that carry no lead, no number and no 其 (which would make a preamble recall a resolution).
_WORDS = ["信息社会", "发展", "国际合作", "能力建设", "数字鸿沟", "区域委员会", "秘书长", "报告", "成果",
          "执行情况", "宽带", "会员国", "技术转让", "电子政务", "农村地区", "青年", "妇女", "创新", "投资"]
_CONNECT = ["的", "和", "以及", "在", "方面", "，", "、"]
_PP_LEADS = [z for z, lead in leads().items() if lead.part in ("preambular", "both")]
_OP_LEADS = [z for z, lead in leads().items() if lead.part in ("operative", "both")]


@st.composite
def _body(draw: st.DrawFn, min_words: int = 2) -> str:
    n = draw(st.integers(min_words, 8))
    parts = [draw(st.sampled_from(_WORDS))]
    for _ in range(n - 1):
        parts.append(draw(st.sampled_from(_CONNECT)) + draw(st.sampled_from(_WORDS)))
    return "".join(parts)


def _lead(draw: st.DrawFn, pool: list[str]) -> str:
    adverb = draw(st.sampled_from(["", "", "又", "还"]))
    return adverb + draw(st.sampled_from(pool))


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    units: list[Unit] = []
    footnotes: dict[int, str] = {}
    next_note = 1

    def notes() -> tuple[int, ...]:
        nonlocal next_note
        if not draw(st.booleans()) or next_note > 9:
            return ()
        n = next_note
        footnotes[n] = draw(st.sampled_from(["见A/60/687。", "大会第55/2号决议。", "E/CN.16/2013/3。"]))
        next_note += 1
        return (n,)

    for i in range(draw(st.integers(0, 5))):
        lead = _lead(draw, _PP_LEADS)
        units.append(Unit(f"PP{i + 1}", "preambular", None, lead, lead + draw(_body()) + "，", notes()))
    headings = 0
    n_ops = draw(st.integers(1, 8))
    for op in range(1, n_ops + 1):
        if draw(st.integers(0, 4)) == 0:
            headings += 1
            units.append(Unit(f"H{headings}", "heading", None, None, draw(_body(1))[:12].rstrip("，、"), notes()))
        lead = _lead(draw, _OP_LEADS)
        subs = draw(st.integers(0, 3)) if op < n_ops else 0
        end = "：" if subs else ("。" if op == n_ops else "；")
        units.append(Unit(f"OP{op}", "operative", str(op), lead, lead + draw(_body()) + end, notes()))
        for k in range(subs):
            letter = "abcdefgh"[k]
            sub_lead = _lead(draw, _OP_LEADS)
            units.append(Unit(f"OP{op}({letter})", "operative", f"{op}({letter})", sub_lead,
                              sub_lead + draw(_body()) + "；", notes()))
    year = draw(st.integers(2006, 2030))
    return Resolution(
        units=tuple(units),
        symbol=f"E/RES/{year}/{draw(st.integers(1, 60))}",
        body="经济及社会理事会",
        adopted=f"{year}-07-{draw(st.integers(10, 28))}",
        meeting=f"第{draw(st.integers(1, 60))}次全体会议",
        title="信息社会世界首脑会议成果文件执行和后续行动方面进展情况评估",
        footnotes=footnotes,
    )
