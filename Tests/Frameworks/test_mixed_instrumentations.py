"""One ChatOpenAI call reported twice: by a LangChain instrumentation and by an OpenAI client one.

Each report is the root of a trace of its own, and both carry the provider's response id
(`gen_ai.response.id`, or the `id` in OpenInference's `output.value`). Loupe counts the call once:
one request, one call, its tokens once. A failed call has no response, so nothing ties its two
reports together: each counts (see docs/frameworks.md), and these checks count successes only.
OpenLLMetry's two instrumentations together report one span (its LangChain instrumentation
suppresses the OpenAI one), so that pair needs nothing and is not here.
"""

from __future__ import annotations

from typing import Any

from truth import MODEL_OPERATIONS, Truth, operation_of


class MixedInstrumentationChecks:
    script = "mixed_instrumentations.py"

    def ok_runs(self, truth: Truth) -> list[dict[str, Any]]:
        return [r for r in truth.runs if r["outcome"] == "ok"]

    def test_every_span_was_acknowledged(self, truth: Truth) -> None:
        assert truth.failed_batches == 0 and truth.exported == len(truth.spans)

    def test_each_successful_call_was_reported_twice(self, truth: Truth) -> None:
        model_roots = [s for s in truth.roots if operation_of(s) in MODEL_OPERATIONS and s["status"]["code"] != "ERROR"]
        assert len(model_roots) == 2 * len(self.ok_runs(truth)) > 0

    def test_successful_requests_count_once(self, by_service: dict, truth: Truth) -> None:
        requests = by_service["requests"]
        assert requests["count"] - requests["errors"] == len(self.ok_runs(truth))

    def test_successful_calls_count_once(self, by_service: dict, truth: Truth) -> None:
        calls = by_service["calls"]
        assert calls["count"] - calls["errors"] == len(self.ok_runs(truth))

    def test_tokens_count_once(self, by_service: dict, truth: Truth) -> None:
        runs = self.ok_runs(truth)
        assert by_service["input_tokens"] == sum(r["input_tokens"] for r in runs)
        assert by_service["output_tokens"] == sum(r["output_tokens"] for r in runs)


class TestLangChainOpenInferenceWithOpenAIOpenInference(MixedInstrumentationChecks):
    base_service = "mixed-oi-oi"
    args = ("openinference", "openinference")


class TestLangChainOpenLLMetryWithOpenAIOpenInference(MixedInstrumentationChecks):
    base_service = "mixed-ollm-oi"
    args = ("openllmetry", "openinference")


class TestLangChainOpenInferenceWithOpenAIOpenLLMetry(MixedInstrumentationChecks):
    base_service = "mixed-oi-ollm"
    args = ("openinference", "openllmetry")
