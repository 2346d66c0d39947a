"""Write the evaluation cases: ``python tests/evalset/make_cases.py [--check]``.

Every new text here is an ILLUSTRATIVE revision of E/RES/2013/9 written for this evaluation
set (示意性修订，非正式文本): it imitates the kind of changes a yearly resolution gets, and is
not the text of any other year's official resolution. The old text of most cases is the corpus
text of E/RES/2013/9 (``corpora/ecosoc-wsis/zh/E-RES-2013-9.txt``) in the clean format; case
15 starts from the new text of case 14.

Each case folder gets ``old.txt``, ``new.txt`` (clean format), ``expected.json`` (the change
list the edits imply; see ``revise.py``) and ``case.json``. ``--check`` writes nothing and fails
if a folder differs from what the edits give (after a hand edit of ``expected.json``, say).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import resdiff
from resdiff.model import Resolution

sys.path.insert(0, str(Path(__file__).resolve().parent))
from revise import Cases, Maker, Revision, changes_json, write_case

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
LABEL = "示意性修订，非正式文本 (illustrative revision, not an official text)"

#: Metadata of the illustrative "next year" text (the symbol's number is made up).
NEXT_YEAR = {"symbol": "E/RES/2014/9", "adopted": "2014-07-18", "meeting": "第45次全体会议"}


def _body(text: str) -> str:
    """A paragraph's text without its final punctuation mark."""
    return text[:-1] if text[-1] in "；。，：" else text


def split_op9(r: Revision) -> None:
    """OP9 of 2013/9 split at its full stop; the second half gets the lead 注意到."""
    first, second = r.old["OP9"].text.split("。", 1)
    r.split("OP9", [first + "；", "注意到" + second], note="split at the full stop")


def split_op24(r: Revision) -> None:
    """OP24 of 2013/9 split where its second process starts; the second half gets 还确认."""
    op24 = r.old["OP24"].text
    cut = op24.index("相关组织应启动")
    r.split("OP24", [op24[:cut], "还确认" + op24[cut:]], note="split in two")


#: OP27 (the working group's first meeting) rewritten a year later.
OP27_REWRITTEN = ("注意到加强合作工作组在2013年和2014年举行的各次会议，包括所有利益攸关方对问卷的答复，"
                  "并期待工作组向委员会第十七届会议提交载有建议的报告；")

#: A new paragraph that mentions 世界首脑会议 and is unrelated to any old one.
SUMMIT_PARAGRAPH = "鼓励联合国系统各实体在其2015年以后的工作方案中继续纳入世界首脑会议各项行动方针的执行情况；"


CASES = Cases()
case = CASES.case


def date_bumps(r: Revision) -> Revision:
    """The yearly updates of 2013 → 2014: dates, symbols, ordinals, 又/还; all routine."""
    r.set_meta(**NEXT_YEAR)
    r.sub("PP3", "2012年7月24日第2012/5号", "2013年7月22日第2013/9号", routine=True,
          note="predecessor E/RES/2012/5 → E/RES/2013/9")
    r.sub("PP4", "2012年12月21日第67/195号", "2013年12月20日第68/198号", routine=True,
          note="General Assembly resolution number and date")
    r.sub("OP7", "2013年5月13日至17日", "2014年6月10日至13日", "2013年论坛", "2014年论坛", routine=True,
          note="WSIS Forum dates")
    r.sub("OP13", "还确认", "又确认", routine=True, note="还 → 又 only")
    r.sub("OP16", "2012年宽带现状", "2013年宽带现状", routine=True, note="year of the report")
    r.sub("OP25", "2014年第十七届会议", "2015年第十八届会议", routine=True, note="session 17 → 18")
    r.sub("OP38(c)", "2012年9月25日至27日", "2013年11月4日至6日", "第十届", "第十一届", routine=True,
          note="meeting dates and ordinal")
    r.sub("OP42", "又回顾", "还回顾", "第11段", "第12段", "2013年年底", "2014年年底", routine=True,
          note="又 → 还, paragraph number, year")
    r.sub("OP47", "2014年第十七届", "2015年第十八届", routine=True, note="session 17 → 18")
    r.sub("OP48", "第十八届", "第十九届", routine=True, note="session 18 → 19")
    r.footnotes[3] = "E/CN.16/2014/3。"
    r.footnotes[6] = "另见委员会第十七届会议报告摘要(《经济及社会理事会正式记录, 2014年,补编第11号》(E/2014/31))。"
    return r


