"""Hand-built Comparisons for the HTML report tests, independent of the comparison engine.

ILLUSTRATIVE texts: the old side is shortened from paragraphs of E/RES/2013/9, the new side is
an invented revision. Between them they hold every change type, a move, a routine update,
terminology switches, lead shifts of each kind, footnotes, a split and a merge.
"""

from __future__ import annotations

from resdiff.model import Change, Comparison, DiffOp, LeadShift, Resolution, TermSwitch, Unit
from tests.conftest import ROOT

#: The ILLUSTRATIVE next-year draft of the examples, to compare with the corpus text.
DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"


def diff(*steps: str) -> tuple[DiffOp, ...]:
    """A word diff from short strings: ``"=text"`` equal, ``"-text"`` delete, ``"+text"`` insert."""
    names = {"=": "equal", "-": "delete", "+": "insert"}
    return tuple(DiffOp(names[step[0]], step[1:]) for step in steps)  # type: ignore[arg-type]


def pp(n: int, lead: str | None, text: str, *footnotes: int) -> Unit:
    return Unit(f"PP{n}", "preambular", None, lead, text, footnotes)


def op(number: str, lead: str | None, text: str, *footnotes: int) -> Unit:
    return Unit(f"OP{number}", "operative", number, lead, text, footnotes)


def heading(n: int, text: str) -> Unit:
    return Unit(f"H{n}", "heading", None, None, text)


OLD = Resolution(
    symbol="E/RES/2013/9",
    body="经济及社会理事会",
    adopted="2013-07-22",
    meeting="第41次全体会议",
    title="信息社会世界首脑会议成果文件执行和后续行动方面进展情况评估",
    predecessor="E/RES/2012/5",
    footnotes={1: "见A/C.2/59/3和A/60/687。", 2: "A/68/65-E/2013/11。"},
    units=(
        pp(1, "回顾", "回顾信息社会世界首脑会议的成果文件，", 1),
        pp(
            2,
            "还回顾",
            "还回顾其关于世界首脑会议成果文件执行和后续行动方面进展情况评估的2012年7月24日第2012/5号决议，",
        ),
        pp(
            3,
            "满意地注意到",
            "满意地注意到秘书长关于世界首脑会议成果在区域和国际两级落实方面取得的进展的报告，",
            2,
        ),
        heading(1, "因特网治理"),
        op("1", "重申", "重申秘书长应通过两个不同的进程，推动实现世界首脑会议与因特网治理有关的成果；"),
        op(
            "2",
            "吁请",
            "吁请所有国家在建设信息社会方面采取步骤，避免采取任何不符合国际法和《联合国宪章》的单方面措施；",
        ),
        op("3", "促请", "促请所有利益攸关方优先考虑拟订创新办法，促进为发展中国家提供宽带基础设施；"),
        op("4", "注意到", "注意到由阿塞拜疆政府于2012年11月6日至9日在巴库主办的因特网治理论坛第七次会议；"),
        op(
            "5",
            "又确认",
            "又确认因特网用户人数日益增多，数字鸿沟的性质也正在发生变化；并认识到需要通过创新方法把使用信息和通信技术置于优先地位；",
        ),
        op("6", "请", "请秘书长每年向委员会提交报告；"),
        op("7", "又请", "又请委员会在其第十八届会议后提交十周年进度审查报告；"),
        op("8", "欢迎", "欢迎埃及政府提出于2014年4月在沙姆沙伊赫主办信息社会世界首脑会议+10高级别活动；"),
        op("9", "吁请", "吁请联合国各组织定期审查制订信息和通信技术指标的方法，并因此："),
        op("9(a)", "赞赏地注意到", "赞赏地注意到衡量信息和通信技术促进发展伙伴关系的工作；"),
        op("9(b)", "鼓励", "鼓励会员国在国家一级收集信息和通信技术的有关数据；"),
        op("9(c)", "吁请", "吁请国际发展伙伴提供财政支持，以进一步促进发展中国家的能力建设；"),
    ),
)

