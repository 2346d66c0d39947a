"""Every regular expression of the parser, each with a comment showing a line it matches.

Kept apart from the code that uses them (as unidiff keeps its ``RE_*`` constants) so that a
new quirk of an extraction is one pattern here and one fixture under ``tests/fixtures/``.
"""

from __future__ import annotations

import re

#: A CJK ideograph, CJK punctuation or a full-width form: text that takes no spaces around it.
CJK_CLASS = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u300a\u300b"

#: Whitespace with a CJK character on at least one side: ``2013 年 7 月`` → ``2013年7月``.
RE_CJK_SPACE = re.compile(rf"(?<=[{CJK_CLASS}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{CJK_CLASS}])")

#: Whitespace runs in general (folded to one space where not next to CJK).
RE_SPACES = re.compile(r"[ \t\u00a0\u3000]+")

#: A bold run printed several times over at the start of a line: ``回顾回顾回顾回顾``,
#: ``表示表示表示表示赞赏赞赏赞赏赞赏``, ``又又又又确认确认确认确认``. Three copies or more: a genuine
#: doubled word (``关于关于``) is text.
RE_OVERPRINT = re.compile(r"(.{1,12}?)\1{2,}", re.DOTALL)

#: A CJK ideograph: what a bold lead is made of.
RE_CJK_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: A bold lead marked in the clean text format: ``**回顾**信息社会……``.
RE_MARKED_BOLD = re.compile(r"^\*\*(?P<bold>[^*]{1,20})\*\*")

#: An operative paragraph number: ``1. 注意到……``, ``１．注意到……``, ``12.吁请``.
RE_OP_NUMBER = re.compile(r"^\s*(?P<number>\d{1,4})\s*[.．]\s*(?!\d)(?P<rest>.*)$")

#: A lettered sub-paragraph: ``(a) 赞赏地注意到……``, ``（b）鼓励……``.
RE_SUB_LETTER = re.compile(r"^\s*[(（](?P<letter>[a-z])[)）]\s*(?P<rest>.*)$")

#: A footnote marker alone on its line (``1``) or a footnote number in a footnote block.
RE_MARKER_LINE = re.compile(r"^\s*(?P<n>\d{1,2})\s*$")

#: The separator above a footnote block: a long line of spaces (or a rule of underscores).
RE_SEPARATOR = re.compile(r"^(?:[ \t]{20,}|\s*[_—–-]{10,}\s*)$")

#: A page number: ``7/8``, ``- 7 -``.
RE_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-)\s*$")

#: A document symbol: ``E/RES/2013/9``, ``A/RES/67/195``, ``A/HRC/RES/22/1``.
RE_SYMBOL = re.compile(r"\b(?:[A-Z]{1,3}/)(?:[A-Z]{2,5}/)*RES/\d{1,4}/\d{1,4}(?:\s*\([A-Z]+\))?")

#: A line that is only a symbol (``E/RES/2013/9``), or a running header ending in one:
#: ``后续行动方面进展情况评估 E/RES/2013/9``.
RE_SYMBOL_LINE = re.compile(rf"^\s*(?P<before>.*?)\s*(?P<symbol>{RE_SYMBOL.pattern})\s*$")

#: A job code printed at the foot of a UN page: ``13-41234 (C)``, ``*1341234*``.
RE_JOB_CODE = re.compile(r"^\s*(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?|\*\d{7}\*)\s*$")

#: The numbered title: ``2013/9. 信息社会世界首脑会议成果文件执行和后续行动`` (may wrap).
RE_TITLE = re.compile(r"^\s*(?P<number>\d{2,4}/\d{1,4})\s*[.．]\s*(?P<title>.+)$")

#: A date in Chinese: ``2013 年 7 月 22日`` (spaces anywhere).
RE_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")

#: The date line at the top: `` 2013 年 7 月 22日经济及社会理事会决议``.
RE_TOP_DATE_LINE = re.compile(rf"^\s*{RE_DATE.pattern}\s*(?P<body>\S*?)\s*决议\s*$")