@case("01-date-bump", tests=["routine"],
      description="Pure yearly updates: adoption date and symbol, the predecessor 2012/5 → 2013/9, "
                  "a General Assembly resolution number, forum and meeting dates, sessions "
                  "第十七届 → 第十八届, and 又/还 swaps. Every change is a routine rewording.")
def _01(old: Resolution) -> Revision:
    return date_bumps(Revision(old))


@case("02-lead-shifts", tests=["lead_shift"],
      description="Only the leads change: 吁请 → 促请 (stronger), 促请 → 鼓励, 请 → 邀请, "
                  "满意地注意到 → 注意到, 强调 → 重申, 敦促 → 吁请 (weaker), 注意到 → 赞赏地注意到 "
                  "(stronger), 又重申 → 又强调 (stronger), 建议 → 决定 (different), and the unbolded "
                  "lead of a sub-paragraph 鼓励 → 促请 (stronger).")
def _02(old: Resolution) -> Revision:
    r = Revision(old)
    r.sub("PP5", "满意地注意到", "注意到", note="满意地注意到 → 注意到, weaker")
    r.sub("OP8", "吁请", "促请", count=1, note="吁请 → 促请, stronger")
    r.sub("OP22", "又重申", "又强调", note="又重申 → 又强调, stronger")
    r.sub("OP33", "敦促", "吁请", note="敦促 → 吁请, weaker")
    r.sub("OP34", "吁请", "促请", note="吁请 → 促请, stronger")
    r.sub("OP35", "促请", "鼓励", note="促请 → 鼓励, weaker")
    r.sub("OP38(d)", "鼓励", "促请", count=1, note="sub-paragraph lead (not bold) 鼓励 → 促请, stronger")
    r.sub("OP39", "请国际社会", "邀请国际社会", note="请 → 邀请, weaker")
    r.sub("OP43", "建议", "决定", count=1, note="建议 → 决定, leads on no common scale")
    r.sub("OP44", "注意到", "赞赏地注意到", count=1, note="注意到 → 赞赏地注意到, stronger")
    r.sub("OP50", "强调", "重申", count=1, note="强调 → 重申, weaker")
    return r


@case("03-added", tests=["added", "renumbering"],
      description="A preambular paragraph close in wording to its neighbour (又回顾 the next GA "
                  "resolution on ICT for development), two operative paragraphs in the middle and one "
                  "at the end are added; every paragraph after them is renumbered but unchanged, and "
                  "the old last paragraph only trades its final 。 for ；.")
def _03(old: Resolution) -> Revision:
    r = Revision(old)
    r.add("new-PP", "又回顾大会2013年12月20日关于信息和通信技术促进发展的第68/198号决议，",
          kind="preambular", after="PP4", note="added, close to PP4 which stays")
    r.add("new-OP-a", "强调必须在发展中国家，特别是最不发达国家，加强信息和通信技术基础设施建设并"
          "提高网络安全，以建立用户对信息社会的信任和信心；", after="OP10", note="added")
    r.add("new-OP-b", "注意到因特网治理论坛多利益攸关方咨询小组为改进论坛的工作方法所作的努力，"
          "包括建立闭会期间的工作方式；", after="OP32", note="added")
    r.sub("OP52", "全面审查模式。", "全面审查模式；", note="final punctuation only")
    r.add("new-OP-c", "决定在经济及社会理事会2014年实质性会议上继续审议这一问题。", after="OP52",
          note="added at the end")
    return r


