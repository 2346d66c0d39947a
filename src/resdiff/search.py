"""Agreed-language search over a folder of resolutions, with an index built once and kept current.

Two questions a negotiator asks of earlier texts:

* **Is this wording agreed language?** :meth:`Index.search` finds every paragraph that contains
  a wording exactly, or nearly: RapidFuzz's partial alignment, so that 加强能力建设 still finds
  增强能力建设; a near match is widened to whole words, never starting or ending inside one.
* **Where does this draft paragraph come from?** :meth:`Index.similar` gives the closest earlier
  paragraphs with their similarity and the word diff from each to the draft ("2013/9 OP36 with
  定期 removed").

**The index** is a SQLite file beside the corpus (``<folder>/.resdiff-index.sqlite3``), or, when
the folder cannot be written, in :func:`resdiff.segment.cache_dir`. Each distinct paragraph is
stored once, in an FTS5 table with the ``trigram`` tokenizer, which finds a Chinese wording of
three characters or more without cutting it into words; a wording of one or two characters is
looked for by scanning the distinct paragraphs (``instr``: about as fast as the trigram lookup at
this size, see ``bench/bench_search.py``). Near matches and similar paragraphs are scored by
RapidFuzz over the candidates that share the most trigrams with the wording (FTS5's ``bm25``),
not over the whole corpus. The query is never cut into words.

**Building the index costs little more than reading the texts.** A file is one row (its
paragraphs packed), each distinct wording one row with its postings (where it stands), and a
batch of files one transaction in which the new wordings enter the trigram table by one
``INSERT … SELECT``. No paragraph is cut into words then: the words are needed only to widen the
near matches a search shows and to compare whole paragraphs (``similar``), and they are taken
then, for those paragraphs only, from the word cache of :mod:`resdiff.segment`, which jieba fills
the first time (and which any comparison of the same texts has filled already).

Each file is recorded with its size, modification time and SHA-256; a changed file is indexed
again, and only it, in one transaction, so that two processes may search and update at once.

**The index is a cache, not a source.** What it holds is checked before it is believed: every
file record, every file's paragraphs and every wording carry a keyed hash (BLAKE2b with a key
kept in the user's cache folder), so a record that resdiff did not write, or that was altered, is
indexed again from the file; a posting is believed only when the file's own checked row agrees;
the files whose paragraphs a search shows are hashed again before they are shown; a file or a
table that is not what this version writes is rebuilt. Nothing reaches a hit that is not read
from the file named as its source.

The engine behind the index is :class:`Store` (a small protocol); :class:`SqliteStore` is the
embedded default, and a server engine could stand in for a team's shared corpus (see
``docs/design.md``).

Paragraphs with the same wording in several texts are one hit: the latest text's, with the
others in ``Hit.also`` (oldest first — the first is where the wording was first adopted).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import operator
import os
import re
import secrets
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from rapidfuzz import fuzz, process

from resdiff.errors import ResdiffError, SeriesError, named
from resdiff.lang import RE_IDEOGRAPH, detect_language
from resdiff.model import DiffOp
from resdiff.options import DEFAULT_OPTIONS, Options
from resdiff.patterns import RE_CJK_SPACE
from resdiff.segment import Segmenter, cache_dir, dictionary_version, is_punctuation
from resdiff.segment_en import EnglishSegmenter
from resdiff.series import corpus_files
from resdiff.worddiff import diff_words

Progress = Callable[[int, int, str], None]

INDEX_SCHEMA = "resdiff.index/3"
#: Changes whenever :class:`~resdiff.segment_en.EnglishSegmenter` would cut words differently.
ENGLISH_SEGMENTER_VERSION = 1
#: The index file's name in the corpus folder (ignored by git: ``*.resdiff-index*``).
INDEX_NAME = ".resdiff-index.sqlite3"
#: The key of the index's keyed hashes, in the cache folder.
KEY_NAME = "index.key"
#: Words are coded from here on when whole paragraphs are compared: a private-use plane.
_BASE = 0xF0000
#: How many candidates (distinct paragraphs, best ``bm25`` first) a near search scores.
NEAR_CANDIDATES = 400
#: How many candidates ``similar`` scores.
SIMILAR_CANDIDATES = 400
#: The matches read in full for a search: the best first, this many more than asked for (ties).
EXACT_MARGIN = 5
#: How many paragraphs are written to the index in one transaction, at most: each batch is one
#: FTS5 segment and one wait for a process writing at the same time (1,000 texts are one batch).
BATCH = 200_000
#: The page cache of the index's connection, in KiB (SQLite's default is 2 MiB).
CACHE_KIB = 32 * 1024
#: How long a process waits for another that is writing the index, in seconds.
BUSY_TIMEOUT = 30.0

# A draft paragraph as pasted: "36. **吁请**…" or "(b) 鼓励…": the number and the bold marks go.
RE_PASTED_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．]\s*|[(（][a-z][)）]\s*)")
RE_SPACES = re.compile(r"\s+")

_UNIT_ID = operator.attrgetter("id")
_UNIT_TEXT = operator.attrgetter("text")

#: Where a text without an adoption date (a draft) sorts among dates: after all of them.
UNDATED = "9999-12-31"
#: An ISO date as the index stores it.
RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A unit id as the parser gives it.
RE_UNIT = re.compile(r"^(PP[1-9][0-9]*|H[1-9][0-9]*|OP[1-9][0-9]*(\([a-z]\))?)$")


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


class Paragraph(NamedTuple):
    """One paragraph of an indexed file, as a :class:`Store` gives it back (a named tuple: a
    search may read thousands)."""

    source: str
    """The file's name in the folder."""
    order: int
    """Its position in that file."""
    unit: str
    symbol: str | None
    adopted: str | None
    text: str
    text_id: int
    """Which distinct wording it is: equal for paragraphs with the same text."""


