"""An ILLUSTRATIVE series of yearly resolutions, grown from E/RES/2013/9 with its true lineage.

Only E/RES/2013/9 is an official text here. Every later year is *generated*: the text of the
year before with the revisions a yearly WSIS resolution goes through — the routine updates
(dates, the predecessor recalled in PP3, session ordinals 第十七届 → 第十八届), lead shifts,
new paragraphs (from the illustrative wording of :mod:`pool`), dropped paragraphs, moves,
splits, merges, rewordings, and once a terminology switch (因特网 → 互联网). Each generated
title ends with （示意性文本） ("illustrative text"); the symbols follow the real numbering
where it exists (E/RES/2014/27 …) and are invented after 2023, and so are most dates.

Every paragraph carries an identity (a *gid*) through the years, and every revision is
recorded against it, so the true ancestry of each paragraph is known: :class:`Truth`.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import resdiff
from resdiff.classify import comparable
from resdiff.lexicon import ADVERBS, base_lead, match_lead
from resdiff.model import Resolution, Unit

from . import pool

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"
MARK = "（示意性文本）"

#: (year, number) of each text: the real numbering of the series up to 2023/3 (General Assembly
#: resolution 77/150, footnote 2); numbers after 2023 are invented.
SYMBOLS: tuple[tuple[int, str], ...] = (
    (2013, "9"), (2014, "27"), (2015, "26"), (2016, "22"), (2017, "21"), (2018, "28"),
    (2019, "24"), (2020, "12"), (2021, "28"), (2022, "15"), (2023, "3"),
    (2024, "11"), (2025, "19"), (2026, "7"), (2027, "23"), (2028, "14"), (2029, "30"),
    (2030, "8"), (2031, "17"), (2032, "25"),
)
#: Adoption dates given in issue 6 for some of those symbols; the others are invented.
KNOWN_DATES = {2013: "2013-07-22", 2019: "2019-07-23", 2022: "2022-07-21", 2023: "2023-06-07"}

#: Operative paragraphs (top level) in the last year of a full series.
TARGET_OPERATIVE = 150
#: The year (index) in which 因特网 becomes 互联网 throughout, and the one that opens a new section.
TERM_SWITCH_YEAR = 4
NEW_SECTION_YEAR = 8

_CN_DIGITS = "零一二三四五六七八九"
RE_ORDINAL = re.compile(r"第([一二三四五六七八九十]+)(届|次)")
RE_YEAR = re.compile(r"(20\d\d)年")
RE_OWN_RECALL = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日第\d{4}/\d{1,3}号决议")
RE_GA_RECALL = re.compile(r"大会(\d{4})年(\d{1,2})月(\d{1,2})日第(\d{2})/(\d{1,3})号决议")


def cn_number(text: str) -> int:
    """一 → 1, 十七 → 17, 二十 → 20, 三十五 → 35 (1 to 99)."""
    if "十" not in text:
        return _CN_DIGITS.index(text)
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(units) if units else 0)


def cn_text(n: int) -> str:
    """The inverse of :func:`cn_number`."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[units]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")


def bump_routine(text: str) -> str:
    """Every year mentioned and every ordinal session or meeting number, one later."""
    text = RE_YEAR.sub(lambda m: f"{int(m.group(1)) + 1}年", text)
    return RE_ORDINAL.sub(lambda m: f"第{cn_text(cn_number(m.group(1)) + 1)}{m.group(2)}", text)


@dataclass
class Item:
    """A paragraph while the series is being generated (mutable: this is a test generator)."""

    gid: int
    kind: str
    text: str
    footnotes: tuple[int, ...] = ()
    sub: bool = False
    yearly: bool = False

    @property
    def lead(self) -> str | None:
        return None if self.kind == "heading" else match_lead(self.text)


@dataclass(frozen=True)
class Event:
    """How one paragraph of a year came about from the year before."""

    type: str
    """``added``, ``unchanged``, ``reworded``, ``split`` or ``merged`` (as the engine names them)."""
    old: tuple[int, ...]
    """The gids of the paragraphs of the year before it comes from."""
    moved: bool = False


