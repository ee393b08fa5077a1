"""Regenerates fixtures/*.json: representative spans of each framework + instrumentation.

Runs every pipeline without Loupe (the in-memory exporter only) and keeps, per scenario, the spans
that matter (root, model, tool, retrieval, failed spans), with long strings cut and times made
relative to the trace's start. `python make_fixtures.py` from this folder, in the suite's venv.
The LlamaIndex + OpenAI client probe needs its own venv (see probes/); pass PROBE_PYTHON to include it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from truth import Truth, failed, operation_of  # noqa: E402

MAX_STRING = 240
INTERESTING = {"llm", "embedding", "rerank", "retrieval", "tool", "agent"}


def cut(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_STRING:
        return value[:MAX_STRING] + f"...[{len(value)} chars]"
    if isinstance(value, list):
        return [cut(v) for v in value[:5]]
    return value


def otlp_ish(span: dict[str, Any], t0: int) -> dict[str, Any]:
    return {
        "name": span["name"], "kind": span["kind"], "scope": span["scope"],
        "span_id": span["span_id"], "parent_span_id": span["parent_span_id"],
        "start_ms": round((span["start_ns"] - t0) / 1e6, 3), "duration_ms": round((span["end_ns"] - span["start_ns"]) / 1e6, 3),
        "status": span["status"] if span["status"]["code"] != "ERROR" else {**span["status"], "description": cut(span["status"]["description"])},
        "attributes": {k: cut(v) for k, v in sorted(span["attributes"].items())
                       if not (k.startswith(("reranker.input_documents.", "reranker.output_documents.", "retrieval.documents."))
                               and not k.endswith(".0.document.id"))},
        "events": [{"name": e["name"], "time_ms": round((e["time_ns"] - t0) / 1e6, 3),
                    "attributes": {k: cut(v) for k, v in e["attributes"].items()}} for e in span["events"]],
    }


def scenario(truth: Truth, trace_index: int, keep_all: bool = False) -> list[dict[str, Any]]:
    traces = sorted(truth.traces().values(), key=lambda ss: min(s["start_ns"] for s in ss))
    spans = sorted(traces[trace_index], key=lambda s: s["start_ns"])
    t0 = spans[0]["start_ns"]
    ids = {s["span_id"] for s in spans}
    kept = [s for s in spans if keep_all or s["parent_span_id"] not in ids or operation_of(s) in INTERESTING or failed(s)
            or (s["parent_span_id"] in ids and s["parent_span_id"] == spans[0]["span_id"])]
    return [otlp_ish(s, t0) for s in kept]


def run(script: str, args: list[str], env: Optional[dict[str, str]] = None, python: str = sys.executable) -> Truth:
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "truth.json")
        e = dict(os.environ, FW_EXTRA_STREAMING="1", **(env or {}))
        e.pop("LOUPE_URL", None)
        subprocess.run([python, os.path.join(HERE, script), out, *args], env=e, check=True)
        return Truth.load(out)


def write(name: str, doc: dict[str, Any]) -> None:
    path = os.path.join(HERE, "fixtures", name)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


def main() -> None:
    import importlib.metadata as md

    def versions(*names: str) -> dict[str, str]:
        return {n: md.version(n) for n in names}

    t = run("pipelines/llamaindex_rag.py", ["llamaindex-rag"])
    write("llamaindex-openinference.json", {
        "packages": versions("llama-index-core", "openinference-instrumentation-llama-index"),
        "success": scenario(t, 0), "llm_failure": scenario(t, 4), "tool_failure": scenario(t, 8),
        "tool_failure_handled": scenario(t, 16), "streaming": scenario(t, 18)})

    for which in ("openllmetry", "openinference"):
        t = run("pipelines/langgraph_agent.py", [f"langgraph-{which}", which])
        pkg = "opentelemetry-instrumentation-langchain" if which == "openllmetry" else "openinference-instrumentation-langchain"
        doc = {"packages": versions("langgraph", "langchain-core", pkg),
               "success": scenario(t, 0, keep_all=True), "model_failure": scenario(t, 5, keep_all=True),
               "tool_failure_handled": scenario(t, 3, keep_all=True)}
        if which == "openllmetry":
            u = run("pipelines/langgraph_agent.py", ["langgraph-openllmetry", which], env={"FW_UNSERIALIZABLE_MODEL": "1"})
            doc["success_unserializable_chat_model"] = [s for s in scenario(u, 0) if "chat" in s["name"]]
            doc["model_failure_unserializable_chat_model"] = [s for s in scenario(u, 5) if "chat" in s["name"]]
        write(f"langgraph-{which}.json", doc)

    t = run("pipelines/openai_agents_app.py", ["openai-agents"])
    write("openai-agents-openinference.json", {
        "packages": versions("openai-agents", "openinference-instrumentation-openai-agents"),
        "success_tool": scenario(t, 0, keep_all=True), "success_handoff": scenario(t, 1, keep_all=True),
        "model_failure": scenario(t, 4, keep_all=True), "tool_failure_handled": scenario(t, 6, keep_all=True),
        "max_turns": scenario(t, 9), "tool_failure_unhandled": scenario(t, 13, keep_all=True)})

    for which in ("openinference", "openllmetry"):
        t = run("pipelines/openai_client.py", [f"openai-client-{which}", which])
        pkg = "openinference-instrumentation-openai" if which == "openinference" else "opentelemetry-instrumentation-openai"
        write(f"openai-client-{which}.json", {
            "packages": versions("openai", pkg),
            "success": scenario(t, 0), "failure_http_429": scenario(t, 3), "failure_http_500": scenario(t, 7),
            "streaming": scenario(t, len(t.traces()) - 1)})

    probe_python = os.environ.get("PROBE_PYTHON")
    if probe_python:
        t = run("probes/llamaindex_openai_nested.py", [], python=probe_python)
        write("llamaindex-openai-nested-openinference.json", {
            "packages": "llama-index-core 0.14.25, llama-index-llms-openai 0.8.3, openai 2.54.0, "
                        "openinference-instrumentation-llama-index 4.6.1, openinference-instrumentation-openai 0.1.66",
            "success": scenario(t, 0, keep_all=True), "failure_http_429": scenario(t, 1, keep_all=True)})


if __name__ == "__main__":
    main()
