"""Agreed-language search over a folder of resolutions, with an index built once and reused.

Two questions a negotiator asks of earlier texts:

* **Is this wording agreed language?** :meth:`Index.search` finds every paragraph that contains
  a wording exactly, or nearly: RapidFuzz's partial alignment over jieba words, so that a match
  never starts or ends inside a word and 加强能力建设 still finds 增强能力建设.
* **Where does this draft paragraph come from?** :meth:`Index.similar` gives the closest earlier
  paragraphs with their similarity and the word diff from each to the draft ("2013/9 OP36 with
  定期 removed").

The words of every paragraph are cut once, when a file is indexed: each distinct word becomes one
character of a private-use plane (as :mod:`resdiff.worddiff` does for diffs), so that a paragraph
is a short string and RapidFuzz compares whole words at C speed. The index is a JSON file stored
beside the corpus (``<folder>/.resdiff-index.json``), or, when the folder is read-only, in
``$RESDIFF_CACHE_DIR`` (default ``~/.cache/resdiff``). Each file is recorded with its size,
modification time and SHA-256; a file whose content changed is indexed again, and only it.

Paragraphs with the same wording in several texts are one hit: the latest text's, with the
others in ``Hit.also`` (oldest first — the first is where the wording was first adopted).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from resdiff.errors import ResdiffError, SeriesError
from resdiff.model import DiffOp, Resolution
from resdiff.options import DEFAULT_OPTIONS, Options
from resdiff.patterns import RE_CJK_SPACE
from resdiff.segment import Segmenter, is_punctuation
from resdiff.series import corpus_files
from resdiff.worddiff import diff_words

Progress = Callable[[int, int, str], None]

INDEX_SCHEMA = "resdiff.index/1"
#: The index file's name in the corpus folder (ignored by git: ``*.resdiff-index*``).
INDEX_NAME = ".resdiff-index.json"
#: Words are coded from here on: a private-use plane, so no real character is ever a code.
_BASE = 0xF0000
#: At most this many distinct words (the rest of planes 15 and 16).
_MAX_WORDS = 0x10FFFE - _BASE

# A draft paragraph as pasted: "36. **吁请**…" or "(b) 鼓励…": the number and the bold marks go.
RE_PASTED_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．]\s*|[(（][a-z][)）]\s*)")
RE_SPACES = re.compile(r"\s+")


#: A query of fewer content words than this is matched character by character as well.
SHORT_QUERY_WORDS = 4

#: Where a text without an adoption date (a draft) sorts among dates: after all of them.
UNDATED = "9999-12-31"


@dataclass(frozen=True)
class Occurrence:
    """Another text in which a hit's paragraph stands with the same wording."""

    symbol: str | None
    """The text's symbol."""
    adopted: str | None
    """Its adoption date (ISO) or ``None``."""
    unit: str
    """The paragraph's id in that text."""

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "adopted": self.adopted, "unit": self.unit}


@dataclass(frozen=True)
class Hit:
    """A paragraph of an indexed text that matches a search."""

    symbol: str | None
    """The symbol of the text it is in (the latest with this wording)."""
    adopted: str | None
    """That text's adoption date (ISO), or ``None``."""
    unit: str
    """The paragraph's id there (``OP34``)."""
    score: float
    """How well it matches, 0 to 1: 1 for the exact wording."""
    text: str
    """The paragraph."""
    span: tuple[int, int]
    """Start and end (exclusive) in ``text`` of the matched wording; the whole text for ``similar``."""
    source: str | None = None
    """The file it was read from."""
    exact: bool = False
    """The wording occurs in the paragraph character for character."""
    diff: tuple[DiffOp, ...] = ()
    """For :meth:`Index.similar`: the word diff from this paragraph to the draft."""
    also: tuple[Occurrence, ...] = ()
    """Earlier texts with the same paragraph word for word, oldest first."""

    @property
    def matched(self) -> str:
        return self.text[self.span[0]:self.span[1]]

    @property
    def first(self) -> Occurrence:
        """The oldest text with this wording of the paragraph."""
        return self.also[0] if self.also else Occurrence(self.symbol, self.adopted, self.unit)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "symbol": self.symbol,
            "adopted": self.adopted,
            "unit": self.unit,
            "score": round(self.score, 4),
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "exact": self.exact,
            "source": self.source,
            "also": [o.to_dict() for o in self.also],
        }
        if self.diff:
            data["diff"] = [d.to_dict() for d in self.diff]
        return data