NEW = Resolution(
    symbol="E/RES/2014/X",
    body="经济及社会理事会",
    adopted="2014-07-15",
    meeting="第40次全体会议",
    title="信息社会世界首脑会议成果文件执行和后续行动方面进展情况评估（示意性草案，非正式文本）",
    predecessor="E/RES/2013/9",
    footnotes={1: "见A/C.2/59/3和A/60/687。", 2: "A/69/65-E/2014/12。"},
    units=(
        pp(1, "回顾", "回顾信息社会世界首脑会议的成果文件，", 1),
        pp(
            2,
            "还回顾",
            "还回顾其关于世界首脑会议成果文件执行和后续行动方面进展情况评估的2013年7月22日第2013/9号决议，",
        ),
        pp(3, "欢迎", "欢迎秘书长关于世界首脑会议成果在区域和国际两级落实方面取得的进展的报告，", 2),
        pp(4, "欢迎", "欢迎大会关于全面审查信息社会世界首脑会议成果落实情况的第68/302号决议，"),
        heading(1, "互联网治理"),
        op("1", "重申", "重申秘书长应通过两个不同的进程，推动实现世界首脑会议与互联网治理有关的成果；"),
        op(
            "2",
            "促请",
            "促请所有国家在建设信息社会方面采取步骤，避免采取任何不符合国际法和《联合国宪章》的单方面措施；",
        ),
        op(
            "3",
            "鼓励",
            "鼓励所有利益攸关方优先考虑拟订创新办法，促进为发展中国家提供负担得起的宽带基础设施；",
        ),
        op("4", "吁请", "吁请所有利益攸关方支持发展中国家参与互联网治理论坛；"),
        op("5", "又确认", "又确认互联网用户人数日益增多，数字鸿沟的性质也正在发生变化；"),
        op("6", "认识到", "认识到需要通过创新方法把使用信息和通信技术置于优先地位；"),
        op("7", "请", "请秘书长每年向委员会提交报告，并请委员会在其第十九届会议后提交十周年进度审查报告；"),
        op("8", "吁请", "吁请联合国各组织定期审查制订信息和通信技术指标的方法，并因此："),
        op("8(a)", "鼓励", "鼓励会员国在国家一级收集信息和通信技术的有关数据；"),
        op("8(b)", "吁请", "吁请国际发展伙伴提供财政支持，以进一步促进发展中国家的能力建设和技术援助；"),
        op("9", "欢迎", "欢迎埃及政府提出于2014年4月在沙姆沙伊赫主办信息社会世界首脑会议+10高级别活动；"),
    ),
)

