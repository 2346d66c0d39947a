"""Every regular expression of the parser, each with a comment showing a line it matches.

Kept apart from the code that uses them (as unidiff keeps its ``RE_*`` constants) so that a
new quirk of an extraction is one pattern here and one fixture under ``tests/fixtures/``.
"""

from __future__ import annotations

import re

from resdiff.model import PUNCT_WIDTH as _PUNCT_WIDTH

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

#: A bold lead marked in the clean text format: ``**回顾**信息社会……``, ``**Taking note with appreciation** of``.
RE_MARKED_BOLD = re.compile(r"\*\*(?P<bold>[^*]{1,60})\*\*")

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

#: A document symbol: ``E/RES/2013/9``, ``A/RES/67/195``, ``A/HRC/RES/22/1``, ``A/RES/ES-10/19``,
#: and the Security Council's ``S/RES/2334 (2016)``.
RE_SYMBOL = re.compile(
    r"\b(?:[A-Z]{1,3}/)(?:[A-Z]{2,5}/)*RES/(?:ES-)?\d{1,4}(?:/\d{1,4}(?:\s*\([A-Z]+\))?|\s*[(（]\d{4}[)）])"
)

#: The symbol of a draft resolution: ``A/C.2/78/L.12``, ``E/CN.16/2024/L.2``, ``A/HRC/52/L.10/Rev.1``.
RE_DRAFT_SYMBOL = re.compile(r"\b[AES](?:/[A-Z]{1,5}(?:\.\d{1,2})?)*/\d{1,4}/L\.\d{1,3}(?:/Rev\.\d)?\b")

#: A line that is only a symbol (``E/RES/2013/9``), or a running header ending in one:
#: ``后续行动方面进展情况评估 E/RES/2013/9``.
RE_SYMBOL_LINE = re.compile(rf"^\s*(?P<before>.*?)\s*(?P<symbol>{RE_SYMBOL.pattern})\s*$")

#: A job code printed at the foot of a UN page: ``13-41234 (C)``, ``*1341234*``.
RE_JOB_CODE = re.compile(r"^\s*(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?|\*\d{7}\*)\s*$")

#: The numbered title: ``2013/9. 信息社会世界首脑会议成果文件执行和后续行动`` (may wrap).
RE_TITLE = re.compile(r"^\s*(?P<number>\d{2,4}/\d{1,4})\s*[.．]\s*(?P<title>.+)$")

#: A date in Chinese: ``2013 年 7 月 22日`` (spaces anywhere).
RE_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")

#: The date line at the top: `` 2013 年 7 月 22日经济及社会理事会决议``, and as the Human Rights
#: Council prints it, ``人权理事会2023年4月3日通过的决议``.
RE_TOP_DATE_LINE = re.compile(
    rf"^\s*(?:{RE_DATE.pattern}\s*(?P<body>\S*?)\s*决议|(?P<body2>\S{{2,12}}?)\s*"
    + RE_DATE.pattern.replace("?P<y>", "?P<y2>").replace("?P<m>", "?P<m2>").replace("?P<d>", "?P<d2>")
    + r"\s*通过的决议)\s*$"
)

#: The Security Council's number line: ``第2334(2016)号决议``.
RE_SC_NUMBER = re.compile(r"^\s*第\s*(?P<number>\d{1,5})\s*[(（]\s*(?P<year>\d{4})\s*[)）]\s*号决议\s*$")

#: The Security Council's adoption line: ``2016年12月23日安全理事会第7853次会议通过``.
RE_SC_ADOPTED = re.compile(rf"^\s*(?:{RE_DATE.pattern})\s*(?P<body>\S*?)\s*(?P<meeting>第\s*\d{{1,5}}\s*次会议)\s*通过\s*$")

#: The date line at the end, alone: ``2013 年 7月 22 日``.
RE_END_DATE_LINE = re.compile(rf"^\s*{RE_DATE.pattern}\s*$")

#: The meeting line at the end: ``第 41 次全体会议``, ``第41次会议``.
RE_MEETING_LINE = re.compile(r"^\s*第\s*(?P<n>\d{1,4})\s*次(?P<kind>全体会议|会议)\s*$")

