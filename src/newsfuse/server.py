"""Web service: summaries and analyses over HTTP, for apps not written in Python.

A front end like the CLI: it parses and checks the request, dispatches to
``summarize`` or ``analyze`` and writes their JSON (the same JSON as
``--format json``). It runs on the standard library's threading HTTP server,
so nothing needs installing; put it behind a real web server to face the
internet.

    GET  /health      {"status": "ok", "version": ...}
    GET  /methods     [{"name": ..., "description": ..., "default": true|false}, ...]
    POST /summarize   {"documents": [...], "words": 100, "method": "default", "query": null}
    POST /analyze     the same body

``documents`` holds objects ``{"text": ..., "id", "title", "date", "source"}``
(only ``text`` is required) or plain strings. A bad request gets a JSON
``{"error": ...}`` that says what to change: status 400 for a malformed body
or a bad setting, 413 for a body over ``MAX_BODY_BYTES``, 422 for documents
with no usable article text; 503 when the service lacks something the
request needs (the analysis without spaCy's model).
"""

from __future__ import annotations

import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
from typing import Any

from newsfuse.errors import InputError, NewsfuseError, UsageError
from newsfuse.pipeline import DEFAULT_WORDS, summarize
from newsfuse.reading import MAX_INPUT_BYTES, documents_from_json
from newsfuse.registry import DEFAULT_METHOD, method_descriptions
from newsfuse.render import to_dict

# Room for a cluster of several long articles; beyond it a request is refused unread.
MAX_BODY_BYTES = 4 * MAX_INPUT_BYTES
_FIELDS = frozenset({"documents", "words", "method", "query"})


class _BadRequest(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def _settings(body: Any) -> dict[str, Any]:
    """The keyword arguments of ``summarize``/``analyze`` from a request body."""
    if not isinstance(body, dict):
        raise UsageError('the body must be a JSON object: {"documents": [...], ...}')
    unknown = sorted(set(body) - _FIELDS)
    if unknown:
        raise UsageError(
            f"unknown field {unknown[0]!r}: the fields are {', '.join(sorted(_FIELDS))}"
        )
    items = body.get("documents")
    if not isinstance(items, list) or not items:
        raise UsageError('"documents" must be a non-empty list of articles')
    try:
        documents = documents_from_json(items, "request")
    except TypeError as error:
        raise UsageError(
            f'{error}: each document is a string or an object {{"text": ..., "id": ...}}'
        ) from None
    query = body.get("query")
    if query is not None and not isinstance(query, str):
        raise UsageError('"query" must be a string or null')
    method = body.get("method", "default")
    if not isinstance(method, str):
        raise UsageError('"method" must be a string: GET /methods lists them')
    return {
        "documents": documents,
        "words": body.get("words", DEFAULT_WORDS),
        "method": method,
        "query": query or None,
    }


def _summarize(settings: dict[str, Any]) -> dict[str, Any]:
    return to_dict(summarize(**settings))


# One analysis at a time: they share one spaCy pipeline, which spaCy does not promise is
# safe to run from several threads. Summaries need no lock.
_ANALYSIS_LOCK = threading.Lock()


def _analyze(settings: dict[str, Any]) -> dict[str, Any]:
    from newsfuse.analysis import analyze  # here: only analyses load spaCy
    from newsfuse.analysis.render import to_dict as analysis_to_dict

    with _ANALYSIS_LOCK:
        return analysis_to_dict(analyze(**settings))


_ACTIONS = {"/summarize": _summarize, "/analyze": _analyze}


class _Handler(BaseHTTPRequestHandler):
    server_version = "newsfuse"

    def _send(self, status: HTTPStatus, payload: Any) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, {"error": message})

    def do_GET(self) -> None:  # the name http.server calls
        if self.path == "/health":
            self._send(HTTPStatus.OK, {"status": "ok", "version": version("newsfuse")})
        elif self.path == "/methods":
            self._send(
                HTTPStatus.OK,
                [
                    {"name": name, "description": text, "default": name == DEFAULT_METHOD}
                    for name, text in method_descriptions()
                ],
            )
        elif self.path in _ACTIONS:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.path} takes a POST of JSON")
        else:
            self._not_found()

    def do_POST(self) -> None:
        action = _ACTIONS.get(self.path)
        if action is None:
            self._not_found()
            return
        try:
            body = self._read_json()
            self._send(HTTPStatus.OK, action(_settings(body)))
        except _BadRequest as error:
            self._error(error.status, str(error))
        except UsageError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
        except InputError as error:
            self._error(HTTPStatus.UNPROCESSABLE_ENTITY, str(error))
        except NewsfuseError as error:  # the service lacks something, e.g. spaCy's model
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(error))
        except Exception as error:  # noqa: BLE001 (a bug: answer in one line, keep serving)
            self.log_error("internal error: %s: %s", error.__class__.__name__, error)
            self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"internal error ({error.__class__.__name__}): please report it",
            )

    def _read_json(self) -> Any:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise _BadRequest(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        if int(length) > MAX_BODY_BYTES:
            self.close_connection = True  # the body is left unread
            raise _BadRequest(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the body is {int(length):,} bytes; the limit is {MAX_BODY_BYTES:,}: "
                "send fewer or shorter articles",
            )
        data = self.rfile.read(int(length))
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise _BadRequest(
                HTTPStatus.BAD_REQUEST, f"the body is not UTF-8 JSON ({error})"
            ) from None

    def _not_found(self) -> None:
        self._error(
            HTTPStatus.NOT_FOUND,
            f"no {self.path}: POST /summarize or /analyze, GET /methods or /health",
        )

    def log_message(self, format: str, *args: Any) -> None:  # the base class names it format
        if not self.server.quiet:
            sys.stderr.write(f"newsfuse: {self.address_string()} {format % args}\n")


class Server(ThreadingHTTPServer):
    """The web service bound to ``(host, port)``; port 0 picks a free one."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], quiet: bool = False):
        self.quiet = quiet
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"
