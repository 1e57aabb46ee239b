"""Fetching untrusted URLs: the one place where Chronik speaks HTTP (urllib3).

The URL policy, for feeds, their articles and article URLs alike:

* only ``http`` and ``https``; ``file://`` and every other scheme are refused;
* private, loopback, link-local, shared, reserved and multicast addresses (127.0.0.1,
  10/8, 192.168/16, 169.254.169.254 cloud metadata, ::1, fc00::/7 ...) are refused unless
  :attr:`FetchOptions.allow_private` (``--allow-private-urls``). The check is made on
  the addresses DNS gives, at the moment of connecting (so a name that resolves to
  127.0.0.1 is refused too), and again for every redirect, which is followed by hand
  (at most :attr:`FetchOptions.max_redirects`);
* a connect timeout, a read timeout (per read) and a total deadline per URL (retries
  included, checked between reads: a server that drips one byte a second is cut off);
* a size cap on the decoded body (gzip bodies are decoded in bounded steps);
* retries with exponential backoff on 429 and 5xx (``Retry-After`` honoured up to the
  deadline) and on connection errors;
* robots.txt of each host is read once and respected (for the ``Chronik`` user agent);
* a descriptive User-Agent;
* conditional GET: with a :class:`ValidatorCache` (the event store keeps one) a URL is
  asked for with ``If-None-Match``/``If-Modified-Since``, and a 304 is reported as
  :attr:`Response.not_modified`.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error

from .errors import Errors, InputError

USER_AGENT = "Chronik/0.1 (news event coder; +https://pypi.org/project/chronik/)"
ROBOTS_AGENT = "Chronik"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How URLs are fetched (see the module's policy)."""

    allow_private: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 2
    backoff: float = 0.5
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Response:
    """A fetched URL: ``url`` is the final one after redirects."""

    url: str
    status: int
    body: bytes = b""
    charset: str | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # of a redirect
    retry_after: str | None = None  # of a 429/503

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(InputError):
    """A URL could not be fetched (E009) or was refused by the policy (E016)."""


class ValidatorCache(Protocol):
    """Where ETag and Last-Modified of fetched URLs are kept (the event store)."""

    def validators(self, url: str) -> tuple[str | None, str | None] | None: ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None: ...


class _Refused(Exception):
    """Raised inside a connection: the address is not allowed."""


