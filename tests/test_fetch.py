"""Fetching by symbol (issue 5), offline: a local HTTP server on 127.0.0.1 plays the service.

Each test symbol is a scenario the server plays: a PDF, a redirect, 503 twice, 429 with
Retry-After, 404, an empty or tiny body, a web page, a Word file, no answer in time.
"""

from __future__ import annotations

import importlib
import io
import socket
import threading
import time
import urllib.parse
import zipfile
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from resdiff import FetchError, InputError
from resdiff.cli import main
from resdiff.fetch import fetch, ods_url, symbol_filename

fetch_module = importlib.import_module("resdiff.fetch")

PDF = b"%PDF-1.4\n" + b"% an illustrative PDF body, long enough to be a document\n" * 40 + b"%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><h1>Document not found</h1>" + b" " * 2000 + b"</body></html>"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" + " " * 2000)
    return buffer.getvalue()


class _Service(BaseHTTPRequestHandler):
    """Plays one scenario per symbol; counts the requests each symbol gets."""

    counts: Counter[str]
    requests: list[tuple[str, str]]

    def log_message(self, format: str, *args: object) -> None:  # keep pytest's output clean
        pass

    def _send(self, code: int, body: bytes = b"", content_type: str = "application/pdf",
              headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout scenario)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/files/"):
            self._send(200, PDF)
            return
        query = urllib.parse.parse_qs(url.query)
        symbol = query["s"][0]
        self.counts[symbol] += 1
        self.requests.append((self.path, self.headers.get("User-Agent", "")))
        n = self.counts[symbol]
        if symbol == "E/RES/2012/5":
            self._send(200, PDF)
        elif symbol == "E/RES/2011/16":
            self._send(302, headers={"Location": "/files/E-RES-2011-16.pdf"})
        elif symbol == "E/RES/2010/2":
            self._send(503, b"busy", "text/plain") if n <= 2 else self._send(200, PDF)
        elif symbol == "E/RES/2009/7":
            self._send(429, b"", "text/plain", {"Retry-After": "2"}) if n == 1 else self._send(200, PDF)
        elif symbol == "E/RES/2009/8":
            self._send(429, b"", "text/plain", {"Retry-After": "3600"})
        elif symbol == "E/RES/2008/3":
            self._send(500, b"error", "text/plain")
        elif symbol == "E/RES/2007/8":
            self._send(200, b"", "application/pdf")
        elif symbol == "E/RES/2006/46":
            self._send(200, b"%PDF-1.4\n", "application/pdf")
        elif symbol == "E/RES/2005/1":
            self._send(200, HTML, "text/html")
        elif symbol == "E/RES/2004/1":
            self._send(200, _docx() if query["t"] == ["doc"] else PDF,
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        elif symbol == "E/RES/2003/1":
            time.sleep(1.0)
            self._send(200, PDF)
        elif symbol == "E/RES/2002/1":  # the connection closes after part of the file
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(PDF)))
            self.end_headers()
            self.wfile.write(PDF[: len(PDF) // 2])
            self.close_connection = True
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture
def service() -> Iterator[tuple[str, type[_Service]]]:
    handler = type("Service", (_Service,), {"counts": Counter(), "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between tries, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(fetch_module, "sleep", recorded.append)
    return recorded


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RESDIFF_ODS_URL", raising=False)
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path / "cache"))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_pdf_is_fetched_and_then_served_from_the_cache(service: tuple[str, type[_Service]],
                                                       tmp_path: Path) -> None:
    url, handler = service
    path = fetch("E/RES/2012/5", base_url=url, cache_dir=tmp_path / "c")
    assert path == tmp_path / "c" / "ods" / "zh" / "E-RES-2012-5.pdf"
    assert path.read_bytes() == PDF
    path, ua = handler.requests[0]
    assert "s=E%2FRES%2F2012%2F5&l=zh&t=pdf" in path
    assert ua.startswith("resdiff/")
    # The second call needs no network: the service is not even there.
    again = fetch("E/RES/2012/5", base_url=f"http://127.0.0.1:{_closed_port()}", cache_dir=tmp_path / "c")
    assert again.read_bytes() == PDF
    assert handler.counts["E/RES/2012/5"] == 1


def test_refresh_downloads_again(service: tuple[str, type[_Service]], tmp_path: Path) -> None:
    url, handler = service
    fetch("E/RES/2012/5", base_url=url)
    fetch("E/RES/2012/5", base_url=url, refresh=True)
    assert handler.counts["E/RES/2012/5"] == 2


def test_into_copies_the_file_under_its_symbol(service: tuple[str, type[_Service]], tmp_path: Path) -> None:
    url, _ = service
    path = fetch("E/RES/2012/5", base_url=url, into=tmp_path / "corpora" / "zh")
    assert path == tmp_path / "corpora" / "zh" / "E-RES-2012-5.pdf"
    assert path.read_bytes() == PDF


def test_redirect_is_followed(service: tuple[str, type[_Service]]) -> None:
    url, _ = service
    assert fetch("E/RES/2011/16", base_url=url).read_bytes() == PDF


def test_5xx_is_tried_again_with_backoff(service: tuple[str, type[_Service]], waits: list[float]) -> None:
    url, handler = service
    assert fetch("E/RES/2010/2", base_url=url, backoff=0.01).read_bytes() == PDF
    assert handler.counts["E/RES/2010/2"] == 3
    assert waits == [0.01, 0.02]


def test_429_waits_as_long_as_retry_after_asks(service: tuple[str, type[_Service]],
                                               waits: list[float]) -> None:
    url, _ = service
    assert fetch("E/RES/2009/7", base_url=url, backoff=0.01).read_bytes() == PDF
    assert waits == [2.0]


def test_429_with_a_long_retry_after_is_reported(service: tuple[str, type[_Service]],
                                                 waits: list[float]) -> None:
    url, handler = service
    with pytest.raises(FetchError, match="asks to wait 3600 s"):
        fetch("E/RES/2009/8", base_url=url)
    assert handler.counts["E/RES/2009/8"] == 1 and waits == []


def test_persistent_5xx_gives_up(service: tuple[str, type[_Service]], waits: list[float]) -> None:
    url, handler = service
    with pytest.raises(FetchError, match="HTTP 500 3 times"):
        fetch("E/RES/2008/3", base_url=url, retries=2, backoff=0.01)
    assert handler.counts["E/RES/2008/3"] == 3
    assert waits == [0.01, 0.02]


def test_404_means_no_such_language_version(service: tuple[str, type[_Service]]) -> None:
    url, _ = service
    with pytest.raises(FetchError, match=r"no zh version of E/RES/1999/99 at 127\.0\.0\.1:\d+ \(HTTP 404\)"):
        fetch("E/RES/1999/99", base_url=url)


@pytest.mark.parametrize(("symbol", "message"), [("E/RES/2007/8", "empty answer"),
                                                  ("E/RES/2006/46", "only 9 bytes")])
def test_empty_or_tiny_body_means_not_published(service: tuple[str, type[_Service]], symbol: str,
                                                message: str, tmp_path: Path) -> None:
    url, _ = service
    with pytest.raises(FetchError, match=f"{message} .*not published"):
        fetch(symbol, base_url=url, cache_dir=tmp_path / "c")
    assert not list((tmp_path / "c").rglob("*.pdf"))  # nothing cached


def test_html_page_is_an_error(service: tuple[str, type[_Service]]) -> None:
    url, _ = service
    with pytest.raises(FetchError, match="web page, not a PDF"):
        fetch("E/RES/2005/1", base_url=url)


def test_docx_is_asked_for_as_doc(service: tuple[str, type[_Service]]) -> None:
    url, handler = service
    path = fetch("E/RES/2004/1", fmt="docx", base_url=url)
    assert path.name == "E-RES-2004-1.docx"
    assert "t=doc" in handler.requests[0][0]
    assert zipfile.is_zipfile(path)


def test_wrong_kind_of_file_is_an_error(service: tuple[str, type[_Service]]) -> None:
    url, _ = service
    with pytest.raises(FetchError, match=r"not a Word \.docx file"):
        fetch("E/RES/2012/5", fmt="docx", base_url=url)


def test_unreachable_service(waits: list[float]) -> None:
    port = _closed_port()
    with pytest.raises(FetchError, match=f"could not reach 127.0.0.1:{port}"):
        fetch("E/RES/2012/5", base_url=f"http://127.0.0.1:{port}", retries=1, backoff=0.01)
    assert waits == [0.01]


def test_timeout(service: tuple[str, type[_Service]]) -> None:
    url, _ = service
    with pytest.raises(FetchError, match=r"could not reach .*no answer within 0\.2 s"):
        fetch("E/RES/2003/1", base_url=url, timeout=0.2, retries=0)


def test_base_url_from_the_environment(service: tuple[str, type[_Service]], monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    url, handler = service
    monkeypatch.setenv("RESDIFF_ODS_URL", url)
    path = fetch("E/RES/2012/5")
    assert path == tmp_path / "cache" / "ods" / "zh" / "E-RES-2012-5.pdf"
    assert handler.counts["E/RES/2012/5"] == 1


def test_cache_folder_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RESDIFF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert fetch_module.default_cache_dir() == tmp_path / "xdg" / "resdiff"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert fetch_module.default_cache_dir() == tmp_path / "home" / ".cache" / "resdiff"


def test_addresses_and_file_names() -> None:
    assert ods_url("E/RES/2012/5", lang="zh", fmt="pdf", base_url="http://mirror.example/") == \
        "http://mirror.example/api/symbol/access?s=E%2FRES%2F2012%2F5&l=zh&t=pdf"
    assert ods_url("E/RES/2012/5", fmt="docx").startswith("https://documents.un.org/api/symbol/access?")
    assert symbol_filename("E/RES/2012/5", "pdf") == "E-RES-2012-5.pdf"
    assert symbol_filename("A/67/65/Corr.1", "docx") == "A-67-65-Corr.1.docx"


@pytest.mark.parametrize(("symbol", "lang", "fmt"), [("E/RES/2012/5?x=1", "zh", "pdf"), ("", "zh", "pdf"),
                                                     ("E/RES/2012/5", "xx", "pdf"),
                                                     ("E/RES/2012/5", "zh", "epub")])
def test_bad_arguments(symbol: str, lang: str, fmt: str) -> None:
    with pytest.raises(InputError):
        fetch(symbol, lang=lang, fmt=fmt, base_url="http://127.0.0.1:9")


def test_cli_fetch(service: tuple[str, type[_Service]], tmp_path: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    url, _ = service
    into = tmp_path / "corpora"
    assert main(["fetch", "E/RES/2012/5", "--lang", "zh", "--into", str(into), "--base-url", url]) == 0
    assert capsys.readouterr().out.strip() == str(into / "E-RES-2012-5.pdf")
    assert main(["fetch", "E/RES/1999/99", "--base-url", url]) == 2
    assert "no zh version of E/RES/1999/99" in capsys.readouterr().err


def test_a_download_cut_short_is_an_error_and_never_cached(service: tuple[str, type[_Service]],
                                                            waits: list[float], tmp_path: Path) -> None:
    base, handler = service
    with pytest.raises(FetchError, match="cut short"):
        fetch("E/RES/2002/1", base_url=base, retries=1, backoff=0.001)
    assert handler.counts["E/RES/2002/1"] == 2
    assert not list((tmp_path / "cache").rglob("*.pdf"))
