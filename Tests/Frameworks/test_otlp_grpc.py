"""The same OpenAI calls exported over OTLP/gRPC (the SDK's gRPC exporters for spans, GenAI events
and metrics) to Loupe's gRPC port: every standard check holds, each span keeps its events, and the
instrumentation's metrics, which report the same calls as its spans, are not counted again.

LOUPE_GRPC (host:port) names the gRPC receiver of the `loupe serve` that LOUPE_URL names; without it
this module is skipped.
"""

from __future__ import annotations

import os

import pytest

from checks import FrameworkChecks
from loupe_client import Loupe
from truth import Truth

pytestmark = pytest.mark.skipif(not os.environ.get("LOUPE_GRPC"), reason="LOUPE_GRPC (Loupe's OTLP/gRPC host:port) is not set")


class TestOTLPGRPC(FrameworkChecks):
    script = "openai_events.py"
    base_service = "openai-grpc"
    args = ("grpc",)

    def test_each_span_keeps_its_events(self, loupe: Loupe, truth: Truth) -> None:
        for call in truth.calls:
            node = next(s for s in loupe.trace(call.span["trace_id"])["spans"] if s["span_id"] == call.span["span_id"])
            names = [r["event_name"] for r in node.get("logs") or []]
            assert names[:2] == ["gen_ai.system.message", "gen_ai.user.message"], names
            assert (names[-1] == "gen_ai.choice") != call.failed
