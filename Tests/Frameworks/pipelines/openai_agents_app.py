"""OpenAI Agents SDK: a triage agent with a tool and a handoff to a billing agent, on a fake Model.

Traced by openinference-instrumentation-openai-agents (its processor replaces the SDK's default
OpenAI trace exporter, so nothing leaves the machine). The fake `Model` implements
`get_response` with canned outputs and records a `generation_span` naming its model with token
usage, like the SDK's own OpenAIChatCompletionsModel.

Per request: triage (model fake-triage-mini) either calls `lookup_order` and answers, or hands off
"refund" questions to the billing agent (model fake-billing-large), which calls `issue_refund`.
Failures (deterministic by request index):
- the triage model raises (rate limit): the run raises;
- the model keeps calling a tool until max_turns: the run raises MaxTurnsExceeded;
- `issue_refund` raises and has no failure_error_function: the run raises;
- `lookup_order` raises with the SDK's default error handling: the tool span fails, the model is
  told, the run succeeds.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Harness, main_args  # noqa: E402

from agents import Agent, ModelSettings, Runner, function_tool, handoff  # noqa: E402
from agents.items import ModelResponse  # noqa: E402
from agents.models.interface import Model  # noqa: E402
from agents.testing import assistant_message, function_call  # noqa: E402
from agents.tracing import SpanError, generation_span  # noqa: E402
from agents.usage import Usage  # noqa: E402

TRIAGE_MODEL = "fake-triage-mini"
BILLING_MODEL = "fake-billing-large"
N_REQUESTS = 18
MODEL_FAILS = {4}
MAX_TURNS_FAILS = {9}
REFUND_TOOL_FAILS = {13}  # unhandled: the run raises
LOOKUP_TOOL_FAILS = {6, 15}  # handled by the SDK's default failure_error_function
MAX_TURNS = 4

_state: dict[str, Any] = {"i": 0, "delay": 0.02}


class RateLimited(Exception):
    pass


class FakeModel(Model):
    def __init__(self, name: str) -> None:
        self.name = name

    def _decide(self, items: list[Any]) -> list[Any]:
        i = _state["i"]
        outputs = [x for x in items if isinstance(x, dict) and x.get("type") == "function_call_output"]
        question = next((x.get("content") for x in items if isinstance(x, dict) and x.get("role") == "user"), "")
        call_id = f"call_{i}_{len(outputs)}"
        if self.name == TRIAGE_MODEL:
            if i in MAX_TURNS_FAILS:
                return [function_call("lookup_order", {"order_id": f"A{i}"}, call_id=call_id)]
            if "refund" in str(question) and not outputs:
                return [function_call("transfer_to_billing_agent", {}, call_id=call_id)]
            if not outputs:
                return [function_call("lookup_order", {"order_id": f"A{i}"}, call_id=call_id)]
            return [assistant_message(f"Order status: {outputs[-1].get('output')}")]
        # billing agent: after the handoff, issue the refund, then confirm
        if not any("refund" in str(o.get("output")) for o in outputs):
            return [function_call("issue_refund", {"order_id": f"A{i}", "amount": 12.5}, call_id=call_id)]
        return [assistant_message("Your refund is on its way.")]

    async def get_response(self, system_instructions, input, model_settings, tools, output_schema, handoffs,
                           tracing, *, previous_response_id=None, conversation_id=None, prompt=None, **_: Any):
        items = [{"role": "user", "content": input}] if isinstance(input, str) else list(input)
        with generation_span(model=self.name, model_config={"temperature": model_settings.temperature},
                             disabled=tracing.is_disabled()) as span:
            await asyncio.sleep(_state["delay"])
            if self.name == TRIAGE_MODEL and _state["i"] in MODEL_FAILS:
                error = RateLimited("Error code: 429 - Rate limit reached for requests (fake-triage-mini)")
                span.set_error(SpanError(message="Error getting response",
                                         data={"name": type(error).__name__, "message": str(error)}))
                raise error
            output = self._decide(items)
            input_tokens = 20 + 4 * len(items)
            output_tokens = 8 + 3 * len(output)
            usage = Usage(requests=1, input_tokens=input_tokens, output_tokens=output_tokens,
                          total_tokens=input_tokens + output_tokens)
            span.span_data.usage = {"input_tokens": input_tokens, "output_tokens": output_tokens,
                                    "total_tokens": input_tokens + output_tokens}
            if tracing.include_data():
                span.span_data.input = items
                span.span_data.output = [o.model_dump() for o in output]
            return ModelResponse(output=output, usage=usage, response_id=None)

    async def stream_response(self, *args: Any, **kwargs: Any):  # pragma: no cover - not used
        raise NotImplementedError
        yield  # noqa


class RefundFailed(Exception):
    pass


@function_tool
def lookup_order(order_id: str) -> str:
    """Look up the status of an order."""
    time.sleep(0.004)
    if _state["i"] in LOOKUP_TOOL_FAILS:
        raise LookupError(f"ToolError: order service returned no record for {order_id}")
    return json.dumps({"order_id": order_id, "status": "shipped"})


@function_tool(failure_error_function=None)
def issue_refund(order_id: str, amount: float) -> str:
    """Refund an order."""
    time.sleep(0.006)
    if _state["i"] in REFUND_TOOL_FAILS:
        raise RefundFailed(f"payment gateway declined refund for {order_id}")
    return f"refund of {amount} issued for {order_id}"


QUESTIONS = ["Where is my order?", "I want a refund for my order", "Has my parcel shipped?",
             "Please refund the broken kettle", "Order status please", "Track my order"]


def build() -> Agent:
    billing = Agent(name="Billing agent", instructions="Handle refunds.", model=FakeModel(BILLING_MODEL),
                    tools=[issue_refund], model_settings=ModelSettings(temperature=0.0))
    return Agent(name="Triage agent", instructions="Help with orders; hand refunds to billing.",
                 model=FakeModel(TRIAGE_MODEL), tools=[lookup_order], handoffs=[handoff(billing)],
                 model_settings=ModelSettings(temperature=0.2))


async def run_all(h: Harness) -> None:
    triage = build()
    for i in range(N_REQUESTS):
        _state["i"] = i
        _state["delay"] = 0.012 + ((i * 7919) % 20) / 1000
        try:
            result = await Runner.run(triage, QUESTIONS[i % len(QUESTIONS)], max_turns=MAX_TURNS)
            h.record_run(i, "ok", answer=str(result.final_output)[:80])
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", error=f"{type(e).__name__}: {e}")


def main() -> None:
    out, service = main_args()
    h = Harness(service)
    from openinference.instrumentation.openai_agents import OpenAIAgentsInstrumentor

    # exclusive_processor (the default) drops the SDK's own exporter to OpenAI's tracing backend.
    OpenAIAgentsInstrumentor().instrument(tracer_provider=h.provider)
    asyncio.run(run_all(h))
    h.finish(out, notes={"model_fails": sorted(MODEL_FAILS), "max_turns_fails": sorted(MAX_TURNS_FAILS),
                         "refund_tool_fails": sorted(REFUND_TOOL_FAILS), "lookup_tool_fails": sorted(LOOKUP_TOOL_FAILS)})


if __name__ == "__main__":
    main()
