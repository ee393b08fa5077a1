"""Bare OpenAI client calls (httpx MockTransport, HTTP 429/500 failures) under both OpenAI instrumentations.

Each request is a single model call: the root span is the LLM span, a request and a call at once.
"""

from __future__ import annotations

import json

import pytest

from checks import FrameworkChecks
from loupe_client import Loupe
from truth import Truth


class TestOpenAIClientOpenInference(FrameworkChecks):
    script = "openai_client.py"
    base_service = "openai-client-openinference"
    args = ("openinference",)

    def test_failed_calls_name_no_model(self, truth: Truth) -> None:
        # openinference-instrumentation-openai sets llm.model_name from the response (the dated
        # snapshot); a failed call has no response, so the model is only in llm.invocation_parameters.
        failed_calls = [c for c in truth.calls if c.failed]
        assert len(failed_calls) == 3
        for call in failed_calls:
            assert "llm.model_name" not in call.span["attributes"]
            assert json.loads(call.span["attributes"]["llm.invocation_parameters"])["model"] == call.model

    def test_failed_calls_keep_requested_model(self, loupe: Loupe, truth: Truth) -> None:
        body = loupe.summary(truth, group_by="model")
        errors = {g["key"]["model"]: g["calls"]["errors"] for g in body["groups"] if g["calls"]["errors"]}
        requested: dict[str, int] = {}
        for call in truth.calls:
            if call.failed:
                model = json.loads(call.span["attributes"]["llm.invocation_parameters"])["model"]
                requested[model] = requested.get(model, 0) + 1
        assert errors == requested


class TestOpenAIClientOpenLLMetry(FrameworkChecks):
    script = "openai_client.py"
    base_service = "openai-client-openllmetry"
    args = ("openllmetry",)

    def test_failed_calls_keep_request_model(self, truth: Truth) -> None:
        failed_calls = [c for c in truth.calls if c.failed]
        assert len(failed_calls) == 3
        assert all(c.model and "gen_ai.response.model" not in c.span["attributes"] for c in failed_calls)
