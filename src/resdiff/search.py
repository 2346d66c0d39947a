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
stored once, with its word boundaries, in an FTS5 table with the ``trigram`` tokenizer, which
finds a Chinese wording of three characters or more without cutting it into words; a wording of
one or two characters is looked for by scanning the distinct paragraphs (``instr``: about as fast
as the trigram lookup at this size, see ``bench/bench_search.py``). Near matches and similar
paragraphs are scored by RapidFuzz over the candidates that share the most trigrams with the
wording (FTS5's ``bm25``), not over the whole corpus. A search needs no jieba: the query is never
cut into words (``similar`` cuts the draft, through the word cache of :mod:`resdiff.segment`).

Each file is recorded with its size, modification time and SHA-256; a changed file is indexed
again, and only it, in one transaction, so that two processes may search and update at once.

**The index is a cache, not a source.** What it holds is checked before it is believed: every
file record and paragraph carries a keyed hash (BLAKE2b with a key kept in the user's cache
folder), so a record that resdiff did not write, or that was altered, is indexed again from the
file; the files whose paragraphs a search shows are hashed again before they are shown; a file or
a table that is not what this version writes is rebuilt. Nothing reaches a hit that is not read
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
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from rapidfuzz import fuzz, process

from resdiff.errors import ResdiffError, SeriesError
from resdiff.lang import RE_IDEOGRAPH, detect_language
from resdiff.model import DiffOp
from resdiff.options import DEFAULT_OPTIONS, Options
from resdiff.patterns import RE_CJK_SPACE
from resdiff.segment import Segmenter, _decode, _encode, cache_dir, dictionary_version, is_punctuation
from resdiff.segment_en import EnglishSegmenter
from resdiff.series import corpus_files
from resdiff.worddiff import diff_words

Progress = Callable[[int, int, str], None]

INDEX_SCHEMA = "resdiff.index/2"
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
#: How many files are written to the index in one transaction (FTS5 writes its segments per commit).
BATCH = 50
#: How long a process waits for another that is writing the index, in seconds.
BUSY_TIMEOUT = 30.0

# A draft paragraph as pasted: "36. **吁请**…" or "(b) 鼓励…": the number and the bold marks go.
RE_PASTED_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．]\s*|[(（][a-z][)）]\s*)")
RE_SPACES = re.compile(r"\s+")

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


class Store(Protocol):
    """Where an index keeps its paragraphs; what :class:`Index` asks of it.

    Every method returns only what it could check (see the module): a store that finds a record
    it does not trust leaves it out and names its file in :meth:`untrusted`.
    """

    location: Path | None

    def files(self) -> dict[str, FileRecord]: ...
    def put(self, files: Sequence[tuple[str, FileRecord, Sequence[tuple[str, str]]]],
            cut: Callable[[Sequence[str]], Sequence[Sequence[str]]]) -> None: ...
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
    "CREATE TABLE files (name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL, symbol TEXT, adopted TEXT, mac BLOB NOT NULL)",
    # One row per distinct wording: a paragraph repeated over twenty years is stored once.
    # ``latest``: the latest adoption date among the files that hold it, to list exact matches the
    # latest first without reading every paragraph (it orders candidates only: what is shown is
    # ranked again from the checked records).
    "CREATE TABLE texts (id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, text TEXT NOT NULL,"
    " words BLOB NOT NULL, latest TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX texts_latest ON texts(latest DESC, id)",
    # Kept in the order of their wordings: a search reads every paragraph of a few wordings.
    "CREATE TABLE paragraphs (text_id INTEGER NOT NULL, file TEXT NOT NULL, ord INTEGER NOT NULL,"
    " unit TEXT NOT NULL, mac BLOB NOT NULL, PRIMARY KEY (text_id, file, ord)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX paragraphs_file ON paragraphs(file, ord)",
    "CREATE VIRTUAL TABLE texts_fts USING fts5(text, content='texts', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER texts_in AFTER INSERT ON texts BEGIN"
    " INSERT INTO texts_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER texts_out AFTER DELETE ON texts BEGIN"
    " INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)


#: What the schema must hold; anything less is rebuilt.
_SCHEMA_NAMES = {"meta", "files", "texts", "paragraphs", "paragraphs_file", "texts_fts", "texts_in", "texts_out",
                 "texts_latest"}


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


