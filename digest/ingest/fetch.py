"""HTTP GET with a timeout, a size cap, a clear User-Agent and conditional requests."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import urllib3

from digest.errors import FetchError

logger = logging.getLogger(__name__)


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


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    user_agent: str,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Response:
    """GET `url`. Raises FetchError on timeouts, connection errors, HTTP errors and oversize bodies."""
    headers = {"User-Agent": user_agent, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=timeout, read=timeout), retries=urllib3.Retry(total=0, redirect=5, raise_on_redirect=True))
    try:
        response = http.request("GET", url, headers=headers, preload_content=False)
    except urllib3.exceptions.MaxRetryError as exc:
        reason = exc.reason
        if isinstance(reason, (urllib3.exceptions.ReadTimeoutError, urllib3.exceptions.ConnectTimeoutError)):
            raise FetchError(f"{url}: timed out after {timeout:g} s; try again later or raise [sources] timeout") from None
        raise FetchError(f"{url}: cannot connect ({reason})") from None
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"{url}: timed out after {timeout:g} s; try again later or raise [sources] timeout") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"{url}: request failed ({exc.__class__.__name__}: {exc})") from None
    try:
        if response.status == 304:
            return Response(url, 304, b"", "", etag, last_modified)
        if response.status >= 400:
            raise FetchError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte cap ([sources] max_bytes)")
        chunks, size = [], 0
        try:
            for chunk in response.stream(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: body is over the {max_bytes:,}-byte cap ([sources] max_bytes)")
                chunks.append(chunk)
        except (urllib3.exceptions.ReadTimeoutError, urllib3.exceptions.TimeoutError):
            raise FetchError(f"{url}: timed out after {timeout:g} s while reading; try again later") from None
        except urllib3.exceptions.ProtocolError as exc:
            raise FetchError(f"{url}: connection broken while reading ({exc})") from None
        return Response(
            url=response.geturl() or url,
            status=response.status,
            body=b"".join(chunks),
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
    finally:
        response.release_conn()