@case("04-dropped", tests=["dropped", "renumbering", "sub-paragraph renumbering"],
      description="A preambular paragraph, two operative paragraphs, a sub-paragraph (38(e), so that "
                  "38(f) becomes 36(e)) and the last paragraph are dropped; the new last paragraph "
                  "only changes its final ； to 。 (unchanged).")
def _04(old: Resolution) -> Revision:
    r = Revision(old)
    r.drop("PP7", "OP5", "OP19", "OP38(e)", "OP52")
    r.sub("OP51", "关键贡献者；", "关键贡献者。", note="final punctuation only")
    return r


@case("05-moves", tests=["moved"],
      description="Paragraphs moved: PP4 up to the second place, OP44 (the Commission as focal point) "
                  "up to follow OP1 and lightly reworded, OP40 (the Internet Governance Forum) into the "
                  "IGF section after OP32; everything else keeps its order (renumbered, not moved).")
def _05(old: Resolution) -> Revision:
    r = Revision(old)
    r.move("PP4", after="PP1", note="moved up, text unchanged")
    r.move("OP44", after="OP1")
    r.sub("OP44", "所发挥的作用", "所发挥的重要作用", note="moved up and reworded")
    r.move("OP40", after="OP32", note="moved into the IGF section, text unchanged")
    return r


@case("06-split", tests=["split"],
      description="Three splits: OP9 at its full stop (the second half gets the lead 注意到), OP24 at "
                  "its semicolons into two, OP46 into three paragraphs each with its own lead.")
def _06(old: Resolution) -> Revision:
    r = Revision(old)
    split_op9(r)
    split_op24(r)
    r.split("OP46", [
        "重申在全球范围内共享最佳做法的重要性，同时也承认在实施能促进世界首脑会议目标的项目和举措方面所取得的优异成果；",
        "鼓励所有利益攸关方提出它们的项目以争取世界首脑会议年度项目奖，作为世界首脑会议清点工作进程的一部分；",
        "表示注意到关于世界首脑会议成功事例的报告；",
    ], note="split in three")
    return r


@case("07-merge", tests=["merged"],
      description="Adjacent paragraphs merged: PP5 and PP6 (the two reports), OP12 and OP13 "
                  "(broadband and mobile), OP47 and OP48 (the Commission's two reporting requests).")
def _07(old: Resolution) -> Revision:
    r = Revision(old)
    r.merge(["PP5", "PP6"], _body(old["PP5"].text) + "，以及" + old["PP6"].text[len("注意到"):],
            note="two reports noted in one paragraph")
    r.merge(["OP12", "OP13"], _body(old["OP12"].text) + "，并确认" + old["OP13"].text[len("还确认"):],
            note="merged")
    r.merge(["OP47", "OP48"],
            "请委员会从主持人和利益攸关方那里收集意见，在其2014年第十七届会议期间就落实世界首脑会议成果方面的"
            "进展情况组织一次实质性讨论，并在其第十八届会议后通过经社理事会向大会提交关于世界首脑会议成果落实"
            "情况的十周年进度审查报告，因为大会将于2015年全面审查世界首脑会议成果的落实情况；",
            note="merged")
    return r


@case("08-merge-nonadjacent", tests=["merged", "dropped"],
      description="Merges of two paragraphs that were not adjacent because the one between them was "
                  "dropped: OP28 + OP30 with OP29 dropped, OP44 + OP46 with OP45 dropped.")
def _08(old: Resolution) -> Revision:
    r = Revision(old)
    r.drop("OP29", "OP45")
    r.merge(["OP28", "OP30"], _body(old["OP28"].text) + "，并" + old["OP30"].text,
            note="merged across the dropped OP29")
    r.merge(["OP44", "OP46"], _body(old["OP44"].text) + "，并" + old["OP46"].text,
            note="merged across the dropped OP45")
    return r


@case("09-subparagraphs", tests=["sub-paragraph renumbering", "added", "dropped"],
      description="OP38 becomes OP39 because a paragraph is added before it; its (a) is dropped, so "
                  "(b)–(e) become (a)–(d): (b) is reworded, the others unchanged; a new (e) is added "
                  "and the old (f) stays (f) under the new number.")