#: The date line at the end, alone: ``2013 年 7月 22 日``.
RE_END_DATE_LINE = re.compile(rf"^\s*{RE_DATE.pattern}\s*$")

#: The meeting line at the end: ``第 41 次全体会议``, ``第41次会议``.
RE_MEETING_LINE = re.compile(r"^\s*第\s*(?P<n>\d{1,4})\s*次(?P<kind>全体会议|会议)\s*$")

#: The recommendation line at the top: ``[根据科学和技术促进发展委员会的建议(E/2013/31)通过]``.
RE_RECOMMENDATION = re.compile(r"^\s*[\[［【].*通过\s*[\]］】]\s*$")

#: A footnote reference in the clean text format or a web copy: ``[^1]``, ``[1]``, ``¹``.
RE_INLINE_MARKER = re.compile(r"\[\^?(?P<n>\d{1,2})\]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")

#: A footnote text in the clean text format, ``[^1]: 见A/C.2/59/3和A/60/687。``, or as a web page
#: prints it, ``¹ 见A/C.2/59/3和A/60/687。``.
RE_FOOTNOTE_DEF = re.compile(
    r"^\s*(?:\[\^?(?P<n>\d{1,2})\]\s*[:：]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s*(?P<text>\S.*)$"
)

#: An own-body resolution recalled in the preamble, with its date and number:
#: ``其关于……的2012年7月24日第2012/5号决议``.
RE_RECALLED_OWN = re.compile(
    r"其(?:关于(?P<subject>.*?)的)?(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)?"
    r"第(?P<number>\d{2,4}/\d{1,4})号决议"
)

#: Final punctuation of a unit: ``，`` (preambular), ``；`` ``。`` (operative), ``：`` (chapeau).
RE_FINAL_PUNCT = re.compile(r"[，；。：:;,]\s*$")

#: Superscript digits used as footnote references in web copies.
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

#: Full-width digits and letters in numbering: ``１．`` → ``1.``, ``（ａ）`` → ``(a)``.
FULLWIDTH_NUMBERING = str.maketrans(
    "０１２３４５６７８９ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789abcdefghijklmnopqrstuvwxyz",
)

# -- routine changes (classify.py) -------------------------------------------------------------

#: A resolution or document number inside a text: ``第2012/5号``, ``第67/195号决议``, ``A/68/65-E/2013/11``.
RE_ROUTINE_SYMBOL = re.compile(r"(?:[A-Z]{1,5}/)+[A-Z0-9.]+(?:/[A-Z0-9.]+)*(?:-(?:[A-Z]{1,5}/)+[A-Z0-9./]+)?|\d{1,4}/\d{1,4}")

#: An ordinal session or meeting number, or an anniversary: ``第十七届``, ``第 41 次``, ``第八次``,
#: ``十周年``.
RE_ROUTINE_ORDINAL = re.compile(
    r"第\s*[〇零一二三四五六七八九十百千两\d]+\s*(届|次|期|轮|个)"
    r"|[〇零一二三四五六七八九十百千两]+\s*周年"
)

#: The first number of a range or list of numbers, with its connector: ``30日和`` in ``30日和31日``,
#: ``13日至`` in ``13日至17日``.
RE_ROUTINE_RANGE = re.compile(r"\d+\s*[年月日]?\s*(?:至|和|到|与|、|—|–|-)\s*(?=\d)")

#: Any number with its unit of time (years, days, paragraph numbers): ``2013年``, ``22日``, ``111``.
RE_ROUTINE_DIGITS = re.compile(r"\d+\s*(?:周年|年|月|日)?")

#: The final punctuation mark of a unit, ignored (with whitespace) when texts are compared: the
#: four marks the spec names, ``；`` ``。`` ``，`` ``：``.
RE_FINAL_MARK = re.compile(r"[；。，：]\s*$")
