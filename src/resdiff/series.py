"""A series of yearly resolutions: every text of a folder, in order, each compared with its predecessor.

>>> series = Series.load("corpora/ecosoc-wsis/zh")          # doctest: +SKIP
>>> [m.symbol for m in series.members]                      # doctest: +SKIP
['E/RES/2013/9']
>>> series.lineage("OP36")[0].first.symbol                  # doctest: +SKIP
'E/RES/2013/9'

How a folder becomes a series:

1. **Files.** Every ``*.txt``, ``*.pdf`` and ``*.docx`` of the folder (not its sub-folders), except
   ``README*`` and hidden files, is read with :func:`resdiff.load`. A file that cannot be read or
   is not a resolution stops the load with a :class:`SeriesError` naming it: a series with a
   silent hole would give wrong lineages. ``skip_unreadable=True`` skips such files instead and
   lists them in ``Series.warnings``.
2. **Order.** By adoption date; where a text does not print its date, the date from
   ``series.toml`` (in the folder or the one above), else its symbol's year.
3. **Links.** Each text is compared with the predecessor its own preamble recalls
   (``Resolution.predecessor``) when that text is in the folder, else with the text before it;
   a predecessor that is recalled but missing is a gap (``Series.gaps``), and so are the
   resolutions that ``series.toml`` lists but the folder lacks, or, without ``series.toml``,
   the years between the first and the last text that have none.

Files are read here and only here (and in :func:`Series.load`'s helpers); the lineage itself is
a pure function of the comparisons (:mod:`resdiff.lineage`).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from resdiff.engine import AnySegmenter, segmenter_for
from resdiff.errors import Message, ResdiffError, SeriesError, named
from resdiff.lineage import Lineage, Tracer
from resdiff.model import Comparison, Resolution
from resdiff.options import DEFAULT_OPTIONS, Options

Progress = Callable[[int, int, str], None]

#: The kinds of file a folder's resolutions may come in.
SUFFIXES = (".txt", ".pdf", ".docx")
#: When one resolution is in the folder twice, the copy kept: the clean text first.
_PREFERENCE = {".txt": 0, ".docx": 1, ".pdf": 2}
#: The file that describes a series, read in the folder or the folder above.
SERIES_FILE = "series.toml"

# E/RES/2013/9 → (2013, 9); A/RES/67/195 has no four-digit year.
RE_SYMBOL_YEAR = re.compile(r"/((?:19|20)\d\d)/(\d+)")

GapKind = Literal["predecessor", "listed", "year"]


@dataclass(frozen=True)
class Gap:
    """A hole in the chain of a series."""

    kind: GapKind
    """``predecessor``: a text recalls a predecessor that is not in the folder; ``listed``:
    ``series.toml`` lists a resolution that is not in the folder; ``year``: without
    ``series.toml``, a year between the first and the last text that has no text."""
    symbol: str | None = None
    """The missing resolution's symbol (``None`` for a ``year`` gap)."""
    year: int | None = None
    """Its year, when known."""
    named_by: str | None = None
    """For ``predecessor``: the symbol of the text that recalls it."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "symbol": self.symbol, "year": self.year, "named_by": self.named_by}

    def __str__(self) -> str:
        if self.kind == "predecessor":
            return f"{self.symbol}, recalled by {self.named_by or 'a text without a symbol'}, is not in the folder"
        if self.kind == "listed":
            return f"{self.symbol} (listed in {SERIES_FILE}) is not in the folder"
        return f"no text for {self.year}"


@dataclass(frozen=True)
class Member:
    """One resolution of a series."""

    resolution: Resolution
    """The parsed text."""
    source: str | None = None
    """The file it was read from (its name within the folder), or ``None``."""
    adopted: str | None = None
    """Its adoption date: the text's own, else the one ``series.toml`` gives; ``None`` if unknown."""
    parent: int | None = None
    """The index in ``Series.members`` of the text it is compared with; ``None`` for the first."""

    @property
    def symbol(self) -> str | None:
        return self.resolution.symbol

    @property
    def year(self) -> int | None:
        if self.adopted:
            return int(self.adopted[:4])
        return self.resolution.year

    @property
    def label(self) -> str:
        """A short name for tables and charts: ``2013/9``, else the file name."""
        if self.symbol and "RES/" in self.symbol:
            return self.symbol.split("RES/", 1)[1]
        return self.symbol or self.source or "?"


