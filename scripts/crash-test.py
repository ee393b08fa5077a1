#!/usr/bin/env python3
"""Loupe crash test: kill -9 under load, then check every acknowledged span survived exactly once.

What it proves
--------------
A 200 from `POST /v1/traces` promises the spans are committed. This script runs the real
`loupe serve` on a fresh SQLite file, drives it with several concurrent OTLP/HTTP JSON exporters,
and `kill -9`s the server at a random moment of every round, then restarts it on the same file.
The next process folds in the rollups and trace summaries the killed one had only in memory
(crash recovery from the aggregation watermark). At the end it reads the SQLite file directly and
checks that:

  * every span acknowledged with 200 is stored (lost spans must be 0);
  * no span is stored twice (same trace id + span id), although some exporters resend requests
    after a connection error (as OTel exporters do), some resend acknowledged requests on purpose,
    and requests cut by the kill may be committed without their 200 ever arriving;
  * nothing is stored that was never sent;
  * the `rollups` table equals what the stored spans imply, row by row for all three grains
    (core, business, user): span count, errors, tokens, cost, priced/unpriced calls, duration sum
    and the latency histogram (decoded and compared bucket by bucket), plus totals per minute and
    service;
  * the `traces` table (trace summaries) equals what the stored spans imply: span count, error
    count, failed calls, start/end time, tokens, cost, root name and service, user;
  * the aggregation watermark points at the newest span after recovery and after a clean stop.

It checks after every restart (crash recovery ran), after a final clean SIGTERM shutdown, and once
more after a restart that follows the clean shutdown (recovery must then change nothing).

Traffic: spans carry GenAI attributes (gen_ai.operation.name chat / embeddings / execute_tool,
gen_ai.request.model, gen_ai.provider.name, gen_ai.usage.input_tokens / output_tokens,
gen_ai.response.id), resource service.name among 3 services, user.id, business labels, ~7% errors
with messages, traces of 5 spans (a SERVER root and 4 children), some traces split over two
requests (sometimes children first, sometimes across a crash), start times spread over the last
minutes so many rollup minutes are touched. Bodies are OTLP JSON built from templates encoded once
up front: sending a request only splices ids and timestamps into pre-encoded text (and one
exporter in four gzips), so the client takes little CPU from the server.

Run it
------
    python3 scripts/crash-test.py --bin .build/release/loupe
    python3 scripts/crash-test.py --bin /tmp/loupe-release --rounds 5 --seconds-per-round 4 10 --seed 7

Exit status 0 when every check passed, 1 otherwise. The database and server logs are kept (their
directory is printed) when a check fails or with --keep.
"""

import argparse
import gzip
import http.client
import json
import math
import os
import random
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loupe_harness as harness  # noqa: E402
from loupe_harness import SERVICES, attr  # noqa: E402

# The last model has no price: it exercises the unpriced counters.
CHAT_MODELS = harness.CHAT_MODELS + [("openai", "acme-private-model")]
ERROR_MESSAGES = [
    ("RateLimitError", "Rate limit reached for requests (429): retry after 20s"),
    ("BadRequestError", "This model's maximum context length is 128000 tokens; your messages resulted in 131072 tokens"),
    ("TimeoutError", "Request timed out after 30 s"),
    ("InternalServerError", "The server had an error while processing your request (500)"),
    ("ToolError", "lookup_order failed: order 1234 not found"),
]

# Mirrors LoupeCore's LatencyHistogram (DDSketch-like log buckets) to recompute histograms.
HIST_MIN_MS = 0.001
HIST_BUCKETS = 1500
HIST_LOG_GAMMA = math.log((1 + 0.01) / (1 - 0.01))


def bucket_index(ms):
    if not (ms > HIST_MIN_MS) or not math.isfinite(ms):
        if math.isnan(ms):
            return 0
        return HIST_BUCKETS - 1 if ms > HIST_MIN_MS else 0
    index = math.ceil(math.log(ms / HIST_MIN_MS) / HIST_LOG_GAMMA)
    return min(max(index, 0), HIST_BUCKETS - 1)


def decode_histogram(blob):
    """LatencyHistogram's binary form: version 1, LEB128 offset, LEB128 length, LEB128 counts."""
    if blob is None:
        return None
    data = bytes(blob)
    pos = 0

    def varint():
        nonlocal pos
        result = shift = 0
        while True:
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    try:
        if data[0] != 1:
            return None
        pos = 1
        offset = varint()
        length = varint()
        out = {}
        for k in range(length):
            c = varint()
            if c:
                out[offset + k] = c
        return out
    except IndexError:
        return None


# ----------------------------------------------------------------------------------------------
# Traffic: trace templates encoded once, requests assembled by splicing ids and times.
# ----------------------------------------------------------------------------------------------

