"""HTTP GET with a timeout, a size cap, a clear User-Agent and conditional requests."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import urllib3

from digest.config import SourcesConfig
from digest.errors import FetchError

logger = logging.getLogger(__name__)

_ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


class Fetcher:
    """One connection pool for a run, with the run's limits: `timeout` seconds for the whole
    request (connecting, waiting, and reading a body that trickles in), `max_bytes` of decoded body."""

    def __init__(self, timeout: float, max_bytes: int, user_agent: str):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._http = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=urllib3.Retry(total=5, connect=0, read=0, status=0, other=0, redirect=5, raise_on_redirect=True),
        )

    @classmethod
    def from_config(cls, sources: SourcesConfig) -> Fetcher:
        return cls(sources.timeout, sources.max_bytes, sources.user_agent)

    def close(self) -> None:
        self._http.clear()

    def _timed_out(self, url: str, while_doing: str = "") -> FetchError:
        return FetchError(f"{url}: timed out after {self.timeout:g} s{while_doing}; try again later or raise [sources] timeout")

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url`. A 304 answer to a conditional request comes back as `not_modified`.
        Raises FetchError on timeouts, connection errors, HTTP errors and oversize bodies."""
        headers = {"User-Agent": self.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.timeout
        try:
            response = self._http.request("GET", url, headers=headers, preload_content=False)
        except urllib3.exceptions.MaxRetryError as exc:
            # NewConnectionError (refused, unknown host) subclasses ConnectTimeoutError: test it first.
            if isinstance(exc.reason, urllib3.exceptions.NewConnectionError):
                raise FetchError(f"{url}: cannot connect ({str(exc.reason).rsplit(': ', 1)[-1]})") from None
            if isinstance(exc.reason, urllib3.exceptions.TimeoutError):
                raise self._timed_out(url) from None
            raise FetchError(f"{url}: cannot fetch ({exc.reason})") from None
        except urllib3.exceptions.TimeoutError:
            raise self._timed_out(url) from None
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"{url}: request failed ({exc.__class__.__name__}: {exc})") from None
        try:
            if response.status == 304:
                return Response(url, 304, b"", "", etag, last_modified)
            if response.status >= 400:
                raise FetchError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._over_cap(url, f"{int(declared):,} bytes")
            body = self._read_body(response, url, deadline)
            return Response(
                url=response.geturl() or url,
                status=response.status,
                body=body,
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
        finally:
            response.release_conn()

    def _over_cap(self, url: str, size: str) -> FetchError:
        return FetchError(f"{url}: {size} is over the {self.max_bytes:,}-byte cap ([sources] max_bytes)")

    def _read_body(self, response, url: str, deadline: float) -> bytes:
        # read1 returns whatever has arrived, so the deadline is checked even when a server
        # sends a few bytes at a time (each read on its own would never time out).
        chunks, size = [], 0
        try:
            while chunk := response.read1(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise self._over_cap(url, "the body")
                if time.monotonic() > deadline:
                    raise self._timed_out(url, " while reading the body")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError:
            raise self._timed_out(url, " while reading the body") from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
            raise FetchError(f"{url}: connection broken while reading ({exc})") from None
        return b"".join(chunks)