@dataclass(frozen=True)
class Series:
    """The resolutions of a folder in order, each compared with its predecessor."""

    members: tuple[Member, ...]
    """The texts, oldest first."""
    comparisons: tuple[Comparison | None, ...]
    """``comparisons[k]``: ``members[k]`` against ``members[k].parent`` (``None`` for the first)."""
    gaps: tuple[Gap, ...] = ()
    """Missing predecessors, missing listed resolutions, years without a text."""
    warnings: tuple[str, ...] = ()
    """What the load skipped or assumed: duplicate texts, unreadable files (when skipped),
    texts that recall no predecessor."""
    folder: str | None = None
    """The folder it was loaded from."""
    _tracer: list[Tracer] = field(default_factory=list, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.members:
            raise SeriesError("a series needs at least one resolution")
        if len(self.comparisons) != len(self.members):
            raise ValueError("one comparison (or None) per member")

    # -- building ----------------------------------------------------------------------
    @classmethod
    def load(cls, folder: str | os.PathLike[str], *, progress: Progress | None = None,
             options: Options | None = None, skip_unreadable: bool = False) -> Series:
        """Every resolution of ``folder`` (text, PDF, Word) in order, each compared with its predecessor.

        ``progress(done, total, label)`` is called as files are read and texts compared.
        Raises :class:`SeriesError` for a missing, unreadable or empty folder, and for a file that
        is not a readable resolution (unless ``skip_unreadable``: then it is listed in ``warnings``).
        """
        from resdiff.api import load

        path = Path(folder)
        files = corpus_files(path)
        listed = read_series_file(path)
        total = 2 * len(files) - 1
        loaded: list[tuple[Resolution, str]] = []
        # A FIFO, a device or a link to one named like a resolution is never opened: said, not read.
        warnings: list[str] = [Message("skipped {message}", message=Message("{file}: not a regular file", file=p.name))
                               for p in special_files(path)]
        for n, file in enumerate(files):
            if progress:
                progress(n, total, f"reading {file.name}")
            try:
                loaded.append((load(file), file.name))
            except ResdiffError as exc:
                message = named(exc, file.name)
                if not skip_unreadable:
                    raise SeriesError("{message} (in the series folder {path})", message=message, path=path) from exc
                warnings.append(Message("skipped {message}", message=message))
        if not loaded:
            raise SeriesError("{path}: none of its files could be read as a resolution", path=path)

        def compared(done: int, all_: int, label: str) -> None:
            if progress:
                progress(len(files) + done, len(files) + all_, label)

        series = cls.from_resolutions([r for r, _ in loaded], sources=[s for _, s in loaded], listed=listed,
                                      progress=compared if progress else None, options=options, folder=str(path))
        if warnings:
            series = replace(series, warnings=(*warnings, *series.warnings), _tracer=[])
        if progress and len(series.members) == 1:  # nothing compared: the bar ends here
            progress(len(files), len(files), "done")
        return series

    @classmethod
    def from_resolutions(cls, resolutions: Sequence[Resolution], *, sources: Sequence[str | None] | None = None,
                         listed: Sequence[ListedResolution] = (), progress: Progress | None = None,
                         options: Options | None = None, folder: str | None = None) -> Series:
        """A series of parsed resolutions (in any order): ordered, linked and compared."""
        from resdiff.api import compare

        if not resolutions:
            raise SeriesError("a series needs at least one resolution")
        sources = list(sources) if sources is not None else [None] * len(resolutions)
        dates = {item.symbol: item.adopted for item in listed if item.adopted}
        warnings: list[str] = []

        # One text per symbol: a folder may hold the same resolution as text and as PDF.
        chosen: dict[str, tuple[Resolution, str | None]] = {}
        unnamed: list[tuple[Resolution, str | None]] = []
        for resolution, source in zip(resolutions, sources):
            if resolution.symbol is None:
                unnamed.append((resolution, source))
                continue
            kept = chosen.get(resolution.symbol)
            if kept is None:
                chosen[resolution.symbol] = (resolution, source)
                continue
            if _preference(source) < _preference(kept[1]):
                chosen[resolution.symbol] = (resolution, source)
                dropped = kept[1]
            else:
                dropped = source
            warnings.append(f"{resolution.symbol} is in the folder twice: {dropped} is not used")
        entries = list(chosen.values()) + unnamed

        def adopted(resolution: Resolution) -> str | None:
            return resolution.adopted or (dates.get(resolution.symbol) if resolution.symbol else None)

        entries.sort(key=lambda e: _order_key(e[0], adopted(e[0]), e[1]))
        index = {r.symbol: k for k, (r, _) in enumerate(entries) if r.symbol}
        members: list[Member] = []
        gaps: list[Gap] = []
        for k, (resolution, source) in enumerate(entries):
            parent: int | None = None
            named = resolution.predecessor
            if k == 0:
                if named is not None and named not in index:
                    gaps.append(Gap("predecessor", named, _symbol_year(named), resolution.symbol))
            else:
                if named is not None and named in index and index[named] < k:
                    parent = index[named]
                else:
                    parent = k - 1
                    if named is None:
                        warnings.append(f"{resolution.symbol or source} recalls no predecessor: "
                                        f"compared with {entries[k - 1][0].symbol or entries[k - 1][1]}")
                    elif named not in index:
                        gaps.append(Gap("predecessor", named, _symbol_year(named), resolution.symbol))
            members.append(Member(resolution, source, adopted(resolution), parent))
        gaps.extend(_missing(members, listed, gaps))

        total = len(members) - 1
        comparisons: list[Comparison | None] = [None]
        # Each text is cut into words once, by the segmenter of its language (jieba only for Chinese).
        segmenters: dict[str, AnySegmenter] = {}
        for k, member in enumerate(members[1:], start=1):
            assert member.parent is not None
            before = members[member.parent]
            if progress:
                progress(k - 1, total, f"comparing {before.label} → {member.label}")
            language = before.resolution.language
            if language not in segmenters:
                segmenters[language] = segmenter_for(language, options or DEFAULT_OPTIONS)
            comparisons.append(compare(before.resolution, member.resolution, options=options or DEFAULT_OPTIONS,
                                       segmenter=segmenters[language]))
        if progress and total:
            progress(total, total, "compared")
        return cls(tuple(members), tuple(comparisons), tuple(gaps), tuple(warnings), folder)

    # -- reading -----------------------------------------------------------------------
    @property
    def latest(self) -> Member:
        return self.members[-1]

    def __len__(self) -> int:
        return len(self.members)

    def member(self, symbol: str) -> Member:
        """The member with this symbol (``E/RES/2013/9`` or just ``2013/9``)."""
        for m in self.members:
            if m.symbol == symbol or m.label == symbol:
                return m
        raise SeriesError("{symbol} is not in the series", symbol=symbol)

    def _trace(self) -> Tracer:
        if not self._tracer:
            self._tracer.append(Tracer([m.resolution for m in self.members], [m.parent for m in self.members],
                                       self.comparisons))
        return self._tracer[0]

    def lineage(self, unit_id: str | None = None) -> tuple[Lineage, ...]:
        """The history of every unit of the latest text, in reading order, or of ``unit_id`` alone.

        Raises :class:`SeriesError` when the latest text has no unit ``unit_id``.
        """
        latest = self.latest.resolution
        if unit_id is not None:
            wanted = _normalise_unit_id(unit_id)
            if latest.get(wanted) is None:
                raise SeriesError("{symbol} has no unit {unit_id}; its units are {first} … {last}",
                                  symbol=self.latest.symbol or Message("the latest text"), unit_id=unit_id,
                                  first=latest.units[0].id, last=latest.units[-1].id)
            return (self._trace().trace(wanted),)
        tracer = self._trace()
        return tuple(tracer.trace(u.id) for u in latest.units)

    def to_dict(self) -> dict[str, Any]:
        """The series without its comparisons: members, links, gaps and warnings."""
        return {
            "schema": "resdiff.series/1",
            "folder": self.folder,
            "members": [
                {"symbol": m.symbol, "adopted": m.adopted, "source": m.source,
                 "predecessor": m.resolution.predecessor,
                 "compared_with": None if m.parent is None else self.members[m.parent].symbol,
                 "units": len(m.resolution.units)}
                for m in self.members
            ],
            "gaps": [g.to_dict() for g in self.gaps],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class ListedResolution:
    """A resolution that ``series.toml`` lists as part of the series."""

    symbol: str
    """Its symbol (``E/RES/2012/5``)."""
    adopted: str | None = None
    """Its adoption date (ISO), when the file gives one."""
    texts: tuple[str, ...] = ()
    """The files of it that the file says are present, relative to ``series.toml``."""


# -- the edges: folders and files ---------------------------------------------------------

def corpus_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The files of ``folder`` that may hold resolutions, sorted by name.

    Raises :class:`SeriesError` when the folder is missing, unreadable, or holds none.
    """
    path = Path(folder)
    if not path.exists():
        raise SeriesError("{path}: no such folder", path=path)
    if not path.is_dir():
        raise SeriesError("{path} is a file, not a folder of resolutions", path=path)
    try:
        entries = sorted(path.iterdir())
    except OSError as exc:
        raise SeriesError("{path}: cannot be read ({strerror})", path=path, strerror=exc.strerror) from exc
    files = [p for p in entries if is_corpus_file(p)]
    if not files:
        raise SeriesError("{path}: no resolutions in it (looked for {patterns})",
                          path=path, patterns=', '.join('*' + s for s in SUFFIXES))
    return files


def special_files(folder: Path) -> list[Path]:
    """Entries of ``folder`` named like resolutions that are not regular files (FIFOs, devices, links to
    them, folders), which :func:`corpus_files` leaves out."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$"))
            and not p.name.upper().startswith("README") and not p.is_file()]