def _fits(blob: object, text: str) -> bool:
    """A stored entry of word lengths that adds up to ``text`` (checked without slicing it)."""
    if not isinstance(blob, bytes) or len(blob) < 2:
        return False
    if blob[0] == 1:
        return 0 not in blob[1:] and sum(blob[1:]) == len(text)
    return _decode(blob, text) is not None


class Wording:
    """A distinct paragraph text of the index, with its words (decoded when first asked for)."""

    __slots__ = ("_blob", "_words", "latest", "text")

    def __init__(self, text: str, blob: bytes, latest: str = "") -> None:
        self.text = text
        self.latest = latest
        """The latest adoption date among its files, as stored (to order candidates only)."""
        self._blob = blob
        self._words: tuple[str, ...] | None = None

    @property
    def words(self) -> tuple[str, ...]:
        if self._words is None:
            self._words = _decode(self._blob, self.text) or (self.text,)
        return self._words


def _text_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _phrase(text: str) -> str:
    """An FTS5 string literal: the text in double quotes, its own quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


class IndexUnusable(Exception):
    """The index file cannot be opened or written here (read-only folder, not a database)."""


class SqliteStore:
    """The embedded :class:`Store`: one SQLite file with an FTS5 trigram table (see the module)."""

    def __init__(self, path: Path | None, *, dictionary: str, key: bytes) -> None:
        self.location: Path | None = path
        """The file (``None``: held in memory for this process only)."""
        self._key = key
        self._bad: set[str] = set()
        self._orphans: set[int] = set()
        self._touched: set[int] = set()
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
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
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

    # -- files ------------------------------------------------------------------------
    def files(self) -> dict[str, FileRecord]:
        found: dict[str, FileRecord] = {}
        for name, size, mtime, digest, symbol, adopted, mac in self._db.execute(
                "SELECT name, size, mtime_ns, sha256, symbol, adopted, mac FROM files"):
            if not (isinstance(name, str) and isinstance(size, int) and isinstance(mtime, int)
                    and isinstance(digest, str) and isinstance(symbol, (str, type(None)))
                    and (adopted is None or (isinstance(adopted, str) and RE_DATE.match(adopted)))):
                self._bad.add(str(name))
                continue
            record = FileRecord(size, mtime, digest, symbol, adopted)
            if not isinstance(mac, bytes) or not hmac.compare_digest(mac, self._file_mac(name, record)):
                self._bad.add(name)
                continue
            found[name] = record
        return found

    def _file_mac(self, name: str, record: FileRecord) -> bytes:
        return _mac(self._key, "file", name, record.size, record.mtime_ns, record.sha256, record.symbol,
                    record.adopted)

    def _paragraph_mac(self, name: str, sha256: str, order: int, unit: str, text_hash: bytes) -> bytes:
        # Over the text's hash, which is checked against the text whenever it is read. The words
        # are not in it: they are checked against the text (:func:`_fits`), and at worst cut a
        # paragraph oddly; the text is what must be the file's. (One call, for speed: a file name
        # and a unit id hold no NUL, and the digest and hash have fixed lengths.)
        data = f"paragraph\0{name}\0{sha256}\0{order}\0{unit}\0".encode("utf-8", "surrogatepass") + text_hash
        return hashlib.blake2b(data, key=self._key, digest_size=16).digest()

    def put(self, files: Sequence[tuple[str, FileRecord, Sequence[tuple[str, str]]]],
            cut: Callable[[Sequence[str]], Sequence[Sequence[str]]]) -> None:
        """Store each file's paragraphs (unit id, text) in place of what it had, in one transaction;
        ``cut`` gives the words of the wordings the index does not hold yet. :meth:`settle` after
        the last batch."""
        db = self._db
        hashes = {text: _text_hash(text) for _, _, paragraphs in files for _, text in paragraphs}
        ids = self._ids(hashes.values())
        new = [(digest, text) for text, digest in hashes.items() if digest not in ids]
        words = cut([text for _, text in new])  # before the lock: jieba is slow
        with self._transaction():
            # (INSERT OR IGNORE: another process may have stored some of them meanwhile.)
            db.executemany("INSERT OR IGNORE INTO texts(hash, text, words) VALUES (?, ?, ?)",
                           [(digest, text, _encode(ws)) for (digest, text), ws in zip(new, words)])
            ids.update(self._ids(digest for digest, _ in new))
            for name, record, paragraphs in files:
                self._delete(name, keep_texts=True)
                db.executemany("INSERT INTO paragraphs(file, ord, unit, text_id, mac) VALUES (?, ?, ?, ?, ?)",
                               [(name, order, unit, ids[hashes[text]],
                                 self._paragraph_mac(name, record.sha256, order, unit, hashes[text]))
                                for order, (unit, text) in enumerate(paragraphs)])
                self._touched.update(ids[hashes[text]] for _, text in paragraphs)
                db.execute("INSERT INTO files(name, size, mtime_ns, sha256, symbol, adopted, mac) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (name, record.size, record.mtime_ns, record.sha256, record.symbol, record.adopted,
                            self._file_mac(name, record)))
            self._drop_orphans()
        self._bad.difference_update(name for name, _, _ in files)

    def _ids(self, hashes: Iterable[bytes]) -> dict[bytes, int]:
        wanted = list(set(hashes))
        ids: dict[bytes, int] = {}
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            ids.update(self._db.execute(f"SELECT hash, id FROM texts WHERE hash IN ({','.join('?' * len(part))})",
                                        part))
        return ids

    def settle(self) -> None:
        """Date the wordings whose files changed (once, after a run of :meth:`put` and :meth:`remove`)."""
        if not self._touched:
            return
        with self._transaction():
            self._date_touched()

    def _date_touched(self) -> None:
        # The latest date of each wording whose files changed, from the files that hold it now.
        touched = sorted(self._touched)
        self._touched.clear()
        for chunk in range(0, len(touched), 500):
            part = touched[chunk:chunk + 500]
            self._db.execute(
                "UPDATE texts SET latest = coalesce((SELECT max(coalesce(f.adopted, ?)) FROM paragraphs p "
                "JOIN files f ON f.name = p.file WHERE p.text_id = texts.id), '') "
                f"WHERE id IN ({','.join('?' * len(part))})", (UNDATED, *part))

    def touch(self, name: str, record: FileRecord) -> None:
        self._db.execute("UPDATE files SET mtime_ns = ?, mac = ? WHERE name = ?",
                         (record.mtime_ns, self._file_mac(name, record), name))

    def remove(self, names: Iterable[str]) -> None:
        with self._transaction():
            for name in names:
                self._delete(name, keep_texts=True)
            self._drop_orphans()

    def _delete(self, name: str, *, keep_texts: bool = False) -> None:
        db = self._db
        held = [row[0] for row in db.execute("SELECT DISTINCT text_id FROM paragraphs WHERE file = ?", (name,))]
        self._orphans.update(held)
        self._touched.update(held)
        db.execute("DELETE FROM paragraphs WHERE file = ?", (name,))
        db.execute("DELETE FROM files WHERE name = ?", (name,))
        if not keep_texts:
            self._drop_orphans()

    def _drop_orphans(self) -> None:
        # Wordings no paragraph holds any more.
        self._db.executemany("DELETE FROM texts WHERE id = ? AND NOT EXISTS "
                             "(SELECT 1 FROM paragraphs WHERE text_id = ?)", [(i, i) for i in self._orphans])
        self._orphans.clear()

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])

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
        """The texts (and words) of these distinct paragraphs; one that does not check out is
        dropped, and its files are named by :meth:`untrusted`."""
        found: dict[int, Wording] = {}
        ids = list(text_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for text_id, digest, text, blob, latest in self._db.execute(
                    f"SELECT id, hash, text, words, latest FROM texts WHERE id IN ({','.join('?' * len(part))})",
                    part):
                if isinstance(text, str) and digest == _text_hash(text) and _fits(blob, text):
                    found[int(text_id)] = Wording(text, blob, latest if isinstance(latest, str) else "")
        missing = [i for i in ids if i not in found]
        if missing:  # not what this version writes: the files that hold it are indexed again
            for i in missing:
                self._bad.update(str(row[0]) for row in
                                 self._db.execute("SELECT DISTINCT file FROM paragraphs WHERE text_id = ?", (i,)))
            self._db.executemany("DELETE FROM texts WHERE id = ?", [(i,) for i in missing])
        return found

    def occurrences(self, wordings: dict[int, Wording], files: dict[str, FileRecord]) -> list[Paragraph]:
        """Every paragraph with one of these wordings, in one of these (checked) ``files``, whose
        record checks out."""
        # A common wording may stand in hundreds of files: this loop is kept lean (the keyed hash
        # of :meth:`_paragraph_mac`, its fixed part made once per file).
        ids = list(wordings)
        hashes = {i: _text_hash(w.text) for i, w in wordings.items()}
        heads: dict[str, tuple[bytes, FileRecord] | None] = {}
        key = self._key
        blake2b = hashlib.blake2b
        result = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            rows = self._db.execute("SELECT file, ord, unit, text_id, mac FROM paragraphs "
                                    f"WHERE text_id IN ({','.join('?' * len(part))})", part)
            for name, order, unit, text_id, mac in rows:
                if name not in heads:
                    found = files.get(name)
                    heads[name] = None if found is None else (
                        f"paragraph\0{name}\0{found.sha256}\0".encode("utf-8", "surrogatepass"), found)
                head = heads[name]
                if (head is None or type(unit) is not str or type(order) is not int or type(mac) is not bytes
                        or blake2b(head[0] + f"{order}\0{unit}\0".encode("utf-8", "surrogatepass") + hashes[text_id],
                                   key=key, digest_size=16).digest() != mac):
                    self._bad.add(str(name))
                    continue
                record = head[1]
                result.append(Paragraph(name, order, unit, record.symbol, record.adopted, wordings[text_id].text,
                                        text_id))
        return result

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
        words = {w.text: w for w in wordings.values()}
        return [hit if hit.exact else replace(hit, span=_word_span(hit.text, words[hit.text].words, *hit.span))
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
            if self._segmenter is None:
                self._segmenter = Segmenter(self._options)
            words = list(self._segmenter.words(paragraph))
        return self._checked(lambda: self._similar(paragraph, words, limit, cutoff, english))

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
        choices = {i: coded(found[i].words) for i in candidates if i in found}
        scored: dict[int, _Scored] = {}
        for _, score, text_id in process.extract_iter(draft, choices, scorer=fuzz.ratio, processor=None,
                                                      score_cutoff=cutoff * 100):
            scored[text_id] = _Scored(score / 100.0, None, paragraph in found[text_id].text)
        hits = self._ranked(scored, {i: found[i] for i in scored}, limit)
        by_text = {found[i].text: found[i].words for i in scored}
        return [replace(hit, diff=diff_words(list(by_text[hit.text]), words)) for hit in hits]

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
        raise SeriesError(f"{self.folder}: the search index keeps changing under this search; try again")

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
    cut = _Cutter(options)
    indexed = 0
    warnings: list[str] = []
    pending: list[tuple[str, FileRecord, list[tuple[str, str]]]] = []
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
                raise SeriesError(f"{file.name}: cannot be read ({exc.strerror}) (in the folder {folder})") from exc
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
            message = str(exc) if file.name in str(exc) else f"{file.name}: {exc}"
            raise SeriesError(f"{message} (in the folder {folder})") from exc
        pending.append((file.name, FileRecord(stat.st_size, stat.st_mtime_ns, digest, resolution.symbol,
                                              _iso(resolution.adopted)),
                        [(u.id, u.text) for u in resolution.units]))
        if resolution.language == "en":
            cut.english.update(u.text for u in resolution.units)
        if len(pending) >= BATCH:
            store.put(pending, cut)
            pending.clear()
            cut.english.clear()
        indexed += 1
        kept += 1
    if pending:
        store.put(pending, cut)
    store.settle()
    if progress:
        progress(len(files), len(files), "indexed")
    if not kept:
        raise SeriesError(f"{folder}: none of its files could be read as a resolution")
    return indexed, warnings


class _Cutter:
    """Cuts the paragraphs of a batch into words, each with the segmenter of its text's language:
    an English paragraph by :class:`~resdiff.segment_en.EnglishSegmenter`, a Chinese one by jieba
    (through the word cache), which is not even loaded for a folder of English texts."""

    def __init__(self, options: Options | None) -> None:
        self._options = options
        self._chinese: Segmenter | None = None
        self._english_segmenter = EnglishSegmenter()
        self.english: set[str] = set()
        """The paragraphs of the batch that belong to English texts."""

    def __call__(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        found: dict[int, tuple[str, ...]] = {}
        chinese = [k for k, text in enumerate(texts) if text not in self.english]
        if chinese:
            if self._chinese is None:
                self._chinese = Segmenter(self._options)
            found.update(zip(chinese, self._chinese.words_many([texts[k] for k in chinese])))
        return [found[k] if k in found else self._english_segmenter.words(text) for k, text in enumerate(texts)]


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