@dataclass(frozen=True)
class FileRecord:
    """What the index knows of one file."""

    size: int
    mtime_ns: int
    sha256: str
    symbol: str | None
    adopted: str | None
    language: str = "zh"
    """Its language: the segmenter that cuts its paragraphs' words."""


class Batch:
    """Files to write to an index, gathered as they are read: each distinct wording kept once (in
    the order it first comes, with the language of the first file that holds it), each file's
    paragraphs as positions in that list. (A folder's texts repeat most paragraphs: 1,000 texts
    hold some 124,000 paragraphs and 14,000 wordings, and the parsed texts need not stay in memory.)"""

    def __init__(self) -> None:
        self.texts: dict[str, int] = {}
        """Each distinct wording, and its position in the batch."""
        self.english: list[bool] = []
        """For each wording: it came first in an English text."""
        self.files: list[tuple[str, FileRecord, str, array[int]]] = []
        """Each file's name, record, unit ids (one a line) and its paragraphs' wordings (positions)."""
        self.paragraphs = 0

    def add(self, name: str, record: FileRecord, unit_ids: Sequence[str], texts: Sequence[str]) -> None:
        """A file, its paragraphs' unit ids and their texts."""
        known = self.texts
        new = [text for text in dict.fromkeys(texts) if text not in known]
        known.update(zip(new, range(len(known), len(known) + len(new))))
        self.english.extend([record.language == "en"] * len(new))
        self.files.append((name, record, "\n".join(unit_ids), array("I", map(known.__getitem__, texts))))
        self.paragraphs += len(texts)

    def __len__(self) -> int:
        return len(self.files)


class Store(Protocol):
    """Where an index keeps its paragraphs; what :class:`Index` asks of it.

    Every method returns only what it could check (see the module): a store that finds a record
    it does not trust leaves it out and names its file in :meth:`untrusted`.
    """

    location: Path | None

    def files(self) -> dict[str, FileRecord]: ...
    def put(self, batch: Batch) -> None: ...
    def settle(self) -> None: ...
    def touch(self, name: str, record: FileRecord) -> None: ...
    def remove(self, names: Iterable[str]) -> None: ...
    def count(self) -> int: ...
    def containing(self, query: str, limit: int) -> list[int]: ...
    def sharing(self, text: str, limit: int) -> list[int]: ...
    def wordings(self, text_ids: Iterable[int]) -> dict[int, Wording]: ...
    def occurrences(self, wordings: dict[int, Wording], files: dict[str, FileRecord]) -> list[Paragraph]: ...
    def untrusted(self) -> set[str]: ...
    def reset(self) -> None: ...
    def close(self) -> None: ...


# -- the SQLite store ------------------------------------------------------------------------

_SCHEMA_SQL = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # One row per file: its record, and its paragraphs in order as two packed columns, ``texts``
    # (the id of each paragraph's wording, 4 bytes each) and ``units`` (their ids, one a line):
    # a file is written in one row, not a row per paragraph. ``content_mac`` covers both.
    # (AUTOINCREMENT: a file indexed again gets a new id, so a stale posting never names it.)
    "CREATE TABLE files (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
    " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, symbol TEXT, adopted TEXT,"
    " language TEXT NOT NULL, texts BLOB NOT NULL, units TEXT NOT NULL, mac BLOB NOT NULL,"
    " content_mac BLOB NOT NULL)",
    # One row per distinct wording: a paragraph repeated over twenty years is stored once, with
    # ``postings``, where it stands (file id and position, 4 bytes each), to find its files; they
    # are checked against the files' own rows before they are believed. ``latest``: the latest
    # adoption date among those files, to list exact matches the latest first without reading
    # every file (it orders candidates only: what is shown is ranked again from checked records).
    # No words: they are cut when a search needs them, through the word cache.
    "CREATE TABLE texts (id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, text TEXT NOT NULL,"
    " english INTEGER NOT NULL, mac BLOB NOT NULL, postings BLOB NOT NULL, latest TEXT NOT NULL)",
    "CREATE INDEX texts_latest ON texts(latest DESC, id)",
    # Filled by one INSERT … SELECT per batch of new wordings (a trigger per row costs about
    # seven times as much); emptied of a wording by the trigger.
    "CREATE VIRTUAL TABLE texts_fts USING fts5(text, content='texts', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER texts_out AFTER DELETE ON texts BEGIN"
    " INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)


#: What the schema must hold; anything less is rebuilt.
_SCHEMA_NAMES = {"meta", "files", "texts", "texts_fts", "texts_out", "texts_latest"}


def _index_key() -> bytes:
    """The key of the index's keyed hashes: made once per user, kept in the cache folder."""
    path = cache_dir() / KEY_NAME
    try:
        key = path.read_bytes()
        if len(key) == 32 and path.is_file():
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key)
    except FileExistsError:  # another process made it first
        try:
            again = path.read_bytes()
        except OSError:
            return key
        return again if len(again) == 32 else key
    except OSError:
        pass  # no cache folder: the key lives as long as the process (indexes are rebuilt)
    return key


def _mac(key: bytes, *parts: str | int | bytes | None) -> bytes:
    digest = hashlib.blake2b(key=key, digest_size=16)
    for part in parts:
        if part is None:
            digest.update(b"\xff\xff\xff\xff")  # not the length of any text: None is not "None"
            continue
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(4, "little"))
        digest.update(data)
    return digest.digest()


