"""The HTTP side of :func:`resdiff.fetch`: one download within one deadline, bounded in size.

Kept apart from :mod:`resdiff.fetch` so that ``import resdiff`` does not import the HTTP stack;
:func:`resdiff.fetch.fetch` imports this module when it has to download, and passes its settings
(the deadline, the largest body, the wait between tries) as a :class:`Policy`.

What a download refuses (issue 15): a body larger than ``policy.max_bytes`` (declared or sent);
anything past the deadline, whatever it waits for — a connection, headers sent a byte at a time,
a slow body (the sockets are shut when it passes); a redirect to anything but http or https; a
redirect loop (one line). Each retry is told to ``notify``.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from resdiff.errors import FetchError, Message


@dataclass(frozen=True)
class Policy:
    """The settings of one download, from :mod:`resdiff.fetch` (where tests change them)."""

    deadline: float
    """Seconds the whole download may take, retries and waits included."""
    max_bytes: int
    """The largest body accepted."""
    max_retry_after: float
    """The longest ``Retry-After`` waited for."""
    chunk: int
    """Bytes asked for by each read of the body."""
    sleep: Callable[[float], None]
    """The wait between tries."""
    retry_after: Callable[[Any], float | None]
    """Seconds a ``Retry-After`` header asks for."""
    user_agent: str


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https only, and remembers where it was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.hosts: list[str] = []

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        target = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        if target.scheme not in ("http", "https"):
            raise FetchError("{host} redirected to {target}: resdiff follows redirects to http and https addresses "
                             "only", host=urllib.parse.urlsplit(req.full_url).netloc, target=_clip(newurl))
        self.hosts.append(target.netloc)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Watch:
    """Shuts the download's sockets when the deadline passes, whatever the download is waiting for
    (a connection, headers sent a byte at a time, a body): a per-read timeout cannot do that."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False

    def expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handlers(self) -> list[urllib.request.BaseHandler]:
        watch = self

        def watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
            class Watched(base):  # type: ignore[valid-type,misc]
                def connect(self) -> None:
                    super().connect()
                    watch.sockets.append(self.sock)
                    if watch.expired:
                        watch.expire()
            return Watched

        class Plain(urllib.request.HTTPHandler):
            def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
                return super().do_open(watched(http_class), req, **kwargs)

        class Secure(urllib.request.HTTPSHandler):
            def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
                return super().do_open(watched(http_class), req, **kwargs)

        return [Plain(), Secure()]


