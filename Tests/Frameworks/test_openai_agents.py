"""OpenAI Agents SDK (fake Model, a tool, a handoff) traced by openinference-instrumentation-openai-agents."""

from __future__ import annotations

from checks import FrameworkChecks
from truth import Truth, failed


class TestOpenAIAgents(FrameworkChecks):
    script = "openai_agents_app.py"
    base_service = "openai-agents"

    def test_raised_runs_keep_ok_roots(self, truth: Truth) -> None:
        # What the SDK emits: a run that raises (model error, MaxTurnsExceeded, unhandled tool error)
        # marks its agent span ERROR; the root "Agent workflow" span stays OK. Loupe counts requests
        # by the root's status, so these requests are not failed requests (asserted above).
        assert len(truth.failed_runs) == 3
        assert len(truth.failed_requests) == 0
        failed_agents = [s for s in truth.spans if failed(s) and s["attributes"].get("openinference.span.kind") == "AGENT"]
        assert len(failed_agents) == 3
