#!/usr/bin/env python3
"""Loupe overload test: twice the sustainable rate of large OTLP requests, open loop.

What it proves
--------------
Under more load than it can write, Loupe must push back instead of falling over: every answer is
200 (spans committed), 429 (queue full) or 503 (with Retry-After); its memory stays bounded; its
query API stays usable; and whatever it acknowledged is stored. The script:

  1. starts the real `loupe serve` on a fresh SQLite file;
  2. unless --rate is given, measures the sustainable ingest rate with a short closed-loop run
     (a few connections, each sending its next body as soon as the previous one is answered);
  3. pre-generates every request body before the clock starts: OTLP JSON of --body-spans spans
     (2000 by default, about 1 MB), GenAI spans in 5-span traces over 3 services, ids unique per
     body (a few templates, each body's ids patched in by one bytes.join), none reused;
  4. sends them open loop at 2x that rate (or --rate) for --seconds, from a pool of up to
     --max-connections connections, whatever the answers: a slow server makes requests pile up,
     as many real exporters would (429/503 are counted, not retried);
  5. meanwhile samples the server's VmRSS every 100 ms (/proc/<pid>/status) and asks
     `GET /api/v1/summary?group_by=service` every second, timing it;
  6. waits for every request to be answered, stops the server with SIGTERM, and checks in the
     SQLite file that every span acknowledged with 200 is stored, none twice, and that the core
     rollups' span counts per minute and service match the spans table.

Failures (exit 1): any status other than 200/429/503 (another 5xx, a 4xx other than 429), any
connection reset or other connection error or timeout, a 200 with rejected spans, peak RSS
(VmHWM) above --rss-limit-mb, a failed or timed-out summary query, a lost or duplicated span, a
rollup mismatch, or an unclean exit on SIGTERM.

Run it
------
    python3 scripts/overload-test.py --bin .build/release/loupe
    python3 scripts/overload-test.py --bin /tmp/loupe-release --seconds 45 --seed 3
    python3 scripts/overload-test.py --bin /tmp/loupe-release --rate 20000 --body-spans 500
    python3 scripts/overload-test.py --bin /tmp/loupe-release --encoding protobuf   # the exporters' default

JSON bodies (the default) are costly for the server to decode; --encoding protobuf sends the same
spans as OTLP protobuf (encoded by hand here, standard library only), where the writer, not the
decoder, sets the sustainable rate.
"""

import argparse
import http.client
import json
import math
import os
import queue
import random
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loupe_harness as harness  # noqa: E402
from loupe_harness import CHAT_MODELS, SERVICES, attr  # noqa: E402

ERRORS = ["Rate limit reached for requests (429)", "Request timed out after 30 s",
          "This model's maximum context length is 128000 tokens"]
# 8 bytes of every trace id are replaced by the body's own number: in JSON as 16 hex digits, in
# protobuf as 8 raw bytes (a fixed pattern that random ids and timestamps will not repeat).
JSON_MARKER = b"@" * 16
PB_MARKER = b"\xa5\x5a\xc3\x3c\x96\x69\x0f\xf0"


def pb_varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def pb_len(field, payload):
    return pb_varint(field << 3 | 2) + pb_varint(len(payload)) + payload


def pb_kv(key, value):
    if isinstance(value, int):
        any_value = pb_varint(3 << 3) + pb_varint(value & 0xFFFFFFFFFFFFFFFF)
    else:
        any_value = pb_len(1, str(value).encode())
    return pb_len(1, key.encode()) + pb_len(2, any_value)


