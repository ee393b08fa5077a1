"""The truth, computed from the spans the in-memory exporter recorded in the pipeline's process.

Definitions (the ones Loupe's API contract uses):
- a span *failed* when its status is ERROR, or it carries `error.type` and its status is not OK;
- a *request* is an entry span: no parent, a remote parent, or a SERVER/CONSUMER span;
- a span's *operation* is what its instrumentation says it is (gen_ai.operation.name,
  openinference.span.kind, traceloop.span.kind, llm.request.type; else a span naming a model or
  reporting usage is an LLM call);
- a *model call* is a span whose operation is llm, embedding or rerank, except that a model span
  whose parent is a model span naming the same model is the same call seen twice (LlamaIndex's
  `predict` around `complete`, `get_query_embedding` around `_get_query_embedding`): such a chain
  counts once, as its outermost span, with the largest token counts any span of the chain reports;
- percentiles are nearest-rank: the ceil(q*n)-th smallest value, as Loupe's histogram does.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

GENAI_OPERATIONS = {
    "chat": "llm", "generate_content": "llm", "text_completion": "llm", "completion": "llm", "responses": "llm",
    "embeddings": "embedding", "embedding": "embedding", "retrieval": "retrieval", "search_memory": "retrieval",
    "rerank": "rerank", "execute_tool": "tool", "invoke_agent": "agent", "create_agent": "agent",
    "invoke_workflow": "chain", "guardrail": "guardrail", "evaluate": "evaluator",
}
OPENINFERENCE_KINDS = {
    "LLM": "llm", "EMBEDDING": "embedding", "RETRIEVER": "retrieval", "RERANKER": "rerank", "TOOL": "tool",
    "AGENT": "agent", "CHAIN": "chain", "GUARDRAIL": "guardrail", "EVALUATOR": "evaluator", "PROMPT": "stage",
}
TRACELOOP_KINDS = {"workflow": "chain", "task": "stage", "agent": "agent", "tool": "tool"}
TRACELOOP_REQUEST_TYPES = {"chat": "llm", "completion": "llm", "embedding": "embedding", "rerank": "rerank"}
MODEL_OPERATIONS = {"llm", "embedding", "rerank"}
# Keys naming the model a span called, request keys first (OTel GenAI, OpenInference).
MODEL_KEYS = ["gen_ai.request.model", "llm.request.model_name", "llm.model_name", "embedding.model_name",
              "reranker.model_name", "gen_ai.response.model", "llm.response.model_name"]
INPUT_TOKEN_KEYS = ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt",
                    "llm.usage.prompt_tokens"]
OUTPUT_TOKEN_KEYS = ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion",
                     "llm.usage.completion_tokens"]


def nearest_rank(values: Iterable[float], q: float) -> Optional[float]:
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(min(max(q, 0.0), 1.0) * len(ordered)))
    return ordered[rank - 1]


def first(attributes: dict[str, Any], keys: list[str]) -> Any:
    for key in keys:
        value = attributes.get(key)
        if value not in (None, ""):
            return value
    return None


def operation_of(span: dict[str, Any]) -> str:
    a = span["attributes"]
    op = a.get("gen_ai.operation.name")
    if op in GENAI_OPERATIONS:
        return GENAI_OPERATIONS[op]
    oi = a.get("openinference.span.kind")
    if isinstance(oi, str) and oi.upper() in OPENINFERENCE_KINDS:
        return OPENINFERENCE_KINDS[oi.upper()]
    tl = a.get("traceloop.span.kind")
    if tl in TRACELOOP_KINDS:
        return TRACELOOP_KINDS[tl]
    rt = a.get("llm.request.type")
    if rt in TRACELOOP_REQUEST_TYPES:
        return TRACELOOP_REQUEST_TYPES[rt]
    if first(a, MODEL_KEYS) is not None or first(a, INPUT_TOKEN_KEYS + OUTPUT_TOKEN_KEYS) is not None:
        return "embedding" if "embed" in span["name"].lower() else "llm"
    return "stage"


def failed(span: dict[str, Any]) -> bool:
    code = span["status"]["code"]
    return code == "ERROR" or ("error.type" in span["attributes"] and code != "OK")


def duration_ms(span: dict[str, Any]) -> float:
    return (span["end_ns"] - span["start_ns"]) / 1e6


@dataclass
class Call:
    span: dict[str, Any]
    operation: str
    model: Optional[str]
    failed: bool
    input_tokens: int = 0
    output_tokens: int = 0
    folded: list[dict[str, Any]] = field(default_factory=list)  # same-model spans nested in it


@dataclass
class Truth:
    service: str
    started: float
    finished: float
    spans: list[dict[str, Any]]
    runs: list[dict[str, Any]]
    exported: Optional[int]
    failed_batches: Optional[int]

    @classmethod
    def load(cls, path: str) -> "Truth":
        with open(path) as f:
            doc = json.load(f)
        return cls(doc["service"], doc["started"], doc["finished"], doc["spans"], doc["runs"],
                   doc.get("exported"), doc.get("failed_batches"))

    # --- structure
    @property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {s["span_id"]: s for s in self.spans}

    def parent(self, span: dict[str, Any]) -> Optional[dict[str, Any]]:
        return self.by_id.get(span["parent_span_id"]) if span["parent_span_id"] else None

    @property
    def roots(self) -> list[dict[str, Any]]:
        return [s for s in self.spans if s["parent_span_id"] is None]

    @property
    def requests(self) -> list[dict[str, Any]]:
        return [s for s in self.spans
                if s["parent_span_id"] is None or s["parent_is_remote"] or s["kind"] in ("SERVER", "CONSUMER")]

    @property
    def failed_requests(self) -> list[dict[str, Any]]:
        return [s for s in self.requests if failed(s)]

    def request_latency(self, q: float) -> Optional[float]:
        return nearest_rank([duration_ms(s) for s in self.requests], q)

    @property
    def failed_runs(self) -> list[dict[str, Any]]:
        """Requests whose code raised, whatever the spans say."""
        return [r for r in self.runs if r["outcome"] == "error"]

    # --- model calls
    @property
    def calls(self) -> list[Call]:
        by_id = self.by_id
        model_spans = [s for s in self.spans if operation_of(s) in MODEL_OPERATIONS]

        def model(s: dict[str, Any]) -> Optional[str]:
            named = first(s["attributes"], MODEL_KEYS)
            if named is not None:
                return named
            # A failed OpenInference call names no model; the one requested is the call's model.
            params = s["attributes"].get("llm.invocation_parameters")
            if isinstance(params, str):
                try:
                    parsed = json.loads(params)
                except ValueError:
                    return None
                for key in ("model", "model_name"):
                    if isinstance(parsed, dict) and parsed.get(key):
                        return str(parsed[key])
            return None

        def folds_into(s: dict[str, Any]) -> Optional[dict[str, Any]]:
            p = by_id.get(s["parent_span_id"]) if s["parent_span_id"] else None
            if p is not None and operation_of(p) in MODEL_OPERATIONS and model(p) is not None and model(p) == model(s):
                return p
            return None

        calls: dict[str, Call] = {}
        for s in sorted(model_spans, key=lambda s: s["start_ns"]):
            top = s
            while (up := folds_into(top)) is not None:
                top = up
            call = calls.get(top["span_id"])
            if call is None:
                call = calls[top["span_id"]] = Call(top, operation_of(top), model(top), failed(top))
            if top is not s:
                call.folded.append(s)
            a = s["attributes"]
            call.input_tokens = max(call.input_tokens, int(first(a, INPUT_TOKEN_KEYS) or 0))
            call.output_tokens = max(call.output_tokens, int(first(a, OUTPUT_TOKEN_KEYS) or 0))
        return list(calls.values())

    @property
    def requests_with_failed_call(self) -> list[dict[str, Any]]:
        """Roots of the traces in which a model call failed, whether or not the request then failed."""
        failed_traces = {c.span["trace_id"] for c in self.calls if c.failed or any(failed(s) for s in c.folded)}
        return [r for r in self.roots if r["trace_id"] in failed_traces]

    def calls_per_model(self) -> dict[str, int]:
        return dict(Counter(c.model or "" for c in self.calls))

    def failed_calls_per_model(self) -> dict[str, int]:
        return dict(Counter(c.model or "" for c in self.calls if c.failed))

    @property
    def nested_model_spans(self) -> int:
        return sum(len(c.folded) for c in self.calls)

    @property
    def input_tokens(self) -> int:
        return sum(c.input_tokens for c in self.calls)

    @property
    def output_tokens(self) -> int:
        return sum(c.output_tokens for c in self.calls)

    # --- tools and errors
    @property
    def tool_spans(self) -> list[dict[str, Any]]:
        return [s for s in self.spans if operation_of(s) == "tool"]

    @property
    def failed_tools(self) -> list[dict[str, Any]]:
        return [s for s in self.tool_spans if failed(s)]

    @property
    def failed_spans(self) -> list[dict[str, Any]]:
        return [s for s in self.spans if failed(s)]

    # --- traces
    def traces(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in self.spans:
            out[s["trace_id"]].append(s)
        return dict(out)

    def self_time_ms(self, trace_id: str) -> dict[str, float]:
        """Each instant of the trace goes to the deepest span running then; a root's own time is 'unaccounted'."""
        spans = self.traces()[trace_id]
        ids = {s["span_id"]: s for s in spans}
        parent_of = {s["span_id"]: s["parent_span_id"] for s in spans if s["parent_span_id"] in ids}
        has_children = set(parent_of.values())

        def depth(span_id: str) -> int:
            d = 0
            while span_id in parent_of:
                span_id = parent_of[span_id]
                d += 1
            return d

        depths = {s["span_id"]: depth(s["span_id"]) for s in spans}
        edges = sorted({t for s in spans for t in (s["start_ns"], s["end_ns"])})
        out: dict[str, float] = defaultdict(float)
        for t0, t1 in zip(edges, edges[1:]):
            active = [s for s in spans if s["start_ns"] <= t0 and s["end_ns"] > t0]
            ms = (t1 - t0) / 1e6
            if not active:
                out["unaccounted"] += ms
                continue
            deepest = max(active, key=lambda s: (depths[s["span_id"]], s["start_ns"]))
            if deepest["span_id"] not in parent_of and deepest["span_id"] in has_children:
                out["unaccounted"] += ms
            else:
                out[operation_of(deepest)] += ms
        return dict(out)

    def summary(self) -> dict[str, Any]:
        calls = self.calls
        return {
            "service": self.service,
            "spans": len(self.spans),
            "requests": len(self.requests),
            "roots": len(self.roots),
            "failed_requests": len(self.failed_requests),
            "runs_raised": len(self.failed_runs),
            "p50_ms": round(self.request_latency(0.5) or 0, 2),
            "p95_ms": round(self.request_latency(0.95) or 0, 2),
            "requests_with_failed_call": len(self.requests_with_failed_call),
            "calls": len(calls),
            "calls_per_model": self.calls_per_model(),
            "failed_calls_per_model": self.failed_calls_per_model(),
            "model_spans_folded_into_outer_call": self.nested_model_spans,
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "tool_spans": len(self.tool_spans),
            "tool_failures": len(self.failed_tools),
            "failed_spans": len(self.failed_spans),
        }