CHANGES = (
    Change("unchanged", ("PP1",), ("PP1",), similarity=1.0, lead=LeadShift("回顾", "回顾", "same")),
    Change(
        "reworded",
        ("PP2",),
        ("PP2",),
        routine=True,
        similarity=0.93,
        lead=LeadShift("还回顾", "还回顾", "same"),
        diff=diff(
            "=还回顾其关于世界首脑会议成果文件执行和后续行动方面进展情况评估的",
            "-2012",
            "+2013",
            "=年7月",
            "-24",
            "+22",
            "=日第",
            "-2012/5",
            "+2013/9",
            "=号决议，",
        ),
    ),
    Change(
        "reworded",
        ("PP3",),
        ("PP3",),
        similarity=0.9,
        lead=LeadShift("满意地注意到", "欢迎", "different"),
        diff=diff("-满意地注意到", "+欢迎", "=秘书长关于世界首脑会议成果在区域和国际两级落实方面取得的进展的报告，"),
    ),
    Change("added", (), ("PP4",)),
    Change(
        "reworded",
        ("H1",),
        ("H1",),
        similarity=0.6,
        terminology=True,
        diff=diff("-因特网", "+互联网", "=治理"),
    ),
    Change(
        "reworded",
        ("OP1",),
        ("OP1",),
        similarity=0.95,
        terminology=True,
        lead=LeadShift("重申", "重申", "same"),
        diff=diff(
            "=重申秘书长应通过两个不同的进程，推动实现世界首脑会议与",
            "-因特网",
            "+互联网",
            "=治理有关的成果；",
        ),
    ),
    Change(
        "reworded",
        ("OP2",),
        ("OP2",),
        similarity=0.96,
        lead=LeadShift("吁请", "促请", "stronger"),
        diff=diff(
            "-吁请",
            "+促请",
            "=所有国家在建设信息社会方面采取步骤，避免采取任何不符合国际法和《联合国宪章》的单方面措施；",
        ),
    ),
    Change(
        "reworded",
        ("OP3",),
        ("OP3",),
        similarity=0.88,
        lead=LeadShift("促请", "鼓励", "weaker"),
        diff=diff(
            "-促请",
            "+鼓励",
            "=所有利益攸关方优先考虑拟订创新办法，促进为发展中国家提供",
            "+负担得起的",
            "=宽带基础设施；",
        ),
    ),
    Change("dropped", ("OP4",), ()),
    Change("added", (), ("OP4",)),
    Change(
        "split",
        ("OP5",),
        ("OP5", "OP6"),
        similarity=0.94,
        lead=LeadShift("又确认", "又确认", "same"),
        diff=diff(
            "=又确认",
            "-因特网",
            "+互联网",
            "=用户人数日益增多，数字鸿沟的性质也正在发生变化；",
            "-并",
            "=认识到需要通过创新方法把使用信息和通信技术置于优先地位；",
        ),
    ),
    Change(
        "merged",
        ("OP6", "OP7"),
        ("OP7",),
        similarity=0.9,
        lead=LeadShift("请", "请", "same"),
        diff=diff(
            "=请秘书长每年向委员会提交报告",
            "-；又请",
            "+，并请",
            "=委员会在其第",
            "-十八",
            "+十九",
            "=届会议后提交十周年进度审查报告；",
        ),
    ),
    Change("unchanged", ("OP9",), ("OP8",), similarity=1.0, lead=LeadShift("吁请", "吁请", "same")),
    Change("dropped", ("OP9(a)",), ()),
    Change("unchanged", ("OP9(b)",), ("OP8(a)",), similarity=1.0, lead=LeadShift("鼓励", "鼓励", "same")),
    Change(
        "reworded",
        ("OP9(c)",),
        ("OP8(b)",),
        similarity=0.92,
        lead=LeadShift("吁请", "吁请", "same"),
        diff=diff("=吁请国际发展伙伴提供财政支持，以进一步促进发展中国家的能力建设", "+和技术援助", "=；"),
    ),
    Change("unchanged", ("OP8",), ("OP9",), moved=True, similarity=1.0, lead=LeadShift("欢迎", "欢迎", "same")),
)

COMPARISON = Comparison(OLD, NEW, CHANGES, terms=(TermSwitch("因特网", "互联网", 3),))
"""Every feature of the report in 17 rows."""


def hostile_comparison() -> Comparison:
    """Texts that must be escaped: markup in a paragraph, a footnote, a title and a symbol."""
    old = Resolution(
        symbol='E/RES/2013/9"><script>alert(1)</script>',
        title="<b>标题</b>",
        footnotes={1: "<img src=x onerror=alert(2)>"},
        units=(op("1", "吁请", "吁请各国<script>alert('x')</script>& 采取步骤；", 1),),
    )
    new = Resolution(
        symbol="E/RES/2014/X",
        units=(op("1", "促请", "促请各国<script>alert('y')</script>& 采取步骤；", 1),),
        footnotes={1: "<img src=x onerror=alert(2)>"},
    )
    change = Change(
        "reworded",
        ("OP1",),
        ("OP1",),
        similarity=0.9,
        lead=LeadShift("吁请", "促请", "stronger"),
        diff=diff("-吁请", "+促请", "=各国<script>alert(", "-'x'", "+'y'", "=)</script>& 采取步骤；"),
    )
    return Comparison(old, new, (change,))