class SpanTemplate:
    __slots__ = ("index", "parent", "prefix", "offset_ns", "duration_ns", "attrs", "suffix", "response_id")

    def __init__(self, index, parent, name, kind, offset_ms, duration_ms, attrs, status, response_id):
        self.index = index
        self.parent = parent
        self.prefix = '"name":%s,"kind":%d,' % (json.dumps(name), kind)
        self.offset_ns = offset_ms * 1_000_000
        self.duration_ns = duration_ms * 1_000_000
        self.attrs = ",".join(attrs)
        self.suffix = '],"status":%s}' % json.dumps(status, separators=(",", ":"))
        self.response_id = response_id


class TraceTemplate:
    def __init__(self, rng):
        self.service = rng.choice(SERVICES)
        user = rng.choice([None] + ["user-%02d" % i for i in range(1, 26)])
        unit = rng.choice([None, "retail", "enterprise"])
        category = rng.choice([None, "billing", "shipping", "technical"])
        total_ms = rng.randint(900, 4000)
        root_attrs = [attr("http.request.method", "POST"), attr("http.route", "/v1/answer")]
        labels = []
        if user:
            labels.append(attr("user.id", user))
        if unit:
            labels.append(attr("business_unit", unit))
        if category:
            labels.append(attr("query_category", category))
        spans = []
        child_errors = []

        def status_for(p):
            if rng.random() < p:
                etype, message = rng.choice(ERROR_MESSAGES)
                child_errors.append(True)
                return {"code": 2, "message": message}, etype
            return ({"code": rng.choice([0, 1])}, None)

        # 1: chat, 2: tool, 3: chat, 4: embeddings; the root (0) is added last, its status depends on them.
        t = 5
        for i, op in ((1, "chat"), (2, "execute_tool"), (3, "chat"), (4, "embeddings")):
            dur = rng.randint(20, max(40, total_ms // 3))
            start = min(t, total_ms - dur) if total_ms > dur else 0
            t += dur // 2
            status, etype = status_for(0.07)
            a = [attr("gen_ai.operation.name", op)]
            response_id = False
            if op == "chat":
                provider, model = rng.choice(CHAT_MODELS)
                a += [attr("gen_ai.provider.name", provider), attr("gen_ai.request.model", model)]
                if status["code"] != 2:
                    a += [attr("gen_ai.response.model", model), attr("gen_ai.usage.input_tokens", rng.randint(50, 4000)),
                          attr("gen_ai.usage.output_tokens", rng.randint(5, 900)),
                          attr("gen_ai.response.finish_reasons", "stop")]
                    response_id = True
                a += labels
                name, kind = "chat %s" % model, 3
            elif op == "embeddings":
                a += [attr("gen_ai.provider.name", "openai"), attr("gen_ai.request.model", "text-embedding-3-small"),
                      attr("gen_ai.usage.input_tokens", rng.randint(8, 600))]
                name, kind = "embeddings text-embedding-3-small", 3
            else:
                a += [attr("gen_ai.tool.name", "lookup_order"), attr("gen_ai.tool.call.id", "call_%d" % rng.randint(1, 10**9))]
                name, kind = "execute_tool lookup_order", 1
            if etype:
                a.append(attr("error.type", etype))
            spans.append(SpanTemplate(i, 0, name, kind, start, dur, a, status, response_id))
        if child_errors and rng.random() < 0.5:
            root_status = {"code": 2, "message": "request failed: upstream model call failed"}
        else:
            root_status = {"code": rng.choice([0, 1])}
        spans.insert(0, SpanTemplate(0, None, "POST /v1/answer", 2, 0, total_ms, root_attrs + labels, root_status, False))
        self.spans = spans


class Request:
    __slots__ = ("rid", "body", "gz", "ids", "spans", "attempts", "sent_before", "acked", "duplicate_of_acked")

    def __init__(self, rid, body, ids, spans):
        self.rid = rid
        self.body = body
        self.gz = None
        self.ids = ids          # list of "traceid:spanid" strings
        self.spans = spans
        self.attempts = 0
        self.sent_before = False
        self.acked = False
        self.duplicate_of_acked = False


class Tracker:
    """What the client knows: every span sent and every span acknowledged with 200."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = []      # batches of ids not yet flushed to the verification database
        self.acked = []
        self.stats = {}
        self.sent_spans = 0      # distinct (first-attempt) spans
        self.acked_span_acks = 0  # spans in 200 answers (a resent acked request counts twice)
        self.rejected = 0
        self.bad = []

    def count(self, key, n=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    def record_sent(self, req):
        with self.lock:
            self.sent.append(req.ids)
            self.sent_spans += req.spans

    def record_ack(self, req):
        with self.lock:
            self.acked.append(req.ids)
            self.acked_span_acks += req.spans

    def take(self):
        with self.lock:
            sent, acked = self.sent, self.acked
            self.sent, self.acked = [], []
            return sent, acked


class Exporter:
    """One OTLP exporter. Its state (retry queue, deferred halves of split traces) outlives rounds."""

    def __init__(self, idx, args, templates, tracker, run_prefix):
        self.idx = idx
        self.args = args
        self.templates = templates
        self.tracker = tracker
        self.rng = random.Random((args.seed or 0) * 1000 + idx)
        self.run_prefix = run_prefix
        self.gzip = idx % 4 == 3
        self.resends = idx % 2 == 0      # even exporters resend after a connection error
        self.retry = []                   # requests to send again (front first)
        self.deferred = []                # span texts of the second half of split traces
        self.trace_counter = 0
        self.request_counter = 0
        self.poster = None

    # -- building requests --------------------------------------------------------------------

    def render_trace(self, tpl, tid, base_ns, indexes):
        spans_by_service = []
        ids = []
        sid_base = "%04x%08x" % (self.idx + 1, self.trace_counter & 0xFFFFFFFF)
        for i in indexes:
            s = tpl.spans[i]
            sid = "%s%04x" % (sid_base, s.index + 1)
            parent = '"parentSpanId":"%s%04x",' % (sid_base, s.parent + 1) if s.parent is not None else ""
            start = base_ns + s.offset_ns
            rid = (',' + attr("gen_ai.response.id", "chatcmpl-%s%s" % (tid, sid))) if s.response_id else ""
            text = '{"traceId":"%s","spanId":"%s",%s%s"startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":[%s%s%s' % (
                tid, sid, parent, s.prefix, start, start + s.duration_ns, s.attrs, rid, s.suffix)
            spans_by_service.append(text)
            ids.append(tid + ":" + sid)
        return spans_by_service, ids

    def next_request(self, new_traces=True):
        """About --spans-per-request spans: deferred halves first (sometimes), then new traces."""
        rng = self.rng
        by_service = {}
        ids = []
        count = 0
        target = self.args.spans_per_request
        while count < target:
            take_deferred = self.deferred and (not new_traces or rng.random() < 0.5)
            if take_deferred:
                service, texts, part_ids = self.deferred.pop(0)
            elif new_traces:
                tpl = rng.choice(self.templates)
                self.trace_counter += 1
                tid = "%08x%04x%012x%08x" % (self.run_prefix, self.idx + 1, self.trace_counter, rng.getrandbits(32))
                spread = int(self.args.time_spread_minutes * 60e9)
                base_ns = time.time_ns() - 5_000_000_000 - rng.randint(0, spread)
                service = tpl.service
                if rng.random() < self.args.split_fraction:
                    first, second = [0, 1, 2], [3, 4]
                    if rng.random() < 0.3:
                        first, second = second, first  # children before their root
                    texts, part_ids = self.render_trace(tpl, tid, base_ns, first)
                    later_texts, later_ids = self.render_trace(tpl, tid, base_ns, second)
                    self.deferred.append((service, later_texts, later_ids))
                else:
                    texts, part_ids = self.render_trace(tpl, tid, base_ns, range(5))
            else:
                break
            by_service.setdefault(service, []).extend(texts)
            ids.extend(part_ids)
            count += len(part_ids)
        if not ids:
            return None
        body = harness.otlp_json(
            ((attr("service.name", service), attr("deployment.environment", "crash-test")),
             '{"name":"loupe-crash-test","version":"1"}', texts) for service, texts in by_service.items())
        self.request_counter += 1
        req = Request("%d-%d" % (self.idx, self.request_counter), body, ids, len(ids))
        return req

    # -- sending ------------------------------------------------------------------------------

    def send(self, req):
        """Returns (status, retry_after, rejected, data) or raises OSError / HTTPException for connection problems."""
        headers = {"Content-Type": "application/json"}
        body = req.body
        if self.gzip:
            if req.gz is None:
                req.gz = gzip.compress(req.body, compresslevel=1)
            body = req.gz
            headers["Content-Encoding"] = "gzip"
        status, retry_after, data = self.poster.post(body, headers)
        return status, retry_after, harness.rejected_spans(data) if status == 200 else 0, data

    def run(self, address, stop, drain_only=False):
        """Sends until `stop` is set (or, when draining, until nothing is left to send)."""
        tracker = self.tracker
        rng = self.rng
        self.poster = harness.Poster(address[0], address[1], self.args.request_timeout)
        while not stop.is_set():
            if self.retry:
                req = self.retry.pop(0)
            else:
                req = self.next_request(new_traces=not drain_only)
                if req is None:
                    return
            if not req.sent_before:
                req.sent_before = True
                tracker.record_sent(req)
            req.attempts += 1
            tracker.count("attempts")
            if req.attempts > 1:
                tracker.count("resends")
            try:
                status, retry_after, rejected, data = self.send(req)
            except (OSError, http.client.HTTPException) as e:
                tracker.count("connection_errors")
                tracker.count("connection_error:" + type(e).__name__)
                if self.resends and req.attempts < self.args.max_attempts:
                    self.retry.insert(0, req)
                else:
                    tracker.count("dropped_after_connection_error")
                stop.wait(0.1 + rng.random() * 0.2)
                continue
            tracker.count("status_%d" % status)
            if status == 200:
                if rejected:
                    with tracker.lock:
                        tracker.rejected += rejected
                        tracker.bad.append("request %s: 200 with partial_success rejecting %d spans: %r" % (req.rid, rejected, data[:300]))
                    continue
                if req.acked:
                    tracker.count("acked_again")
                req.acked = True
                tracker.record_ack(req)
                # As if the 200 was lost: resend an acknowledged request now and then.
                if rng.random() < self.args.dup_rate:
                    tracker.count("deliberate_duplicates")
                    self.retry.insert(0, req)
            elif status in (429, 503):
                if req.attempts < self.args.max_attempts:
                    self.retry.insert(0, req)
                else:
                    tracker.count("dropped_after_throttling")
                try:
                    wait = float(retry_after) if retry_after else 1.0
                except ValueError:
                    wait = 1.0
                stop.wait(min(wait, self.args.max_retry_wait) * (0.5 + rng.random()))
            else:
                with tracker.lock:
                    tracker.bad.append("request %s: HTTP %d %r" % (req.rid, status, data[:300]))
        self.poster.close()

    def pending(self):
        return len(self.retry) + len(self.deferred)


# ----------------------------------------------------------------------------------------------
# Verification, straight from the SQLite file.
# ----------------------------------------------------------------------------------------------

class Verifier:
    def __init__(self, db, work_dir):
        self.db = db
        self.ids = harness.ClientIds(work_dir)
        self.dims_cache = {}

    def flush(self, tracker):
        sent, acked = tracker.take()
        self.ids.add(sent=(i.split(":") for batch in sent for i in batch),
                     acked=(i.split(":") for batch in acked for i in batch))

    def canonical_dims(self, text):
        c = self.dims_cache.get(text)
        if c is None:
            try:
                d = json.loads(text) if text else {}
            except ValueError:
                d = {}
            c = "\x1f".join("%s=%s" % (k, d[k]) for k in sorted(d))
            self.dims_cache[text] = c
        return c

    def run(self, tracker, label, integrity=False):
        self.flush(tracker)
        t0 = time.monotonic()
        con = self.ids.snapshot(self.db)  # one read snapshot for every query below
        r = {"label": label}
        q = lambda sql, *a: con.execute(sql, a).fetchone()[0]
        spans_cols = {row[1] for row in con.execute("PRAGMA s.table_info(spans)")}
        seq = "seq" if "seq" in spans_cols else "rowid"
        r.update(harness.span_ledger(con))  # stored, sent, acked (distinct), lost, phantom, duplicated
        r["lost_sample"] = con.execute("SELECT trace_id, span_id FROM acked a WHERE NOT EXISTS (SELECT 1 FROM s.spans x WHERE x.trace_id = a.trace_id AND x.span_id = a.span_id) LIMIT 5").fetchall()
        r["unacked_stored"] = r["stored"] - r["acked"] + r["lost"] - r["phantom"]
        state_cols = [row[1] for row in con.execute("PRAGMA s.table_info(aggregation_state)")]
        wm_col = "aggregated_span_seq" if "aggregated_span_seq" in state_cols else "aggregated_span_rowid"
        r["watermark"] = q("SELECT %s FROM s.aggregation_state WHERE id = 1" % wm_col)
        r["max_seq"] = q("SELECT COALESCE(MAX(%s), 0) FROM s.spans" % seq)
        r["rollups"] = self.check_rollups(con)
        r["traces"] = self.check_traces(con)
        con.execute("COMMIT")
        if integrity:
            r["integrity"] = q("PRAGMA s.quick_check")
        con.close()
        r["seconds"] = time.monotonic() - t0
        r["ok"] = (r["lost"] == 0 and r["duplicated"] == 0 and r["phantom"] == 0 and r["watermark"] == r["max_seq"]
                   and r["rollups"]["mismatches"] == 0 and r["traces"]["mismatches"] == 0
                   and r.get("integrity", "ok") == "ok")
        return r

    def check_rollups(self, con):
        """Recomputes every rollup row (3 grains) from the spans, as RollupAggregator.keys(for:) keys them."""
        expected = {}
        rows = con.execute("""
            SELECT start_ns / 60000000000, project, service, operation, COALESCE(provider, ''),
                   COALESCE(request_model, response_model, ''), status = 'error', COALESCE(error_category, 'unknown'),
                   COALESCE(user_id, ''), dimensions, role, end_ns - start_ns,
                   COUNT(*), SUM(status = 'error'),
                   SUM(CASE WHEN counts_usage = 1 THEN COALESCE(input_tokens, 0) ELSE 0 END),
                   SUM(CASE WHEN counts_usage = 1 THEN COALESCE(output_tokens, 0) ELSE 0 END),
                   SUM(CASE WHEN counts_usage = 1 THEN COALESCE(cache_read_tokens, 0) ELSE 0 END),
                   SUM(CASE WHEN counts_usage = 1 THEN COALESCE(total_tokens, COALESCE(input_tokens, 0) + COALESCE(output_tokens, 0)) ELSE 0 END),
                   TOTAL(CASE WHEN counts_usage = 1 THEN cost_usd END),
                   SUM(counts_usage = 1 AND cost_usd IS NOT NULL),
                   SUM(counts_usage = 1 AND cost_usd IS NULL AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL
                       OR cache_read_tokens IS NOT NULL OR cache_write_tokens IS NOT NULL OR reasoning_tokens IS NOT NULL
                       OR total_tokens IS NOT NULL))
            FROM s.spans
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        """)
        for (minute, project, service, op, provider, model, is_err, errcat, user, dims, role, dur_ns,
             n, errs, inp, outp, cache, total, cost, priced, unpriced) in rows:
            status = "error" if is_err else "ok"
            category = errcat if is_err else ""
            dur_ms = dur_ns / 1_000_000
            bucket = bucket_index(dur_ms)
            keys = (
                ("core", minute, project, service, op, provider, model, status, category, "", "", role),
                ("business", minute, project, service, op, provider, model, status, category, "", self.canonical_dims(dims), role),
                ("user", minute - minute % 10, project, service, op, provider, model, status, "", user, "", role),
            )
            for key in keys:
                m = expected.get(key)
                if m is None:
                    m = expected[key] = [0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0.0, {}]
                m[0] += n; m[1] += errs; m[2] += inp; m[3] += outp; m[4] += cache; m[5] += total
                m[6] += cost; m[7] += priced; m[8] += unpriced; m[9] += dur_ms * n
                m[10][bucket] = m[10].get(bucket, 0) + n
        actual = {}
        for row in con.execute("""
            SELECT grain, minute, project, service, operation, provider, model, status, error_category, user_id, dims, role,
                   span_count, errors, input_tokens, output_tokens, cache_read_tokens, total_tokens, cost_usd, priced, unpriced,
                   duration_sum_ms, histogram FROM s.rollups"""):
            key = tuple(row[:12])
            actual[key] = list(row[12:22]) + [decode_histogram(row[22])]
        names = ["span_count", "errors", "input_tokens", "output_tokens", "cache_read_tokens", "total_tokens", "cost_usd",
                 "priced", "unpriced", "duration_sum_ms", "histogram"]
        mismatches = []
        for key in set(expected) | set(actual):
            e, a = expected.get(key), actual.get(key)
            if e is None or a is None:
                mismatches.append((key, "missing row" if a is None else "extra row", e and e[:10], a and a[:10]))
                continue
            diffs = []
            for i, name in enumerate(names):
                ev, av = e[i], a[i]
                if name in ("cost_usd", "duration_sum_ms"):
                    if abs(ev - av) > 1e-6 + 1e-9 * abs(ev):
                        diffs.append("%s expected %r stored %r" % (name, ev, av))
                elif ev != av:
                    diffs.append("%s expected %r stored %r" % (name, ev if name != "histogram" else sum(ev.values()),
                                                             av if name != "histogram" or av is None else sum(av.values())))
            if diffs:
                mismatches.append((key, "; ".join(diffs)))
        # Coarser view: per minute and service (core grain), spans and errors.
        minute_service_bad, minute_service_pairs = harness.minute_service_rollups(con)
        grain_totals = {}
        for key, v in actual.items():
            grain_totals[key[0]] = grain_totals.get(key[0], 0) + v[0]
        return {
            "rows_expected": len(expected), "rows_stored": len(actual), "mismatches": len(mismatches),
            "sample": mismatches[:6], "minute_service_mismatches": len(minute_service_bad),
            "minute_service_sample": [(k, {"expected": list(e or (0, 0)), "stored": list(a or (0, 0))})
                                      for k, e, a in minute_service_bad[:6]],
            "minute_service_pairs": minute_service_pairs,
            "grain_totals": grain_totals,
        }

    def check_traces(self, con):
        """Recomputes every trace summary from its stored spans and compares with the `traces` table."""
        trace_cols = {row[1] for row in con.execute("PRAGMA s.table_info(traces)")}
        failed = "OR t.failed_calls != e.fc" if "failed_calls" in trace_cols else ""
        sql = """
            WITH e AS (
                SELECT trace_id, MIN(project) AS project, COUNT(*) AS n, SUM(status = 'error') AS errs,
                       SUM(status = 'error' AND (role & 2) != 0) AS fc, MIN(start_ns) AS s, MAX(end_ns) AS e,
                       SUM(CASE WHEN counts_usage = 1 THEN COALESCE(input_tokens, 0) ELSE 0 END) AS inp,
                       SUM(CASE WHEN counts_usage = 1 THEN COALESCE(output_tokens, 0) ELSE 0 END) AS outp,
                       TOTAL(CASE WHEN counts_usage = 1 THEN cost_usd END) AS cost,
                       MAX(CASE WHEN parent_span_id IS NULL THEN name END) AS root_name,
                       MAX(CASE WHEN parent_span_id IS NULL THEN service END) AS root_service,
                       COUNT(DISTINCT user_id) AS nusers, MIN(user_id) AS any_user
                FROM s.spans GROUP BY trace_id
            )
            SELECT e.trace_id, e.n, t.span_count, e.errs, t.error_count, e.s, t.start_ns, e.e, t.end_ns, e.inp, t.input_tokens,
                   e.outp, t.output_tokens, e.cost, t.cost_usd, e.root_name, t.root_name, e.root_service, t.service,
                   e.any_user, t.user_id %s
            FROM e LEFT JOIN s.traces t ON t.trace_id = e.trace_id
            WHERE t.trace_id IS NULL OR t.span_count != e.n OR t.error_count != e.errs OR t.start_ns != e.s OR t.end_ns != e.e
               OR t.input_tokens != e.inp OR t.output_tokens != e.outp OR ABS(t.cost_usd - e.cost) > 1e-6 + 1e-9 * ABS(e.cost)
               OR t.root_name IS NOT e.root_name OR (e.root_service IS NOT NULL AND t.service != e.root_service)
               OR (e.nusers <= 1 AND t.user_id IS NOT e.any_user) OR t.project != e.project %s
        """ % ((", e.fc, t.failed_calls" if failed else ""), failed)
        bad = con.execute(sql).fetchall()
        orphans = con.execute(
            "SELECT COUNT(*) FROM s.traces t WHERE NOT EXISTS (SELECT 1 FROM s.spans x WHERE x.trace_id = t.trace_id)").fetchone()[0]
        duplicate_rows = con.execute(
            "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM s.traces GROUP BY trace_id HAVING n > 1)").fetchone()[0]
        compared = con.execute("SELECT COUNT(DISTINCT trace_id) FROM s.spans").fetchone()[0]
        cols = ["trace_id", "span_count(exp)", "span_count", "errors(exp)", "errors", "start(exp)", "start", "end(exp)", "end",
                "in(exp)", "in", "out(exp)", "out", "cost(exp)", "cost", "root(exp)", "root", "service(exp)", "service",
                "user(exp)", "user", "failed_calls(exp)", "failed_calls"]
        sample = []
        for row in bad[:5]:
            sample.append({c: v for c, v in zip(cols, row)})
        return {"compared": compared, "mismatches": len(bad) + orphans + duplicate_rows, "bad": len(bad),
                "orphans": orphans, "duplicate_rows": duplicate_rows, "sample": sample}


def print_verification(r, indent="    "):
    ro, tr = r["rollups"], r["traces"]
    status = "OK" if r["ok"] else "FAILED"
    print("%s[verify %s] %s in %.1fs: stored %d spans, acked %d distinct, lost %d, duplicated %d, never-sent %d; "
          "watermark %d / newest %d; rollup rows %d stored vs %d expected, mismatches %d (minute x service: %d of %d); "
          "traces %d, mismatches %d%s"
          % (indent, r["label"], status, r["seconds"], r["stored"], r["acked"], r["lost"], r["duplicated"],
             r["phantom"], r["watermark"], r["max_seq"], ro["rows_stored"], ro["rows_expected"], ro["mismatches"],
             ro["minute_service_mismatches"], ro["minute_service_pairs"], tr["compared"], tr["mismatches"],
             ("; quick_check %s" % r["integrity"]) if "integrity" in r else ""))
    if r["lost"]:
        print("%s  lost sample: %s" % (indent, r["lost_sample"]))
    for m in ro["sample"]:
        print("%s  rollup mismatch: %s" % (indent, m))
    for m in ro["minute_service_sample"]:
        print("%s  minute x service mismatch: %s" % (indent, m))
    for m in tr["sample"]:
        print("%s  trace mismatch: %s" % (indent, m))
    if tr["orphans"] or tr["duplicate_rows"]:
        print("%s  trace summaries without spans: %d, duplicate trace rows: %d" % (indent, tr["orphans"], tr["duplicate_rows"]))
    sys.stdout.flush()


# ----------------------------------------------------------------------------------------------
# The test.
# ----------------------------------------------------------------------------------------------

def run_exporters(exporters, address, stop, drain_only=False):
    threads = []
    for e in exporters:
        t = threading.Thread(target=e.run, args=(address, stop, drain_only), daemon=True, name="exporter-%d" % e.idx)
        t.start()
        threads.append(t)
    return threads


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="See the docstring at the top of this file for what is checked.")
    harness.add_options(p, "bin")
    p.add_argument("--rounds", type=int, default=5, help="rounds, each ended by kill -9 (default: %(default)s)")
    p.add_argument("--exporters", type=int, default=8, help="concurrent exporter threads (default: %(default)s)")
    p.add_argument("--seconds-per-round", type=float, nargs=2, default=[3.0, 10.0], metavar=("MIN", "MAX"),
                   help="the kill comes at a random moment in this range of seconds (default: 3 10)")
    p.add_argument("--spans-per-request", type=int, default=200, help="spans per OTLP request (default: %(default)s)")
    p.add_argument("--db", help="SQLite file to create (default: a new temp directory); must not exist")
    harness.add_options(p, "seed", "durability", "queue-capacity")
    p.add_argument("--split-fraction", type=float, default=0.15, help="share of traces split over two requests (default: %(default)s)")
    p.add_argument("--dup-rate", type=float, default=0.02, help="share of acknowledged requests resent on purpose (default: %(default)s)")
    p.add_argument("--time-spread-minutes", type=float, default=12.0, help="span start times spread over this many past minutes (default: %(default)s)")
    p.add_argument("--max-attempts", type=int, default=20, help="attempts per request before an exporter gives up (default: %(default)s)")
    p.add_argument("--max-retry-wait", type=float, default=2.0, help="cap on Retry-After waits, seconds (default: %(default)s)")
    p.add_argument("--request-timeout", type=float, default=60.0, help="client timeout per request, seconds (default: %(default)s)")
    p.add_argument("--start-timeout", type=float, default=120.0, help="seconds a (recovering) server may take to listen (default: %(default)s)")
    p.add_argument("--no-verify-each-round", action="store_true", help="verify only at the end, not after every recovery")
    harness.add_options(p, "keep")
    args = p.parse_args()
    harness.check_args(p, args)

    lo, hi = sorted(args.seconds_per_round)
    if args.db:
        work = os.path.dirname(os.path.abspath(args.db)) or "."
        db = os.path.abspath(args.db)
        own_work = False
    else:
        work = tempfile.mkdtemp(prefix="loupe-crash-")
        db = os.path.join(work, "loupe.db")
        own_work = True
    log_dir = tempfile.mkdtemp(prefix="logs-", dir=work)
    harness.handle_signals()

    def start_server(label):
        return harness.Server(args.bin, db, os.path.join(log_dir, "server-%s.log" % label), harness.serve_flags(args),
                              label=label, start_timeout=args.start_timeout).start()

    rng = random.Random(args.seed)
    templates = [TraceTemplate(rng) for _ in range(256)]
    tracker = Tracker()
    run_prefix = rng.getrandbits(32) | 0x10000000
    exporters = [Exporter(i, args, templates, tracker, run_prefix) for i in range(args.exporters)]
    verifier = Verifier(db, log_dir)
    print("Loupe crash test: bin %s, db %s, seed %d, %d rounds x %.0f-%.0f s, %d exporters (%d resend after connection errors, "
          "%d gzip), %d spans/request, durability %s"
          % (args.bin, db, args.seed, args.rounds, lo, hi, args.exporters, sum(e.resends for e in exporters),
             sum(e.gzip for e in exporters), args.spans_per_request, args.durability))
    sys.stdout.flush()

    failures = []
    verifications = []
    server = None
    stop = threading.Event()
    threads = []
    server_errors = []
    try:
        for rnd in range(1, args.rounds + 1):
            server = start_server("round%d" % rnd)
            print("round %d: server pid %d on port %d, ready in %.2fs%s"
                  % (rnd, server.proc.pid, server.port, server.ready_seconds, " (after crash recovery)" if rnd > 1 else ""))
            if rnd > 1 and not args.no_verify_each_round:
                r = verifier.run(tracker, "after recovery, before round %d" % rnd)
                verifications.append(r)
                print_verification(r)
            before = dict(tracker.stats)
            acked_before = tracker.acked_span_acks
            stop = threading.Event()
            threads = run_exporters(exporters, server.address, stop)
            duration = rng.uniform(lo, hi)
            time.sleep(duration)
            server.kill9()
            time.sleep(0.3)  # requests in flight see the connection drop
            stop.set()
            for t in threads:
                t.join(args.request_timeout + 5)
            server_errors += server.error_lines
            delta = {k: tracker.stats.get(k, 0) - before.get(k, 0) for k in tracker.stats}
            print("round %d: killed -9 after %.1fs; attempts %d (200: %d, 429: %d, 503: %d, connection errors: %d), "
                  "spans acked %d; waiting to resend: %d requests"
                  % (rnd, duration, delta.get("attempts", 0), delta.get("status_200", 0), delta.get("status_429", 0),
                     delta.get("status_503", 0), delta.get("connection_errors", 0), tracker.acked_span_acks - acked_before,
                     sum(len(e.retry) for e in exporters)))
            sys.stdout.flush()

        # A restart that runs crash recovery, checked before anything else is sent.
        server = start_server("recovery")
        print("final: server pid %d restarted after the last kill, ready in %.2fs" % (server.proc.pid, server.ready_seconds))
        r = verifier.run(tracker, "after the last crash recovery")
        verifications.append(r)
        print_verification(r)
        # Resend what exporters still hold (retries, second halves of split traces), then stop cleanly.
        stop = threading.Event()
        threads = run_exporters(exporters, server.address, stop, drain_only=True)
        deadline = time.monotonic() + 60
        for t in threads:
            t.join(max(0.1, deadline - time.monotonic()))
        stop.set()
        for t in threads:
            t.join(args.request_timeout + 5)
        left = sum(e.pending() for e in exporters)
        print("final: drained exporters' retries and split halves (%d left unsent)" % left)
        rc = server.terminate()
        server_errors += server.error_lines
        print("final: SIGTERM, server exited with %s" % rc)
        if rc != 0:
            failures.append("server exited with %s on SIGTERM" % rc)
        r = verifier.run(tracker, "after clean SIGTERM shutdown", integrity=True)
        verifications.append(r)
        print_verification(r)
        # Recovery after a clean stop must find nothing to fold in (else it double counts).
        server = start_server("restart-after-clean")
        rc = server.terminate()
        server_errors += server.error_lines
        if rc != 0:
            failures.append("server exited with %s on SIGTERM (restart after clean shutdown)" % rc)
        r = verifier.run(tracker, "after a restart following the clean shutdown")
        verifications.append(r)
        print_verification(r)
    except KeyboardInterrupt:
        stop.set()
        harness.cleanup_children()
        print("\ninterrupted; work directory %s" % work)
        return 130
    except RuntimeError as e:
        stop.set()
        harness.cleanup_children()
        print("FAILED: %s" % e)
        print("work directory kept: %s" % work)
        return 1
    finally:
        stop.set()
        harness.cleanup_children()

    final = verifications[-2]  # after the clean shutdown
    s = tracker.stats
    bad_statuses = sorted((k, v) for k, v in s.items() if k.startswith("status_") and k not in ("status_200", "status_429", "status_503"))
    for v in verifications:
        if not v["ok"]:
            failures.append("verification '%s' failed" % v["label"])
    if bad_statuses:
        failures.append("unexpected HTTP statuses: %s" % bad_statuses)
    if tracker.bad:
        failures.append("%d bad answers (first: %s)" % (len(tracker.bad), tracker.bad[0]))
    worst = lambda key: max(v[key] for v in verifications)
    print()
    print("==== Loupe crash test report ====")
    print("rounds (kill -9)              %d   (+ clean SIGTERM stops: 2; recoveries checked: %d)" % (args.rounds, len(verifications) - 2))
    print("requests sent                 %d attempts: 200 %d, 429 %d, 503 %d, other %s, connection errors %d"
          % (s.get("attempts", 0), s.get("status_200", 0), s.get("status_429", 0), s.get("status_503", 0),
             sum(v for _, v in bad_statuses), s.get("connection_errors", 0)))
    print("  resends                     %d (after connection errors or throttling; %d deliberate resends of acked requests)"
          % (s.get("resends", 0), s.get("deliberate_duplicates", 0)))
    print("  given up                    %d after connection errors, %d after throttling"
          % (s.get("dropped_after_connection_error", 0), s.get("dropped_after_throttling", 0)))
    print("spans sent (distinct)         %d" % final["sent"])
    print("spans acked (distinct)        %d" % final["acked"])
    print("spans stored                  %d   (%d stored without a 200: committed before the kill or resent)"
          % (final["stored"], final["unacked_stored"]))
    print("  committed without a 200     up to %d spans at a recovery check (cut off by kill -9; resent later, stored once)"
          % worst("unacked_stored"))
    print("lost (acked, not stored)      %d" % worst("lost"))
    print("duplicated (same trace+span)  %d" % worst("duplicated"))
    print("stored but never sent         %d" % worst("phantom"))
    print("rollup mismatches             %d rows (of %d; all 3 grains, every column incl. histograms); per minute x service: %d"
          % (max(v["rollups"]["mismatches"] for v in verifications), final["rollups"]["rows_stored"],
             max(v["rollups"]["minute_service_mismatches"] for v in verifications)))
    print("trace-summary mismatches      %d (of %d traces)" % (max(v["traces"]["mismatches"] for v in verifications), final["traces"]["compared"]))
    print("partial_success rejections    %d spans" % tracker.rejected)
    print("server error log lines        %d%s" % (len(server_errors), (": " + server_errors[0][:200]) if server_errors else ""))
    print("verifications                 %s" % ", ".join("%s: %s" % (v["label"], "ok" if v["ok"] else "FAILED") for v in verifications))
    return harness.report_result(failures, work, own_work and not args.keep)


if __name__ == "__main__":
    sys.exit(main())
