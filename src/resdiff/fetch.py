"""Official texts by symbol, from the UN Official Document System, kept in a per-user cache.

The service answers ``/api/symbol/access?s=E%2FRES%2F2012%2F5&l=zh&t=pdf`` with the document or a
redirect to it. What can go wrong, and what :func:`fetch` does:

- 5xx or 429 (busy): tried again after 0.5 s, 1 s, 2 s … (``backoff``), or after the time the
  ``Retry-After`` header asks for when that is short; a long one is reported at once.
- 404: the document has no version in that language (or the symbol does not exist).
- 200 with an empty or tiny body: the service knows the symbol but has no file (not published).
- 200 with a web page: a wrong symbol, a login or error page, or a changed service.
- no answer (refused, unknown host, timeout): tried again, then reported with the host's name.

A file once fetched is served from the cache, without the network. The base URL can be changed
(``base_url=`` or ``$RESDIFF_ODS_URL``) for a mirror, or for tests.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import time
import urllib.parse
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resdiff.errors import FetchError, InputError, Message
from resdiff.limits import MAX_FILE_BYTES

#: The Official Document System, unless ``base_url`` or ``$RESDIFF_ODS_URL`` says otherwise.
DEFAULT_BASE_URL = "https://documents.un.org"
#: The service's path that serves a document by symbol, language and format.
ACCESS_PATH = "/api/symbol/access"

#: resdiff's format name → (the service's ``t=`` value, file extension).
FORMATS = {"pdf": ("pdf", ".pdf"), "docx": ("doc", ".docx")}
#: The official languages of the UN, and German, in which ODS publishes some documents.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es", "de")

#: A smaller answer is not a document: the service's way of saying it has no file.
MIN_BYTES = 1024
#: A larger answer is not a resolution either: an error, and nothing is cached.
MAX_BYTES = MAX_FILE_BYTES
#: The longest a whole fetch may take, retries and waits included (seconds).
DEADLINE = 120.0
#: The longest symbol accepted (real ones, such as ``A/HRC/RES/22/1``, are under 30 characters).
MAX_SYMBOL = 80
#: What each read of the body asks for at most.
CHUNK = 64 * 1024
#: The longest ``Retry-After`` (seconds) worth waiting for; past it the error says when to retry.
MAX_RETRY_AFTER = 60.0

#: What a web page (an error or login page) says it is, or starts with.
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_STARTS = (b"<!doctype html", b"<html")

#: A document symbol: ``E/RES/2012/5``, ``A/RES/67/195``, ``A/C.2/59/3``, ``A/67/65/Corr.1``: parts
#: joined by ``/`` (a word without one, ``garbage``, is refused before the network is asked).
RE_SYMBOL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.()+\-]*(?:/[A-Za-z0-9.()+\-]+)+$")
#: Characters that may not stand in a file name made from a symbol (``E/RES/2012/5``).
RE_UNSAFE = re.compile(r"[^A-Za-z0-9.()+\-]+")

#: The wait between tries; tests replace it to run without waiting.
sleep: Callable[[float], None] = time.sleep


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resdiff")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def symbol_filename(symbol: str, fmt: str = "pdf") -> str:
    """The file name of a symbol's document: ``E/RES/2012/5`` → ``E-RES-2012-5.pdf``."""
    return RE_UNSAFE.sub("-", symbol.strip()).strip("-") + FORMATS[_format(fmt)][1]