def _pack(numbers: Iterable[int]) -> bytes:
    """Numbers as the index stores them: 4 bytes each, little-endian."""
    packed = array("I", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: object, *, pairs: bool = False) -> array[int] | None:
    """Numbers packed by :func:`_pack`, or ``None`` for a blob that is not (an even count of) them."""
    if not isinstance(blob, bytes) or len(blob) % (8 if pairs else 4):
        return None
    numbers = array("I")
    numbers.frombytes(blob)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class Wording(NamedTuple):
    """A distinct paragraph text of the index."""

    text: str
    english: bool
    """It stands in an English text: its words are the English segmenter's."""
    latest: str = ""
    """The latest adoption date among its files, as stored (to order candidates only)."""


def _text_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _phrase(text: str) -> str:
    """An FTS5 string literal: the text in double quotes, its own quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


class IndexUnusable(Exception):
    """The index file cannot be opened or written here (read-only folder, not a database)."""


class _Content(NamedTuple):
    """A file's paragraphs as its checked row holds them."""

    name: str
    record: FileRecord
    texts: array[int]
    units: str
    """Their unit ids, one a line (split only where a posting points: a search meets some 1,000
    files and would otherwise hold 120,000 small strings)."""


class SqliteStore:
    """The embedded :class:`Store`: one SQLite file with an FTS5 trigram table (see the module)."""

    def __init__(self, path: Path | None, *, dictionary: str, key: bytes) -> None:
        self.location: Path | None = path
        """The file (``None``: held in memory for this process only)."""
        self._key = key
        self._bad: set[str] = set()
        self._touched: set[int] = set()
        self._contents: dict[int, _Content] = {}
        """Files' paragraphs already checked by this process, by file id (a row is never changed
        in place: a file indexed again gets a new id)."""
        try:
            self._db = sqlite3.connect(path or ":memory:", timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise IndexUnusable(str(exc)) from exc
        try:
            self._prepare(dictionary)
        except sqlite3.Error as exc:
            self._db.close()
            raise IndexUnusable(str(exc)) from exc

    def _prepare(self, dictionary: str) -> None:
        db = self._db
        # The write-ahead log lets searches read beside a writer; NORMAL is what it needs to stay
        # consistent (a power cut may lose the last batch, never damage the file: it is a cache).
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # a build touches every page of a 20 MiB file
        identity = {"schema": INDEX_SCHEMA, "dictionary": dictionary,
                    "key": hashlib.blake2b(self._key, digest_size=8).hexdigest()}
        self._identity = identity
        db.execute("BEGIN IMMEDIATE")  # also proves the file can be written
        try:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            stored: dict[str, str] = {}
            if names >= _SCHEMA_NAMES:
                stored = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
            if stored != identity:
                # Another version's index, another dictionary, another user's key, a damaged
                # schema, or no index: it is a cache, so it starts again.
                self._create()
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _create(self) -> None:
        db = self._db
        # Whatever the file holds, ours or not: triggers and views, the full-text table (with its
        # own tables), then every other table.
        objects = list(db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        for kind, name in objects:
            if kind in ("trigger", "view"):
                db.execute(f"DROP {kind.upper()} IF EXISTS {_phrase(name)}")
        db.execute("DROP TABLE IF EXISTS texts_fts")
        for kind, name in objects:
            if kind == "table":
                db.execute(f"DROP TABLE IF EXISTS {_phrase(name)}")
        for statement in _SCHEMA_SQL:
            db.execute(statement)
        db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", self._identity.items())
        self._contents.clear()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``, waiting up to :data:`BUSY_TIMEOUT` for another
        writer): committed when the block ends, rolled back when anything, an interrupt too, is raised."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def reset(self) -> None:
        """Forget everything (a damaged index): every file will be indexed again."""
        with self._transaction():
            self._create()
        self._bad.clear()
        self._touched.clear()

    # -- files ------------------------------------------------------------------------
    def files(self) -> dict[str, FileRecord]:
        found: dict[str, FileRecord] = {}
        for name, size, mtime, digest, symbol, adopted, language, mac in self._db.execute(
                "SELECT name, size, mtime_ns, sha256, symbol, adopted, language, mac FROM files"):
            if not (isinstance(name, str) and isinstance(size, int) and isinstance(mtime, int)
                    and isinstance(digest, str) and isinstance(symbol, (str, type(None)))
                    and (adopted is None or (isinstance(adopted, str) and RE_DATE.match(adopted)))
                    and language in ("zh", "en")):
                self._bad.add(str(name))
                continue
            record = FileRecord(size, mtime, digest, symbol, adopted, language)
            if not isinstance(mac, bytes) or not hmac.compare_digest(mac, self._file_mac(name, record)):
                self._bad.add(name)
                continue
            found[name] = record
        return found

    def _file_mac(self, name: str, record: FileRecord) -> bytes:
        return _mac(self._key, "file", name, record.size, record.mtime_ns, record.sha256, record.symbol,
                    record.adopted, record.language)

    def _content_mac(self, file_id: int, name: str, sha256: str, texts: bytes, units: str) -> bytes:
        # The paragraphs of one version of one file, under the file's id: a row copied to another
        # file, to another id or to another version of the file does not check out.
        return _mac(self._key, "content", file_id, name, sha256, texts, units)

    def _text_mac(self, text_id: int, digest: bytes, english: bool) -> bytes:
        # A wording's id bound to its text's hash (the text is checked against the hash when read).
        return hashlib.blake2b(b"text\0%d\0%d\0" % (text_id, english) + digest, key=self._key,
                               digest_size=16).digest()

    def put(self, batch: Batch) -> None:
        """Store each file of the batch in place of what it had, in one transaction. :meth:`settle`
        after the last batch."""
        db = self._db
        hashes = list(map(_text_hash, batch.texts))
        with self._transaction():
            for name in self._names([name for name, _, _, _ in batch.files]):
                self._delete(name)
            known = self._ids(hashes)
            first_text = int(db.execute("SELECT coalesce(max(id), 0) FROM texts").fetchone()[0]) + 1
            # Each wording's id: the one it has in the index, else the next (in the batch's order:
            # ids, and so the order of ties, as one paragraph after another would give them).
            new = [k for k, digest in enumerate(hashes) if digest not in known]
            ids = [known.get(digest, 0) for digest in hashes]
            for k, text_id in zip(new, range(first_text, first_text + len(new))):
                ids[k] = text_id
            file_id = int(db.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'files'), 0),"
                " coalesce((SELECT max(id) FROM files), 0))").fetchone()[0])
            postings: dict[int, list[int]] = {}
            rows = []
            dated = []
            for name, record, units, wordings in batch.files:
                file_id += 1
                text_ids = list(map(ids.__getitem__, wordings))
                for order, text_id in enumerate(text_ids):
                    postings.setdefault(text_id, []).extend((file_id, order))
                dated.append((record.adopted or UNDATED, text_ids))
                packed = _pack(text_ids)
                rows.append((file_id, name, record.size, record.mtime_ns, record.sha256, record.symbol,
                             record.adopted, record.language, packed, units, self._file_mac(name, record),
                             self._content_mac(file_id, name, record.sha256, packed, units)))
            # The latest date of each wording in the batch: the files from the oldest, the last date
            # written the latest.
            latest: dict[int, str] = {}
            for date, text_ids in sorted(dated, key=lambda item: item[0]):
                latest.update(dict.fromkeys(text_ids, date))
            texts = list(batch.texts)
            db.executemany("INSERT INTO texts(id, hash, text, english, mac, postings, latest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(ids[k], hashes[k], texts[k], batch.english[k],
                             self._text_mac(ids[k], hashes[k], batch.english[k]),
                             _pack(postings[ids[k]]), latest[ids[k]]) for k in new])
            # The new wordings into the trigram table at once (set-based, one FTS5 segment).
            db.execute("INSERT INTO texts_fts(rowid, text) SELECT id, text FROM texts WHERE id >= ?", (first_text,))
            # Wordings held before gain postings, their latest date raised if need be (a posting
            # list that does not read is left to the checks of a search).
            held = [known[digest] for digest in hashes if digest in known]
            updates = []
            for text_id, blob in self._postings(held).items():
                if isinstance(blob, bytes):
                    updates.append((blob + _pack(postings[text_id]), latest[text_id], text_id))
            db.executemany("UPDATE texts SET postings = ?, latest = max(latest, ?) WHERE id = ?", updates)
            db.executemany("INSERT INTO files(id, name, size, mtime_ns, sha256, symbol, adopted, language, texts, "
                           "units, mac, content_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._bad.difference_update(name for name, _, _, _ in batch.files)

    def _names(self, names: Sequence[str]) -> list[str]:
        """Those of ``names`` that the index holds."""
        held: list[str] = []
        for chunk in range(0, len(names), 500):
            part = names[chunk:chunk + 500]
            held.extend(row[0] for row in self._db.execute(
                f"SELECT name FROM files WHERE name IN ({','.join('?' * len(part))})", part))
        return held

    def _ids(self, hashes: Iterable[bytes]) -> dict[bytes, int]:
        wanted = list(set(hashes))
        ids: dict[bytes, int] = {}
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            ids.update(self._db.execute(f"SELECT hash, id FROM texts WHERE hash IN ({','.join('?' * len(part))})",
                                        part))
        return ids

    def settle(self) -> None:
        """Date again the wordings whose files were removed (once, after a run of :meth:`put` and
        :meth:`remove`)."""
        if not self._touched:
            return
        with self._transaction():
            self._date_touched()

    def _date_touched(self) -> None:
        # The latest date of each wording that lost a file, from the files that hold it now.
        touched = sorted(self._touched)
        self._touched.clear()
        dates = {int(i): str(d) for i, d in self._db.execute("SELECT id, coalesce(adopted, ?) FROM files", (UNDATED,))}
        updates = []
        for text_id, blob in self._postings(touched).items():
            numbers = _unpack(blob, pairs=True)
            held = [dates.get(f, "") for f in numbers[::2]] if numbers is not None else []
            updates.append((max(held, default=""), text_id))
        self._db.executemany("UPDATE texts SET latest = ? WHERE id = ?", updates)

    def _postings(self, text_ids: Sequence[int]) -> dict[int, object]:
        found: dict[int, object] = {}
        for chunk in range(0, len(text_ids), 500):
            part = text_ids[chunk:chunk + 500]
            found.update(self._db.execute(
                f"SELECT id, postings FROM texts WHERE id IN ({','.join('?' * len(part))})", part))
        return found

    def touch(self, name: str, record: FileRecord) -> None:
        self._db.execute("UPDATE files SET mtime_ns = ?, mac = ? WHERE name = ?",
                         (record.mtime_ns, self._file_mac(name, record), name))

    def remove(self, names: Iterable[str]) -> None:
        with self._transaction():
            for name in names:
                self._delete(name)

    def _delete(self, name: str) -> None:
        # The file's row, and its postings from every wording it held; a wording no file holds any
        # more goes (and, by the trigger, out of the trigram table).
        db = self._db
        row = db.execute("SELECT id, texts FROM files WHERE name = ?", (name,)).fetchone()
        if row is None:
            return
        file_id, blob = row
        numbers = _unpack(blob)
        held = sorted(set(numbers)) if numbers is not None else [  # a damaged row: every wording
            int(r[0]) for r in db.execute("SELECT id FROM texts")]
        updates, orphans = [], []
        for text_id, postings in self._postings(held).items():
            pairs = _unpack(postings, pairs=True)
            if pairs is None:
                orphans.append(text_id)  # unreadable: indexed again from the files that hold it
                continue
            kept = array("I", (n for k in range(0, len(pairs), 2) if pairs[k] != file_id
                               for n in (pairs[k], pairs[k + 1])))
            if len(kept) == len(pairs):
                continue
            if kept:
                updates.append((_pack(kept), text_id))
            else:
                orphans.append(text_id)
        db.executemany("UPDATE texts SET postings = ? WHERE id = ?", updates)
        db.executemany("DELETE FROM texts WHERE id = ?", [(i,) for i in orphans])
        db.execute("DELETE FROM files WHERE id = ?", (file_id,))
        self._touched.update(text_id for _, text_id in updates)

    def count(self) -> int:
        return int(self._db.execute("SELECT coalesce(sum(length(texts)), 0) / 4 FROM files").fetchone()[0])

    # -- looking up -------------------------------------------------------------------
    def containing(self, query: str, limit: int) -> list[int]:
        """The distinct paragraphs that contain ``query``, the latest first, at most ``limit``."""
        if len(query) >= 3:
            rows = self._db.execute(
                "SELECT id FROM texts WHERE id IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?) "
                "ORDER BY latest DESC, id LIMIT ?", (_phrase(query), limit))
        else:  # below the trigram's length: the distinct paragraphs in date order, until enough
            rows = self._db.execute("SELECT id FROM texts INDEXED BY texts_latest WHERE instr(text, ?) > 0 "
                                    "ORDER BY latest DESC, id LIMIT ?", (query, limit))
        return [int(row[0]) for row in rows]

    def sharing(self, text: str, limit: int) -> list[int]:
        """The distinct paragraphs that share the most trigrams with ``text`` (``bm25``), best first."""
        grams = sorted({text[k:k + 3] for k in range(len(text) - 2)} - {""})
        grams = [g for g in grams if not g.isspace()]
        if not grams:
            return []
        query = " OR ".join(_phrase(g) for g in grams)
        rows = self._db.execute("SELECT rowid FROM texts_fts WHERE texts_fts MATCH ? ORDER BY rank LIMIT ?",
                                (query, limit))
        return [int(row[0]) for row in rows]

    def wordings(self, text_ids: Iterable[int]) -> dict[int, Wording]:
        """The texts of these distinct paragraphs; one that does not check out is dropped, and its
        files are named by :meth:`untrusted`."""
        found: dict[int, Wording] = {}
        ids = list(text_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for text_id, digest, text, english, mac, latest in self._db.execute(
                    "SELECT id, hash, text, english, mac, latest FROM texts "
                    f"WHERE id IN ({','.join('?' * len(part))})", part):
                if (isinstance(text, str) and isinstance(digest, bytes) and digest == _text_hash(text)
                        and english in (0, 1) and isinstance(mac, bytes)
                        and hmac.compare_digest(mac, self._text_mac(text_id, digest, bool(english)))):
                    found[int(text_id)] = Wording(text, bool(english), latest if isinstance(latest, str) else "")
        missing = [i for i in ids if i not in found]
        if missing:  # not what this version writes: the files that hold it are indexed again
            self._distrust(missing)
        return found

    def _distrust(self, text_ids: Sequence[int]) -> None:
        """Drop these wordings, and name every file that holds one of them as untrusted."""
        wanted = set(text_ids)
        for name, blob in self._db.execute("SELECT name, texts FROM files"):
            numbers = _unpack(blob)
            if numbers is None or not wanted.isdisjoint(numbers):
                self._bad.add(str(name))
        self._db.executemany("DELETE FROM texts WHERE id = ?", [(i,) for i in wanted])

    def occurrences(self, wordings: dict[int, Wording], files: dict[str, FileRecord]) -> list[Paragraph]:
        """Every paragraph with one of these wordings, in one of these (checked) ``files``, whose
        file's row checks out."""
        # A common wording may stand in hundreds of files: each file's row is checked once (and
        # kept for the next search), each posting then only compared with it.
        postings: dict[int, array[int]] = {}
        unreadable = []
        for text_id, blob in self._postings(list(wordings)).items():
            numbers = _unpack(blob, pairs=True)
            if numbers is None:
                unreadable.append(text_id)
            else:
                postings[text_id] = numbers
        if unreadable:
            self._distrust(unreadable)
        contents = self._checked_contents({f for numbers in postings.values() for f in numbers[::2]}, files)
        result = []
        for text_id, numbers in postings.items():
            text = wordings[text_id].text
            for k in range(0, len(numbers), 2):
                content = contents.get(numbers[k])
                if content is None:
                    continue  # a file no longer indexed (or untrusted, and named)
                order = numbers[k + 1]
                if order >= len(content.texts) or content.texts[order] != text_id:
                    self._bad.add(content.name)  # the posting and the file disagree
                    continue
                record = content.record
                unit = content.units.split("\n", order + 1)[order]
                result.append(Paragraph(content.name, order, unit, record.symbol, record.adopted,
                                        text, text_id))
        return result

    def _checked_contents(self, file_ids: Iterable[int], files: dict[str, FileRecord]) -> dict[int, _Content]:
        wanted = [f for f in set(file_ids) if f not in self._contents
                  or files.get(self._contents[f].name) != self._contents[f].record]
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            for file_id, name, blob, units, mac in self._db.execute(
                    "SELECT id, name, texts, units, content_mac FROM files "
                    f"WHERE id IN ({','.join('?' * len(part))})", part):
                self._contents.pop(file_id, None)
                record = files.get(name)
                numbers = _unpack(blob)
                if (record is None or numbers is None or not isinstance(units, str) or not isinstance(mac, bytes)
                        or not hmac.compare_digest(mac, self._content_mac(file_id, name, record.sha256, blob, units))):
                    self._bad.add(str(name))
                    continue
                if (units.count("\n") + 1 if units else 0) != len(numbers):
                    self._bad.add(name)
                    continue
                self._contents[file_id] = _Content(name, record, numbers, units)
        return {f: c for f in set(file_ids) if (c := self._contents.get(f)) is not None and files.get(c.name) == c.record}

    def untrusted(self) -> set[str]:
        """Files with a record that did not check out since the last call; they need indexing again."""
        bad, self._bad = self._bad, set()
        return bad

    def close(self) -> None:
        self._db.close()


def _open_store(folder: Path, dictionary: str, key: bytes) -> SqliteStore:
    """The store beside the corpus, else in the cache folder, else in memory; a file that is not an
    index is replaced."""
    for path in index_paths(folder):
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                store = SqliteStore(path, dictionary=dictionary, key=key)
                _forget_json_index(path)
                return store
            except IndexUnusable as exc:
                cause = exc.__cause__
                damaged = isinstance(cause, sqlite3.DatabaseError) and not isinstance(cause, sqlite3.OperationalError)
                if attempt or not damaged or not path.is_file():
                    break
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            except OSError:
                break
    return SqliteStore(None, dictionary=dictionary, key=key)  # nowhere writable: for this run only


def _forget_json_index(path: Path) -> None:
    # The JSON index of earlier versions beside this one (it could be large): ours to remove.
    old = path.with_name(path.name.replace(".resdiff-index.sqlite3", ".resdiff-index.json"))
    with contextlib.suppress(OSError):
        if old != path and old.is_file() and not old.is_symlink():
            old.unlink()


def index_paths(folder: Path) -> tuple[Path, Path]:
    """The two places an index of ``folder`` may be: beside the corpus, and in the cache."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return folder / INDEX_NAME, cache_dir() / f"{key}.resdiff-index.sqlite3"


# -- the index --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scored:
    score: float
    span: tuple[int, int] | None
    """``None``: the whole text."""
    exact: bool


class Index:
    """The paragraphs of every resolution of a folder, indexed once; see the module."""

    def __init__(self, folder: Path, store: Store, *, indexed: int = 0, options: Options | None = None,
                 warnings: Sequence[str] = ()) -> None:
        self.folder = folder
        self._store = store
        self.location = store.location
        """Where the index is stored."""
        self.indexed = indexed
        """How many files were (re)indexed when it was opened: 0 when the stored index was current."""
        self.warnings = tuple(warnings)
        """Files that vanished while the folder was being indexed, and the like."""
        self._options = options or DEFAULT_OPTIONS
        self._segmenter: Segmenter | None = None
        self._english = EnglishSegmenter()
        self._size = store.count()
        self._records = store.files()

    def __len__(self) -> int:
        """How many paragraphs are indexed (with repeats: one per paragraph of every file)."""
        return self._size

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, folder: str | os.PathLike[str], *, progress: Progress | None = None,
             options: Options | None = None, skip_unreadable: bool = False) -> Index:
        """The index of ``folder``: opened where it is stored and brought up to date.

        Raises :class:`SeriesError` for a missing or empty folder, or a file that is not a readable
        resolution (unless ``skip_unreadable``).
        """
        folder = Path(folder)
        files = corpus_files(folder)
        store = _open_store(folder, _dictionary_fingerprint(options), _index_key())
        try:
            try:
                indexed, warnings = _update(folder, files, store, progress=progress, options=options,
                                            skip_unreadable=skip_unreadable)
            except sqlite3.DatabaseError:  # damaged inside: it is a cache, so it starts again
                store.reset()
                indexed, warnings = _update(folder, files, store, progress=progress, options=options,
                                            skip_unreadable=skip_unreadable)
        except BaseException:
            store.close()
            raise
        return cls(folder, store, indexed=indexed, options=options, warnings=warnings)

    def close(self) -> None:
        """Close the index file (a process that ends closes it too)."""
        self._store.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refresh(self, names: set[str]) -> None:
        """Index again the files whose records did not check out or whose content changed."""
        for name in names:
            self._store.remove([name])
        _update(self.folder, corpus_files(self.folder), self._store, options=self._options, skip_unreadable=True)
        self._size = self._store.count()
        self._records = self._store.files()

    # -- searching ---------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, cutoff: float = 0.75) -> list[Hit]:
        """Paragraphs that contain ``query`` exactly or nearly, best first (see the module).

        ``cutoff`` (0–1) is the least similarity of a near match (RapidFuzz's partial ratio of the
        wording against the best-aligned part of a paragraph). Ties: the latest text first.
        """
        query = _clean(query)
        if not query:
            return []
        return self._checked(lambda: self._search(query, limit, cutoff))

    def _search(self, query: str, limit: int, cutoff: float) -> list[Hit]:
        limit = max(limit, 0)
        scored: dict[int, _Scored] = {}
        exact_ids = self._store.containing(query, limit + EXACT_MARGIN)
        wordings = self._store.wordings(exact_ids)
        for text_id in exact_ids:
            if text_id in wordings:
                at = wordings[text_id].text.find(query)
                if at >= 0:  # FTS5's trigram match ignores case; the find does not
                    scored[text_id] = _Scored(1.0, (at, at + len(query)), True)
        if len(scored) < limit and len(query) >= 4:
            candidates = [i for i in self._store.sharing(query, NEAR_CANDIDATES) if i not in scored]
            found = self._store.wordings(candidates)
            choices = {i: found[i].text for i in candidates if i in found and len(found[i].text) >= len(query)}
            for _, score, text_id in process.extract_iter(query, choices, scorer=fuzz.partial_ratio,
                                                          processor=None, score_cutoff=cutoff * 100):
                alignment = fuzz.partial_ratio_alignment(query, choices[text_id], processor=None)
                if alignment is not None:
                    scored[text_id] = _Scored(score / 100.0, (alignment.dest_start, alignment.dest_end), False)
                    wordings[text_id] = found[text_id]
        hits = self._ranked(scored, {i: wordings[i] for i in scored}, limit)
        # A near match is widened to whole words (only for the hits shown: it needs their words).
        by_text = {w.text: w for w in wordings.values()}
        words = self._words(by_text[hit.text] for hit in hits if not hit.exact)
        return [hit if hit.exact else replace(hit, span=_word_span(hit.text, words[hit.text], *hit.span))
                for hit in hits]

    def similar(self, paragraph: str, *, limit: int = 10, cutoff: float = 0.5) -> list[Hit]:
        """The indexed paragraphs closest to a whole draft ``paragraph``, with the word diff from
        each to the draft; best first, ties the latest text first."""
        paragraph = _clean(RE_PASTED_NUMBER.sub("", paragraph.replace("**", "")))
        if not paragraph:
            return []
        english = _is_english(paragraph)
        if english:
            words = list(self._english.words(paragraph))
        else:
            words = list(self._chinese().words(paragraph))
        return self._checked(lambda: self._similar(paragraph, words, limit, cutoff, english))

    def _chinese(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter(self._options)
        return self._segmenter

    def _words(self, wordings: Iterable[Wording]) -> dict[str, tuple[str, ...]]:
        """The words of these wordings, each cut by its own language's segmenter: an English one by
        the English segmenter, a Chinese one from the word cache, or by jieba when it is new there
        (and then written to the cache at once, for the next search and the next process)."""
        found: dict[str, tuple[str, ...]] = {}
        chinese: dict[str, None] = {}
        for wording in wordings:
            if wording.english:
                found[wording.text] = self._english.words(wording.text)
            else:
                chinese[wording.text] = None
        if chinese:
            segmenter = self._chinese()
            found.update(zip(chinese, segmenter.words_many(list(chinese))))
            segmenter.flush()
        return found

    def _similar(self, paragraph: str, words: list[str], limit: int, cutoff: float,
                 english: bool = False) -> list[Hit]:
        candidates = self._store.sharing(paragraph, SIMILAR_CANDIDATES)
        found = self._store.wordings(candidates)
        codes: dict[str, str] = {}

        def coded(ws: Iterable[str]) -> str:
            if english:  # English words are compared by their stems, and spaces are no words
                ws = (self._english.key(w) for w in ws if not w.isspace())
            return "".join(codes.setdefault(w, chr(_BASE + len(codes))) for w in ws)

        draft = coded(words)
        cut = self._words(found.values())
        choices = {i: coded(cut[found[i].text]) for i in candidates if i in found}
        scored: dict[int, _Scored] = {}
        for _, score, text_id in process.extract_iter(draft, choices, scorer=fuzz.ratio, processor=None,
                                                      score_cutoff=cutoff * 100):
            scored[text_id] = _Scored(score / 100.0, None, paragraph in found[text_id].text)
        hits = self._ranked(scored, {i: found[i] for i in scored}, limit)
        return [replace(hit, diff=diff_words(list(cut[hit.text]), words)) for hit in hits]

    def _checked(self, run: Callable[[], list[Hit]]) -> list[Hit]:
        """Run a search; if a record did not check out or a shown file changed, index again and rerun."""
        for _ in range(3):
            try:
                hits = run()
            except sqlite3.DatabaseError:  # damaged since it was opened: it starts again
                self._store.reset()
                self._refresh(set())
                continue
            bad = self._store.untrusted() | self._changed({hit.source for hit in hits if hit.source})
            if not bad:
                return hits
            self._refresh(bad)
        raise SeriesError("{folder}: the search index keeps changing under this search; try again", folder=self.folder)

    def _changed(self, names: set[str]) -> set[str]:
        """The files among ``names`` whose content is not what was indexed (hashed again)."""
        changed = set()
        for name in names:
            record = self._records.get(name)
            try:
                if record is None or _sha256(self.folder / name) != record.sha256:
                    changed.add(name)
            except OSError:
                changed.add(name)
        return changed

    # -- helpers -----------------------------------------------------------------------
    def _ranked(self, scored: dict[int, _Scored], wordings: dict[int, Wording], limit: int) -> list[Hit]:
        # Same wording in several texts: one hit, the latest, with the others in `also`.
        # The same resolution held twice (as text and as Word, say) counts once; a text without a
        # date (a draft) counts as the newest.
        if not scored:
            return []
        # Only the best few wordings are read in full (every file that holds them): by score, then
        # by their stored latest date, with a margin for the ties that the checked records decide.
        order = sorted(scored, key=lambda i: (-scored[i].score, _descending(wordings[i].latest or UNDATED), i))
        chosen = {i: wordings[i] for i in order[:limit + EXACT_MARGIN]}
        groups: dict[int, list[Paragraph]] = {}
        seen: set[tuple[str, str]] = set()
        for entry in sorted(self._store.occurrences(chosen, self._records)):  # by file and position
            if entry.symbol is not None:
                if (entry.symbol, entry.unit) in seen:
                    continue
                seen.add((entry.symbol, entry.unit))
            groups.setdefault(entry.text_id, []).append(entry)
        hits: list[tuple[tuple[float, str, str, int], Hit]] = []
        for text_id, entries in groups.items():
            entries.sort(key=lambda p: (p.adopted or UNDATED, p.symbol or "", p.source, p.order))
            best = entries[-1]
            found = scored[text_id]
            span = found.span if found.span is not None else (0, len(best.text))
            also = tuple(Occurrence(p.symbol, p.adopted, p.unit) for p in entries[:-1])
            hit = Hit(best.symbol, best.adopted, best.unit, found.score, best.text, span, best.source, found.exact,
                      also=also)
            hits.append(((-found.score, _descending(best.adopted or UNDATED), best.source, best.order), hit))
        hits.sort(key=lambda item: item[0])
        return [hit for _, hit in hits[:limit]]


def _update(folder: Path, files: Sequence[Path], store: Store, *, progress: Progress | None = None,
            options: Options | None = None, skip_unreadable: bool = False) -> tuple[int, list[str]]:
    """Bring ``store`` up to date with ``files``: returns how many were indexed, and warnings."""
    from resdiff.api import load

    records = store.files()
    names = {f.name for f in files}
    gone = [name for name in records if name not in names] + sorted(store.untrusted() - set(records))
    if gone:
        store.remove(gone)
    indexed = 0
    warnings: list[str] = []
    pending = Batch()
    kept = 0
    for n, file in enumerate(files):
        if progress:
            progress(n, len(files), f"indexing {file.name}")
        record = records.get(file.name)
        try:
            stat = file.stat()
            if record and record.size == stat.st_size and record.mtime_ns == stat.st_mtime_ns:
                kept += 1
                continue
            digest = _sha256(file)
            if record and record.sha256 == digest:
                store.touch(file.name, replace(record, mtime_ns=stat.st_mtime_ns))
                kept += 1
                continue
            resolution = load(file)
        except FileNotFoundError:
            # Deleted while the folder was being indexed: as if it had never been there.
            store.remove([file.name])
            warnings.append(f"{file.name} disappeared while the folder was being indexed")
            continue
        except OSError as exc:
            if not skip_unreadable:
                raise SeriesError("{file}: cannot be read ({strerror}) (in the folder {folder})",
                                  file=file.name, strerror=exc.strerror, folder=folder) from exc
            store.remove([file.name])
            continue
        except ResdiffError as exc:
            if not (folder / file.name).exists():
                store.remove([file.name])
                warnings.append(f"{file.name} disappeared while the folder was being indexed")
                continue
            if skip_unreadable:
                store.remove([file.name])
                continue
            raise SeriesError("{message} (in the folder {folder})", message=named(exc, file.name), folder=folder) from exc
        pending.add(file.name, FileRecord(stat.st_size, stat.st_mtime_ns, digest, resolution.symbol,
                                          _iso(resolution.adopted), resolution.language),
                    list(map(_UNIT_ID, resolution.units)), list(map(_UNIT_TEXT, resolution.units)))
        if pending.paragraphs >= BATCH:
            store.put(pending)
            pending = Batch()
        indexed += 1
        kept += 1
    if pending:
        store.put(pending)
    store.settle()
    if progress:
        progress(len(files), len(files), "indexed")
    if not kept:
        raise SeriesError("{folder}: none of its files could be read as a resolution", folder=folder)
    return indexed, warnings


def _is_english(text: str) -> bool:
    """Whether a wording is English: told from its letters, and a short one from having no ideograph."""
    language = detect_language(text)
    return language == "en" or (language is None and not RE_IDEOGRAPH.search(text))


def _iso(date: str | None) -> str | None:
    return date if date is None or RE_DATE.match(date) else None


def _word_span(text: str, words: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """``start``–``end`` widened to whole words, without punctuation at either end."""
    begin = finish = at = 0
    for word in words:
        following = at + len(word)
        if at <= start < following:
            begin = at
        if at < end <= following:
            finish = following
        at = following
    finish = max(finish, begin)
    while finish > begin and is_punctuation(text[finish - 1]):
        finish -= 1
    while begin < finish and is_punctuation(text[begin]):
        begin += 1
    return begin, finish


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _dictionary_fingerprint(options: Options | None) -> str:
    """Changes when the words would be cut differently: resdiff's dictionary, the user's, jieba's."""
    opts = options or DEFAULT_OPTIONS
    # English paragraphs are cut by their own segmenter: its version is part of the fingerprint, so
    # an index whose English words jieba cut (before issue 12) is built again.
    return dictionary_version(opts.user_dictionary, un_terms=opts.un_terms).hex() + f"+en{ENGLISH_SEGMENTER_VERSION}"


def _clean(text: str) -> str:
    """The text as the parser leaves a paragraph: no space beside a CJK character, others single."""
    return RE_SPACES.sub(" ", RE_CJK_SPACE.sub("", text)).strip()


def _descending(text: str) -> str:
    # Sort key that puts later ISO dates first, and undated texts last.
    return "".join(chr(0x10FFFF - ord(c)) for c in text) if text else chr(0x10FFFF)
