"""A small client for Loupe's JSON API (GET only) and a runner for the pipeline subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from typing import Any, Optional

from truth import Truth

HERE = os.path.dirname(os.path.abspath(__file__))


class Loupe:
    def __init__(self, url: str, run_id: str, workdir: str) -> None:
        self.url = url.rstrip("/")
        self.run_id = run_id
        self.workdir = workdir
        self.truths: list[Truth] = []

    # --- API
    def get(self, path: str, **params: Any) -> Any:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        with urllib.request.urlopen(f"{self.url}{path}{'?' + query if query else ''}", timeout=30) as response:
            return json.load(response)

    @staticmethod
    def window(truth: Truth) -> dict[str, int]:
        # Service names are unique per run, so a generous window cannot take in anyone else's spans.
        return {"from": int(truth.started) - 120, "to": int(truth.finished) + 120}

    def summary(self, truth: Truth, group_by: Optional[str] = None) -> dict[str, Any]:
        return self.get("/api/v1/summary", group_by=group_by, service=truth.service, **self.window(truth))

    def errors(self, truth: Truth) -> dict[str, Any]:
        return self.get("/api/v1/errors", service=truth.service, **self.window(truth))

    def trace(self, trace_id: str) -> dict[str, Any]:
        return self.get(f"/api/v1/traces/{trace_id}")

    # --- pipelines
    def service_name(self, base: str) -> str:
        return f"{base}-{self.run_id}"

    def run_pipeline(self, script: str, base_service: str, *args: str) -> Truth:
        """Runs pipelines/SCRIPT in its own process (instrumentors patch globally) and loads its truth."""
        started = time.time()
        truth = Truth.load(self.run_script(script, base_service, *args))
        truth.wall_s = time.time() - started  # type: ignore[attr-defined]
        return truth

    def run_script(self, script: str, base_service: str, *args: str) -> str:
        """Runs pipelines/SCRIPT OUT SERVICE ARGS… in its own process; returns OUT, the JSON it wrote."""
        service = self.service_name(base_service)
        out = os.path.join(self.workdir, f"{base_service}.json")
        env = dict(os.environ, LOUPE_URL=self.url, PYTHONHASHSEED="0")
        # Nothing from the caller's environment may redirect, rename or switch off the export,
        # or turn on a vendor's own tracing backend.
        for name in ("OTEL_SDK_DISABLED", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_EXPORTER_OTLP_ENDPOINT",
                     "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
                     "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_TRACES_SAMPLER",
                     "OTEL_PYTHON_DISABLED_INSTRUMENTATIONS", "OPENAI_AGENTS_DISABLE_TRACING", "LANGSMITH_TRACING",
                     "LANGCHAIN_TRACING_V2", "OPENAI_API_KEY", "OPENAI_BASE_URL", "FW_EXTRA_STREAMING", "FW_OTLP_GRPC",
                     "FW_UNSERIALIZABLE_MODEL"):
            env.pop(name, None)
        proc = subprocess.run([sys.executable, os.path.join(HERE, "pipelines", script), out, service, *args],
                              env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"{script} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
        return out
