"""The web service, end to end over HTTP on a free local port."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from importlib.metadata import version

import pytest

from newsfuse.server import MAX_BODY_BYTES, Server
from tests.conftest import TINY_ARTICLES


@pytest.fixture(scope="module")
def service():
    server = Server(("127.0.0.1", 0), quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def call(url: str, path: str, body: object | bytes | None = None, method: str | None = None):
    """``(status, JSON payload)`` of one request; ``body`` is sent as JSON unless bytes."""
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _documents():
    return [{"id": f"paper{n}", "text": t} for n, t in enumerate(TINY_ARTICLES, start=1)]


def test_health_and_methods(service):
    assert call(service, "/health") == (200, {"status": "ok", "version": version("newsfuse")})
    status, methods = call(service, "/methods")
    assert status == 200
    assert [m["name"] for m in methods if m["default"]] == ["learned"]


def test_a_summary_cites_true_offsets(service):
    status, summary = call(service, "/summarize", {"documents": _documents(), "words": 40})
    assert status == 200 and 0 < summary["words"] <= 40
    texts = {d["id"]: d["text"] for d in _documents()}
    for sentence in summary["sentences"]:
        assert texts[sentence["doc_id"]][sentence["start"] : sentence["end"]] == sentence["text"]


def test_plain_strings_and_a_query_are_accepted(service):
    status, summary = call(
        service, "/summarize", {"documents": list(TINY_ARTICLES), "query": "bus network"}
    )
    assert status == 200 and summary["query"] == "bus network"
    assert {s["doc_id"] for s in summary["sentences"]} <= {"doc1", "doc2", "doc3"}


def test_an_analysis(service):
    status, analysis = call(service, "/analyze", {"documents": _documents(), "words": 40})
    assert status == 200
    assert analysis["claims"] and analysis["summary"]["words"] <= 40


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        (b"not json", 400, "not UTF-8 JSON"),
        ([], 400, "JSON object"),
        ({"documents": []}, 400, "non-empty list"),
        ({"documents": [{"body": "x"}]}, 400, 'document 1 has no string "text"'),
        ({"documents": ["x"], "words": 0}, 400, "positive whole number"),
        ({"documents": ["x"], "method": "magic"}, 400, "unknown method 'magic'"),
        ({"documents": ["x"], "length": 5}, 400, "unknown field 'length'"),
        ({"documents": ["   "]}, 422, "no article text"),
    ],
)
def test_a_bad_request_says_what_to_change(service, body, status, needle):
    got, payload = call(service, "/summarize", body)
    assert got == status and needle in payload["error"]


def test_wrong_paths_and_verbs(service):
    assert call(service, "/summarize")[0] == 405
    assert call(service, "/nowhere", {})[0] == 404


def test_an_oversized_body_is_refused_unread(service):
    request = urllib.request.Request(service + "/summarize", data=b"{}", method="POST")
    request.add_header("Content-Length", str(MAX_BODY_BYTES + 1))
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413


def test_serve_reports_a_port_in_use(service):
    port = service.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, "-m", "newsfuse", "serve", "--port", port],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "cannot listen on 127.0.0.1:" in result.stderr.decode()


def test_requests_are_served_side_by_side(service):
    from concurrent.futures import ThreadPoolExecutor

    body = {"documents": _documents(), "words": 40}
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: call(service, "/summarize", body), range(8)))
    assert {status for status, _ in answers} == {200}
    assert len({json.dumps(payload["sentences"]) for _, payload in answers}) == 1


def test_a_missing_model_is_the_service_s_fault_not_the_client_s(service, monkeypatch):
    import newsfuse.analysis
    from newsfuse.analysis.nlp import NlpUnavailableError

    def unavailable(**settings):
        raise NlpUnavailableError("the analysis needs the spaCy model: install it")

    monkeypatch.setattr(newsfuse.analysis, "analyze", unavailable)
    assert call(service, "/analyze", {"documents": _documents()}) == (
        503,
        {"error": "the analysis needs the spaCy model: install it"},
    )
