"""The same LangGraph agent traced by openinference-instrumentation-langchain."""

from __future__ import annotations

from checks import FrameworkChecks
from truth import Truth


class TestLangGraphOpenInference(FrameworkChecks):
    script = "langgraph_agent.py"
    base_service = "langgraph-openinference"
    args = ("openinference",)

    def test_handled_tool_failures_leave_requests_ok(self, truth: Truth) -> None:
        assert len(truth.failed_tools) == 3
        failed_traces = {s["trace_id"] for s in truth.failed_requests}
        assert not any(s["trace_id"] in failed_traces for s in truth.failed_tools)
        assert len(truth.failed_requests) == 2