def make_spans(rng, body_spans, run_prefix, variant):
    """The spans of one body as plain tuples; trace ids hold a placeholder for the body's number."""
    spans = []
    now = time.time_ns()
    traces = max(1, body_spans // 5)
    for t in range(traces):
        service = rng.choice(SERVICES)
        base = now - rng.randint(5, 300) * 1_000_000_000
        user = "user-%02d" % rng.randint(1, 30)
        n = 5 if t < traces - 1 else body_spans - 5 * (traces - 1)
        root_sid = "%016x" % (rng.getrandbits(63) | 1)
        total = rng.randint(800, 3000)
        for i in range(n):
            sid = root_sid if i == 0 else "%016x" % (rng.getrandbits(63) | 1)
            dur = total if i == 0 else rng.randint(20, total // 2)
            start = base + (0 if i == 0 else rng.randint(1, total - dur) * 1_000_000)
            attrs = [("user.id", user)]
            if i == 0:
                name, kind = "POST /v1/answer", 2
            elif i in (1, 3):
                provider, model = rng.choice(CHAT_MODELS)
                name, kind = "chat " + model, 3
                attrs += [("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", provider),
                          ("gen_ai.request.model", model), ("gen_ai.usage.input_tokens", rng.randint(50, 4000)),
                          ("gen_ai.usage.output_tokens", rng.randint(5, 900))]
            elif i == 2:
                name, kind = "execute_tool lookup_order", 1
                attrs += [("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "lookup_order")]
            else:
                name, kind = "embeddings text-embedding-3-small", 3
                attrs += [("gen_ai.operation.name", "embeddings"), ("gen_ai.request.model", "text-embedding-3-small"),
                          ("gen_ai.provider.name", "openai"), ("gen_ai.usage.input_tokens", rng.randint(8, 600))]
            status = (2, rng.choice(ERRORS)) if rng.random() < 0.05 else (1, None)
            # trace id: 4 bytes of run, 8 of body number (placeholder), 2 of template, 2 of trace.
            spans.append((service, "%08x" % run_prefix, "%04x%04x" % (variant, t), sid, None if i == 0 else root_sid,
                          name, kind, start, start + dur * 1_000_000, attrs, status))
    return spans


def encode_json(spans):
    by_service = {}
    for service, pre, post, sid, parent, name, kind, start, end, attrs, (code, message) in spans:
        status = '{"code":%d,"message":%s}' % (code, json.dumps(message)) if message else '{"code":%d}' % code
        by_service.setdefault(service, []).append(
            '{"traceId":"%s%s%s","spanId":"%s",%s"name":%s,"kind":%d,"startTimeUnixNano":"%d","endTimeUnixNano":"%d",'
            '"attributes":[%s],"status":%s}'
            % (pre, JSON_MARKER.decode(), post, sid, '"parentSpanId":"%s",' % parent if parent else "", json.dumps(name),
               kind, start, end, ",".join(attr(k, v) for k, v in attrs), status))
    return harness.otlp_json(((attr("service.name", s),), '{"name":"loupe-overload-test"}', texts)
                             for s, texts in by_service.items())


def encode_protobuf(spans):
    """ExportTraceServiceRequest, written by hand: the OTLP messages need only a few wire types."""
    by_service = {}
    for service, pre, post, sid, parent, name, kind, start, end, attrs, (code, message) in spans:
        status = (pb_len(2, message.encode()) if message else b"") + pb_varint(3 << 3) + pb_varint(code)
        span = (pb_len(1, bytes.fromhex(pre) + PB_MARKER + bytes.fromhex(post)) + pb_len(2, bytes.fromhex(sid))
                + (pb_len(4, bytes.fromhex(parent)) if parent else b"") + pb_len(5, name.encode())
                + pb_varint(6 << 3) + pb_varint(kind)
                + pb_varint(7 << 3 | 1) + struct.pack("<Q", start) + pb_varint(8 << 3 | 1) + struct.pack("<Q", end)
                + b"".join(pb_len(9, pb_kv(k, v)) for k, v in attrs) + pb_len(15, status))
        by_service.setdefault(service, []).append(pb_len(2, span))
    out = []
    for s, encoded in by_service.items():
        scope = pb_len(1, pb_len(1, b"loupe-overload-test")) + b"".join(encoded)
        resource = pb_len(1, pb_kv("service.name", s))
        out.append(pb_len(1, pb_len(1, resource) + pb_len(2, scope)))
    return b"".join(out)


class Bodies:
    """Distinct bodies from a few templates: body k is template k % T with its number patched into the trace ids."""

    def __init__(self, rng, body_spans, encoding, templates=8):
        self.encoding = encoding
        self.content_type = "application/json" if encoding == "json" else "application/x-protobuf"
        self.run_prefix = rng.getrandbits(32) | 0x10000000
        self.templates = []
        for v in range(templates):
            spans = make_spans(rng, body_spans, self.run_prefix, v)
            if encoding == "json":
                parts = encode_json(spans).split(JSON_MARKER)
            else:
                parts = encode_protobuf(spans).split(PB_MARKER)
            if len(parts) != len(spans) + 1:
                raise RuntimeError("the id placeholder also occurs elsewhere in a template; use another --seed")
            self.templates.append((parts, [(pre, post, sid) for _, pre, post, sid, *_ in spans]))
        self.next_index = 0
        self.lock = threading.Lock()
        self.threads = []

    def tag(self, k):
        return b"%016x" % k if self.encoding == "json" else struct.pack(">Q", k)

    def make(self, k):
        parts, _ = self.templates[k % len(self.templates)]
        return self.tag(k).join(parts)

    def take(self):
        with self.lock:
            k = self.next_index
            self.next_index += 1
        return k, self.make(k)

    def reserve(self, n):
        """Pre-generates the next n bodies."""
        with self.lock:
            first = self.next_index
            self.next_index += n
        return [(k, self.make(k)) for k in range(first, first + n)]

    def ids(self, k):
        _, spans = self.templates[k % len(self.templates)]
        tag = "%016x" % k
        return ((pre + tag + post, sid) for pre, post, sid in spans)

    def spans(self, k):
        return len(self.templates[k % len(self.templates)][1])


# ----------------------------------------------------------------------------------------------
# Load
# ----------------------------------------------------------------------------------------------

class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.threads = []
        self.statuses = {}
        self.latencies = {}      # status -> [seconds]
        self.errors = {}         # exception class -> count
        self.error_samples = []
        self.bad_samples = []
        self.acked = []          # body indexes answered 200
        self.acked_spans = 0
        self.rejected = 0
        self.sent = []           # body indexes sent

    def record(self, k, spans, status, seconds, data=None, error=None):
        with self.lock:
            self.sent.append(k)
            if error is not None:
                name = type(error).__name__
                self.errors[name] = self.errors.get(name, 0) + 1
                if len(self.error_samples) < 5:
                    self.error_samples.append("%s: %s" % (name, error))
                return
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.latencies.setdefault(status, []).append(seconds)
            if status == 200:
                rejected = harness.rejected_spans(data)
                if rejected:
                    self.rejected += rejected
                    self.bad_samples.append("200 with %d spans rejected: %r" % (rejected, data[:200]))
                else:
                    self.acked.append(k)
                    self.acked_spans += spans
            elif status not in (429, 503):
                if len(self.bad_samples) < 5:
                    self.bad_samples.append("HTTP %d: %r" % (status, (data or b"")[:300]))


class Sender(harness.Poster):
    """A keep-alive connection that posts bodies of one content type."""

    def __init__(self, port, timeout, content_type):
        super().__init__("127.0.0.1", port, timeout)
        self.headers = {"Content-Type": content_type}

    def post(self, body):
        status, _, data = super().post(body, self.headers)
        return status, data


def closed_loop(port, bodies, results, seconds, connections, timeout):
    """Each connection sends its next body once the previous one is answered; returns acked spans/s."""
    stop = time.monotonic() + seconds
    acked_before = results.acked_spans

    def run():
        s = Sender(port, timeout, bodies.content_type)
        while time.monotonic() < stop:
            k, body = bodies.take()
            t0 = time.monotonic()
            try:
                status, data = s.post(body)
                results.record(k, bodies.spans(k), status, time.monotonic() - t0, data)
                if status in (429, 503):
                    time.sleep(0.5)
            except (OSError, http.client.HTTPException) as e:
                results.record(k, bodies.spans(k), None, time.monotonic() - t0, error=e)
                time.sleep(0.2)
        s.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=run, daemon=True) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (results.acked_spans - acked_before) / (time.monotonic() - t0)


def open_loop(port, prepared, spans_per_body, rate, seconds, results, max_connections, timeout, content_type):
    """Starts body i at i * interval whatever the answers; returns (scheduled, late sends, max lateness)."""
    interval = spans_per_body / rate
    work = queue.Queue()
    idle = [0]
    idle_lock = threading.Lock()
    threads = []
    stats = {"late": 0, "max_late": 0.0, "sent": 0, "scheduled": 0, "peak_connections": 0}

    def worker():
        s = Sender(port, timeout, content_type)
        while True:
            item = work.get()
            if item is None:
                break
            k, body, due = item
            late = time.monotonic() - due
            with idle_lock:
                idle[0] -= 1
                stats["sent"] += 1
                if late > 0.25:
                    stats["late"] += 1
                stats["max_late"] = max(stats["max_late"], late)
            t0 = time.monotonic()
            try:
                status, data = s.post(body)
                results.record(k, spans_per_body, status, time.monotonic() - t0, data)
            except (OSError, http.client.HTTPException) as e:
                results.record(k, spans_per_body, None, time.monotonic() - t0, error=e)
            with idle_lock:
                idle[0] += 1
        s.close()

    start = time.monotonic()
    for i, (k, body) in enumerate(prepared):
        due = start + i * interval
        if due - start >= seconds:
            break
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        with idle_lock:
            need = idle[0] <= work.qsize() and len(threads) < max_connections
            if need:
                idle[0] += 1
        if need:
            t = threading.Thread(target=worker, daemon=True)
            t.start()
            threads.append(t)
            stats["peak_connections"] = len(threads)
        work.put((k, body, due))
        stats["scheduled"] += 1
    stats["scheduled_seconds"] = time.monotonic() - start
    for _ in threads:
        work.put(None)
    return threads, stats


class Sampler:
    """VmRSS every 100 ms, and the summary query every second, while the load runs."""

    def __init__(self, server, query_timeout):
        self.server = server
        self.query_timeout = query_timeout
        self.stop = threading.Event()
        self.rss = []            # (monotonic time, MiB)
        self.queries = []        # (started, seconds, ok, detail)
        self.lock = threading.Lock()
        self.threads = []

    def start(self):
        threading.Thread(target=self._rss, daemon=True).start()
        threading.Thread(target=self._query, daemon=True).start()
        return self

    def _rss(self):
        while not self.stop.is_set():
            v = self.server.status_field("VmRSS")
            if v is not None:
                self.rss.append((time.monotonic(), v))
            self.stop.wait(0.1)

    def _query(self):
        """Open loop too: one query a second, each on its own thread, so a slow one does not hide the next."""
        while not self.stop.is_set():
            t = threading.Thread(target=self._one_query, daemon=True)
            t.start()
            self.threads.append(t)
            self.stop.wait(1.0)

    def join(self, timeout):
        deadline = time.monotonic() + timeout
        for t in list(self.threads):
            t.join(max(0.0, deadline - time.monotonic()))

    def _one_query(self):
        t0 = time.monotonic()
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=max(60.0, 3 * self.query_timeout))
            c.request("GET", "/api/v1/summary?group_by=service")
            r = c.getresponse()
            data = r.read()
            c.close()
            ok = r.status == 200
            detail = "HTTP %d" % r.status if not ok else ""
            if ok:
                try:
                    json.loads(data)["groups"]
                except (ValueError, KeyError, TypeError):
                    ok, detail = False, "200 but not a summary: %r" % data[:200]
        except Exception as e:  # timeouts, resets
            ok, detail = False, "%s: %s" % (type(e).__name__, e)
        took = time.monotonic() - t0
        if ok and took > self.query_timeout:
            ok, detail = False, "took %.1fs (limit %.0fs)" % (took, self.query_timeout)
        with self.lock:
            self.queries.append((t0, took, ok, detail))

    def queries_between(self, start, end):
        with self.lock:
            return [(took, ok, d) for t0, took, ok, d in self.queries if start <= t0 < end]


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(math.ceil(p / 100 * len(s))) - 1))]


