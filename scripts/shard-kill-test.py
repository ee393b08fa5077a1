#!/usr/bin/env python3
"""Kill one ClickHouse shard under load, then the Loupe server itself: Loupe must answer 503 with
Retry-After while the shard is down, and never give a 200 that loses data.

Starts two ClickHouse shard servers on loopback (scripts/clickhouse-test-server.sh, Debian's
clickhouse-server), `loupe serve --store` over them, and several OTLP/HTTP JSON exporters sending
traces with fresh ids. A third of the way in it kill -9s the second shard; two thirds of the way
it starts it again on the same data; five sixths of the way it kill -9s `loupe serve` and starts
another on the same store. Afterwards every exporter sends what was never acknowledged again, as
OTel exporters retry, until it is. Then it reads ClickHouse directly and checks that:

  * every span acknowledged with 200 is stored (lost must be 0), and nothing is stored that was never sent;
  * while the shard was down the answers were 503 (or 429), each with Retry-After, and no 200 and no other status;
  * after parts merge no span is stored twice, and, once the store has repaired the inserts the
    kill interrupted (between a span insert's rows and its views' rows), the core rollups and the
    trace summaries count each stored span once.

With --replicas ZOOKEEPER (host:port of a ZooKeeper server) the two servers are instead two
replicas of one shard, with Loupe's tables replicated, and the second replica is the one killed.
Where inserts wait for a quorum of both (ClickHouse 20.3 and later) the answers while it is down
must be 503 or 429; before 20.3 inserts are answered by one replica, and ingest must carry on with
200s. Either way, afterwards both replicas must hold every stored span.

    python3 scripts/shard-kill-test.py --bin .build/release/loupe [--seconds 30] [--exporters 4] [--replicas 127.0.0.1:12181]

Exit status 0 when every check passed."""
import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loupe_harness as harness  # noqa: E402
from loupe_harness import attr  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--bin", required=True, help="the loupe binary")
parser.add_argument("--seconds", type=float, default=30, help="length of the load")
parser.add_argument("--exporters", type=int, default=4)
parser.add_argument("--ports", default="18141,18142,19041,19042", help="HTTP and TCP ports of the two ClickHouse servers")
parser.add_argument("--replicas", metavar="ZOOKEEPER", help="make the two servers replicas of one shard, coordinated by this ZooKeeper")
args = parser.parse_args()
http1, http2, tcp1, tcp2 = [int(p) for p in args.ports.split(",")]
work = tempfile.mkdtemp(prefix="loupe-shard-kill-")
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clickhouse-test-server.sh")
cluster = ["%d+%d" % (tcp1, tcp2), args.replicas] if args.replicas else ["%d,%d" % (tcp1, tcp2)]
victim = "replica 2" if args.replicas else "shard 2"
# A database of its own: replicas register in ZooKeeper under its name, which outlives the servers.
database = "loupe_%d" % os.getpid()


def start_shard(n):
    http_port, tcp_port = (http1, tcp1) if n == 1 else (http2, tcp2)
    pid = subprocess.check_output([script, "%s/server%d" % (work, n), str(http_port), str(tcp_port)] + cluster).decode().strip()
    return int(pid)


def clickhouse(sql, port=http1, in_database=True):
    query = "?database=" + database if in_database else ""
    request = urllib.request.Request("http://127.0.0.1:%d/%s" % (port, query), data=sql.encode())
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read().decode()


pids = {1: start_shard(1), 2: start_shard(2)}
release = tuple(int(n) for n in clickhouse("SELECT version()", in_database=False).strip().split(".")[:2])
quorum = bool(args.replicas) and release >= (20, 3)
# What Loupe must answer while the second server is down: refusals when every insert needs it.
answers_while_down = {200, 429, 503} if args.replicas and not quorum else {429, 503}
# Repairs wait until exporters are done resending (a span resent while its minutes are rebuilt may
# count twice): here, until well after the load and the resends.
repair_after = 4 * int(args.seconds)
store = "clickhouse://127.0.0.1:%d,127.0.0.1:%d/%s?cluster=loupe&repair_after=%d%s" % (
    http1, http2, database, repair_after, "&replicated=true" if args.replicas else "")
server = harness.Server(args.bin, os.path.join(work, "unused.db"), os.path.join(work, "serve.log"),
                        flags=["--store", store, "--secret-file", os.path.join(work, "server.key"), "--no-auth", "--no-grpc"])
server.start()
print("loupe serve on %s:%d over two %s (%s)" % (
    *server.address, ("replicas, inserts waiting for both" if quorum else "replicas, inserts answered by one") if args.replicas else "shards", work))
servers = [server]


