"""GenAI events sent as OTLP logs (OpenLLMetry's events path) are stored with their spans, redacted."""

from __future__ import annotations

import json
from collections import defaultdict

from loupe_client import Loupe
from truth import Truth


def test_messages_sent_as_events_are_shown_with_their_spans_redacted(loupe: Loupe) -> None:
    path = loupe.run_script("openai_events.py", "openai-events")
    truth = Truth.load(path)
    with open(path) as f:
        notes = json.load(f)["notes"]
    assert truth.failed_batches == 0 and notes["logs_flushed"] and notes["log_failed_batches"] == 0
    sent: dict[str, list[str]] = defaultdict(list)
    for record in notes["logs"]:
        sent[record["span_id"]].append(record["event_name"])
    # What the instrumentation really sends: system and user messages, and the choice only when the call succeeded.
    assert len(sent) == len(truth.calls) == 14
    failed = {c.span["span_id"] for c in truth.calls if c.failed}
    assert all(names == ["gen_ai.system.message", "gen_ai.user.message"] for span, names in sent.items() if span in failed)
    assert all(names[-1] == "gen_ai.choice" for span, names in sent.items() if span not in failed)

    for call in truth.calls:
        trace = loupe.trace(call.span["trace_id"])
        node = next(s for s in trace["spans"] if s["span_id"] == call.span["span_id"])
        stored = node.get("logs") or []
        assert [r["event_name"] for r in stored] == sent[call.span["span_id"]], (call.span["span_id"], stored)
        user = next(r for r in stored if r["event_name"] == "gen_ai.user.message")
        assert "jane.doe@example.com" not in user["body"]["content"]
        assert "[EMAIL]" in user["body"]["content"]
        assert trace["logs"] == []