def is_corpus_file(path: Path) -> bool:
    """A text, PDF or Word file that is not a README, hidden, or one of resdiff's own files."""
    name = path.name
    return (path.suffix.lower() in SUFFIXES and not name.startswith((".", "~$"))
            and not name.upper().startswith("README") and "resdiff-index" not in name and path.is_file())


def read_series_file(folder: str | os.PathLike[str]) -> tuple[ListedResolution, ...]:
    """The resolutions listed in ``series.toml`` in ``folder`` or the folder above; ``()`` if none.

    A file that is not valid TOML raises :class:`SeriesError`.
    """
    folder = Path(folder)
    for candidate in (folder / SERIES_FILE, folder.parent / SERIES_FILE):
        if candidate.is_file():
            try:
                import tomllib  # type: ignore[import-not-found,unused-ignore]
            except ModuleNotFoundError:  # Python 3.10: tomllib is 3.11's; tomli is the same parser
                tomllib = importlib.import_module("tomli")  # type: ignore[assignment,unused-ignore]
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
                raise SeriesError("{file}: {error}", file=candidate, error=exc) from exc
            return parse_series_file(data)
    return ()


def parse_series_file(data: dict[str, Any]) -> tuple[ListedResolution, ...]:
    """The ``[[resolution]]`` entries of a parsed ``series.toml``.

    Every value is checked for its type: a wrong one raises :class:`SeriesError` naming it.
    """
    entries = data.get("resolution", [])
    if not isinstance(entries, list):
        raise SeriesError("{file}: 'resolution' must be a list of [[resolution]] tables, not {kind}",
                          file=SERIES_FILE, kind=_toml_type(entries))
    listed = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "symbol" not in entry:
            raise SeriesError("{file}: every [[resolution]] needs a symbol", file=SERIES_FILE)
        where = f"{SERIES_FILE}: [[resolution]] number {n}"
        symbol = entry["symbol"]
        if not isinstance(symbol, str) or not symbol.strip():
            raise SeriesError('{where}: \'symbol\' must be a text such as "E/RES/2013/9", not {kind}',
                              where=where, kind=_toml_type(symbol))
        adopted = entry.get("adopted")
        if isinstance(adopted, _dt.datetime):
            adopted = adopted.date().isoformat()
        elif isinstance(adopted, _dt.date):
            adopted = adopted.isoformat()
        elif isinstance(adopted, str):
            try:
                adopted = _dt.date.fromisoformat(adopted.strip()).isoformat()
            except ValueError:
                raise SeriesError("{where}: 'adopted' must be a date such as 2013-07-22, not {adopted!r}",
                                  where=where, adopted=adopted) from None
        elif adopted is not None:
            raise SeriesError("{where}: 'adopted' must be a date such as 2013-07-22, not {kind}",
                              where=where, kind=_toml_type(adopted))
        texts = entry.get("texts", [])
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise SeriesError("{where}: 'texts' must be a list of file names, not {kind}",
                              where=where, kind=_toml_type(texts))
        listed.append(ListedResolution(symbol.strip(), adopted, tuple(texts)))
    return tuple(listed)


