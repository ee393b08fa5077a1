"""Inside a pipeline subprocess: one TracerProvider per framework with two exporters.

The OTLP/HTTP (protobuf) exporter sends every span to Loupe; an in-memory exporter keeps the same
spans as the truth. At the end the truth is written as JSON for the test process to compare.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any, Sequence

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode


class CountingExporter(SpanExporter):
    """Wraps an OTLP exporter and remembers every export result, so a rejected batch fails the run.

    Spans by default; `success` (the exporter's result type's SUCCESS) lets it wrap a log record exporter too.
    """

    def __init__(self, inner: Any, success: Any = SpanExportResult.SUCCESS) -> None:
        self.inner = inner
        self.success = success
        self.exported = 0
        self.failed_batches = 0

    def export(self, items: Sequence[Any]) -> Any:
        result = self.inner.export(items)
        if result == self.success:
            self.exported += len(items)
        else:
            self.failed_batches += 1
        return result

    def shutdown(self) -> None:
        self.inner.shutdown()

    def force_flush(self, timeout_millis: int = 30_000) -> bool:
        return self.inner.force_flush(timeout_millis)


class Harness:
    def __init__(self, service: str, extra_resource: dict[str, Any] | None = None) -> None:
        self.service = service
        attributes = {"service.name": service, **(extra_resource or {})}
        self.provider = TracerProvider(resource=Resource.create(attributes))
        self.memory = InMemorySpanExporter()
        self.provider.add_span_processor(SimpleSpanProcessor(self.memory))
        self.otlp: CountingExporter | None = None
        url = os.environ.get("LOUPE_URL")
        grpc = os.environ.get("FW_OTLP_GRPC")
        if grpc:
            # OTLP/gRPC instead: FW_OTLP_GRPC is Loupe's gRPC address, host:port.
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter as GRPCSpanExporter

            self.otlp = CountingExporter(GRPCSpanExporter(endpoint=grpc, insecure=True, timeout=30))
            self.provider.add_span_processor(BatchSpanProcessor(self.otlp, schedule_delay_millis=200))
        elif url:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            self.otlp = CountingExporter(OTLPSpanExporter(endpoint=url.rstrip("/") + "/v1/traces", timeout=30))
            self.provider.add_span_processor(BatchSpanProcessor(self.otlp, schedule_delay_millis=200))
        self.started = time.time()
        self.runs: list[dict[str, Any]] = []

    def record_run(self, index: int, outcome: str, **info: Any) -> None:
        self.runs.append({"index": index, "outcome": outcome, **info})

    def finish(self, out_path: str, notes: dict[str, Any] | None = None) -> None:
        ok = self.provider.force_flush(60_000)
        finished = time.time()
        spans = [span_to_dict(s) for s in self.memory.get_finished_spans()]
        doc = {
            "service": self.service,
            "started": self.started,
            "finished": finished,
            "flushed": ok,
            "exported": self.otlp.exported if self.otlp else None,
            "failed_batches": self.otlp.failed_batches if self.otlp else None,
            "runs": self.runs,
            "notes": notes or {},
            "spans": spans,
        }
        with open(out_path, "w") as f:
            json.dump(doc, f, indent=1, default=str)
        self.provider.shutdown()


KIND_NAMES = {0: "INTERNAL", 1: "SERVER", 2: "CLIENT", 3: "PRODUCER", 4: "CONSUMER"}


def _value(v: Any) -> Any:
    if isinstance(v, (str, bool, int, float)) or v is None:
        return v
    return list(v)


def span_to_dict(s: ReadableSpan) -> dict[str, Any]:
    parent = s.parent
    return {
        "trace_id": format(s.context.trace_id, "032x"),
        "span_id": format(s.context.span_id, "016x"),
        "parent_span_id": format(parent.span_id, "016x") if parent else None,
        "parent_is_remote": bool(parent.is_remote) if parent else False,
        "name": s.name,
        "kind": KIND_NAMES.get(s.kind.value, str(s.kind)),
        "start_ns": s.start_time,
        "end_ns": s.end_time,
        "status": {"code": s.status.status_code.name, "description": s.status.description},
        "scope": s.instrumentation_scope.name if s.instrumentation_scope else None,
        "attributes": {k: _value(v) for k, v in (s.attributes or {}).items()},
        "events": [
            {"name": e.name, "time_ns": e.timestamp, "attributes": {k: _value(v) for k, v in (e.attributes or {}).items()}}
            for e in s.events
        ],
    }


def main_args() -> tuple[str, str]:
    """`pipeline.py OUT_JSON SERVICE_NAME`."""
    if len(sys.argv) < 3:
        sys.exit(f"usage: {sys.argv[0]} OUT_JSON SERVICE_NAME")
    return sys.argv[1], sys.argv[2]


def failing(index: int, every: int = 6, offset: int = 2) -> bool:
    """A deterministic failure pattern: request `index` fails when index % every == offset."""
    return index % every == offset


__all__ = ["Harness", "StatusCode", "main_args", "failing", "span_to_dict"]
