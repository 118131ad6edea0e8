"""A tiny LRS on loopback for the push tests: the statements resource as xAPI 1.0.3
describes it (stored ids answered with 200, nothing new with 204, a differing statement
under a known id refused with 409), or one fixed answer for the error cases."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeLrs:
    """What the server holds and what it was sent."""

    url: str = ""
    user: str = "u"
    password: str = "p"
    fixed: tuple[int, str] | None = None  # (status, body) to answer every request with
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        """The status and body for one POST (header names in lower case)."""
        self.requests.append({"headers": headers, "count": len(json.loads(body))})
        if self.fixed is not None:
            return self.fixed
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        if headers.get("authorization") != f"Basic {token}":
            return 401, json.dumps({"detail": "Invalid authentication credentials"})
        batch = json.loads(body)
        for statement in batch:
            known = self.stored.get(statement["id"])
            if known is not None and known != statement:
                return 409, json.dumps({"detail": f"Differing statements already exist "
                                                  f"with the same ID: {statement['id']}"})
        new = [s for s in batch if s["id"] not in self.stored]
        self.stored.update((s["id"], s) for s in new)
        return (200, json.dumps([s["id"] for s in new])) if new else (204, "")


@contextmanager
def serve(lrs: FakeLrs) -> Iterator[FakeLrs]:
    """Run ``lrs`` on a free loopback port for the length of the block."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, text = lrs.answer({k.lower(): v for k, v in self.headers.items()}, body)
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep the test output quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    lrs.url = f"http://127.0.0.1:{server.server_address[1]}/xAPI/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield lrs
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
