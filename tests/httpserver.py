"""A real HTTP server on 127.0.0.1 for tests: serves canned routes and records every request.

    server.route("/feed.xml", body, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    server.route("/slow", b"late", delay=5)        # answers after 5 s (a timeout test)
    server.route("/drip", b"x" * 100, chunk_delay=0.2)  # sends the body a few bytes at a time
    server.serve({"/gone": (404, {}, b"gone"), "/late": (200, {}, b"ok", 3.0)})  # several at once
    url = server.url("/feed.xml")
    server.requests_for("/feed.xml")[0].headers["User-Agent"]

Conditional GET is honoured like a real server: when a route has an ETag (or Last-Modified)
header and the request's If-None-Match (or If-Modified-Since) matches it, the answer is 304.
Unknown paths answer 404. The `http_server` fixture in conftest.py gives each test its own server.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # seconds before the status line is sent
    chunk_delay: float = 0.0  # seconds between 16-byte pieces of the body
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]


class LoopbackServer:
    def __init__(self, routes: dict[str, Route | tuple] | None = None):
        self.routes: dict[str, Route] = {}
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.serve(routes or {})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, path: str, body: bytes | str = b"", status: int = 200, headers: dict[str, str] | None = None,
              **options) -> str:
        """Serve `body` at `path` (replacing any earlier route); returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status=status, headers=dict(headers or {}), body=data, **options)
        return self.url(path)

    def serve(self, routes: dict[str, Route | tuple]) -> None:
        """Add routes: path -> Route, or a tuple (status, headers, body, delay) in Route's field order."""
        for path, route in routes.items():
            self.routes[path] = route if isinstance(route, Route) else Route(*route)

    def requests_for(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; False when it is."""
        return not self._stopping.wait(seconds)


def _handler_for(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # keep test output quiet
            pass

        def do_GET(self):
            self._answer(send_body=True)

        def do_HEAD(self):
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            server._record(RecordedRequest(self.command, self.path, dict(self.headers.items())))
            route = server.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"not found"))
            if route.delay and not server._sleep(route.delay):
                return
            status = 304 if _not_modified(route, self.headers) else route.status
            try:
                self.send_response(status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if status == 304:
                    self.end_headers()
                    return
                if route.send_length and "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if send_body:
                    self._write_body(route)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or size-cap test); that is the point

        def _write_body(self, route: Route) -> None:
            if not route.chunk_delay:
                self.wfile.write(route.body)
                return
            for start in range(0, len(route.body), 16):
                self.wfile.write(route.body[start : start + 16])
                self.wfile.flush()
                if not server._sleep(route.chunk_delay):
                    return

    return Handler


def _not_modified(route: Route, request_headers) -> bool:
    etag = route.headers.get("ETag")
    if etag and request_headers.get("If-None-Match") == etag:
        return True
    modified = route.headers.get("Last-Modified")
    return bool(modified and not etag and request_headers.get("If-Modified-Since") == modified)