def _09(old: Resolution) -> Revision:
    r = Revision(old)
    r.add("new-OP", "促请各国政府和其他利益攸关方在国家电子战略中纳入信息和通信技术促进发展的性别平等视角；",
          after="OP37", note="added")
    r.drop("OP38(a)")
    r.sub("OP38(b)", "作出答复", "尽早作出答复", note="reworded, now (a)")
    r.add("new-sub", "请联合国统计委员会继续审议信息和通信技术统计的方法问题；", after="OP38(e)",
          kind="operative", sub=True, note="added sub-paragraph")
    return r


TERM_UNITS = ("PP6", "OP15", "OP17", "H2", "OP21", "OP23", "H4", "OP28", "OP29", "OP30", "OP31", "OP32", "OP40")


@case("10-terminology", tests=["terminology", "headings"],
      description="A terminology switch 因特网 → 互联网 throughout: eleven paragraphs and the two short "
                  "headings 因特网治理 → 互联网治理 and 因特网治理论坛 → 互联网治理论坛.")
def _10(old: Resolution) -> Revision:
    r = Revision(old)
    for uid in TERM_UNITS:
        r.sub(uid, "因特网", "互联网", terminology=True, note="因特网 → 互联网")
    return r


@case("11-rewritten-in-place", tests=["reworded (low similarity)"],
      description="Paragraphs rewritten in place, each between two unchanged neighbours: PP7 (lead "
                  "表示赞赏 → 注意到, weaker), OP14, OP27 (the working group's meetings) and OP32 (the "
                  "next IGF host). Their similarity to the old text is low, but they stand where the "
                  "old paragraph stood.")
def _11(old: Resolution) -> Revision:
    r = Revision(old)
    r.reword("PP7", "注意到联合国贸易和发展会议秘书处为编写上述报告提供的实质性支助，",
             note="rewritten in place, lead 表示赞赏 → 注意到, weaker")
    r.reword("OP14", "确认尽管信息和通信技术的普及程度不断提高，但城乡之间、男女之间以及不同收入群体之间"
             "在获取和使用方面的差距依然存在，农村地区的大多数居民尤其处于不利地位；",
             note="rewritten in place")
    r.reword("OP27", OP27_REWRITTEN, note="rewritten in place")
    r.reword("OP32", "欢迎土耳其政府主动提出于2014年9月2日至5日在伊斯坦布尔主办因特网治理论坛第九次会议，"
             "并期待论坛在其任务期限于2015年届满之前继续发挥作用；", note="rewritten in place")
    return r


@case("12-summit-unrelated", tests=["added", "dropped", "no false pairing"],
      description="Two paragraphs that mention 世界首脑会议 are dropped (OP43, OP45) and two unrelated "
                  "ones that also mention it are added elsewhere (after OP7 and after OP49): the "
                  "dropped and the added must not be paired.")
def _12(old: Resolution) -> Revision:
    r = Revision(old)
    r.drop("OP43", "OP45")
    r.add("new-forum", "注意到世界首脑会议论坛已成为各利益攸关方交流执行世界首脑会议成果的经验和最佳做法的"
          "重要平台；", after="OP7", note="added, unrelated to the dropped OP45")
    r.add("new-after49", SUMMIT_PARAGRAPH, after="OP49", note="added, unrelated to the dropped OP43")
    return r


@case("13-headings", tests=["headings"],
      description="Heading changes: 总结 heading reworded, 加强合作 dropped, 前面的道路 → 今后的道路 "
                  "(a short heading with a footnote), a new heading added before OP41.")
def _13(old: Resolution) -> Revision:
    r = Revision(old)
    r.sub("H1", "成果的执行情况", "成果的执行和后续行动情况", note="heading reworded")
    r.drop("H3")
    r.sub("H5", "前面的道路", "今后的道路", note="short heading reworded")
    r.add("new-H", "世界首脑会议成果十年审查", kind="heading", before="OP41", note="heading added")
    return r