# ----------------------------------------------------------------------------------------------
# Verification
# ----------------------------------------------------------------------------------------------

def verify(db, work, bodies, results):
    ids = harness.ClientIds(work)
    ids.add(sent=(pair for k in set(results.sent) for pair in bodies.ids(k)),
            acked=(pair for k in set(results.acked) for pair in bodies.ids(k)))
    con = ids.snapshot(db)
    r = harness.span_ledger(con)
    bad, _ = harness.minute_service_rollups(con)
    r["rollup_mismatches"] = len(bad)
    r["rollup_sample"] = bad[:5]
    r["traces_spans"] = (con.execute("SELECT COALESCE(SUM(span_count), 0) FROM s.traces").fetchone()[0], r["stored"])
    con.execute("COMMIT")
    con.close()
    return r


# ----------------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    harness.add_options(p, "bin")
    p.add_argument("--seconds", type=float, default=60, help="open-loop overload duration (default: %(default)s)")
    p.add_argument("--rate", type=float, default=None,
                   help="offered load in spans/s (default: 2x the rate measured by a short closed-loop run)")
    p.add_argument("--overload-factor", type=float, default=2.0, help="multiple of the measured rate to offer (default: 2)")
    p.add_argument("--body-spans", type=int, default=2000, help="spans per request body (default: %(default)s, about 1 MB of JSON)")
    p.add_argument("--encoding", choices=["json", "protobuf"], default="json",
                   help="OTLP/HTTP body encoding (default: %(default)s)")
    p.add_argument("--rss-limit-mb", type=float, default=200, help="peak RSS (VmHWM) allowed, MiB (default: %(default)s)")
    p.add_argument("--measure-seconds", type=float, default=10, help="closed-loop measuring run (default: %(default)s)")
    p.add_argument("--measure-connections", type=int, default=4, help="connections of the measuring run (default: %(default)s)")
    p.add_argument("--max-connections", type=int, default=256, help="most concurrent requests in the open loop (default: %(default)s)")
    p.add_argument("--request-timeout", type=float, default=120, help="client timeout per request, s (default: %(default)s)")
    p.add_argument("--query-timeout", type=float, default=10, help="a summary query slower than this fails (default: %(default)s)")
    harness.add_options(p, "durability", "queue-capacity")
    p.add_argument("--max-inflight-mib", type=int, default=None, help="server --max-inflight-mib (default: the server's)")
    p.add_argument("--max-body-mib", type=int, default=None, help="server --max-body-mib (default: the server's)")
    p.add_argument("--db", help="SQLite file to create (default: in a new temp directory)")
    harness.add_options(p, "seed", "keep")
    args = p.parse_args()
    harness.check_args(p, args)

    if args.db:
        db = os.path.abspath(args.db)
        work = tempfile.mkdtemp(prefix="loupe-overload-", dir=os.path.dirname(db))
        own = False
    else:
        work = tempfile.mkdtemp(prefix="loupe-overload-")
        db = os.path.join(work, "loupe.db")
        own = True
    harness.handle_signals()
    rng = random.Random(args.seed)
    failures = []
    try:
        t0 = time.monotonic()
        bodies = Bodies(rng, args.body_spans, args.encoding)
        sample = bodies.make(0)
        print("Loupe overload test: bin %s, db %s, seed %d; bodies of %d spans, %.2f MB of OTLP %s (templates built in %.1fs)"
              % (args.bin, db, args.seed, args.body_spans, len(sample) / 1e6, args.encoding, time.monotonic() - t0))
        server = harness.Server(args.bin, db, os.path.join(work, "server.log"), harness.serve_flags(args)).start()
        print("server pid %d on port %d; RSS at start %.1f MiB" % (server.proc.pid, server.port, server.status_field("VmRSS") or -1))
        sys.stdout.flush()
        results = Results()
        sampler = Sampler(server, args.query_timeout).start()

        measured = None
        t_measure = time.monotonic()
        if args.rate is None:
            measured = closed_loop(server.port, bodies, results, args.measure_seconds, args.measure_connections, args.request_timeout)
            rate = measured * args.overload_factor
            print("closed loop (%d connections, %.0fs): sustainable rate %.0f spans/s; statuses %s; offering %.1fx = %.0f spans/s"
                  % (args.measure_connections, args.measure_seconds, measured, dict(results.statuses), args.overload_factor, rate))
            time.sleep(2)  # let the writer finish what the closed loop queued
        else:
            rate = args.rate
        measure_statuses = dict(results.statuses)
        measure_errors = dict(results.errors)
        if rate <= 0:
            raise RuntimeError("measured a rate of 0 spans/s: nothing was acknowledged in the closed loop (see %s)" % server.log_path)

        n = int(math.ceil(rate * args.seconds / args.body_spans)) + 1
        t0 = time.monotonic()
        prepared = bodies.reserve(n)
        print("pre-generated %d distinct bodies (%.0f MB) in %.1fs; open loop for %.0fs, one body every %.3fs"
              % (n, sum(len(b) for _, b in prepared) / 1e6, time.monotonic() - t0, args.seconds, args.body_spans / rate))
        sys.stdout.flush()
        load_results = Results()
        cpu0 = server.cpu_seconds()
        client0 = sum(os.times()[:2])
        t_load = time.monotonic()
        threads, ostats = open_loop(server.port, prepared, args.body_spans, rate, args.seconds, load_results,
                                    args.max_connections, args.request_timeout, bodies.content_type)
        del prepared
        print("offered %d requests in %.1fs (%d of them still waiting for a free connection); waiting for every answer..."
              % (ostats["scheduled"], ostats["scheduled_seconds"], ostats["scheduled"] - ostats["sent"]))
        sys.stdout.flush()
        for t in threads:
            t.join()
        t_load_end = time.monotonic()
        load_seconds = t_load_end - t_load
        cpu1 = server.cpu_seconds()
        client1 = sum(os.times()[:2])
        # Every request is answered: whatever got 200 is committed. Let the queries see the tail, then stop.
        time.sleep(2)
        sampler.stop.set()
        sampler.join(max(60.0, 3 * args.query_timeout) + 5)
        hwm = server.status_field("VmHWM")
        rss_end = server.status_field("VmRSS")
        rc = server.terminate(180)
        if rc != 0:
            failures.append("server exited with %s on SIGTERM" % rc)
        # Both phases count for the stored-spans check.
        results.acked += load_results.acked
        results.sent += load_results.sent
        v = verify(db, work, bodies, results)
    except KeyboardInterrupt:
        harness.cleanup_children()
        print("\ninterrupted; work directory %s" % work)
        return 130
    except RuntimeError as e:
        harness.cleanup_children()
        print("FAILED: %s (work directory %s)" % (e, work))
        return 1
    finally:
        harness.cleanup_children()

    st = load_results.statuses
    bad_status = {k: c for k, c in st.items() if k not in (200, 429, 503)}
    bad_status.update({k: c for k, c in measure_statuses.items() if k not in (200, 429, 503)})
    errors = dict(load_results.errors)
    for k, c in measure_errors.items():
        errors[k] = errors.get(k, 0) + c
    rss_load = [r for t, r in sampler.rss if t >= t_load] or [0]
    rss_measure = [r for t, r in sampler.rss if t_measure <= t < t_load] or [0]
    rss_all = [r for _, r in sampler.rss] or [0]
    q_load = sampler.queries_between(t_load, t_load_end)
    q_times = [t for t, ok, _ in q_load]
    q_fail = [(t, d) for t, ok, d in q_load if not ok]
    q_slow = [t for t in q_times if t > args.query_timeout]
    q_measure = [t for t, ok, _ in sampler.queries_between(t_measure, t_load)]
    answered = sum(st.values())
    acked_rate = load_results.acked_spans / load_seconds if load_seconds else 0

    if bad_status:
        failures.append("unacceptable HTTP statuses: %s (first: %s)" % (bad_status, load_results.bad_samples[:1] or results.bad_samples[:1]))
    if errors:
        failures.append("connection errors/resets/timeouts: %s (first: %s)" % (errors, (load_results.error_samples or results.error_samples)[:1]))
    if load_results.rejected or results.rejected:
        failures.append("200 answers rejecting spans: %d" % (load_results.rejected + results.rejected))
    peak = max(hwm or 0, max(rss_all))
    if peak > args.rss_limit_mb:
        failures.append("peak RSS %.0f MiB is above the %.0f MiB limit" % (peak, args.rss_limit_mb))
    if q_fail or q_slow:
        failures.append("summary queries failed during overload: %d of %d (%d slower than %.0fs; first: %s)"
                        % (len(q_fail), len(q_times), len(q_slow), args.query_timeout, q_fail[:1]))
    if v["lost"]:
        failures.append("%d acknowledged spans are not stored" % v["lost"])
    if v["duplicated"]:
        failures.append("%d spans stored twice" % v["duplicated"])
    if v["phantom"]:
        failures.append("%d stored spans were never sent" % v["phantom"])
    if v["rollup_mismatches"]:
        failures.append("%d minute x service rollup mismatches (first: %s)" % (v["rollup_mismatches"], v["rollup_sample"][:2]))

    def lat(status):
        xs = load_results.latencies.get(status, [])
        return "p50 %.2fs p99 %.2fs max %.2fs" % (percentile(xs, 50), percentile(xs, 99), max(xs)) if xs else "-"

    print()
    print("==== Loupe overload test report ====")
    if measured is not None:
        print("sustainable rate (closed loop)  %.0f spans/s" % measured)
    print("offered load (open loop)        %.0f spans/s for %.0fs: %d requests of %d spans (%d started >250 ms late for want of a free "
          "connection, max %.2fs late; %d connections)"
          % (rate, args.seconds, ostats["scheduled"], args.body_spans, ostats["late"], ostats["max_late"], ostats["peak_connections"]))
    print("answers                         %d: 200 %d, 429 %d, 503 %d, other %s; connection errors %s"
          % (answered, st.get(200, 0), st.get(429, 0), st.get(503, 0), bad_status or 0, errors or 0))
    print("  latency 200                   %s" % lat(200))
    print("  latency 429                   %s" % lat(429))
    if st.get(503):
        print("  latency 503                   %s" % lat(503))
    print("acked throughput under load     %.0f spans/s (%.0f%% of offered); load phase %.1fs incl. waiting for answers"
          % (acked_rate, 100 * acked_rate / rate if rate else 0, load_seconds))
    if cpu0 is not None and cpu1 is not None:
        print("CPU under load                  server %.0f%%, this client %.0f%% of one core (%d cores)"
              % (100 * (cpu1 - cpu0) / load_seconds, 100 * (client1 - client0) / load_seconds, os.cpu_count()))
    print("server RSS                      VmHWM %.0f MiB (limit %.0f); peak sampled: closed loop %.0f MiB, overload %.0f MiB; at end %.0f MiB"
          % (hwm or -1, args.rss_limit_mb, max(rss_measure), max(rss_load), rss_end or -1))
    if q_measure:
        print("summary queries, closed loop    %d: p50 %.3fs, max %.3fs" % (len(q_measure), percentile(q_measure, 50), max(q_measure)))
    print("summary queries during overload %d: p50 %.3fs, p90 %.3fs, max %.3fs, failures %d (errors or slower than %.0fs)"
          % (len(q_times), percentile(q_times, 50), percentile(q_times, 90), max(q_times) if q_times else float("nan"),
             len(q_fail), args.query_timeout))
    print("spans acked / stored            %d acked (distinct, both phases) / %d stored" % (v["acked"], v["stored"]))
    print("lost / duplicated / never sent  %d / %d / %d" % (v["lost"], v["duplicated"], v["phantom"]))
    print("rollups (minute x service)      %d mismatches; trace summaries count %d spans of %d stored"
          % (v["rollup_mismatches"], v["traces_spans"][0], v["traces_spans"][1]))
    print("server error log lines          %d%s" % (len(server.error_lines), (": " + server.error_lines[0][:200]) if server.error_lines else ""))
    return harness.report_result(failures, work, own and not args.keep)


if __name__ == "__main__":
    sys.exit(main())
