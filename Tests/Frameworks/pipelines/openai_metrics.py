"""Bare OpenAI client calls whose only telemetry to Loupe is OpenLLMetry's GenAI metrics.

`openai_metrics.py OUT SERVICE cumulative|delta` runs the calls of `openai_client.py` (the same mock
transport, with its HTTP 429 and 500 failures) under OpenLLMetry's opentelemetry-instrumentation-openai
with a MeterProvider. The SDK's OTLP/HTTP metric exporter sends `gen_ai.client.operation.duration`
and `gen_ai.client.token.usage` to Loupe's /v1/metrics, in the temporality asked for; no span leaves
the process, so the service is known to Loupe by its metrics alone. An in-memory reader keeps what
the SDK measured, the truth the test compares Loupe's summary with.
"""

from __future__ import annotations

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openai_client as calls  # noqa: E402

import httpx  # noqa: E402
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter  # noqa: E402
from opentelemetry.sdk.metrics import Histogram, MeterProvider  # noqa: E402
from opentelemetry.sdk.metrics.export import (  # noqa: E402
    AggregationTemporality,
    InMemoryMetricReader,
    MetricExportResult,
    PeriodicExportingMetricReader,
)
from opentelemetry.sdk.resources import Resource  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402


class CountingMetricExporter(OTLPMetricExporter):
    """Remembers every export result, so a refused export fails the run."""

    results: list[str] = []

    def export(self, metrics_data, timeout_millis: float = 10_000, **kwargs):  # type: ignore[no-untyped-def]
        result = super().export(metrics_data, timeout_millis=timeout_millis, **kwargs)
        self.results.append(result.name)
        return result


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[3] not in ("cumulative", "delta"):
        sys.exit(f"usage: {sys.argv[0]} OUT_JSON SERVICE_NAME cumulative|delta")
    out, service, temporality = sys.argv[1], sys.argv[2], sys.argv[3]
    chosen = AggregationTemporality.CUMULATIVE if temporality == "cumulative" else AggregationTemporality.DELTA
    exporter = CountingMetricExporter(endpoint=os.environ["LOUPE_URL"].rstrip("/") + "/v1/metrics", timeout=30,
                                      preferred_temporality={Histogram: chosen})
    # A long interval: the export that matters is the one at shutdown, after every call.
    periodic = PeriodicExportingMetricReader(exporter, export_interval_millis=3_600_000)
    memory = InMemoryMetricReader()
    meters = MeterProvider(metric_readers=[periodic, memory], resource=Resource.create({"service.name": service}))
    from opentelemetry.instrumentation.openai import OpenAIInstrumentor

    OpenAIInstrumentor().instrument(tracer_provider=TracerProvider(), meter_provider=meters)
    import openai

    client = openai.OpenAI(api_key="sk-test-not-a-key", base_url="http://127.0.0.1:9/v1", max_retries=0,
                           http_client=httpx.Client(transport=httpx.MockTransport(calls.handler)))
    started = time.time()
    outcomes = []
    for i in range(calls.N_REQUESTS):
        calls._state["i"] = i
        try:
            client.chat.completions.create(model=calls.MODELS[i % len(calls.MODELS)],
                                           messages=[{"role": "user", "content": f"Say hello #{i}"}])
            outcomes.append("ok")
        except Exception as e:  # noqa: BLE001
            outcomes.append(type(e).__name__)
    points = []
    for resource in json.loads(memory.get_metrics_data().to_json())["resource_metrics"]:
        for scope in resource["scope_metrics"]:
            for metric in scope["metrics"]:
                for p in metric["data"]["data_points"]:
                    points.append({"name": metric["name"], "unit": metric["unit"], "attributes": p["attributes"],
                                   "count": p.get("count"), "sum": p.get("sum")})
    flushed = meters.force_flush(30_000)
    meters.shutdown()
    with open(out, "w") as f:
        json.dump({"service": service, "started": started, "finished": time.time(), "flushed": flushed,
                   "exports": CountingMetricExporter.results, "outcomes": outcomes, "points": points}, f, indent=1)


if __name__ == "__main__":
    main()