@dataclass(frozen=True)
class _Entry:
    """One indexed paragraph."""

    symbol: str | None
    adopted: str | None
    unit: str
    text: str
    codes: str
    source: str
    order: int


class Index:
    """The paragraphs of every resolution of a folder, cut into words once; see the module."""

    def __init__(self, folder: Path, location: Path | None, vocabulary: list[str], entries: list[_Entry],
                 *, indexed: int = 0, options: Options | None = None) -> None:
        self.folder = folder
        self.location = location
        """Where the index is stored (``None`` when it could not be written anywhere)."""
        self.indexed = indexed
        """How many files were (re)indexed when it was opened: 0 when the stored index was current."""
        self._vocabulary = vocabulary
        self._codes = {w: chr(_BASE + i) for i, w in enumerate(vocabulary)}
        self._entries = entries
        self._choices = [e.codes for e in entries]
        self._options = options or DEFAULT_OPTIONS
        self._segmenter: Segmenter | None = None

    def __len__(self) -> int:
        return len(self._entries)

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, folder: str | os.PathLike[str], *, progress: Progress | None = None,
             options: Options | None = None, skip_unreadable: bool = False) -> Index:
        """The index of ``folder``: read from where it is stored, brought up to date, saved if changed.

        Raises :class:`SeriesError` for a missing or empty folder, or a file that is not a readable
        resolution (unless ``skip_unreadable``).
        """
        from resdiff.api import load

        folder = Path(folder)
        files = corpus_files(folder)
        stored_at, stored = _read_stored(folder)
        fingerprint = _dictionary_fingerprint(options)
        if stored.get("schema") != INDEX_SCHEMA or stored.get("dictionary") != fingerprint:
            stored = {}
        vocabulary: list[str] = list(stored.get("vocabulary", []))
        codes = {w: chr(_BASE + i) for i, w in enumerate(vocabulary)}
        old_files: dict[str, Any] = stored.get("files", {})
        new_files: dict[str, Any] = {}
        segmenter: Segmenter | None = None
        indexed = 0
        changed = set(old_files) != {f.name for f in files}
        for n, file in enumerate(files):
            if progress:
                progress(n, len(files), f"indexing {file.name}")
            stat = file.stat()
            record = old_files.get(file.name)
            if record and record["size"] == stat.st_size and record["mtime_ns"] == stat.st_mtime_ns:
                new_files[file.name] = record
                continue
            digest = _sha256(file)
            if record and record["sha256"] == digest:
                new_files[file.name] = {**record, "mtime_ns": stat.st_mtime_ns}
                changed = True
                continue
            try:
                resolution = load(file)
            except ResdiffError as exc:
                if skip_unreadable:
                    continue
                message = str(exc) if file.name in str(exc) else f"{file.name}: {exc}"
                raise SeriesError(f"{message} (in the folder {folder})") from exc
            segmenter = segmenter or Segmenter(options)
            new_files[file.name] = _record(resolution, stat, digest, segmenter, vocabulary, codes)
            indexed += 1
            changed = True
        if progress:
            progress(len(files), len(files), "indexed")
        if not new_files:
            raise SeriesError(f"{folder}: none of its files could be read as a resolution")
        location = stored_at
        if changed or stored_at is None:
            data = {"schema": INDEX_SCHEMA, "dictionary": fingerprint, "vocabulary": vocabulary, "files": new_files}
            location = _write_stored(folder, data)
        entries: list[_Entry] = []
        for name, record in new_files.items():
            for n, (unit, text, coded) in enumerate(record["units"]):
                entries.append(_Entry(record["symbol"], record["adopted"], unit, text, coded, name, n))
        index = cls(folder, location, vocabulary, entries, indexed=indexed, options=options)
        index._segmenter = segmenter
        return index

    # -- searching ---------------------------------------------------------------------
    def _encode(self, text: str) -> tuple[str, list[str]]:
        if self._segmenter is None:
            self._segmenter = Segmenter(self._options)
        words = list(self._segmenter.words(text))
        unknown = 0
        out = []
        for word in words:
            code = self._codes.get(word)
            if code is None:
                # A word no indexed text has: a code past the vocabulary, equal only to itself.
                unknown += 1
                code = chr(min(_BASE + len(self._vocabulary) + unknown, 0x10FFFD))
            out.append(code)
        return "".join(out), words

    def search(self, query: str, *, limit: int = 20, cutoff: float = 0.75) -> list[Hit]:
        """Paragraphs that contain ``query`` exactly or nearly, best first (see the module).

        ``cutoff`` (0–1) is the least share of the query's words, in order, that a near match has.
        Ties: the latest text first.
        """
        query = _clean(query)
        if not query:
            return []
        scored: dict[int, tuple[float, tuple[int, int], bool]] = {}
        for k, entry in enumerate(self._entries):
            at = entry.text.find(query)
            if at >= 0:
                scored[k] = (1.0, (at, at + len(query)), True)
        coded, words = self._encode(query)
        content = [c for c, w in zip(coded, words) if not is_punctuation(w)]
        if len(content) < SHORT_QUERY_WORDS:
            # A query of a word or three: one different word is most of it, so near matches are
            # looked for character by character (加强能力建设 finds 增强能力建设).
            texts = [entry.text for entry in self._entries]
            for _, score, k in process.extract_iter(query, texts, scorer=fuzz.partial_ratio, processor=None,
                                                    score_cutoff=cutoff * 100):
                if k in scored or len(texts[k]) < len(query):
                    continue
                alignment = fuzz.partial_ratio_alignment(query, texts[k], processor=None)
                if alignment is not None:
                    scored[k] = (score / 100.0, (alignment.dest_start, alignment.dest_end), False)
        if len(content) >= 2:
            needle = "".join(content)
            for _, score, k in process.extract_iter(needle, self._choices, scorer=fuzz.partial_ratio,
                                                    processor=None, score_cutoff=cutoff * 100):
                if k in scored or len(self._choices[k]) < len(needle):
                    continue
                alignment = fuzz.partial_ratio_alignment(needle, self._choices[k], processor=None)
                if alignment is None:
                    continue
                span = self._char_span(self._entries[k], alignment.dest_start, alignment.dest_end)
                scored[k] = (score / 100.0, span, False)
        return [hit for _, hit in self._ranked(scored, limit)]

    def similar(self, paragraph: str, *, limit: int = 10, cutoff: float = 0.5) -> list[Hit]:
        """The indexed paragraphs closest to a whole draft ``paragraph``, with the word diff from
        each to the draft; best first, ties the latest text first."""
        paragraph = _clean(RE_PASTED_NUMBER.sub("", paragraph.replace("**", "")))
        if not paragraph:
            return []
        coded, words = self._encode(paragraph)
        scored: dict[int, tuple[float, tuple[int, int], bool]] = {}
        for _, score, k in process.extract_iter(coded, self._choices, scorer=fuzz.ratio, processor=None,
                                                score_cutoff=cutoff * 100):
            text = self._entries[k].text
            scored[k] = (score / 100.0, (0, len(text)), paragraph in text)
        return [replace(hit, diff=diff_words(self._words(k), words)) for k, hit in self._ranked(scored, limit)]

    # -- helpers -----------------------------------------------------------------------
    def _words(self, k: int) -> list[str]:
        return [self._vocabulary[ord(c) - _BASE] for c in self._entries[k].codes]

    def _char_span(self, entry: _Entry, start: int, end: int) -> tuple[int, int]:
        lengths = [len(self._vocabulary[ord(c) - _BASE]) for c in entry.codes]
        begin = sum(lengths[:start])
        finish = begin + sum(lengths[start:end])
        # Not a punctuation mark at either end of a highlighted span.
        while finish > begin and is_punctuation(entry.text[finish - 1]):
            finish -= 1
        while begin < finish and is_punctuation(entry.text[begin]):
            begin += 1
        return begin, finish

    def _ranked(self, scored: dict[int, tuple[float, tuple[int, int], bool]], limit: int) -> list[tuple[int, Hit]]:
        # Same wording in several texts: one hit, the latest, with the others in `also`.
        # The same resolution held twice (as text and as Word, say) counts once; a text without a
        # date (a draft) counts as the newest.
        groups: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for k in sorted(scored):
            entry = self._entries[k]
            if entry.symbol is not None:
                if (entry.symbol, entry.unit) in seen:
                    continue
                seen.add((entry.symbol, entry.unit))
            groups.setdefault(entry.text, []).append(k)
        hits: list[tuple[tuple[float, str, int], int, Hit]] = []
        for ks in groups.values():
            ks.sort(key=lambda k: (self._entries[k].adopted or UNDATED, self._entries[k].symbol or "", k))
            best = ks[-1]
            entry = self._entries[best]
            score, span, exact = scored[best]
            also = tuple(Occurrence(self._entries[k].symbol, self._entries[k].adopted, self._entries[k].unit)
                         for k in ks[:-1])
            hit = Hit(entry.symbol, entry.adopted, entry.unit, score, entry.text, span, entry.source, exact,
                      also=also)
            hits.append(((-score, _descending(entry.adopted or UNDATED), entry.order), best, hit))
        hits.sort(key=lambda item: item[0])
        return [(k, hit) for _, k, hit in hits[: max(limit, 0)]]