#: The recommendation line at the top: ``[根据科学和技术促进发展委员会的建议(E/2013/31)通过]``,
#: ``[根据第二委员会的报告(A/78/461/Add.2)通过]``; and the vote line at the end of a Human Rights
#: Council resolution, ``[未经表决获得通过。]``, ``[以31票赞成、0票反对、16票弃权获得通过。]``.
RE_RECOMMENDATION = re.compile(r"^\s*[\[［【].*通过[。.]?\s*[\]］】]\s*$")

#: Lines of the first page's masthead and of the sheet around a resolution, never its text:
#: ``联合国``, ``联合国 A/RES/78/123``, ``Distr.: General``, ``大会 Distr.: Limited 2023年10月20日``,
#: ``联合国E/RES/2013/9经济及社会理事会Distr.: General`` (two rows read as one),
#: ``Original: Chinese``, ``请回收``, ``Please recycle``, ``第七十八届会议``, ``议程项目18(b)``,
#: ``第二委员会``, ``大会`` (a body's name without the comma of the body line).
RE_MASTHEAD = re.compile(
    r"^\s*(?:(?:联合国|United\s+Nations)(?:\s*[A-Z]{1,3}/\S.*)?"
    r"|(?:\S{0,12}\s*)?Distr\.?\s*[:：].*"
    r"|(?:(?:Chinese|English|French|Russian|Spanish|Arabic)\s*)?(?:Original\s*[:：].*)?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:至|-|—|–).{1,30}"
    r"|请回收\W*|Please\s+recycle\W*|♲.*"
    r"|第[〇零一二三四五六七八九十百\d]+届(?:常会|会议|特别会议|紧急特别会议|实质性会议|组织会议)?"
    r"|(?:临时)?议程项目\s*\S+.*"
    r"|第[一二三四五六]委员会|特别政治和非殖民化委员会.*"
    r"|大会|安全理事会|经济及社会理事会|人权理事会|科学和技术促进发展委员会)\s*$"
)

#: The line that names a draft and its sponsors: ``古巴*：决议草案``, ``主席提交的决议草案``,
#: ``订正决议草案``. The title of the draft follows it.
RE_DRAFT_LINE = re.compile(r"^.{0,200}(?:决议草案|决定草案)\s*$")

#: The line of a commission's draft that says what it recommends the Council adopt:
#: ``委员会建议经济及社会理事会通过以下决议草案：``.
RE_RECOMMENDS_DRAFT = re.compile(r"^.{0,60}建议.{0,30}通过以下.{0,10}草案\s*[:：]\s*$")

#: The line that opens a lettered part of a resolution adopted in parts: ``A``, ``B.``,
#: ``B. 区域裁军``, ``C 核裁军``.
RE_PART = re.compile(r"^\s*(?P<letter>[A-Z])\s*(?:[.．]\s*|\s+|$)(?P<title>[^\s，,。；;].{0,60})?$")

#: A footnote reference in the clean text format or a web copy: ``[^1]``, ``[1]``, ``¹``.
RE_INLINE_MARKER = re.compile(r"\[\^?(?P<n>\d{1,2})\]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")

#: A footnote text in the clean text format, ``[^1]: 见A/C.2/59/3和A/60/687。``, or as a web page
#: prints it, ``¹ 见A/C.2/59/3和A/60/687。``.
RE_FOOTNOTE_DEF = re.compile(
    r"^\s*(?:\[\^?(?P<n>\d{1,2})\]\s*[:：]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s*(?P<text>\S.*)$"
)

#: A footnote text as a web page lists it, after the closing lines or below its paragraph:
#: ``1 见A/C.2/59/3和A/60/687。``, ``[1] 见……``, ``(1) 见……``. Taken as a footnote only when a
#: reference to its number stands in the text (a line may begin with a number for other reasons).
RE_WEB_NOTE_DEF = re.compile(
    r"^\s*(?:(?P<a>\d{1,2})[ \t\u3000]+|\[(?P<b>\d{1,2})\][ \t\u3000]*|[(（](?P<c>\d{1,2})[)）][ \t\u3000]*)"
    r"(?P<text>[^\s年月日号段届次].*)$"
)