@dataclass(frozen=True)
class Year:
    """One generated text with the identity of each of its units."""

    resolution: Resolution
    gid_of: dict[str, int]
    """Unit id → gid."""
    events: dict[int, Event]
    """gid of each unit → how it came about from the year before (all ``added`` in the first year)."""
    dropped: tuple[int, ...]
    """gids of the year before that are gone."""

    @property
    def unit_of(self) -> dict[int, str]:
        return {g: u for u, g in self.gid_of.items()}


@dataclass(frozen=True)
class Truth:
    """The generated series and the true ancestry of every paragraph."""

    years: tuple[Year, ...]
    files: tuple[Path, ...] = ()

    def ancestry(self, unit_id: str, *, last: int | None = None) -> list[tuple[str, frozenset[str]]]:
        """For a unit of year ``last`` (default: the latest), oldest first: (symbol, the ids of
        all its ancestors in that year) from its first appearance on."""
        end = len(self.years) - 1 if last is None else last
        gids = {self.years[end].gid_of[unit_id]}
        chain: list[tuple[str, frozenset[str]]] = []
        for k in range(end, -1, -1):
            year = self.years[k]
            unit_of = year.unit_of
            chain.append((year.resolution.symbol or "", frozenset(unit_of[g] for g in gids)))
            if k == 0:
                break
            gids = {o for g in gids for o in year.events[g].old}
            if not gids:
                break
        return chain[::-1]

    def event_of(self, k: int, unit_id: str) -> Event:
        year = self.years[k]
        return year.events[year.gid_of[unit_id]]


@dataclass
class _State:
    items: list[Item]
    rng: random.Random
    next_gid: int
    cores: list[tuple[str, str]] = field(default_factory=list)
    preambular: list[str] = field(default_factory=list)

    def new_gid(self) -> int:
        self.next_gid += 1
        return self.next_gid


def _render(items: list[Item], *, symbol: str, adopted: str, meeting: str, title: str,
            footnotes: dict[int, str]) -> tuple[Resolution, dict[str, int]]:
    units: list[Unit] = []
    gid_of: dict[str, int] = {}
    pp = h = op = 0
    letter = 0
    for item in items:
        if item.kind == "preambular":
            pp += 1
            uid, number = f"PP{pp}", None
        elif item.kind == "heading":
            h += 1
            uid, number = f"H{h}", None
        elif item.sub:
            number = f"{op}({'abcdefghijklmnopqrstuvwxyz'[letter]})"
            letter += 1
            uid = f"OP{number}"
        else:
            op += 1
            letter = 0
            uid, number = f"OP{op}", str(op)
        units.append(Unit(uid, item.kind, number, item.lead, item.text, item.footnotes))  # type: ignore[arg-type]
        gid_of[uid] = item.gid
    used = {n for u in units for n in u.footnotes}
    resolution = Resolution(
        units=tuple(units), symbol=symbol, body="经济及社会理事会", adopted=adopted, meeting=meeting,
        title=title, language="zh", predecessor=None,
        footnotes={n: t for n, t in footnotes.items() if n in used},
    )
    return resolution, gid_of


def _top_positions(items: list[Item]) -> list[int]:
    """Indices before which a new top-level operative paragraph may be inserted (never between a
    paragraph and its lettered sub-paragraphs); ``len(items)`` for the end."""
    first_op = next(i for i, it in enumerate(items) if it.kind == "operative")
    first = next(i for i in range(first_op, -1, -1) if i == 0 or items[i - 1].kind == "preambular")
    return [i for i in range(first, len(items)) if not items[i].sub and items[i].kind != "preambular"] + [len(items)]


def _has_subs(items: list[Item], i: int) -> bool:
    return i + 1 < len(items) and items[i + 1].sub


def _movable(items: list[Item], i: int, touched: set[int]) -> bool:
    it = items[i]
    return it.kind == "operative" and not it.sub and not _has_subs(items, i) and it.gid not in touched