# -- the stored index ---------------------------------------------------------------------

def _record(resolution: Resolution, stat: os.stat_result, digest: str, segmenter: Segmenter,
            vocabulary: list[str], codes: dict[str, str]) -> dict[str, Any]:
    units = []
    for unit in resolution.units:
        coded = []
        for word in segmenter.words(unit.text):
            code = codes.get(word)
            if code is None:
                if len(vocabulary) >= _MAX_WORDS:
                    raise SeriesError("too many distinct words for one index")
                code = codes[word] = chr(_BASE + len(vocabulary))
                vocabulary.append(word)
            coded.append(code)
        units.append([unit.id, unit.text, "".join(coded)])
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest,
            "symbol": resolution.symbol, "adopted": resolution.adopted, "units": units}


def cache_dir() -> Path:
    """Where indexes of read-only folders go: ``$RESDIFF_CACHE_DIR``, else ``~/.cache/resdiff``."""
    given = os.environ.get("RESDIFF_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "resdiff"


def index_paths(folder: Path) -> tuple[Path, Path]:
    """The two places an index of ``folder`` may be: beside the corpus, and in the cache."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return folder / INDEX_NAME, cache_dir() / f"{key}.resdiff-index.json"


def _read_stored(folder: Path) -> tuple[Path | None, dict[str, Any]]:
    # The newer of the two: a read-only folder may hold an old index that the cache has updated.
    found = []
    for path in index_paths(folder):
        try:
            found.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(found, reverse=True):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return path, data
    return None, {}


def _write_stored(folder: Path, data: dict[str, Any]) -> Path | None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for path in index_paths(folder):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".resdiff-index", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            return path
        except OSError:
            continue
    return None  # nowhere writable: the index lives in memory for this run


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _dictionary_fingerprint(options: Options | None) -> str:
    """Changes when the words would be cut differently: resdiff's dictionary or the user's."""
    digest = hashlib.sha256(resources.files("resdiff").joinpath("data/un_terms.txt").read_bytes())
    user = (options or DEFAULT_OPTIONS).user_dictionary
    if user:
        try:
            digest.update(Path(user).read_bytes())
        except OSError:
            digest.update(user.encode("utf-8"))
    return digest.hexdigest()[:16]


def _clean(text: str) -> str:
    """The text as the parser leaves a paragraph: no space beside a CJK character, others single."""
    return RE_SPACES.sub(" ", RE_CJK_SPACE.sub("", text)).strip()


def _descending(text: str) -> str:
    # Sort key that puts later ISO dates first, and undated texts last.
    return "".join(chr(0x10FFFF - ord(c)) for c in text) if text else chr(0x10FFFF)