#: A footnote text printed as a line of the body at the end of a document whose references are
#: raised (``[^1]``): ``1见A/C.2/59/3和A/60/687。`` (a PDF or Word file made from a web copy;
#: the space after the number is lost next to CJK), ``2 A/68/65-E/2013/11。``. Not ``1. 注意到``.
RE_TYPED_NOTE_DEF = re.compile(r"^\s*(?P<n>\d{1,2})(?:[ \t\u3000]+|(?=[^\d\s.．、)）]))(?P<text>[^\s年月日号段届次].*)$")

#: Footnote references glued after a paragraph's last mark, as a web copy prints them:
#: ``…的成果文件,1``, ``…的成果文件，12``, ``…文件;(2)``, ``…文件。[3][4]``.
RE_GLUED_END = re.compile(
    r"(?<=[,，;；。:：])[ \t]*(?P<marks>(?:\d{1,2}|[(（]\d{1,2}[)）]|\[\d{1,2}\])+)\s*$"
)

#: A footnote number glued after a mark inside a paragraph: ``情况，1特别强调`` (not ``，1个``).
RE_GLUED_INSIDE = re.compile(r"(?<=[,，;；:：])(?P<n>\d{1,2})(?=[\u4e00-\u9fff])(?![年月日个次届项号段点名])")

#: A footnote number glued to the last word of a line without final punctuation (a heading):
#: ``前面的道路6``.
RE_GLUED_WORD = re.compile(r"(?<=[\u4e00-\u9fff”》])(?:(?P<n>\d{1,2})|[(（](?P<p>\d{1,2})[)）]|\[(?P<b>\d{1,2})\])\s*$")

#: Anywhere in a text, a glued reference after a mark (looked for once, before any line is):
#: a number of one or two digits right after a mark, ``…文件,1``, ``…情况，1特别``, ``…文件;(2)``.
RE_GLUED_ANY = re.compile(r"[,，;；。:：][ \t]*(?:\d{1,2}(?![\d年月日个次届项号段点名./])|[(（]\d{1,2}[)）]|\[\d{1,2}\])")

#: One reference among glued ones: ``1``, ``(1)``, ``[1]``.
RE_GLUED_ONE = re.compile(r"\d{1,2}|[(（](\d{1,2})[)）]|\[(\d{1,2})\]")

#: An own-body resolution recalled in the preamble, with its date and number:
#: ``其关于……的2012年7月24日第2012/5号决议``; or several at once (``其第2012/5号和第2013/9号决议``,
#: ``其2012年7月24日第2012/5号和2013年7月25日第2013/9号决议``): ``numbers`` holds them all
#: (:data:`RE_RESOLUTION_NUMBER` finds each), ``number`` the last.
RE_RECALLED_OWN = re.compile(
    r"其(?:关于(?P<subject>.*?)的)?"
    r"(?P<numbers>(?:(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日)?第\d{2,4}/\d{1,4}号(?:、|和|及|以及))*"
    r"(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)?第(?P<number>\d{2,4}/\d{1,4})号)决议"
)

#: A resolution's number inside a list of them: ``2012/5``.
RE_RESOLUTION_NUMBER = re.compile(r"(?<![\d/])\d{2,4}/\d{1,4}(?![\d/])")

#: A mark that ends a clause inside a paragraph: ``，`` ``；`` (and their half-width forms).
RE_INNER_MARK = re.compile(r"[，；,;]")

#: Final punctuation of a unit: ``，`` (preambular), ``；`` ``。`` (operative), ``：`` (chapeau); ``.`` ends
#: the last paragraph of an English text.
RE_FINAL_PUNCT = re.compile(r"[，；。：:;,.]\s*$")

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
#: four marks the spec names, ``；`` ``。`` ``，`` ``：`` (their half-width forms are folded first).
RE_FINAL_MARK = re.compile(r"[；。，：]\s*$")