def address_allowed(ip: str) -> bool:
    """Whether an IP address is public: not private, loopback, link-local, shared
    (100.64/10), reserved, unspecified or multicast (IPv4-mapped IPv6 unwrapped)."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


def _guarded_connect(self: HTTPConnection) -> socket.socket:
    """Resolve the host, refuse any non-public address, connect to a checked address."""
    try:
        infos = socket.getaddrinfo(self._dns_host, self.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise urllib3.exceptions.NameResolutionError(self.host, self, exc) from exc
    for info in infos:
        if not address_allowed(info[4][0]):
            raise _Refused(f"{self.host} resolves to the non-public address {info[4][0]} "
                           "(use --allow-private-urls to allow it)")
    last: OSError | None = None
    for family, kind, proto, _, addr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(self.timeout if isinstance(self.timeout, (int, float)) else None)
            sock.connect(addr)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except socket.timeout as exc:
            sock.close()
            raise urllib3.exceptions.ConnectTimeoutError(self, f"connection to {self.host} timed out") from exc
        except OSError as exc:
            sock.close()
            last = exc
    raise urllib3.exceptions.NewConnectionError(self, f"cannot connect: {last}")


class _PublicHTTPConnection(HTTPConnection):
    _new_conn = _guarded_connect


class _PublicHTTPSConnection(HTTPSConnection):
    _new_conn = _guarded_connect


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


def _fail(url: str, detail: str) -> FetchError:
    return FetchError(url, Errors.E009.format(detail=detail))


def _refuse(url: str, detail: str) -> FetchError:
    return FetchError(url, Errors.E016.format(detail=detail))


def check_url(url: str) -> None:
    """Refuse what is not an absolute http(s) URL (``file://``, ``ftp:``, relative paths)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise _refuse(url, "not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise _refuse(url, f"only http and https URLs are fetched, not {parts.scheme or 'a relative path'}:")
    if not parts.hostname:
        raise _refuse(url, "the URL has no host")


class Fetcher:
    """Fetches URLs under the policy of :class:`FetchOptions`; one per run (it keeps the
    connection pools and the robots.txt of each host)."""

    def __init__(self, options: FetchOptions | None = None, cache: ValidatorCache | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.options = options or FetchOptions()
        self.cache = cache
        self.sleep = sleep
        self.pool = urllib3.PoolManager(num_pools=20, retries=False)
        if not self.options.allow_private:
            self.pool.pool_classes_by_scheme = {"http": _PublicHTTPPool, "https": _PublicHTTPSPool}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def get(self, url: str, *, conditional: bool = True,
            validators: tuple[str | None, str | None] | None = None) -> Response:
        """GET ``url`` (redirects followed, retried, bounded); a 304 when the validators
        (given, else the cache's) still hold.

        Raises:
            FetchError: refused by the policy (E016) or failed (E009: HTTP error, timeout,
                deadline, unreachable host, a body over the size cap).
        """
        opts = self.options
        deadline = time.monotonic() + opts.deadline
        check_url(url)
        if opts.respect_robots and not self._robots_allow(url, deadline):
            raise _refuse(url, "disallowed by the site's robots.txt")
        headers = {"User-Agent": opts.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        if validators is None and conditional and self.cache is not None:
            validators = self.cache.validators(url)
        if conditional and validators:
            etag, modified = validators
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        resp = self._follow(url, headers, deadline, opts.max_bytes)
        if self.cache is not None and resp.status == 200 and (resp.etag or resp.last_modified):
            self.cache.remember(url, resp.etag, resp.last_modified)
        return resp

    # internals ----------------------------------------------------------------
    def _follow(self, url: str, headers: dict[str, str], deadline: float, max_bytes: int) -> Response:
        current = url
        for _ in range(self.options.max_redirects + 1):
            resp = self._retrying(current, headers, deadline, max_bytes)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.location
                if not location:
                    raise _fail(url, f"HTTP {resp.status} redirect without a Location")
                current = urljoin(current, location)
                check_url(current)
                continue
            if resp.status not in (200, 304):
                raise _fail(url, f"HTTP {resp.status}")
            resp.url = current
            return resp
        raise _fail(url, f"more than {self.options.max_redirects} redirects")

    def _retrying(self, url: str, headers: dict[str, str], deadline: float, max_bytes: int) -> Response:
        opts = self.options
        attempt = 0
        while True:
            retry_after = None
            try:
                resp = self._once(url, headers, deadline, max_bytes)
                if resp.status not in RETRY_STATUS:
                    return resp
                retry_after = resp.retry_after
                problem = _fail(url, f"HTTP {resp.status}")
            except (_Refused, FetchError):
                raise
            except Urllib3Error as exc:
                problem = _fail(url, _reason(exc, opts))
            if attempt >= opts.retries:
                raise problem
            wait = opts.backoff * (2 ** attempt)
            if retry_after and retry_after.strip().isdigit():
                wait = max(wait, float(retry_after.strip()))
            if time.monotonic() + wait >= deadline:
                raise problem
            self.sleep(wait)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str], deadline: float, max_bytes: int) -> Response:
        opts = self.options
        left = deadline - time.monotonic()
        if left <= 0:
            raise _fail(url, f"no complete answer within {opts.deadline:g} s")
        timeout = urllib3.Timeout(connect=min(opts.connect_timeout, left), read=min(opts.read_timeout, left))
        try:
            r = self.pool.request("GET", url, headers=headers, redirect=False, preload_content=False,
                                  timeout=timeout, retries=False)
        except _Refused as exc:
            raise _refuse(url, str(exc)) from None
        complete = False
        try:
            if r.status in (301, 302, 303, 307, 308):
                return Response(url, r.status, location=r.headers.get("Location"))
            if r.status in RETRY_STATUS:
                return Response(url, r.status, retry_after=r.headers.get("Retry-After"))
            if r.status != 200:
                return Response(url, r.status, etag=r.headers.get("ETag"),
                                last_modified=r.headers.get("Last-Modified"))
            length = r.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _fail(url, f"response larger than {max_bytes // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = r.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise _fail(url, f"response larger than {max_bytes // (1024 * 1024)} MB")
                if time.monotonic() > deadline:
                    raise _fail(url, f"no complete answer within {opts.deadline:g} s")
                chunks.append(chunk)
            ctype = r.headers.get("Content-Type") or ""
            complete = True
            return Response(url, 200, b"".join(chunks), charset=content_charset(ctype), content_type=ctype,
                            etag=r.headers.get("ETag"), last_modified=r.headers.get("Last-Modified"))
        finally:
            if not complete:  # an unread body (error page, redirect, a cut-off answer): do not reuse the connection
                r.close()
            r.release_conn()

    def _robots_allow(self, url: str, deadline: float) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                resp = self._follow(f"{key}/robots.txt", {"User-Agent": self.options.user_agent}, deadline, 512 * 1024)
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(resp.body.decode("utf-8", "replace").splitlines())
            except FetchError as exc:
                if "E016" in exc.message:
                    raise FetchError(url, exc.message) from None
                parser = None  # no robots.txt (404) or none readable: everything is allowed
            self._robots[key] = parser
        parser = self._robots[key]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)


def _reason(exc: Exception, opts: FetchOptions) -> str:
    text = str(getattr(exc, "reason", None) or exc)
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError) or "connect timeout" in text.lower():
        return f"no connection within {opts.connect_timeout:g} s"
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError) or "timed out" in text.lower():
        return f"no answer within {opts.read_timeout:g} s"
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if "refused" in text.lower():
        return "connection refused"
    return text.split(": ", 1)[-1][:200]


