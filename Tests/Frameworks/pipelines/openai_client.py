"""Bare OpenAI client calls (chat.completions) against an in-process httpx.MockTransport.

`openai_client.py OUT SERVICE openinference|openllmetry` picks openinference-instrumentation-openai
or OpenLLMetry's opentelemetry-instrumentation-openai. Each request is one model call, so the
root span is itself the LLM span (a request and a call at once). No network: the transport
answers in-process. Failures (deterministic by request index): HTTP 429 rate limit and HTTP 500;
the client has max_retries=0 so each failed call is one HTTP exchange.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Harness  # noqa: E402

import httpx  # noqa: E402

MODELS = ["gpt-4o-mini", "gpt-4.1-nano"]
N_REQUESTS = 14
RATE_LIMITED = {3, 10}
SERVER_ERROR = {7}
_state: dict[str, Any] = {"i": 0}
# Response ids are unique per response, as at OpenAI: Loupe recognises one call reported twice by them.
RUN = secrets.token_hex(4)


def handler(request: httpx.Request) -> httpx.Response:
    i = _state["i"]
    time.sleep(0.01 + ((i * 7919) % 15) / 1000)
    body = json.loads(request.content or b"{}")
    model = body.get("model", "?")
    if i in RATE_LIMITED:
        return httpx.Response(429, headers={"retry-after": "1"}, json={"error": {
            "message": f"Rate limit reached for {model} in organization org-test on requests per min (RPM): Limit 3, Used 3.",
            "type": "requests", "param": None, "code": "rate_limit_exceeded"}})
    if i in SERVER_ERROR:
        return httpx.Response(500, json={"error": {"message": "The server had an error while processing your request.",
                                                    "type": "server_error", "param": None, "code": None}})
    prompt_tokens = 11 + i
    completion_tokens = 7
    if body.get("stream"):
        chunks = []
        for n, word in enumerate(["Hello", " there", "!"]):
            chunks.append({"id": f"chatcmpl-{RUN}-{i}", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
                           "choices": [{"index": 0, "delta": {"role": "assistant", "content": word} if n == 0 else {"content": word},
                                        "finish_reason": None}]})
        chunks.append({"id": f"chatcmpl-{RUN}-{i}", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        chunks.append({"id": f"chatcmpl-{RUN}-{i}", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
                       "choices": [], "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 3, "total_tokens": prompt_tokens + 3}})
        text = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=text.encode())
    return httpx.Response(200, json={
        "id": f"chatcmpl-{RUN}-{i}", "object": "chat.completion", "created": 1700000000, "model": model + "-2024-07-18",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello there!"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens}})


def instrument(h: Harness, which: str) -> None:
    """Turns on openinference-instrumentation-openai or OpenLLMetry's opentelemetry-instrumentation-openai."""
    if which == "openinference":
        from openinference.instrumentation.openai import OpenAIInstrumentor

        OpenAIInstrumentor().instrument(tracer_provider=h.provider)
    elif which == "openllmetry":
        from opentelemetry.instrumentation.openai import OpenAIInstrumentor as OpenLLMetryOpenAIInstrumentor

        OpenLLMetryOpenAIInstrumentor().instrument(tracer_provider=h.provider)
    else:
        sys.exit(f"unknown OpenAI instrumentation {which}")


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(f"usage: {sys.argv[0]} OUT_JSON SERVICE_NAME openinference|openllmetry")
    out, service, which = sys.argv[1], sys.argv[2], sys.argv[3]
    h = Harness(service)
    instrument(h, which)
    import openai

    client = openai.OpenAI(api_key="sk-test-not-a-key", base_url="http://127.0.0.1:9/v1", max_retries=0,
                           http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    for i in range(N_REQUESTS):
        _state["i"] = i
        model = MODELS[i % len(MODELS)]
        try:
            client.chat.completions.create(model=model, temperature=0.1, max_tokens=50,
                                           messages=[{"role": "user", "content": f"Say hello #{i}"}])
            h.record_run(i, "ok", model=model)
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", model=model, error=f"{type(e).__name__}: {e}")
    if os.environ.get("FW_EXTRA_STREAMING"):
        _state["i"] = 100
        stream = client.chat.completions.create(model=MODELS[0], stream=True, stream_options={"include_usage": True},
                                                messages=[{"role": "user", "content": "stream please"}])
        for _ in stream:
            pass
    h.finish(out, notes={"instrumentation": which, "rate_limited": sorted(RATE_LIMITED), "server_error": sorted(SERVER_ERROR)})


if __name__ == "__main__":
    main()