#: Half-width punctuation folded to full width for comparisons (defined with the comparison
#: contract in ``model.py``): ``"…成果文件,".translate(PUNCT_WIDTH)`` → ``"…成果文件，"``.
PUNCT_WIDTH = _PUNCT_WIDTH
#: The same four marks as an English text prints them: ``;`` ``.`` ``,`` ``:``.
RE_FINAL_MARK_EN = re.compile(r"[;.,:]\s*$")

# -- routine changes in English (classify.py) ----------------------------------------------------

#: The English months, as dates print them.
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")

#: A date in English, with a range or pair of days: ``24 July 2012``, ``13 to 17 May 2013``,
#: ``30 and 31 May``, ``July 2012``, ``from 6 to 8 June``' numbers.
RE_DATE_EN = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s*(?:(?:to|and|-|–|—)\s*\d{1,2}(?:st|nd|rd|th)?\s+)?)?"
    rf"\b(?:{'|'.join(MONTHS_EN)})\b(?:\s+\d{{4}})?"
)

_UNITS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS_EN = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth")
_TENS_EN = ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")

#: An ordinal in words, as sessions, meetings and anniversaries are numbered: ``seventeenth``,
#: ``sixty-eighth``, ``twentieth``, ``one hundredth``.
RE_ORDINAL_EN = re.compile(
    rf"\b(?:(?:{'|'.join(_TENS_EN)})y[-\s]?(?:{'|'.join(_UNITS_EN)})"
    rf"|(?:{'|'.join(_TENS_EN)})ieth|(?:one\s+)?hundredth|{'|'.join(_TEENS_EN)}|{'|'.join(_UNITS_EN)})\b",
    re.IGNORECASE,
)

#: A number with an ordinal suffix or none: ``41st``, ``2013``, ``2,500``.
RE_ROUTINE_DIGITS_EN = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?")

# -- English texts (structure_en.py) -------------------------------------------------------------

_MONTH_EN = "|".join(MONTHS_EN)

#: The body addressed, alone on its line: ``The Economic and Social Council,``,
#: ``The General Assembly,``, ``The Human Rights Council,``,
#: ``The Commission on Science and Technology for Development,``.
RE_BODY_LINE_EN = re.compile(
    r"^\s*The\s+(?P<body>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|on|for|the|to))*)\s*,\s*$")

#: The line naming the body and the day of adoption, above the title of a printed resolution:
#: ``Resolution adopted by the Economic and Social Council on 22 July 2013``.
RE_ADOPTED_BY_EN = re.compile(
    rf"^\s*Resolution\s+adopted\s+by\s+the\s+(?P<body>.+?)\s+on\s+(?P<d>\d{{1,2}})\s+(?P<month>{_MONTH_EN})\s+"
    r"(?P<y>\d{4})\s*$")

#: The Security Council's number line, as the English text prints it: ``Resolution 2334 (2016)``
#: (``第2334(2016)号决议``, :data:`RE_SC_NUMBER`).
RE_SC_NUMBER_EN = re.compile(r"^\s*Resolution\s+(?P<number>\d{1,5})\s*\(\s*(?P<year>\d{4})\s*\)\s*$")

#: The Security Council's adoption line: ``Adopted by the Security Council at its 7853rd meeting, on
#: 23 December 2016`` (:data:`RE_SC_ADOPTED`).
RE_SC_ADOPTED_EN = re.compile(
    r"^\s*Adopted\s+by\s+the\s+(?P<body>Security\s+Council)\s+at\s+its\s+(?P<meeting>\d{1,5}(?:st|nd|rd|th)\s+meeting)"
    rf"\s*,?\s+on\s+(?P<d>\d{{1,2}})\s+(?P<month>{_MONTH_EN})\s+(?P<y>\d{{4}})\s*$")

#: A bracketed line under it: ``[on the recommendation of the Commission on Science and Technology
#: for Development (E/2013/31)]``, ``[without reference to a Main Committee (A/70/L.33)]``.
RE_BRACKET_LINE_EN = re.compile(r"^\s*\[[^\]]*\]?\s*$|^\s*[^\[]*\]\s*$")