def _split_point(text: str) -> tuple[str, str] | None:
    """Where a paragraph of two clauses can be cut in two, each with its own lead."""
    for found in re.finditer(r"；(?:并|还)?|，并", text[:-1]):
        first, second = text[: found.start()], text[found.end():]
        lead = match_lead(second)
        if lead is None or len(first) < 14 or len(second) < 14:
            continue
        return first + "；", second
    return None


def _strip_adverb(text: str) -> str:
    lead = match_lead(text)
    if lead and lead[0] in ADVERBS:
        return text[len(lead) - len(base_lead(lead)):]
    return text


def _new_paragraph(state: _State) -> str:
    rng = state.rng
    if not state.cores:
        raise RuntimeError("the illustrative pool is exhausted")
    kind, core = state.cores.pop()
    qualifier, purpose = rng.choice(pool.QUALIFIERS), rng.choice(pool.PURPOSES)
    if kind == "action":
        actor = rng.choice(pool.ACTORS)
        return f"{rng.choice(pool.EXHORTATIONS)}{actor}{core}，{qualifier}，{purpose}；"
    lead = rng.choice(pool.DECLARATIONS)
    if rng.random() < 0.5:
        return f"{lead}{core}，{purpose}；"
    return f"{lead}{core}，{qualifier}；"


