"""Spans for the browser suite, sent to Loupe as OTLP/HTTP JSON: a RAG service with failures, an
agent, and one trace whose names and attributes try to inject script into the dashboard."""

from __future__ import annotations

import json
import random
import time
import urllib.request
from typing import Any

HOSTILE_NAME = "<script>window.__pwned=1</script>answer"
HOSTILE_ATTRIBUTE = "\"><img src=x onerror=\"window.__pwned=2\">"
HOSTILE_TRACE = "deadbeef" * 4
# The RAG traffic is an experiment: the control answers with claude-3-5-haiku, "mini" with gpt-4o-mini.
EXPERIMENT = "answer-model"
# Its retriever finds articles for billing and product questions, and nothing relevant for account ones.
CATEGORIES = ["billing", "product", "account"]
UNITS = ["support", "sales"]


def attr(key: str, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    if isinstance(value, float):
        return {"key": key, "value": {"doubleValue": value}}
    return {"key": key, "value": {"stringValue": str(value)}}


def span(trace: str, span_id: str, parent: str | None, name: str, start: int, ms: float, attributes: dict[str, Any],
         error: str | None = None, kind: int = 1) -> dict[str, Any]:
    body: dict[str, Any] = {
        "traceId": trace, "spanId": span_id, "name": name, "kind": kind,
        "startTimeUnixNano": str(start), "endTimeUnixNano": str(start + int(ms * 1e6)),
        "attributes": [attr(k, v) for k, v in attributes.items()],
        "status": {"code": 2, "message": error} if error else {"code": 1},
    }
    if parent:
        body["parentSpanId"] = parent
    return body


def rag_trace(rng: random.Random, index: int, start: int) -> list[dict[str, Any]]:
    trace = f"{index + 1:032x}"
    failed = index % 5 == 0
    model = "gpt-4o-mini" if index % 2 else "claude-3-5-haiku-20241022"
    llm_ms = 300 + rng.random() * 900
    spans = [
        span(trace, f"{index:08x}00000001", None, "POST /answer", start, 60 + llm_ms + 80,
             {"user.id": f"user-{index % 7}", "session.id": f"s-{index % 11}", "business_unit": UNITS[index % 2],
              "query_category": CATEGORIES[index % 3],
              "loupe.experiment": EXPERIMENT, "loupe.experiment.variant": "mini" if index % 2 else "control"},
             error="upstream model failed" if failed else None, kind=2),
        span(trace, f"{index:08x}00000002", f"{index:08x}00000001", "embeddings", start + 2_000_000, 40,
             {"gen_ai.operation.name": "embeddings", "gen_ai.request.model": "text-embedding-3-small",
              "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 12}, kind=3),
        span(trace, f"{index:08x}00000003", f"{index:08x}00000001", "vector search", start + 45_000_000, 15,
             {"db.system": "pgvector", "openinference.span.kind": "RETRIEVER", **documents(index)}),
        span(trace, f"{index:08x}00000004", f"{index:08x}00000001", f"chat {model}", start + 62_000_000, llm_ms,
             {"gen_ai.operation.name": "chat", "gen_ai.request.model": model,
              "gen_ai.provider.name": "openai" if "gpt" in model else "anthropic",
              "gen_ai.usage.input_tokens": 800 + index, "gen_ai.usage.output_tokens": 120},
             error=f"Rate limit reached for {model} in organization org-abc on tokens per min" if failed else None, kind=3),
    ]
    return spans


def documents(index: int) -> dict[str, Any]:
    """OpenInference's flattened retrieval documents: two scored articles, or for account questions
    one poor match; one article's id tries to inject markup."""
    found = [("<img src=x onerror=window.__pwned=8>kb", 0.31)] if index % 3 == 2 else [(f"kb-{index % 4}", 0.82), ("kb-9", 0.44)]
    attributes: dict[str, Any] = {}
    for i, (doc, score) in enumerate(found):
        attributes[f"retrieval.documents.{i}.document.id"] = doc
        attributes[f"retrieval.documents.{i}.document.score"] = score
    return attributes


def hostile_trace(start: int) -> list[dict[str, Any]]:
    root = "feedfacefeedface"
    return [
        span(HOSTILE_TRACE, root, None, HOSTILE_NAME, start, 500,
             {"user.id": HOSTILE_ATTRIBUTE, "input.value": "<script>window.__pwned=3</script>", "evil": HOSTILE_ATTRIBUTE,
              "feature_flag.key": HOSTILE_NAME, "feature_flag.result.variant": HOSTILE_ATTRIBUTE},
             error="<b onmouseover=\"window.__pwned=4\">bold</b>", kind=2),
        span(HOSTILE_TRACE, "feedfacefeed0002", root, "chat <svg onload=window.__pwned=5>", start + 10_000_000, 400,
             {"gen_ai.operation.name": "chat", "gen_ai.request.model": "<img src=x onerror=window.__pwned=6>",
              "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5}, kind=3),
    ]


# The API key every request is sent with; None for a server started with --no-auth.
KEY: str | None = None


def first_admin_key(log_path: str) -> str:
    """The admin key `loupe serve` prints once on a new database (its log, as the server writes it)."""
    for _ in range(200):
        for line in open(log_path).read().splitlines():
            if line.strip().startswith("lpk_"):
                return line.strip()
        time.sleep(0.05)
    raise RuntimeError(f"loupe serve printed no first admin key in {log_path}")


def headers() -> dict[str, str]:
    sent = {"Content-Type": "application/json"}
    if KEY:
        sent["Authorization"] = "Bearer " + KEY
    return sent


def payload(service: str, spans: list[dict[str, Any]]) -> bytes:
    return json.dumps({"resourceSpans": [{
        "resource": {"attributes": [attr("service.name", service), attr("loupe.project", "browser")]},
        "scopeSpans": [{"scope": {"name": "browser-suite"}, "spans": spans}],
    }]}).encode()


def send(url: str, service: str, spans: list[dict[str, Any]]) -> None:
    request = urllib.request.Request(url.rstrip("/") + "/v1/traces", data=payload(service, spans),
                                     headers=headers(), method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
        assert not body.get("partialSuccess", {}).get("rejectedSpans"), body


def feed(url: str) -> dict[str, Any]:
    """Sends 60 RAG traces over the last 30 minutes and the hostile trace; returns what was sent."""
    rng = random.Random(7)
    now = time.time_ns()
    spans: list[dict[str, Any]] = []
    for i in range(60):
        spans += rag_trace(rng, i, now - (30 * 60 - i * 25) * 1_000_000_000)
    send(url, "rag-api", spans)
    send(url, "agent-api", hostile_trace(now - 5 * 60 * 1_000_000_000))
    # Users liked two of three answers; the hostile trace's feedback tries markup in its comment.
    scores = [{"trace_id": f"{i + 1:032x}", "name": "user_satisfaction", "value": i % 3 != 0, "user_id": f"user-{i % 7}"}
              for i in range(60)]
    scores.append({"trace_id": HOSTILE_TRACE, "name": HOSTILE_NAME, "value": 1, "comment": HOSTILE_ATTRIBUTE})
    request = urllib.request.Request(url.rstrip("/") + "/api/v1/scores", data=json.dumps(scores).encode(),
                                     headers=headers(), method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.load(response)["stored"] == 61
    return {"traces": 61, "sent_at_ns": now}


RUNAWAY_USER = "<img src=x onerror=window.__pwned=7>loop"


def feed_incident(url: str) -> dict[str, Any]:
    """Two hours of steady chat traffic (eight gpt-4o-mini calls a minute over five users); in the
    last ten minutes one user's loop adds 30 gpt-4o calls a minute with long prompts. The loop's
    user id is hostile markup, so the attribution sentence proves it is escaped."""
    rng = random.Random(11)
    now = time.time_ns()
    start = now - 120 * 60 * 1_000_000_000
    spans: list[dict[str, Any]] = []

    def call(user: str, model: str, minute: int, tokens: int) -> None:
        n = len(spans)
        at = start + minute * 60 * 1_000_000_000 + (n % 50) * 1_000_000_000
        spans.append(span(f"{n + 1:032x}", f"{n + 1:016x}", None, f"chat {model}", at, 400 + rng.random() * 300,
                          {"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": model,
                           "gen_ai.usage.input_tokens": tokens, "gen_ai.usage.output_tokens": 60, "user.id": user}, kind=3))

    for minute in range(120):
        for i in range(8):
            call(f"user-{i % 5}", "gpt-4o-mini", minute, 500 + rng.randrange(100))
        if minute >= 110:
            for _ in range(30):
                call(RUNAWAY_USER, "gpt-4o", minute, 3_000)
    for i in range(0, len(spans), 500):
        send(url, "support-chat", spans[i:i + 500])
    return {"spans": len(spans), "sent_at_ns": now}
