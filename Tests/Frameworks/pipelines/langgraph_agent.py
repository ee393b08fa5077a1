"""A LangGraph tool-calling agent with a scripted chat model and real @tool tools.

`langgraph_agent.py OUT SERVICE openllmetry|openinference` picks the instrumentation:
OpenLLMetry's opentelemetry-instrumentation-langchain or openinference-instrumentation-langchain.

The graph is the usual agent loop built from langgraph's own parts: START -> agent (chat model
with tools bound) -> ToolNode (tool errors handled: a failing tool becomes an error ToolMessage) ->
agent -> END. Per request the model picks one tool, then answers from its result.
Failures (deterministic by request index): the model raises on its first call (the request fails);
a tool raises ToolException (the tool span fails, ToolNode turns it into a message, request OK).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, List, Optional

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Harness  # noqa: E402

from langchain_core.callbacks import CallbackManagerForLLMRun  # noqa: E402
from langchain_core.language_models.chat_models import BaseChatModel  # noqa: E402
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage  # noqa: E402
from langchain_core.outputs import ChatGeneration, ChatResult  # noqa: E402
from langchain_core.tools import ToolException, tool  # noqa: E402
from langchain_core.utils.function_calling import convert_to_openai_tool  # noqa: E402

MODEL = "fake-agent-model"
N_REQUESTS = 18
MODEL_FAILS = {5, 14}  # the first model call raises; the request fails
TOOL_FAILS = {3, 9, 16}  # the chosen tool raises ToolException; ToolNode handles it, the request succeeds

_state = {"model_fail": False, "tool_fail": False, "delay": 0.02}


class ModelOverloaded(Exception):
    pass


class ScriptedChatModel(BaseChatModel):
    """Calls the tool named in the question, then answers with the tool's result. Reports usage."""

    model_name: str = MODEL
    temperature: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "scripted-chat"

    @classmethod
    def is_lc_serializable(cls) -> bool:
        # Like the provider chat models (ChatOpenAI, ChatAnthropic). OpenLLMetry reads the request model
        # from the serialized kwargs; for a non-serializable model it records gen_ai.request.model "unknown".
        return os.environ.get("FW_UNSERIALIZABLE_MODEL") is None

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "temperature": self.temperature}

    def bind_tools(self, tools: Any, **kwargs: Any):  # type: ignore[override]
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)

    def _generate(self, messages: List[BaseMessage], stop: Optional[List[str]] = None,
                  run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> ChatResult:
        time.sleep(_state["delay"])
        last = messages[-1]
        if isinstance(last, HumanMessage):
            if _state["model_fail"]:
                raise ModelOverloaded("Error code: 503 - The server had an error while processing your request (service unavailable)")
            text = str(last.content)
            name, args = ("get_weather", {"city": text.split()[-1].strip("?")}) if "weather" in text \
                else ("search_docs", {"query": text})
            message = AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": f"call_{len(messages)}_{name}"}])
        else:
            result = last.content if isinstance(last, ToolMessage) else "nothing"
            message = AIMessage(content=f"Here is what I found: {result}")
        prompt_tokens = sum(len(str(m.content).split()) + 3 for m in messages)
        completion_tokens = len(str(message.content).split()) + 5 * len(message.tool_calls)
        usage = {"input_tokens": prompt_tokens, "output_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        message.usage_metadata = usage  # type: ignore[assignment]
        message.response_metadata = {"model_name": self.model_name, "finish_reason": "tool_calls" if message.tool_calls else "stop"}
        token_usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                       "total_tokens": prompt_tokens + completion_tokens}
        return ChatResult(generations=[ChatGeneration(message=message)],
                          llm_output={"token_usage": token_usage, "model_name": self.model_name})


@tool
def search_docs(query: str) -> str:
    """Search the product documentation."""
    time.sleep(0.005)
    if _state["tool_fail"]:
        raise ToolException("search index unavailable: shard 3 did not answer")
    return f"3 passages about '{query[:30]}'"


@tool
def get_weather(city: str) -> str:
    """Current weather for a city."""
    time.sleep(0.004)
    if _state["tool_fail"]:
        raise ToolException(f"weather provider returned no data for {city}")
    return f"Sunny in {city}, 21C"


QUESTIONS = ["What is the weather in Paris?", "How do I configure retries?", "What is the weather in Oslo?",
             "How are tokens counted?", "Where are traces stored?", "What is the weather in Lima?"]


def build_graph():
    from langgraph.graph import START, MessagesState, StateGraph
    from langgraph.prebuilt import ToolNode, tools_condition

    tools = [search_docs, get_weather]
    model = ScriptedChatModel().bind_tools(tools)

    def agent(state: MessagesState) -> dict[str, Any]:
        return {"messages": [model.invoke(state["messages"])]}

    g = StateGraph(MessagesState)
    g.add_node("agent", agent)
    g.add_node("tools", ToolNode(tools, handle_tool_errors=True))
    g.add_edge(START, "agent")
    g.add_conditional_edges("agent", tools_condition)
    g.add_edge("tools", "agent")
    return g.compile()


def instrument(which: str, provider: Any) -> None:
    if which == "openllmetry":
        from opentelemetry.instrumentation.langchain import LangchainInstrumentor

        LangchainInstrumentor().instrument(tracer_provider=provider)
    elif which == "openinference":
        from openinference.instrumentation.langchain import LangChainInstrumentor

        LangChainInstrumentor().instrument(tracer_provider=provider)
    else:
        sys.exit(f"unknown instrumentation {which}")


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(f"usage: {sys.argv[0]} OUT_JSON SERVICE_NAME openllmetry|openinference")
    out, service, which = sys.argv[1], sys.argv[2], sys.argv[3]
    h = Harness(service)
    instrument(which, h.provider)
    graph = build_graph()
    for i in range(N_REQUESTS):
        _state["model_fail"] = i in MODEL_FAILS
        _state["tool_fail"] = i in TOOL_FAILS
        _state["delay"] = 0.012 + ((i * 7919) % 20) / 1000
        try:
            result = graph.invoke({"messages": [HumanMessage(QUESTIONS[i % len(QUESTIONS)])]})
            h.record_run(i, "ok", answer=str(result["messages"][-1].content)[:80])
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", error=f"{type(e).__name__}: {e}")
    _state.update(model_fail=False, tool_fail=False)
    if os.environ.get("FW_EXTRA_STREAMING"):
        # Documentation only: one streamed run.
        for _ in graph.stream({"messages": [HumanMessage("How are tokens counted?")]}, stream_mode="messages"):
            pass
    h.finish(out, notes={"instrumentation": which, "model_fails": sorted(MODEL_FAILS), "tool_fails": sorted(TOOL_FAILS)})


if __name__ == "__main__":
    main()