def _reword(text: str, rng: random.Random) -> str:
    """One substantive rewording: a phrase inserted, a clause dropped, a word replaced or the end
    of the paragraph rewritten."""
    options = []
    comma = text.find("，")
    if 0 < comma < len(text) - 8:
        options.append("insert")
    clauses = text.split("，")
    if len(clauses) >= 4:
        options.append("delete")
    if any(old in text for old, _ in pool.REPLACEMENTS):
        options.append("replace")
    if len(clauses) >= 3:
        options.append("rewrite")
    if not options:
        return text[:-1] + f"，{rng.choice(pool.QUALIFIERS)}" + text[-1]
    choice = rng.choice(options)
    if choice == "insert":
        return text[: comma + 1] + rng.choice(pool.INSERTIONS) + text[comma + 1:]
    if choice == "delete":
        k = rng.randrange(1, len(clauses) - 1)
        return "，".join(clauses[:k] + clauses[k + 1:])
    if choice == "replace":
        old, new = rng.choice([r for r in pool.REPLACEMENTS if r[0] in text])
        return text.replace(old, new, 1)
    keep = max(2, len(clauses) * 2 // 3)
    return "，".join(clauses[:keep]) + f"，{rng.choice(pool.QUALIFIERS)}，{rng.choice(pool.PURPOSES)}" + text[-1]


def _revise(state: _State, k: int, *, prev_symbol: str, prev_adopted: str, ga: tuple[int, int]) -> tuple[
        dict[int, Event], tuple[int, ...]]:
    """Turn the items of year k-1 into those of year k; return the events and the dropped gids."""
    rng = state.rng
    before = {it.gid: it.text for it in state.items}
    items = [Item(it.gid, it.kind, it.text, it.footnotes, it.sub, it.yearly) for it in state.items]
    events: dict[int, Event] = {}
    touched: set[int] = set()
    moved: set[int] = set()
    dropped: list[int] = []

    # Routine: the predecessor recalled, the General Assembly resolution, yearly dates and ordinals.
    y, m, d = (int(p) for p in prev_adopted.split("-"))
    for it in items:
        if it.kind == "preambular" and "进展情况评估" in it.text and RE_OWN_RECALL.search(it.text):
            it.text = RE_OWN_RECALL.sub(f"{y}年{m}月{d}日第{prev_symbol.split('RES/')[1]}号决议", it.text)
        elif it.kind == "preambular" and RE_GA_RECALL.search(it.text) and "信息和通信技术促进发展" in it.text:
            it.text = RE_GA_RECALL.sub(f"大会{ga[0]}年12月{rng.randint(14, 22)}日第{ga[0] - 1945}/{ga[1]}号决议",
                                       it.text)
        elif it.yearly:
            it.text = bump_routine(it.text)
    if k == TERM_SWITCH_YEAR:
        for it in items:
            it.text = it.text.replace("因特网", "互联网")

    # Drops.
    for _ in range(rng.choice((0, 1, 1, 2))):
        candidates = [i for i in range(len(items)) if _movable(items, i, touched)]
        i = rng.choice(candidates)
        dropped.append(items[i].gid)
        del items[i]

    # A merge of two neighbours.
    if rng.random() < 0.4:
        pairs = [i for i in range(len(items) - 1)
                 if _movable(items, i, touched) and _movable(items, i + 1, touched)]
        if pairs:
            i = rng.choice(pairs)
            a, b = items[i], items[i + 1]
            text = a.text[:-1] + "，并" + _strip_adverb(b.text)
            merged = Item(state.new_gid(), "operative", text, a.footnotes + b.footnotes, yearly=a.yearly or b.yearly)
            events[merged.gid] = Event("merged", (a.gid, b.gid))
            touched.add(merged.gid)
            items[i: i + 2] = [merged]

    # A split of one paragraph of two clauses.
    if rng.random() < 0.4:
        candidates = [i for i in range(len(items)) if _movable(items, i, touched) and _split_point(items[i].text)]
        if candidates:
            i = rng.choice(candidates)
            whole = items[i]
            first, second = _split_point(whole.text)  # type: ignore[misc]
            parts = [Item(state.new_gid(), "operative", first, whole.footnotes, yearly=whole.yearly),
                     Item(state.new_gid(), "operative", second, (), yearly=whole.yearly)]
            for part in parts:
                events[part.gid] = Event("split", (whole.gid,))
                touched.add(part.gid)
            items[i: i + 1] = parts

    # A move.
    if rng.random() < 0.5:
        candidates = [i for i in range(len(items)) if _movable(items, i, touched)]
        i = rng.choice(candidates)
        item = items.pop(i)
        targets = [p for p in _top_positions(items) if abs(p - i) >= 4]
        items.insert(rng.choice(targets), item)
        moved.add(item.gid)
        touched.add(item.gid)

    # Lead shifts and rewordings of paragraphs carried over.
    carried = [it for it in items if it.gid in before and it.kind == "operative"]
    for it in rng.sample(carried, rng.choice((1, 1, 2))):
        lead = it.lead
        if lead and base_lead(lead) in pool.LEAD_SHIFTS:
            it.text = rng.choice(pool.LEAD_SHIFTS[base_lead(lead)]) + it.text[len(lead):]
    for it in rng.sample(carried, rng.choice((2, 3, 4, 5))):
        it.text = _reword(it.text, rng)

    # A new preambular paragraph now and then.
    if state.preambular and rng.random() < 0.25:
        last_pp = max(i for i, it in enumerate(items) if it.kind == "preambular")
        item = Item(state.new_gid(), "preambular", state.preambular.pop())
        items.insert(rng.randint(1, last_pp + 1), item)
        events[item.gid] = Event("added", ())

    # New operative paragraphs, to grow towards TARGET_OPERATIVE.
    count = sum(1 for it in items if it.kind == "operative" and not it.sub)
    base = 52
    target = round(base + (TARGET_OPERATIVE - base) * k / (len(SYMBOLS) - 1))
    additions = max(target - count, 0)
    if k == NEW_SECTION_YEAR:
        at = rng.choice(_top_positions(items)[-12:])
        heading = Item(state.new_gid(), "heading", pool.NEW_HEADING)
        items.insert(at, heading)
        events[heading.gid] = Event("added", ())
        for j in range(min(3, additions)):
            item = Item(state.new_gid(), "operative", _new_paragraph(state))
            items.insert(at + 1 + j, item)
            events[item.gid] = Event("added", ())
        additions -= min(3, additions)
    for _ in range(additions):
        item = Item(state.new_gid(), "operative", _new_paragraph(state))
        items.insert(rng.choice(_top_positions(items)), item)
        events[item.gid] = Event("added", ())

    for it in items:
        if it.gid in before:
            kind = "unchanged" if comparable(before[it.gid]) == comparable(it.text) else "reworded"
            events[it.gid] = Event(kind, (it.gid,), moved=it.gid in moved)
    state.items = items
    return events, tuple(dropped)


def generate(years: int = 20, *, seed: int = 2013) -> Truth:
    """The first ``years`` texts of the illustrative series (2013/9 official, the rest generated)."""
    if not 1 <= years <= len(SYMBOLS):
        raise ValueError(f"years must be 1 to {len(SYMBOLS)}")
    official = resdiff.load(OFFICIAL)
    rng = random.Random(seed)
    items: list[Item] = []
    gid = 0
    for unit in official.units:
        gid += 1
        sub = unit.number is not None and "(" in unit.number
        yearly = bool(RE_ORDINAL.search(unit.text) and unit.kind == "operative") or unit.id in {
            "OP7", "OP27", "OP31", "OP32", "OP40", "OP51", "OP52"}
        items.append(Item(gid, unit.kind, unit.text, unit.footnotes, sub, yearly))
    cores = [("action", a) for a in pool.ACTIONS] + [("statement", s) for s in pool.STATEMENTS]
    rng.shuffle(cores)
    state = _State(items, rng, gid, cores, list(pool.PREAMBULAR))
    gid_of = {u.id: g for u, g in zip(official.units, range(1, gid + 1))}
    result = [Year(official, gid_of, {g: Event("added", ()) for g in gid_of.values()}, ())]
    title = f"{official.title}{MARK}"
    ga = (2012, 195)
    for k in range(1, years):
        year, number = SYMBOLS[k]
        prev = result[-1].resolution
        ga = (ga[0] + 1, rng.randint(150, 250))
        events, dropped = _revise(state, k, prev_symbol=prev.symbol or "", prev_adopted=prev.adopted or "", ga=ga)
        adopted = KNOWN_DATES.get(year, f"{year}-07-{rng.randint(15, 28):02d}")
        resolution, gid_of = _render(state.items, symbol=f"E/RES/{year}/{number}", adopted=adopted,
                                     meeting=f"第{rng.randint(20, 50)}次全体会议", title=title,
                                     footnotes=dict(official.footnotes))
        reparsed = resdiff.parse(resolution.to_text())
        if [(u.id, u.text) for u in reparsed.units] != [(u.id, u.text) for u in resolution.units]:
            raise AssertionError(f"{resolution.symbol}: the generated text does not parse back")
        resolution = reparsed
        result.append(Year(resolution, gid_of, events, dropped))
    return Truth(tuple(result))


def file_name(symbol: str) -> str:
    return symbol.replace("/", "-") + ".txt"


README = """ILLUSTRATIVE SERIES — NOT OFFICIAL TEXTS.
Generated by tests/series_gen from E/RES/2013/9 (the only official text, copied as is).
Every other file is a generated text whose title ends with （示意性文本）; its paragraphs,
dates and most symbols after 2023 are invented for tests and benchmarks.
"""


def write_series(folder: str | Path, years: int = 20, *, seed: int = 2013,
                 truth: Truth | None = None) -> Truth:
    """Write the first ``years`` texts into ``folder`` (one ``E-RES-YYYY-N.txt`` each, and a README)."""
    truth = truth or generate(years, seed=seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for k, year in enumerate(truth.years[:years]):
        path = folder / file_name(year.resolution.symbol or f"year-{k}")
        if k == 0:
            shutil.copyfile(OFFICIAL, path)
        else:
            path.write_text(year.resolution.to_text(), encoding="utf-8")
        files.append(path)
    (folder / "README.txt").write_text(README, encoding="utf-8")
    return Truth(truth.years[:years], tuple(files))


def operative_count(resolution: Resolution) -> int:
    return sum(1 for u in resolution.units if u.kind == "operative" and u.number and "(" not in u.number)


def summary(truth: Truth) -> Iterable[str]:
    for year in truth.years:
        kinds: dict[str, int] = {}
        for event in year.events.values():
            kinds[event.type] = kinds.get(event.type, 0) + 1
        yield f"{year.resolution.symbol}: {operative_count(year.resolution)} OP, {kinds}, dropped {len(year.dropped)}"
