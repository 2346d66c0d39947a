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
import shutil
import tempfile
import time
import urllib.parse
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resdiff.errors import FetchError, InputError

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
#: A larger answer is not a resolution either; reading stops there.
MAX_BYTES = 200 * 1024 * 1024
#: The longest ``Retry-After`` (seconds) worth waiting for; past it the error says when to retry.
MAX_RETRY_AFTER = 60.0

#: What a web page (an error or login page) says it is, or starts with.
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_STARTS = (b"<!doctype html", b"<html")

#: A document symbol: ``E/RES/2012/5``, ``A/RES/67/195``, ``A/C.2/59/3``, ``A/67/65/Corr.1``.
RE_SYMBOL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./()+\-]*$")
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
        raise InputError(f"unknown format {fmt!r}: resdiff fetches pdf or docx")
    return fmt


def _check(symbol: str, lang: str) -> tuple[str, str]:
    symbol = re.sub(r"\s+", "", symbol)
    if not RE_SYMBOL.match(symbol):
        raise InputError(f"{symbol!r} is not a document symbol (like E/RES/2012/5)")
    lang = lang.strip().lower()
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
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


def _download(url: str, *, symbol: str, lang: str, host: str, timeout: float, retries: int,
              backoff: float) -> tuple[bytes, str]:
    """The body and content type of a 200 answer at ``url``, after redirects and retries."""
    # The HTTP stack is imported here, not with resdiff: only this command needs it.
    import http.client
    import urllib.error
    import urllib.request

    what = f"the {lang} version of {symbol}"
    request = urllib.request.Request(url, headers={"User-Agent": f"resdiff/{_version()}", "Accept": "*/*"})
    opener = urllib.request.build_opener()  # follows redirects; honours the proxy variables
    attempts = retries + 1
    for attempt in range(attempts):
        delay = backoff * 2 ** attempt
        try:
            with opener.open(request, timeout=timeout) as response:
                body = response.read(MAX_BYTES)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and len(body) < min(int(declared), MAX_BYTES):
                    # The connection closed early: half a file must never reach the cache.
                    raise http.client.IncompleteRead(body, int(declared) - len(body))
                return body, response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 404:
                raise FetchError(f"no {lang} version of {symbol} at {host} (HTTP 404)") from exc
            if exc.code != 429 and not 500 <= exc.code < 600:
                raise FetchError(f"{host} refused {what}: HTTP {exc.code} {exc.reason}") from exc
            asked = _retry_after(exc.headers)
            if asked is not None and asked > MAX_RETRY_AFTER:
                raise FetchError(f"{host} is busy (HTTP {exc.code}) and asks to wait {asked:.0f} s: "
                                 "try again later") from exc
            if attempt + 1 == attempts:
                raise FetchError(
                    f"{host} answered HTTP {exc.code} {attempts} times for {what}: try again later") from exc
            sleep(asked if asked is not None else delay)
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as exc:
            if attempt + 1 == attempts:
                if isinstance(exc, http.client.IncompleteRead):
                    raise FetchError(f"the download of {what} from {host} was cut short "
                                     f"({len(exc.partial)} bytes received): try again later") from exc
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                    reason = f"no answer within {timeout:g} s"
                raise FetchError(f"could not reach {host}: {reason}") from exc
            sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


def _check_body(body: bytes, content_type: str, fmt: str, what: str, host: str) -> None:
    head = body[:1024].lstrip().lower()
    if content_type in HTML_TYPES or head.startswith(HTML_STARTS):
        raise FetchError(f"{host} answered with a web page, not a {fmt.upper()} file, for {what}: "
                         "the symbol may be wrong, or the service may have changed")
    if len(body) < MIN_BYTES:
        size = "an empty answer" if not body else f"only {len(body)} bytes"
        raise FetchError(f"{host} gave {size} for {what}: it is probably not published in that language")
    if fmt == "pdf" and b"%PDF-" not in body[:1024]:
        raise FetchError(f"{host} answered with a file that is not a PDF for {what}")
    if fmt == "docx":
        if body.startswith(b"\xd0\xcf\x11\xe0"):
            raise FetchError(f"{host} has {what} only as a Word 97-2003 .doc file, which resdiff "
                             "cannot read: fetch the PDF instead (--format pdf)")
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                is_word = "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_word = False
        if not is_word:
            raise FetchError(f"{host} answered with a file that is not a Word .docx file for {what}")


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
) -> Path:
    """Download the official text of ``symbol`` in ``lang`` as ``fmt`` (``pdf`` or ``docx``).

    Returns the path of the file: in the cache (:func:`default_cache_dir`), or copied into the
    folder ``into`` as ``E-RES-2012-5.pdf``. A file already in the cache is not downloaded again
    unless ``refresh``. ``base_url`` (default ``$RESDIFF_ODS_URL``, else the UN's service) is for
    mirrors and tests. Raises :class:`FetchError` when the document cannot be had, and
    :class:`InputError` for a malformed symbol, language or format.
    """
    symbol, lang = _check(symbol, lang)
    fmt = _format(fmt)
    name = symbol_filename(symbol, fmt)
    cached = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cached = cached / "ods" / lang / name
    if refresh or not cached.is_file() or cached.stat().st_size < MIN_BYTES:
        url = ods_url(symbol, lang=lang, fmt=fmt, base_url=base_url)
        try:
            host = urllib.parse.urlsplit(url).netloc or url
        except ValueError as exc:
            raise FetchError(f"the service address {base_url or url} is not a valid URL: {exc}") from exc
        what = f"the {lang} version of {symbol}"
        body, content_type = _download(url, symbol=symbol, lang=lang, host=host, timeout=timeout,
                                       retries=retries, backoff=backoff)
        _check_body(body, content_type, fmt, what, host)
        try:
            _write(cached, body)
        except OSError as exc:
            raise FetchError(f"cannot write the cache folder {cached.parent}: {exc.strerror}") from exc
    if into is None:
        return cached
    target = Path(into) / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target.exists() and target.samefile(cached)):
            shutil.copyfile(cached, target)
    except OSError as exc:
        raise FetchError(f"cannot write {target}: {exc.strerror}") from exc
    return target
