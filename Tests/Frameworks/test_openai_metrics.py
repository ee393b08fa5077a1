"""A service whose only telemetry is GenAI metrics (OpenLLMetry's, through the SDK's OTLP/HTTP
metric exporter) appears in Loupe's summary with the calls, failures and tokens the SDK measured.

Both temporalities: cumulative (the SDK's default, which Loupe turns into deltas) and delta.
"""

from __future__ import annotations

import json

import pytest

from loupe_client import Loupe


@pytest.mark.parametrize("temporality", ["cumulative", "delta"])
def test_metrics_only_service_in_summary(loupe: Loupe, temporality: str) -> None:
    with open(loupe.run_script("openai_metrics.py", f"openai-metrics-{temporality}", temporality)) as f:
        truth = json.load(f)
    assert truth["flushed"] and truth["exports"] and set(truth["exports"]) == {"SUCCESS"}, truth["exports"]

    durations = [p for p in truth["points"] if p["name"] == "gen_ai.client.operation.duration"]
    tokens = [p for p in truth["points"] if p["name"] == "gen_ai.client.token.usage"]
    calls = sum(p["count"] for p in durations)
    failed = sum(p["count"] for p in durations if "error.type" in p["attributes"])
    # What the instrumentation really sends: a failed call's duration carries error.type and no model.
    assert failed == sum(1 for o in truth["outcomes"] if o != "ok") == 3
    assert all(set(p["attributes"]) == {"error.type"} for p in durations if "error.type" in p["attributes"])
    input_tokens = sum(p["sum"] for p in tokens if p["attributes"]["gen_ai.token.type"] == "input")
    output_tokens = sum(p["sum"] for p in tokens if p["attributes"]["gen_ai.token.type"] == "output")

    body = loupe.get("/api/v1/summary", group_by="service", service=truth["service"],
                     **{"from": int(truth["started"]) - 120, "to": int(truth["finished"]) + 120})
    groups = [g for g in body["groups"] if g["key"]["service"] == truth["service"]]
    assert len(groups) == 1, body
    group = groups[0]
    assert group["calls"]["count"] == calls == len(truth["outcomes"])
    assert group["calls"]["errors"] == failed
    assert group["input_tokens"] == input_tokens
    assert group["output_tokens"] == output_tokens
    # Both models are in the price catalog (under their dated snapshot names), so the cost is known.
    assert group["cost_usd"] is not None and group["cost_usd"] > 0

    by_category = loupe.get("/api/v1/summary", group_by="error_category", service=truth["service"],
                            **{"from": int(truth["started"]) - 120, "to": int(truth["finished"]) + 120})
    categories = {g["key"]["error_category"]: g["calls"]["errors"] for g in by_category["groups"] if g["calls"]["errors"]}
    assert categories == {"rate_limit": 2, "provider_error": 1}, categories