def content_charset(content_type: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header, or None."""
    for part in content_type.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip("\"' ")
    return None


# the fetcher of a run ------------------------------------------------------------
_DEFAULT: Fetcher | None = None


def configure(options: FetchOptions | None = None, cache: ValidatorCache | None = None) -> Fetcher:
    """Set the fetcher that loaders use when none is passed (the CLI sets it once from
    its options) and return it."""
    global _DEFAULT
    _DEFAULT = Fetcher(options, cache)
    return _DEFAULT


def default_fetcher() -> Fetcher:
    """The configured fetcher, else one with the default (strict) policy."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Fetcher()
    return _DEFAULT


# URLs and URL lists as inputs -----------------------------------------------------
def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def url_list(path: str, max_bytes: int = 1 << 20) -> list[str] | None:
    """The URLs of a URL list file (every non-blank line not starting with ``#`` is an
    http(s) URL), or None when ``path`` is no such file."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > max_bytes:
            return None
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines or not all(is_url(ln) and " " not in ln for ln in lines):
        return None
    return lines


def expand_url_inputs(paths: Iterable[str], load: Callable[[list[str]], Iterator[Any]], *,
                      published: str | None = None, lang: str | None = None,
                      fetcher: Fetcher | None = None, options: FetchOptions | None = None) -> Iterator[Any]:
    """Documents (or errors) of PATHS: http(s) URLs are fetched (a feed gives its entries'
    articles, a page its article), a URL list file each of its URLs; everything else goes
    to ``load`` (the file loaders)."""
    from .ingest.feeds import documents_from_url

    if fetcher is None:
        fetcher = configure(options) if options is not None else default_fetcher()
    for p in paths:
        urls = [p] if is_url(p) else url_list(p)
        if urls is None:
            yield from load([p])
            continue
        for url in urls:
            yield from documents_from_url(url, published=published, lang=lang, fetcher=fetcher)


def options_from_cli(allow_private: bool, timeout: float | None = None) -> FetchOptions:
    """FetchOptions from the command line's ``--allow-private-urls`` and ``--timeout``."""
    opts = FetchOptions(allow_private=allow_private)
    if timeout:
        opts = replace(opts, read_timeout=timeout, connect_timeout=min(opts.connect_timeout, timeout),
                       deadline=max(opts.deadline, timeout * 3))
    return opts


__all__ = ["FetchOptions", "Fetcher", "FetchError", "Response", "ValidatorCache", "address_allowed", "check_url",
           "configure", "default_fetcher", "expand_url_inputs", "url_list", "options_from_cli"]
