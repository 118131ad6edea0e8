"""Sending statements to a learning record store (xAPI 1.0.3 statements resource) with
the standard library only. This is the app's one use of the network, and only
``trainer push`` calls it."""

from __future__ import annotations

import base64
import http.client
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from trainer.domain.errors import TrainerError

XAPI_VERSION = "1.0.3"
BATCH_SIZE = 500
TIMEOUT_SECONDS = 60.0
_MESSAGE_LIMIT = 300


@dataclass
class PushReport:
    """What the LRS made of the statements sent."""

    stored: int = 0
    already_there: int = 0
    conflicting: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Every statement offered to the LRS."""
        return self.stored + self.already_there + len(self.conflicting)


class _Conflict(Exception):
    """HTTP 409: a statement with the same id but other content is already stored."""


def statements_endpoint(url: str) -> str:
    """``URL/statements``, after checking that URL is an http(s) address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TrainerError(f"--lrs must be an http:// or https:// address such as "
                           f"https://lrs.example.com/xAPI/, not '{url}'")
    if parts.query or parts.fragment:
        raise TrainerError(f"--lrs must be the LRS's xAPI address without '?' or '#': '{url}'")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise TrainerError(f"--lrs has a bad port: '{url}'") from exc
    return url.strip().rstrip("/") + "/statements"


def _message(error: urllib.error.HTTPError) -> str:
    try:
        body = error.read().decode("utf-8", "replace").strip()
    except OSError:
        body = ""
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict):
        found = data.get("detail", data.get("message", data.get("error")))
        if found is not None:
            body = found if isinstance(found, str) else json.dumps(found)
    body = " ".join(body.split())
    if len(body) > _MESSAGE_LIMIT:
        body = body[:_MESSAGE_LIMIT] + "..."
    return body or error.reason or "no message"


class Lrs:
    """One LRS endpoint with its credentials."""

    def __init__(self, url: str, user: str | None, password: str | None,
                 timeout: float = TIMEOUT_SECONDS) -> None:
        self.url = url
        self.endpoint = statements_endpoint(url)
        self.timeout = timeout
        self.headers = {"Content-Type": "application/json; charset=utf-8",
                        "X-Experience-API-Version": XAPI_VERSION}
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"

    def post(self, batch: list[dict[str, Any]]) -> set[str]:
        """POST statements; returns the ids the LRS stored just now (xAPI answers 200
        with the new ids, or 204 when it already held every one)."""
        body = json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=body, headers=self.headers,
                                         method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = response.read()
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from exc
        except urllib.error.URLError as exc:
            raise self._unreachable(exc.reason) from exc
        except TimeoutError as exc:
            raise TrainerError(f"the LRS at {self.url} did not answer within "
                               f"{self.timeout:g} seconds") from exc
        except OSError as exc:
            raise self._unreachable(exc) from exc
        except http.client.HTTPException as exc:
            raise TrainerError(f"the LRS at {self.url} did not answer as an HTTP server "
                               f"does ({type(exc).__name__}); is --lrs right?") from exc
        if not answer.strip():
            return set()
        try:
            ids = json.loads(answer)
        except ValueError:
            ids = None
        if not isinstance(ids, list):
            raise TrainerError(f"the LRS at {self.url} answered with something other than "
                               "a list of statement ids; is --lrs its xAPI address?")
        return {str(i) for i in ids}

    def _http_error(self, exc: urllib.error.HTTPError) -> Exception:
        message = _message(exc)
        if exc.code == 409:
            return _Conflict(message)
        if exc.code in (401, 403):
            return TrainerError(f"the LRS at {self.url} refused the user name or password "
                                f"(HTTP {exc.code}: {message})")
        if exc.code == 404:
            return TrainerError(f"the LRS at {self.url} has no statements resource "
                                f"(HTTP 404: {message}); is --lrs its xAPI address?")
        return TrainerError(f"the LRS at {self.url} answered HTTP {exc.code}: {message}")

    def _unreachable(self, reason: object) -> TrainerError:
        if isinstance(reason, ConnectionRefusedError):
            why = "connection refused (is the address right and the LRS running?)"
        elif isinstance(reason, socket.gaierror):
            why = "no such host"
        elif isinstance(reason, TimeoutError):
            why = f"no answer within {self.timeout:g} seconds"
        else:
            why = str(getattr(reason, "strerror", None) or reason)
        return TrainerError(f"cannot reach the LRS at {self.url}: {why}")


def _batches(statements: Iterable[dict[str, Any]], size: int
             ) -> Iterator[list[dict[str, Any]]]:
    source = iter(statements)
    while batch := list(islice(source, size)):
        yield batch


def push(lrs: Lrs, statements: Iterable[dict[str, Any]],
         batch_size: int | None = None) -> PushReport:
    """Send the statements in batches. Statements the LRS already holds are counted,
    not stored again; one it holds with other content (HTTP 409) is set aside and the
    rest of its batch is sent one at a time."""
    report = PushReport()
    for batch in _batches(statements, batch_size or BATCH_SIZE):
        unique = list({s["id"]: s for s in batch}.values())
        report.already_there += len(batch) - len(unique)  # repeated within the batch
        try:
            stored = lrs.post(unique)
        except _Conflict:
            for statement in unique:
                try:
                    stored_one = lrs.post([statement])
                except _Conflict:
                    report.conflicting.append(statement["id"])
                    continue
                report.stored += len(stored_one)
                report.already_there += 1 - len(stored_one)
            continue
        new = len(stored & {s["id"] for s in unique})
        report.stored += new
        report.already_there += len(unique) - new
    return report