def connect():
    """A connection to the server running now (another after the kill -9)."""
    return http.client.HTTPConnection(*servers[-1].address, timeout=60)

lock = threading.Lock()
acked, sent = set(), set()
# "down": sent and answered while the shard was down (from a second after the kill); requests in
# flight around the kill or the restart count where they were answered, and may be answered 200.
statuses = {"before": {}, "killing": {}, "down": {}, "after": {}, "resend": {}}
missing_retry_after = []
phase = "before"
stop = threading.Event()


def body(traces):
    spans = []
    now = time.time_ns()
    for trace_id in traces:
        root = "%016x" % random.getrandbits(64)
        spans.append('{"traceId":"%s","spanId":"%s","name":"POST /answer","kind":2,"startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":[],"status":{}}'
                     % (trace_id, root, now - 900_000_000, now))
        for op in ("chat", "embeddings"):
            attrs = ",".join([attr("gen_ai.operation.name", op), attr("gen_ai.provider.name", "openai"),
                              attr("gen_ai.request.model", "gpt-4o-mini" if op == "chat" else "text-embedding-3-small"),
                              attr("gen_ai.usage.input_tokens", random.randint(10, 900))])
            spans.append('{"traceId":"%s","spanId":"%016x","parentSpanId":"%s","name":"%s","kind":3,"startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":[%s],"status":{}}'
                         % (trace_id, random.getrandbits(64), root, op, now - 800_000_000, now - 100_000_000, attrs))
    return ('{"resourceSpans":[{"resource":{"attributes":[%s]},"scopeSpans":[{"scope":{"name":"shard-kill"},"spans":[%s]}]}]}'
            % (attr("service.name", "shard-kill"), ",".join(spans))).encode()