def _toml_type(value: object) -> Message | str:
    """How a TOML value's type reads in an error message."""
    shown = ...  # a value shown after its type's name, put in below
    names = {bool: Message("true/false ({value!r})", value=shown), int: Message("a number ({value!r})", value=shown),
             float: Message("a number ({value!r})", value=shown), str: Message("a text ({value!r})", value=shown),
             list: Message("a list"), dict: Message("a table"), _dt.date: Message("a date"),
             _dt.datetime: Message("a date and time"), _dt.time: Message("a time")}
    for kind, name in names.items():
        if type(value) is kind:
            return name.replaced(shown, value)
    return type(value).__name__


# -- helpers ------------------------------------------------------------------------------

def _preference(source: str | None) -> int:
    return _PREFERENCE.get(Path(source).suffix.lower(), 3) if source else 3


def _symbol_year(symbol: str | None) -> int | None:
    found = RE_SYMBOL_YEAR.search(symbol or "")
    return int(found.group(1)) if found else None


def _order_key(resolution: Resolution, adopted: str | None, source: str | None) -> tuple[str, int, str]:
    found = RE_SYMBOL_YEAR.search(resolution.symbol or "")
    number = int(found.group(2)) if found else 0
    if adopted:
        when = adopted
    elif found:
        when = f"{found.group(1)}-99"  # dated texts of the same year first
    elif resolution.year:
        when = f"{resolution.year}-99"
    else:
        when = "9999"
    return when, number, source or ""