def next_year(old: Resolution) -> Revision:
    """An illustrative 2014 text: everything a yearly revision does, at once."""
    r = date_bumps(Revision(old))
    r.add("new-PP5", "又回顾大会2013年12月20日关于信息社会世界首脑会议成果执行情况全面审查的模式的"
          "第68/302号决议，", kind="preambular", after="PP4", note="added")
    r.reword("PP6", "注意到秘书长题为“弥合数字鸿沟：信息和通信技术促进包容性发展”的报告，",
             note="the report's title changes")
    r.sub("OP8", "吁请", "促请", count=1, note="吁请 → 促请, stronger")
    split_op9(r)
    r.drop("OP19")
    for uid in ("OP15", "OP17", "H2", "OP21", "OP23", "H4"):
        r.sub(uid, "因特网", "互联网", terminology=True, note="因特网 → 互联网")
    split_op24(r)
    r.reword("OP27", OP27_REWRITTEN, note="rewritten in place")
    r.drop("OP29")
    r.merge(["OP28", "OP30"], (_body(old["OP28"].text) + "，并" + old["OP30"].text).replace("因特网", "互联网"),
            note="merged across the dropped OP29, and 因特网 → 互联网")
    r.reword("OP31", "注意到由印度尼西亚政府于2013年10月22日至25日在巴厘努沙杜瓦主办的主题为“加强多利益"
             "攸关方合作促进增长和可持续发展”的互联网治理论坛第八次会议；",
             note="rewritten in place (last year's forum)")
    r.reword("OP32", "欢迎土耳其政府主动提出于2014年9月2日至5日在伊斯坦布尔主办互联网治理论坛第九次会议，"
             "并期待论坛在其任务期限于2015年届满之前继续发挥作用；",
             note="rewritten in place (next forum)")
    r.move("OP40", after="OP32")
    r.reword("OP40", "促请秘书长确保互联网治理论坛及其机构在筹备定于2014年9月2日至5日在土耳其伊斯坦布尔"
             "举行的论坛第九次会议和论坛今后各次会议时继续发挥职能，同时要考虑到工作组报告所载关于改进"
             "互联网治理论坛的建议；", note="moved into the IGF section, next forum, 因特网 → 互联网")
    r.drop("OP38(a)")
    r.sub("OP38(b)", "作出答复", "尽早作出答复", note="reworded")
    r.drop("OP43")
    r.add("new-after49", SUMMIT_PARAGRAPH, after="OP49", note="added")
    merged = r["OP47"].text[:-1] + "，并在其第十九届会议后通过经社理事会向大会提交关于世界首脑会议成果" \
        "落实情况的十周年进度审查报告；"
    r.merge(["OP47", "OP48"], merged.replace("，因为大会将于2015年全面审查世界首脑会议成果的落实情况，并在",
                                              "，并在"), note="merged")
    r.reword("OP52", "欢迎2014年6月10日至13日在日内瓦举行的由国际电信联盟协调、联合国教育、科学及文化"
             "组织、联合国贸易和发展会议和联合国开发计划署共同组办的信息社会世界首脑会议+10高级别活动的"
             "成果，并注意到这些成果将作为对大会全面审查世界首脑会议成果的投入。",
             note="rewritten in place (the event took place)")
    return r


@case("14-next-year", tests=["all"],
      description="A realistic illustrative 2014 text: the date bumps of case 01, an added preambular "
                  "paragraph, a report renamed, a lead shift, two splits, 因特网 → 互联网 in part of the "
                  "text, a merge across a dropped paragraph, IGF paragraphs rewritten in place, OP40 "
                  "moved into the IGF section, sub-paragraphs renumbered, a paragraph dropped and an "
                  "unrelated one added, two paragraphs merged, the last paragraph rewritten.")
def _14(old: Resolution) -> Revision:
    return next_year(old)


@case("15-year-after", old_case="14-next-year", tests=["all", "chained"],
      description="The year after case 14 (illustrative 2015; old = case 14's new text): dates and "
                  "sessions bumped, a paragraph added at the head of the operative part (every "
                  "operative number shifts), a new first sub-paragraph (every letter shifts), lead "
                  "shifts, a preambular paragraph moved, a heading dropped, two paragraphs merged and "
                  "one split.")
