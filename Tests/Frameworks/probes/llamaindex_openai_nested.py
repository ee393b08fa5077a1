"""Probe (not part of the suite): LlamaIndex's OpenAI LLM with both openinference-instrumentation-llama-index
and openinference-instrumentation-openai, against an httpx MockTransport. Shows how a framework LLM
span wraps the client's LLM span, and which model names each carries, on success and on failure.

Needs llama-index-llms-openai, which pins openai<3 (openai-agents needs openai>=3), so run it in its
own venv: pip install llama-index-core llama-index-llms-openai openinference-instrumentation-llama-index
openinference-instrumentation-openai opentelemetry-sdk; python probes/llamaindex_openai_nested.py OUT.json
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Harness  # noqa: E402

import httpx  # noqa: E402

calls = {"n": 0}


def handler(request: httpx.Request) -> httpx.Response:
    calls["n"] += 1
    body = json.loads(request.content)
    if calls["n"] == 2:
        return httpx.Response(429, json={"error": {"message": "Rate limit reached for gpt-4o-mini", "type": "requests",
                                                    "code": "rate_limit_exceeded", "param": None}})
    return httpx.Response(200, json={
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": body["model"] + "-2024-07-18",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11}})


def main() -> None:
    out = sys.argv[1]
    h = Harness("probe-llamaindex-openai")
    from openinference.instrumentation.llama_index import LlamaIndexInstrumentor
    from openinference.instrumentation.openai import OpenAIInstrumentor

    LlamaIndexInstrumentor().instrument(tracer_provider=h.provider)
    OpenAIInstrumentor().instrument(tracer_provider=h.provider)
    from llama_index.llms.openai import OpenAI

    llm = OpenAI(model="gpt-4o-mini", api_key="sk-test", api_base="http://127.0.0.1:9/v1", max_retries=0,
                 http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    for i in range(2):
        try:
            llm.complete(f"hello {i}")
            h.record_run(i, "ok")
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", error=f"{type(e).__name__}: {e}")
    h.finish(out)


if __name__ == "__main__":
    main()