def _missing(members: Sequence[Member], listed: Sequence[ListedResolution], gaps: Sequence[Gap]) -> list[Gap]:
    present = {m.symbol for m in members}
    already = {g.symbol for g in gaps}
    if listed:
        return [Gap("listed", item.symbol, _symbol_year(item.symbol)) for item in listed
                if item.symbol not in present and item.symbol not in already]
    years = sorted({y for m in members if (y := m.year) is not None})
    if not years:
        return []
    recalled = {g.year for g in gaps}
    return [Gap("year", None, y) for y in range(years[0] + 1, years[-1])
            if y not in years and y not in recalled]


RE_UNIT_ID = re.compile(r"^(?P<kind>OP|PP|H)?\s*(?P<n>\d+)(?P<sub>\s*[(（]\s*[a-z]\s*[)）])?$", re.IGNORECASE)


def _normalise_unit_id(unit_id: str) -> str:
    """``op12`` → ``OP12``, ``OP38（b）`` → ``OP38(b)``, ``12`` → ``OP12``."""
    found = RE_UNIT_ID.match(unit_id.strip())
    if not found:
        return unit_id.strip()
    kind = (found.group("kind") or "OP").upper()
    sub = found.group("sub")
    letter = f"({re.sub(r'[^a-z]', '', sub.lower())})" if sub else ""
    return f"{kind}{found.group('n')}{letter}"
