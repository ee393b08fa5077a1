#!/usr/bin/env python3
"""Checks `loupe migrate`: serves a SQLite file and the ClickHouse database it was moved to side by
side, and asks both the same questions over the same range; every answer must be the same.

    scripts/migrate-check.py LOUPE_BIN SQLITE_FILE CLICKHOUSE_ADDRESS

Standard library only. Exits 1 with the first difference found."""
import json
import subprocess
import sys
import tempfile
import time
import urllib.request

loupe, db, store = sys.argv[1], sys.argv[2], sys.argv[3]
work = tempfile.mkdtemp()


def serve(port, *where):
    log = open(f"{work}/serve-{port}.log", "w")
    process = subprocess.Popen([loupe, "serve", "--port", str(port), "--no-grpc", "--no-auth",
                                "--secret-file", f"{work}/server.key", *where], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on {port} did not start: see {work}/serve-{port}.log")


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        return json.load(response)


VOLATILE = ("query_ms", "generated_at")


def same(a, b):
    """Equal, floats within a relative 1e-9: the stores add costs up in different orders."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        keys = set(a) - set(VOLATILE)
        return keys == set(b) - set(VOLATILE) and all(same(a[k], b[k]) for k in keys)
    return a == b


sqlite, clickhouse = serve(4501, "--db", db), serve(4502, "--store", store)
try:
    traces = get(4501, "/api/v1/traces?limit=1000&from=0&to=9000000000")["traces"]
    assert traces, "the SQLite file holds no traces"
    window = "from=0&to=9000000000"
    questions = [
        f"/api/v1/summary?group_by=model&{window}",
        f"/api/v1/summary?group_by=service&{window}",
        f"/api/v1/summary?group_by=user&{window}",
        f"/api/v1/summary?group_by=business_unit&{window}",
        f"/api/v1/traces?limit=200&{window}",
        f"/api/v1/traces?limit=50&status=error&{window}",
        f"/api/v1/errors?{window}",
        f"/api/v1/scores?{window}&limit=500",
        "/api/v1/keys",
    ]
    for question in questions:
        a, b = get(4501, question), get(4502, question)
        if not same(a, b):
            print(f"DIFFERENT: {question}\n  sqlite:     {json.dumps(a)[:1500]}\n  clickhouse: {json.dumps(b)[:1500]}")
            sys.exit(1)
        print(f"same: {question}")
    # The trail verifies on both, and holds the copied entries (each server has since added its own: reading scores is audited).
    a, b = get(4501, "/api/v1/audit/verify"), get(4502, "/api/v1/audit/verify")
    if not (a["intact"] and b["intact"] and a["checked"] == b["checked"]):
        print(f"DIFFERENT: /api/v1/audit/verify\n  sqlite:     {a}\n  clickhouse: {b}")
        sys.exit(1)
    print("same: /api/v1/audit/verify (intact on both)")
    trace = traces[0]["trace_id"]
    a, b = get(4501, f"/api/v1/traces/{trace}"), get(4502, f"/api/v1/traces/{trace}")
    if not same(a, b):
        print(f"DIFFERENT: trace {trace}")
        sys.exit(1)
    print(f"same: /api/v1/traces/{trace}")
    print("PASS")
finally:
    for process in (sqlite, clickhouse):
        process.terminate()
        process.wait()
