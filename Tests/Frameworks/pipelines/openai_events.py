"""Bare OpenAI client calls whose messages leave as GenAI events (OTLP logs), not span attributes.

`openai_events.py OUT SERVICE [http|grpc]` runs the calls of `openai_client.py` (the same mock transport, with
its HTTP 429 and 500 failures) under OpenLLMetry's opentelemetry-instrumentation-openai on its events
path (`use_attributes=False`): each call's system and user messages, and its choice when it
succeeds, are log records in the call's span context. Over `http` (the default), spans go to
Loupe's /v1/traces and the records through the SDK's OTLP/HTTP log exporter to /v1/logs. Over
`grpc`, spans, records and the instrumentation's GenAI metrics all go through the SDK's OTLP/gRPC
exporters to FW_OTLP_GRPC (host:port). The prompt carries an e-mail address, which Loupe must
redact. An in-memory exporter keeps every record as the truth (`notes.logs`).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import openai_client as calls  # noqa: E402
from harness import CountingExporter, Harness, main_args  # noqa: E402

import httpx  # noqa: E402
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter  # noqa: E402
from opentelemetry.sdk._logs import LoggerProvider  # noqa: E402
from opentelemetry.sdk._logs.export import (  # noqa: E402
    BatchLogRecordProcessor,
    InMemoryLogRecordExporter,
    LogRecordExportResult,
    SimpleLogRecordProcessor,
)
from opentelemetry.sdk.resources import Resource  # noqa: E402

PROMPT = "Say hello to jane.doe@example.com, #{i}"


def main() -> None:
    out, service = main_args()
    transport = sys.argv[3] if len(sys.argv) > 3 else "http"
    if transport == "grpc":
        os.environ["FW_OTLP_GRPC"] = os.environ["LOUPE_GRPC"]
    h = Harness(service)
    resource = Resource.create({"service.name": service})
    logs = LoggerProvider(resource=resource)
    memory = InMemoryLogRecordExporter()
    logs.add_log_record_processor(SimpleLogRecordProcessor(memory))
    meters = None
    if transport == "grpc":
        from opentelemetry.exporter.otlp.proto.grpc._log_exporter import OTLPLogExporter as GRPCLogExporter
        from opentelemetry.exporter.otlp.proto.grpc.metric_exporter import OTLPMetricExporter as GRPCMetricExporter
        from opentelemetry.sdk.metrics import MeterProvider
        from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader

        exporter = CountingExporter(GRPCLogExporter(endpoint=os.environ["LOUPE_GRPC"], insecure=True, timeout=30), LogRecordExportResult.SUCCESS)
        # The same calls as the spans: Loupe must leave these aside rather than count the calls twice.
        meters = MeterProvider(resource=resource, metric_readers=[PeriodicExportingMetricReader(
            GRPCMetricExporter(endpoint=os.environ["LOUPE_GRPC"], insecure=True, timeout=30), export_interval_millis=3_600_000)])
    else:
        exporter = CountingExporter(OTLPLogExporter(endpoint=os.environ["LOUPE_URL"].rstrip("/") + "/v1/logs", timeout=30), LogRecordExportResult.SUCCESS)
    logs.add_log_record_processor(BatchLogRecordProcessor(exporter, schedule_delay_millis=200))
    from opentelemetry.instrumentation.openai import OpenAIInstrumentor

    OpenAIInstrumentor(use_attributes=False).instrument(tracer_provider=h.provider, logger_provider=logs, meter_provider=meters)
    import openai

    client = openai.OpenAI(api_key="sk-test-not-a-key", base_url="http://127.0.0.1:9/v1", max_retries=0,
                           http_client=httpx.Client(transport=httpx.MockTransport(calls.handler)))
    for i in range(calls.N_REQUESTS):
        calls._state["i"] = i
        model = calls.MODELS[i % len(calls.MODELS)]
        try:
            client.chat.completions.create(model=model, messages=[
                {"role": "system", "content": "Answer in one line."},
                {"role": "user", "content": PROMPT.format(i=i)}])
            h.record_run(i, "ok", model=model)
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", model=model, error=f"{type(e).__name__}: {e}")
    if meters is not None:
        # After the spans' batches (every 200 ms): the server has seen the service's spans by then.
        h.provider.force_flush(30_000)
        meters.force_flush(30_000)
        meters.shutdown()
    flushed = logs.force_flush(30_000)
    records = [{
        "event_name": r.log_record.event_name,
        "trace_id": format(r.log_record.trace_id or 0, "032x"),
        "span_id": format(r.log_record.span_id or 0, "016x"),
        "body": r.log_record.body,
    } for r in memory.get_finished_logs()]
    logs.shutdown()
    h.finish(out, notes={"logs": records, "logs_flushed": flushed, "log_failed_batches": exporter.failed_batches})


if __name__ == "__main__":
    main()