def default_cache_dir() -> Path:
    """``$RESDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/resdiff``, else ``~/.cache/resdiff``."""
    if os.environ.get("RESDIFF_CACHE_DIR"):
        return Path(os.environ["RESDIFF_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "resdiff"
    return Path.home() / ".cache" / "resdiff"


def ods_url(symbol: str, *, lang: str = "zh", fmt: str = "pdf", base_url: str | None = None) -> str:
    """The address of a document on the service (the symbol's ``/`` escaped as ``%2F``)."""
    base = (base_url or os.environ.get("RESDIFF_ODS_URL") or DEFAULT_BASE_URL).rstrip("/")
    query = urllib.parse.urlencode({"s": symbol, "l": lang, "t": FORMATS[_format(fmt)][0]},
                                   quote_via=urllib.parse.quote, safe="")
    return f"{base}{ACCESS_PATH}?{query}"


def _format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt == "doc":
        fmt = "docx"
    if fmt not in FORMATS:
        raise InputError("unknown format {fmt!r}: resdiff fetches pdf or docx", fmt=fmt)
    return fmt


def _check(symbol: str, lang: str) -> tuple[str, str]:
    symbol = re.sub(r"\s+", "", symbol)
    if len(symbol) > MAX_SYMBOL:
        raise InputError("{start!r}… is not a document symbol: {length} characters, where a symbol has at most "
                         "{most}", start=symbol[:40], length=len(symbol), most=MAX_SYMBOL)
    if not RE_SYMBOL.match(symbol):
        raise InputError("{symbol!r} is not a document symbol (like E/RES/2012/5)", symbol=symbol)
    lang = lang.strip().lower()
    if lang not in LANGUAGES:
        raise InputError("unknown language {lang!r}: use one of {languages}",
                         lang=lang, languages=', '.join(LANGUAGES))
    return symbol, lang


# --- the download ---------------------------------------------------------------------------------


def _retry_after(headers: Any) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (a number or an HTTP date), or ``None``."""
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _check_body(body: bytes, content_type: str, fmt: str, what: Message, host: str) -> None:
    head = body[:1024].lstrip().lower()
    if content_type in HTML_TYPES or head.startswith(HTML_STARTS):
        raise FetchError("{host} answered with a web page, not a {format} file, for {what}: the symbol may be "
                         "wrong, or the service may have changed", host=host, format=fmt.upper(), what=what)
    if len(body) < MIN_BYTES:
        size = Message("an empty answer") if not body else Message("only {n} bytes", n=len(body))
        raise FetchError("{host} gave {size} for {what}: it is probably not published in that language",
                         host=host, size=size, what=what)
    if fmt == "pdf" and b"%PDF-" not in body[:1024]:
        raise FetchError("{host} answered with a file that is not a PDF for {what}", host=host, what=what)
    if fmt == "docx":
        if body.startswith(b"\xd0\xcf\x11\xe0"):
            raise FetchError("{host} has {what} only as a Word 97-2003 .doc file, which resdiff cannot read: fetch "
                             "the PDF instead (--format pdf)", host=host, what=what)
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                is_word = "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):
            is_word = False
        if not is_word:
            raise FetchError("{host} answered with a file that is not a Word .docx file for {what}",
                             host=host, what=what)


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path`` whole or not at all: a cache never holds half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fetch(
    symbol: str,
    *,
    lang: str = "zh",
    fmt: str = "pdf",
    into: str | os.PathLike[str] | None = None,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    timeout: float = 30,
    retries: int = 3,
    backoff: float = 0.5,
    refresh: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Path:
    """Download the official text of ``symbol`` in ``lang`` as ``fmt`` (``pdf`` or ``docx``).

    Returns the path of the file: in the cache (:func:`default_cache_dir`), or copied into the
    folder ``into`` as ``E-RES-2012-5.pdf``. A file already in the cache is not downloaded again
    unless ``refresh``. ``notify(message)`` is told of each retry (a :class:`resdiff.errors.Message`: a
    ``str``, English, that the CLI says in the interface language). The whole fetch, retries and
    waits included, ends within :data:`DEADLINE` seconds. ``base_url`` (default
    ``$RESDIFF_ODS_URL``, else the UN's service) is for mirrors and tests.
    Raises :class:`FetchError` when the document cannot be had, and :class:`InputError`
    for a malformed symbol, language or format.
    """
    symbol, lang = _check(symbol, lang)
    fmt = _format(fmt)
    name = symbol_filename(symbol, fmt)
    cached = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cached = cached / "ods" / lang / name
    what = Message("the {lang} version of {symbol}", lang=lang, symbol=symbol)
    body = None if refresh else _cached(cached, fmt, what)
    if body is None:
        url = ods_url(symbol, lang=lang, fmt=fmt, base_url=base_url)
        try:
            host = urllib.parse.urlsplit(url).netloc or url
        except ValueError as exc:
            raise FetchError("the service address {address} is not a valid URL: {reason}",
                             address=base_url or url, reason=exc) from exc
        # The HTTP stack is imported here, not with resdiff: only this command needs it.
        from resdiff.download import Policy, download

        policy = Policy(deadline=DEADLINE, max_bytes=MAX_BYTES, max_retry_after=MAX_RETRY_AFTER, chunk=CHUNK,
                        sleep=sleep, retry_after=_retry_after, user_agent=f"resdiff/{_version()}")
        body, content_type = download(url, what=what, symbol=symbol, lang=lang, host=host, timeout=timeout,
                                      retries=retries, backoff=backoff, notify=notify, policy=policy)
        _check_body(body, content_type, fmt, what, host)
        try:
            _write(cached, body)
        except OSError as exc:
            raise FetchError("cannot write the cache folder {folder}: {strerror}",
                             folder=cached.parent, strerror=exc.strerror) from exc
    if into is None:
        return cached
    target = Path(into) / name
    if target.is_symlink() or (target.exists() and not target.is_file()):
        # Written through, a link would put the file wherever it points, outside the folder.
        raise FetchError("{target} is a symbolic link or not a file: resdiff does not write through it; remove it "
                         "and try again", target=target)
    try:
        if not (target.exists() and target.samefile(cached)):
            _write(target, body)  # a new file replaces the name: nothing is written through a link
    except OSError as exc:
        raise FetchError("cannot write {target}: {strerror}", target=target, strerror=exc.strerror) from exc
    return target


def _cached(path: Path, fmt: str, what: Message) -> bytes | None:
    """The cached file's bytes, if it is a regular file (not a link) that holds a good document."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or not MIN_BYTES <= info.st_size <= MAX_BYTES:
        return None  # a link, a folder, a stub or a giant: fetched again, and replaced
    try:
        body = path.read_bytes()
        _check_body(body, "application/octet-stream", fmt, what, "the cache")
    except (OSError, FetchError):
        return None
    return body
