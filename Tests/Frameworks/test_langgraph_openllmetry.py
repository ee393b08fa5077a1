"""A LangGraph agent (scripted chat model, real @tool tools, ToolNode) traced by OpenLLMetry's opentelemetry-instrumentation-langchain."""

from __future__ import annotations

from checks import FrameworkChecks
from truth import Truth


class TestLangGraphOpenLLMetry(FrameworkChecks):
    script = "langgraph_agent.py"
    base_service = "langgraph-openllmetry"
    args = ("openllmetry",)

    def test_handled_tool_failures_leave_requests_ok(self, truth: Truth) -> None:
        # ToolNode turns a failing tool into an error ToolMessage: the tool span fails, the request does not.
        assert len(truth.failed_tools) == 3
        failed_traces = {s["trace_id"] for s in truth.failed_requests}
        assert not any(s["trace_id"] in failed_traces for s in truth.failed_tools)
        assert len(truth.failed_requests) == 2