def _clip(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[:most] + "…"


def _read_body(response: Any, *, deadline: float, what: Message, host: Message | str, policy: Policy) -> bytes:
    """The body, read in chunks within the deadline, never more than ``policy.max_bytes``."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError("{host} offers {offered:.0f} MB for {what}: larger than any resolution ({most} MB at "
                         "most); nothing was saved",
                         host=host, offered=int(declared) / 2 ** 20, what=what, most=policy.max_bytes // 2 ** 20)
    read = getattr(response, "read1", response.read)
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("the download of {what} from {host} took longer than {deadline:g} s ({size} bytes "
                             "received): try again later; nothing was saved",
                             what=what, host=host, deadline=policy.deadline, size=size)
        chunk = read(policy.chunk)
        if not chunk:
            break
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError("{host} sent more than {most} MB for {what}: larger than any resolution; nothing was "
                             "saved", host=host, most=policy.max_bytes // 2 ** 20, what=what)
        parts.append(chunk)
    body = b"".join(parts)
    if declared and declared.isdigit() and len(body) < int(declared):
        # The connection closed early: half a file must never reach the cache.
        raise http.client.IncompleteRead(body, int(declared) - len(body))
    return body


def download(url: str, *, what: Message, symbol: str, lang: str, host: str, timeout: float, retries: int,
             backoff: float, notify: Callable[[str], None] | None = None, policy: Policy) -> tuple[bytes, str]:
    """The body and content type of a 200 answer at ``url``, after redirects and retries, all
    within one deadline (``policy.deadline`` seconds from now). ``what`` names the document in the
    messages (``the zh version of E/RES/2012/5``); ``notify`` is told of each retry, in a
    :class:`resdiff.errors.Message`."""
    deadline = time.monotonic() + policy.deadline
    request = urllib.request.Request(url, headers={"User-Agent": policy.user_agent, "Accept": "*/*"})
    redirects = _Redirects()
    watch = _Watch()
    opener = urllib.request.build_opener(redirects, *watch.handlers())  # honours the proxy variables
    attempts = retries + 1
    timer = threading.Timer(max(0.0, deadline - time.monotonic()), watch.expire)
    timer.daemon = True
    timer.start()
    try:
        return _attempts(opener, request, watch, redirects, what=what, symbol=symbol, lang=lang, host=host,
                         timeout=timeout, attempts=attempts, backoff=backoff, notify=notify, deadline=deadline,
                         policy=policy)
    finally:
        timer.cancel()


def _attempts(opener: urllib.request.OpenerDirector, request: urllib.request.Request, watch: _Watch,
              redirects: _Redirects, *, what: Message, symbol: str, lang: str, host: str, timeout: float,
              attempts: int, backoff: float, notify: Callable[[str], None] | None,
              deadline: float, policy: Policy) -> tuple[bytes, str]:
    """The tries of :func:`_download`, each within what is left of the deadline."""

    def where() -> Message | str:
        # A host reached through a redirect is named with the one that sent there.
        if redirects.hosts:
            return Message("{host} (where {origin} redirected)", host=redirects.hosts[-1], origin=host)
        return host

    def again(wait: float, why: Message, attempt: int) -> None:
        if time.monotonic() + wait > deadline:
            raise FetchError("{why}, and trying again would take past the {deadline:g} s a fetch may take: try "
                             "again later", why=why, deadline=policy.deadline)
        if notify:
            notify(Message("{why}: trying again in {wait:g} s (try {n} of {attempts})", why=why, wait=wait,
                           n=attempt + 2, attempts=attempts))
        policy.sleep(wait)

    for attempt in range(attempts):
        delay = backoff * 2 ** attempt
        redirects.hosts.clear()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("no answer for {what} from {host} within {deadline:g} s: try again later",
                             what=what, host=host, deadline=policy.deadline)
        try:
            with opener.open(request, timeout=min(timeout, remaining)) as response:
                body = _read_body(response, deadline=deadline, what=what, host=where(), policy=policy)
                return body, response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            exc.close()
            if watch.expired:
                raise FetchError("the download of {what} from {where} took longer than {deadline:g} s: try again "
                                 "later; nothing was saved", what=what, where=where(), deadline=policy.deadline) from exc
            if 300 <= exc.code < 400:
                raise FetchError("{host} redirects {what} in a loop or nowhere (HTTP {code}): the service may have "
                                 "changed", host=host, what=what, code=exc.code) from exc
            if exc.code == 404:
                raise FetchError("no {lang} version of {symbol} at {where} (HTTP 404)",
                                 lang=lang, symbol=symbol, where=where()) from exc
            if exc.code != 429 and not 500 <= exc.code < 600:
                raise FetchError("{where} refused {what}: HTTP {code} {reason}",
                                 where=where(), what=what, code=exc.code, reason=_clip(str(exc.reason))) from exc
            asked = policy.retry_after(exc.headers)
            if asked is not None and asked > policy.max_retry_after:
                raise FetchError("{where} is busy (HTTP {code}) and asks to wait {asked:.0f} s: try again later",
                                 where=where(), code=exc.code, asked=asked) from exc
            if attempt + 1 == attempts:
                raise FetchError(
                    "{where} answered HTTP {code} {attempts} times for {what}: try again later",
                    where=where(), code=exc.code, attempts=attempts, what=what) from exc
            again(asked if asked is not None else delay,
                  Message("{where} is busy (HTTP {code})", where=where(), code=exc.code), attempt)
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException, OSError) as exc:
            if watch.expired:
                raise FetchError("the download of {what} from {where} took longer than {deadline:g} s: try again "
                                 "later; nothing was saved", what=what, where=where(), deadline=policy.deadline) from exc
            reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                reason = Message("no answer within {seconds:g} s", seconds=min(timeout, max(remaining, 0)))
            if isinstance(exc, http.client.IncompleteRead):
                message = Message("the download of {what} from {where} was cut short ({size} bytes received)",
                                  what=what, where=where(), size=len(exc.partial))
                last = Message("{message}: try again later", message=message)
            else:
                said = reason if isinstance(reason, Message) else (str(reason).splitlines()[0] if str(reason)
                                                                   else type(exc).__name__)
                message = Message("could not reach {where}: {reason}", where=where(),
                                  reason=said if isinstance(said, Message) else _clip(said))
                last = message
            if attempt + 1 == attempts:
                raise FetchError(last) from exc
            again(delay, message, attempt)
    raise AssertionError("unreachable")  # pragma: no cover
