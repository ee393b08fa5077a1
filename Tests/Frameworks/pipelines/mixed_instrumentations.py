"""One LangChain ChatOpenAI call per request, reported by two instrumentations at once.

`mixed_instrumentations.py OUT SERVICE LANGCHAIN OPENAI`, each of LANGCHAIN and OPENAI being
`openinference` or `openllmetry`: the LangChain instrumentation reports the ChatOpenAI call and the
OpenAI client instrumentation reports the HTTP call under it, each as the root of a trace of its own
(neither joins the other's context). The model answers through an httpx MockTransport (the handler
of openai_client.py), so nothing touches the network; requests 3 and 10 are rate limited (HTTP 429)
and request 7 meets a server error (HTTP 500).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Harness  # noqa: E402

import httpx  # noqa: E402

import openai_client  # noqa: E402

N_REQUESTS = 12


def instrument_langchain(h: Harness, which: str) -> None:
    if which == "openinference":
        from openinference.instrumentation.langchain import LangChainInstrumentor

        LangChainInstrumentor().instrument(tracer_provider=h.provider)
    elif which == "openllmetry":
        from opentelemetry.instrumentation.langchain import LangchainInstrumentor

        LangchainInstrumentor().instrument(tracer_provider=h.provider)
    else:
        sys.exit(f"unknown LangChain instrumentation {which}")


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(f"usage: {sys.argv[0]} OUT_JSON SERVICE_NAME openinference|openllmetry openinference|openllmetry")
    out, service, langchain, openai = sys.argv[1:5]
    h = Harness(service)
    instrument_langchain(h, langchain)
    openai_client.instrument(h, openai)
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="gpt-4o-mini", api_key="sk-test-not-a-key", base_url="http://127.0.0.1:9/v1", max_retries=0,
                     http_client=httpx.Client(transport=httpx.MockTransport(openai_client.handler)))
    for i in range(N_REQUESTS):
        openai_client._state["i"] = i
        try:
            message = llm.invoke(f"Say hello #{i}")
            usage = message.usage_metadata or {}
            h.record_run(i, "ok", model="gpt-4o-mini", response_id=message.response_metadata.get("id"),
                         input_tokens=usage.get("input_tokens"), output_tokens=usage.get("output_tokens"))
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", model="gpt-4o-mini", error=f"{type(e).__name__}: {e}")
    h.finish(out, notes={"langchain": langchain, "openai": openai})


if __name__ == "__main__":
    main()
