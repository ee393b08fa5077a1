#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, from real instrumentations' spans.

Reads Tests/Frameworks/fixtures/*.json (what LlamaIndex, LangGraph, the OpenAI Agents SDK and the
OpenAI client emit under OpenInference and OpenLLMetry, on success, failure and streaming) and writes
each scenario as one OTLP/HTTP export request, three ways:
  Seeds/json/     OTLP JSON        (FuzzJSON)
  Seeds/protobuf/ OTLP protobuf    (FuzzProtobuf)
  Seeds/gzip/     gzipped protobuf (FuzzGzipBody)
The protobuf encoder below covers the OTLP trace messages the fixtures use; it is written out by hand
so that the script needs nothing beyond the standard library. Run once; the seeds are committed.
"""
import gzip
import hashlib
import json
import pathlib
import struct

ROOT = pathlib.Path(__file__).resolve().parent
FIXTURES = ROOT.parent / "Tests" / "Frameworks" / "fixtures"
BASE_NS = 1_795_780_000_000_000_000
KINDS = {"INTERNAL": 1, "SERVER": 2, "CLIENT": 3, "PRODUCER": 4, "CONSUMER": 5}
STATUS = {"UNSET": 0, "OK": 1, "ERROR": 2}


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number: int, wire: int, payload: bytes) -> bytes:
    return varint(number << 3 | wire) + payload


def length_delimited(number: int, data: bytes) -> bytes:
    return field(number, 2, varint(len(data)) + data)


def any_value(v) -> bytes:
    if isinstance(v, bool):
        return field(2, 0, varint(int(v)))
    if isinstance(v, int):
        return field(3, 0, varint(v & 0xFFFFFFFFFFFFFFFF))
    if isinstance(v, float):
        return field(4, 1, struct.pack("<d", v))
    if isinstance(v, list):
        return length_delimited(5, b"".join(length_delimited(1, any_value(x)) for x in v))
    return length_delimited(1, str(v).encode())


def key_value(k: str, v) -> bytes:
    return length_delimited(1, k.encode()) + length_delimited(2, any_value(v))


def span_proto(s: dict, trace_id: bytes) -> bytes:
    start = BASE_NS + int(s["start_ms"] * 1e6)
    end = start + int(s["duration_ms"] * 1e6)
    out = length_delimited(1, trace_id) + length_delimited(2, bytes.fromhex(s["span_id"]))
    if s.get("parent_span_id"):
        out += length_delimited(4, bytes.fromhex(s["parent_span_id"]))
    out += length_delimited(5, s["name"].encode()) + field(6, 0, varint(KINDS.get(s.get("kind"), 1)))
    out += field(7, 1, struct.pack("<Q", start)) + field(8, 1, struct.pack("<Q", end))
    for k, v in (s.get("attributes") or {}).items():
        out += length_delimited(9, key_value(k, v))
    for e in s.get("events") or []:
        event = field(1, 1, struct.pack("<Q", BASE_NS + int(e.get("time_ms", 0) * 1e6))) + length_delimited(2, e["name"].encode())
        for k, v in (e.get("attributes") or {}).items():
            event += length_delimited(3, key_value(k, v))
        out += length_delimited(11, event)
    status = s.get("status") or {}
    body = b""
    if status.get("description"):
        body += length_delimited(2, status["description"].encode())
    body += field(3, 0, varint(STATUS.get(status.get("code"), 0)))
    return out + length_delimited(15, body)


def json_span(s: dict, trace_id: bytes) -> dict:
    start = BASE_NS + int(s["start_ms"] * 1e6)
    def value(v):
        if isinstance(v, bool): return {"boolValue": v}
        if isinstance(v, int): return {"intValue": str(v)}
        if isinstance(v, float): return {"doubleValue": v}
        if isinstance(v, list): return {"arrayValue": {"values": [value(x) for x in v]}}
        return {"stringValue": str(v)}
    span = {
        "traceId": trace_id.hex(), "spanId": s["span_id"], "name": s["name"], "kind": KINDS.get(s.get("kind"), 1),
        "startTimeUnixNano": str(start), "endTimeUnixNano": str(start + int(s["duration_ms"] * 1e6)),
        "attributes": [{"key": k, "value": value(v)} for k, v in (s.get("attributes") or {}).items()],
        "events": [{"timeUnixNano": str(BASE_NS + int(e.get("time_ms", 0) * 1e6)), "name": e["name"],
                    "attributes": [{"key": k, "value": value(v)} for k, v in (e.get("attributes") or {}).items()]}
                   for e in s.get("events") or []],
        "status": {"code": STATUS.get((s.get("status") or {}).get("code"), 0),
                   "message": (s.get("status") or {}).get("description") or ""},
    }
    if s.get("parent_span_id"):
        span["parentSpanId"] = s["parent_span_id"]
    return span


def main() -> None:
    for kind in ("json", "protobuf", "gzip"):
        (ROOT / "Seeds" / kind).mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(FIXTURES.glob("*.json")):
        fixture = json.loads(path.read_text())
        for scenario, spans in fixture.items():
            if not isinstance(spans, list) or not spans:
                continue
            name = f"{path.stem}-{scenario}"
            trace_id = hashlib.md5(name.encode()).digest()
            scope = spans[0].get("scope", "")
            resource = length_delimited(1, key_value("service.name", path.stem))
            scope_spans = length_delimited(1, length_delimited(1, scope.encode()))
            scope_spans += b"".join(length_delimited(2, span_proto(s, trace_id)) for s in spans)
            request = length_delimited(1, length_delimited(1, resource) + length_delimited(2, scope_spans))
            (ROOT / "Seeds" / "protobuf" / f"{name}.bin").write_bytes(request)
            (ROOT / "Seeds" / "gzip" / f"{name}.gz").write_bytes(gzip.compress(request, mtime=0))
            body = {"resourceSpans": [{
                "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": path.stem}}]},
                "scopeSpans": [{"scope": {"name": scope}, "spans": [json_span(s, trace_id) for s in spans]}],
            }]}
            (ROOT / "Seeds" / "json" / f"{name}.json").write_text(json.dumps(body, indent=1))
            count += 1
    print(f"wrote {count} requests to {ROOT / 'Seeds'} (json, protobuf, gzip)")


if __name__ == "__main__":
    main()