#: Top lines of a printed General Assembly text or an ODS masthead, which are not the title:
#: ``Seventieth session``, ``Agenda items 13 and 115``, ``United Nations``, ``Distr.: General``,
#: ``Original: English``, ``Please recycle``, ``General Assembly`` alone.
RE_MASTHEAD_EN = re.compile(
    r"^\s*(?:[A-Z][a-z]+(?:-[a-z]+)?\s+(?:regular\s+|special\s+)?session|Agenda\s+items?\s+\d.*"
    r"|United\s+Nations|Distr\.?:?\s*\w+|Original:\s*\w+|Please\s+recycle.*"
    r"|General\s+Assembly|Economic\s+and\s+Social\s+Council|Security\s+Council|Human\s+Rights\s+Council"
    r"|Substantive\s+session\s+of\s+\d{4}|Resolutions?\s+adopted\s+by\s+the\s+.*)\s*$")

#: A date alone on its line: ``22 July 2013`` (the day of adoption at the end).
RE_DATE_LINE_EN = re.compile(rf"^\s*(?P<d>\d{{1,2}})\s+(?P<month>{_MONTH_EN})\s+(?P<y>\d{{4}})\s*$")

#: The meeting line at the end: ``41st plenary meeting``, ``7th meeting``.
RE_MEETING_LINE_EN = re.compile(r"^\s*(?P<n>\d{1,4})(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\s*$")

#: A footnote text as a web copy lists it after the end: ``1 See A/C.2/59/3 and A/60/687.``,
#: ``[1] See …``, ``[^1]: See …``, ``¹ See …``.
RE_FOOTNOTE_LINE_EN = re.compile(
    r"^\s*(?:\[\^?(?P<b>\d{1,2})\]\s*:?|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(?P<n>\d{1,2})(?![\d.,/]))\s*(?P<text>\S.*)$")

#: Footnote numbers glued after a paragraph's punctuation in a web copy: ``Society,1`` and
#: ``2003,1 as endorsed`` (the ``1``), ``report;2``, two at once ``society,2,3``; never a number of a
#: list typed without spaces (``paragraphs 4,5 and 6``, ``sections 2,3,4 and 5``: a comma after a
#: number of one to three digits that starts after a space or another comma).
RE_GLUED_MARK_EN = re.compile(r"(?<=[A-Za-z0-9)\]”’\"'][,;.:])(?<![\s,]\d,)(?<![\s,]\d\d,)(?<![\s,]\d\d\d,)"
                              r"(?P<n>\d{1,2}(?:,\d{1,2})*)(?=\s|$)")

#: An italic lead in a clean English text: ``*Recalling also*``, ``_Urges_``, at a paragraph's
#: start (after its number).
RE_ITALIC_LEAD_EN = re.compile(
    r"^(?P<head>\s*(?:\d{1,3}\.\s*|\([a-z]{1,4}\)\s*)?)"
    r"(?:\*(?P<a>[^*\d][^*]{0,59})\*(?!\*)|_(?P<b>[^_\d][^_]{0,59})_)")

#: An own-body resolution recalled in the preamble, with its number, date and subject:
#: ``its resolution 2012/5 of 24 July 2012 on the assessment of the progress made …``; or several
#: (``its resolutions 2012/5 and 2013/9 on …``): ``numbers`` holds them all.
_OWN_EN = rf"\d{{2,4}}/\d{{1,4}}(?:\s+of\s+\d{{1,2}}\s+(?:{_MONTH_EN})\s+\d{{4}})?"
RE_RECALLED_OWN_EN = re.compile(
    rf"\bits\s+resolutions?\s+(?P<numbers>(?P<number>{_OWN_EN})(?:(?:,\s*|,?\s+and\s+){_OWN_EN})*)"
    r"(?:,?\s+(?:on|entitled)\s+(?P<subject>[^,;]+))?")

#: The symbol of a draft, alone on its line: ``A/C.2/71/L.901``, ``E/CN.16/2014/L.2``,
#: ``A/HRC/31/L.12``, ``A/C.2/71/L.901/Rev.1``.
RE_DRAFT_SYMBOL_LINE = re.compile(r"^\s*(?P<symbol>[A-Z]{1,3}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?)\s*$")
