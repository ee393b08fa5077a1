"""The checks every framework runs: Loupe's numbers against the truth the pipeline recorded.

A test module subclasses `FrameworkChecks`, names its pipeline and gets every test below.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

import pytest

from loupe_client import Loupe
from truth import Truth, failed, operation_of

LATENCY_RELATIVE_TOLERANCE = 0.02  # Loupe's log-bucket histogram has ~1% relative error
STAGE_TOLERANCE_MS = 5.0
STAGE_RELATIVE_TOLERANCE = 0.10


def close(actual: Optional[float], expected: Optional[float], rel: float) -> bool:
    if actual is None or expected is None:
        return actual is expected
    return abs(actual - expected) <= rel * abs(expected)


def flatten(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """A trace's spans: the API lists them flat, depth-first, each with its depth and parent."""
    yield from nodes


def only_group(body: dict[str, Any], key: dict[str, str]) -> dict[str, Any]:
    groups = [g for g in body["groups"] if g["key"] == key]
    assert len(groups) == 1, f"expected one group {key}, got {[g['key'] for g in body['groups']]}"
    return groups[0]


class FrameworkChecks:
    """Subclasses name their pipeline; the `truth` and `by_service` fixtures (conftest.py) run it once per class."""

    script: str = ""
    base_service: str = ""
    args: tuple[str, ...] = ()

    # --- the export itself
    def test_every_span_was_acknowledged(self, truth: Truth) -> None:
        assert truth.failed_batches == 0, f"{truth.failed_batches} OTLP batches were not accepted"
        assert truth.exported == len(truth.spans)
        assert len(truth.requests) >= 10, "the pipeline produced too few requests to be a meaningful check"

    # --- requests
    def test_requests_and_failed_requests(self, truth: Truth, by_service: dict[str, Any]) -> None:
        requests = by_service["requests"]
        assert requests["count"] == len(truth.requests)
        assert requests["errors"] == len(truth.failed_requests)
        assert requests["error_rate"] == pytest.approx(len(truth.failed_requests) / len(truth.requests))

    def test_request_latency_percentiles(self, truth: Truth, by_service: dict[str, Any]) -> None:
        latency = by_service["requests"]["latency_ms"]
        for name, q in (("p50", 0.5), ("p95", 0.95)):
            expected = truth.request_latency(q)
            assert close(latency[name], expected, LATENCY_RELATIVE_TOLERANCE), \
                f"{name}: Loupe {latency[name]} ms, truth {expected:.3f} ms (nearest rank over {len(truth.requests)} requests)"

    def test_spans(self, truth: Truth, by_service: dict[str, Any]) -> None:
        assert by_service["spans"]["count"] == len(truth.spans)
        assert by_service["spans"]["errors"] == len(truth.failed_spans)

    # --- model calls
    def test_model_calls(self, truth: Truth, by_service: dict[str, Any]) -> None:
        calls = truth.calls
        assert by_service["calls"]["count"] == len(calls), (
            f"Loupe {by_service['calls']['count']} calls, truth {len(calls)} model calls ({truth.nested_model_spans} more model spans are the same call "
            f"nested in a span of the same model and count once)")
        assert by_service["calls"]["errors"] == sum(c.failed for c in calls)

    def test_requests_with_a_failed_call(self, truth: Truth, by_service: dict[str, Any]) -> None:
        expected = len(truth.requests_with_failed_call)
        assert by_service["requests_with_failed_call"] == {
            "count": expected, "share": pytest.approx(expected / len(truth.requests))}

    def test_calls_per_model(self, loupe: Loupe, truth: Truth) -> None:
        body = loupe.summary(truth, group_by="model")
        assert body["unit"] == "calls", body
        counted = {g["key"]["model"]: g["calls"]["count"] for g in body["groups"] if g["calls"]["count"]}
        errors = {g["key"]["model"]: g["calls"]["errors"] for g in body["groups"] if g["calls"]["errors"]}
        assert counted == truth.calls_per_model()
        assert errors == truth.failed_calls_per_model()

    def test_tokens(self, truth: Truth, by_service: dict[str, Any]) -> None:
        assert by_service["input_tokens"] == truth.input_tokens
        assert by_service["output_tokens"] == truth.output_tokens

    # --- failures
    def test_error_total(self, loupe: Loupe, truth: Truth) -> None:
        body = loupe.errors(truth)
        assert body["total_errors"] == len(truth.failed_spans)
        # A failure that propagates up the tree is one failure, filed under its root cause: the
        # failed spans none of whose children failed.
        failed_parents = {s["parent_span_id"] for s in truth.failed_spans if s["parent_span_id"]}
        root_causes = [s for s in truth.failed_spans if s["span_id"] not in failed_parents]
        assert body["failures"] == len(root_causes)
        assert sum(c["count"] for c in body["categories"]) == len(root_causes)

    def test_tool_failures(self, loupe: Loupe, truth: Truth) -> None:
        failed_tools = truth.failed_tools
        if not failed_tools:
            pytest.skip("this pipeline has no failing tool")
        categories = {c["category"]: c["count"] for c in loupe.errors(truth)["categories"]}
        # Spans that re-raise a tool's exception may be tool failures too, hence at least.
        assert categories.get("tool_failure", 0) >= len(failed_tools), categories
        for span in failed_tools:
            stored = {s["span_id"]: s for s in flatten(loupe.trace(span["trace_id"])["spans"])}
            node = stored[span["span_id"]]
            assert node["operation"] == "tool"
            assert node["status"] == "error"
            assert node["error"]["category"] == "tool_failure", node["error"]

    # --- where the time went
    def sample_trace(self, truth: Truth) -> str:
        """The successful trace with the most kinds of operation, the first such."""
        best, best_kinds = None, -1
        for trace_id, spans in truth.traces().items():
            if any(failed(s) for s in spans):
                continue
            kinds = len({operation_of(s) for s in spans})
            if kinds > best_kinds:
                best, best_kinds = trace_id, kinds
        assert best is not None
        return best

    def test_stage_breakdown(self, loupe: Loupe, truth: Truth) -> None:
        trace_id = self.sample_trace(truth)
        expected = truth.self_time_ms(trace_id)
        body = loupe.trace(trace_id)
        breakdown = body["stage_breakdown"]
        stages = {s["operation"]: s["ms"] for s in breakdown["stages"]}
        spans = truth.traces()[trace_id]
        total = (max(s["end_ns"] for s in spans) - min(s["start_ns"] for s in spans)) / 1e6
        assert breakdown["total_ms"] == pytest.approx(total, abs=0.01)
        assert len(list(flatten(body["spans"]))) == len(spans)
        checked = 0
        for operation in ("retrieval", "embedding", "rerank", "llm", "tool"):
            want = expected.get(operation, 0.0)
            if want <= 0:
                continue
            checked += 1
            got = stages.get(operation, 0.0)
            assert got > 0, f"{operation}: truth {want:.2f} ms of self time, Loupe none ({stages})"
            assert abs(got - want) <= max(STAGE_TOLERANCE_MS, STAGE_RELATIVE_TOLERANCE * want), \
                f"{operation}: Loupe {got:.2f} ms, truth self time {want:.2f} ms"
        assert checked > 0