def _15(old: Resolution) -> Revision:
    r = Revision(old)
    r.set_meta(symbol="E/RES/2015/9", adopted="2015-07-21", meeting="第49次全体会议")
    r.sub("PP3", "2013年7月22日第2013/9号", "2014年7月18日第2014/9号", routine=True, note="predecessor")
    r.sub("PP4", "2013年12月20日第68/198号", "2014年12月19日第69/204号", routine=True,
          note="GA resolution number and date")
    r.move("PP5", after="PP1", note="moved up, text unchanged")
    r.reword("PP7", "注意到秘书长题为“信息和通信技术促进可持续发展”的报告，", note="the report's title changes")
    r.add("new-OP1", "重申致力于实现建设一个以人为本、具有包容性和面向发展的信息社会的共同愿望；",
          before="OP1", note="added at the head of the operative part")
    r.sub("OP7", "2014年6月10日至13日", "2015年5月25日至29日", "2014年论坛", "2015年论坛", routine=True,
          note="WSIS Forum dates")
    r.sub("OP12", "确认", "强调", count=1, note="确认 → 强调: leads on different scales")
    r.drop("H3")
    r.sub("OP26", "2015年第十八届", "2016年第十九届", routine=True, note="session 18 → 19")
    r.merge(["OP34", "OP35"], _body(old["OP34"].text) + "，并" + old["OP35"].text[len("促请"):],
            note="merged")
    r.sub("OP36", "吁请", "鼓励", count=1, note="吁请 → 鼓励, weaker")
    r.add("new-sub-a", "欢迎衡量信息和通信技术促进发展伙伴关系发布世界首脑会议具体目标实现情况的最后评估报告；",
          before="OP38(a)", sub=True, note="new first sub-paragraph: every letter after it shifts")
    r.sub("OP38(b)", "2013年11月4日至6日", "2014年11月24日至26日", "第十一届", "第十二届", routine=True,
          note="meeting dates and ordinal")
    op41 = old["OP41"].text
    cut = op41.index("，并决定")
    r.split("OP41", [op41[:cut] + "；", "又注意到大会决定" + op41[cut + len("，并决定"):]],
            note="split in two")
    r.sub("OP45", "2015年第十八届", "2016年第十九届", "第十九届会议后", "第二十届会议后", routine=True,
          note="sessions")
    r.sub("OP47", "鼓励", "促请", count=1, note="鼓励 → 促请, stronger")
    return r


def build_case(name: str, info: dict[str, Any], make: Maker,
               built: dict[str, str]) -> dict[str, Any]:
    old_text = built[info["old_case"]] if "old_case" in info else resdiff.load(CORPUS).to_text()
    old = resdiff.parse(old_text)
    revision = make(old)
    new_text, expected = revision.build()
    built[name] = new_text
    meta = {
        "id": name,
        "label": LABEL,
        "illustrative": True,
        "old_source": f"case {info['old_case']} new.txt" if "old_case" in info else
        "corpora/ecosoc-wsis/zh/E-RES-2013-9.txt (official text, clean format)",
        "new_source": "illustrative revision written for this evaluation set (make_cases.py)",
        "description": info["description"],
        "tests": info["tests"],
    }
    return {"old.txt": old_text, "new.txt": new_text, "case.json": meta, "expected.json": expected}


def _dump(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return changes_json(value)
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    built: dict[str, str] = {}
    status = 0
    for name, info, make in CASES:
        files = build_case(name, info, make, built)
        folder = HERE / name
        for filename in write_case(folder, {f: _dump(v) for f, v in files.items()}, check=check):
            print(f"differs: {(folder / filename).relative_to(ROOT)}")
            status = 1
        if not check:
            nontrivial = [c for c in files["expected.json"] if c["type"] != "unchanged" or c["moved"]]
            print(f"{name}: {len(files['expected.json'])} changes, {len(nontrivial)} non-trivial")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