def post(connection, payload):
    connection.request("POST", "/v1/traces", payload, {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("Retry-After")


def exporter():
    connection = connect()
    pending = []
    while not stop.is_set():
        traces = ["%032x" % random.getrandbits(128) for _ in range(20)]
        payload = body(traces)
        with lock:
            sent.update(traces)
            sent_in = phase
        try:
            status, retry_after = post(connection, payload)
        except OSError:
            connection = connect()
            pending.append((traces, payload))
            continue
        with lock:
            # Sent before the shard went down, or answered after it came back: either answer may be right.
            current = phase if phase != "down" or sent_in == "down" else "killing"
            statuses[current][status] = statuses[current].get(status, 0) + 1
            if status == 200:
                acked.update(traces)
            else:
                if status in (429, 503) and not retry_after:
                    missing_retry_after.append(status)
                pending.append((traces, payload))
        if status != 200:
            time.sleep(0.2)
    # The exporter's retries: everything not acknowledged, until it is.
    for traces, payload in pending:
        for _ in range(100):
            try:
                status, _ = post(connection, payload)
            except OSError:
                connection = connect()
                continue
            with lock:
                statuses["resend"][status] = statuses["resend"].get(status, 0) + 1
            if status == 200:
                with lock:
                    acked.update(traces)
                break
            time.sleep(0.5)


threads = [threading.Thread(target=exporter) for _ in range(args.exporters)]
for t in threads:
    t.start()
time.sleep(args.seconds / 3)
with lock:
    phase = "killing"
os.kill(pids[2], 9)
print("killed " + victim)
time.sleep(1)
with lock:
    phase = "down"
time.sleep(args.seconds / 3 - 1)
# The shard takes requests again as soon as it listens, before the start script returns.
with lock:
    phase = "after"
pids[2] = start_shard(2)
print("restarted " + victim)
time.sleep(args.seconds / 6)
servers[-1].kill9()
print("killed loupe serve (kill -9)")
restarted = harness.Server(args.bin, os.path.join(work, "unused.db"), os.path.join(work, "serve-2.log"), flags=server.flags)
restarted.start()
servers.append(restarted)
print("started loupe serve again on %s:%d" % restarted.address)
time.sleep(args.seconds / 6)
stop.set()
resends_began = time.time()
for t in threads:
    t.join()
load_ended = time.time()
print("the exporters' retries took %.0f s" % (load_ended - resends_began))

# The server that failed an insert keeps its note in ClickHouse; the repair lease holder rebuilds
# what it touched once `repair_after` has passed since the failure.
noted = int(clickhouse("SELECT count() FROM interrupted_writes").strip())
deadline = time.time() + repair_after + 90
while time.time() < deadline and int(clickhouse("SELECT count() FROM interrupted_writes").strip()) > 0:
    time.sleep(1)
left = int(clickhouse("SELECT count() FROM interrupted_writes").strip())
repairs = int(clickhouse("SELECT count() FROM system.mutations WHERE database = '%s' AND table = 'interrupted_writes'" % database).strip())
servers[-1].terminate()

failures = []
stored_spans = json.loads(clickhouse("SELECT count() AS n, uniqExact(trace_id, span_id) AS u FROM spans FORMAT JSONEachRow"))
stored_traces = set(clickhouse("SELECT DISTINCT trace_id FROM spans").split())
lost = acked - stored_traces
foreign = stored_traces - sent
replica_spans = None
if args.replicas:
    # The restarted replica fetches what it missed; then it holds every span the first one does.
    clickhouse("SYSTEM SYNC REPLICA spans_local", port=http2)
    replica_spans = [int(clickhouse("SELECT uniqExact(trace_id, span_id) FROM spans_local", port=p).strip()) for p in (http1, http2)]
    clickhouse("OPTIMIZE TABLE spans_local FINAL")
else:
    for port in (http1, http2):
        clickhouse("OPTIMIZE TABLE spans_local FINAL", port=port)
merged = json.loads(clickhouse("SELECT count() AS n, uniqExact(trace_id, span_id) AS u FROM spans FORMAT JSONEachRow"))
rollup_count = int(clickhouse("SELECT sum(count) FROM rollups WHERE grain = 'core'").strip() or 0)
summed = int(clickhouse("SELECT sum(t_spans) FROM (SELECT toInt64(countMerge(s_spans)) AS t_spans FROM trace_parts GROUP BY trace_id)").strip() or 0)
incomplete = int(clickhouse("SELECT count() FROM (SELECT trace_id, count() AS n FROM (SELECT DISTINCT trace_id, span_id FROM spans) GROUP BY trace_id HAVING n != 3)").strip())

print("answers while both servers ran: %s" % statuses["before"])
print("answers to requests in flight at the kill: %s" % statuses["killing"])
print("answers while %s was down: %s" % (victim, statuses["down"]))
print("answers once its restart began:  %s" % statuses["after"])
print("answers to the exporters' retries: %s" % statuses["resend"])
print("traces sent: %d, acknowledged: %d, stored: %d, lost: %d, never sent but stored: %d" % (len(sent), len(acked), len(stored_traces), len(lost), len(foreign)))
print("inserts interrupted: %d noted at the end of the load, %d repair rounds, %d left unrepaired %.0f s after the load"
      % (noted, repairs, left, time.time() - load_ended))
print("span rows: %d before merging (%d distinct), %d after; core rollups count %d spans, trace summaries %d; traces missing spans: %d"
      % (int(stored_spans["n"]), int(stored_spans["u"]), int(merged["n"]), rollup_count, summed, incomplete))
if replica_spans is not None:
    print("spans held by each replica: %d and %d" % tuple(replica_spans))
    if replica_spans[0] != replica_spans[1] or replica_spans[0] != int(merged["u"]):
        failures.append("the replicas hold %d and %d spans, %d are stored" % (*replica_spans, int(merged["u"])))
if lost:
    failures.append("%d acknowledged traces are not stored" % len(lost))
if foreign:
    failures.append("%d stored traces were never sent" % len(foreign))
if set(statuses["down"]) - answers_while_down:
    failures.append("while %s was down Loupe answered %s, not only %s" % (victim, statuses["down"], sorted(answers_while_down)))
if args.replicas and not quorum and 200 not in statuses["down"]:
    failures.append("ingest stopped while %s was down, though one replica takes inserts" % victim)
for name, answers in statuses.items():
    if set(answers) - {200, 429, 503}:
        failures.append("Loupe answered %s (%s): only 200, 429 and 503 are right" % (answers, name))
if not statuses["down"]:
    failures.append("no request was answered while %s was down" % victim)
if missing_retry_after:
    failures.append("%d refusals came without Retry-After" % len(missing_retry_after))
if int(merged["n"]) != int(merged["u"]):
    failures.append("after merging, %d span rows for %d spans" % (int(merged["n"]), int(merged["u"])))
if rollup_count != int(merged["u"]):
    failures.append("the core rollups count %d spans, %d are stored" % (rollup_count, int(merged["u"])))
if summed != int(merged["u"]):
    failures.append("the trace summaries count %d spans, %d are stored" % (summed, int(merged["u"])))
if left:
    failures.append("%d interrupted inserts were not repaired" % left)
if incomplete:
    failures.append("%d traces miss some of their spans" % incomplete)
for pid in pids.values():
    try:
        os.kill(pid, 15)
    except OSError:
        pass
if failures:
    print("FAIL: " + "; ".join(failures) + " (kept: %s)" % work)
    sys.exit(1)
print("PASS")
