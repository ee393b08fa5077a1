"""What crash-test.py and overload-test.py share (standard library only).

  * the command line: the options both take, the checks of --seed, --bin and --db, the final
    RESULT lines and exit status;
  * the `loupe serve` process: starting it on a free port and waiting for /health, its log and
    error lines, SIGTERM / kill -9, its RSS and CPU time from /proc, and never leaving it behind
    (PR_SET_PDEATHSIG, atexit, SIGTERM/SIGINT);
  * OTLP: JSON attributes and bodies, a keep-alive connection posting to /v1/traces, the
    partial_success answer;
  * verification against the SQLite file: the client's sent and acknowledged span ids in a file
    of their own, acked spans stored exactly once and nothing stored that was never sent, and the
    core rollups per minute and service against the spans.

The scripts import it from their own folder, so they run from any working directory.
"""

import atexit
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import threading
import time

SERVICES = ["checkout-assistant", "support-bot", "search-rag"]
CHAT_MODELS = [("openai", "gpt-4o"), ("openai", "gpt-4o-mini"), ("anthropic", "claude-3-5-sonnet-20241022")]
LISTEN_RE = re.compile(r"https?://[^\s/]+:(\d+)/")
SCRIPTS_DIR = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------------------------
# Command line and the end of a run.
# ----------------------------------------------------------------------------------------------

_OPTIONS = {
    "bin": (("--bin",), dict(default=".build/release/loupe", help="the loupe binary (default: %(default)s)")),
    "seed": (("--seed",), dict(type=int, default=None, help="random seed (default: random, printed)")),
    "durability": (("--durability",), dict(choices=["full", "normal"], default="full",
                                           help="server --durability (default: full)")),
    "queue-capacity": (("--queue-capacity",), dict(type=int, default=None,
                                                   help="server --queue-capacity (default: the server's)")),
    "keep": (("--keep",), dict(action="store_true", help="keep the work directory even when everything passed")),
}


def add_options(parser, *names):
    """Adds the options both scripts take (--bin, --seed, --durability, --queue-capacity, --keep), in the order named."""
    for name in names:
        flags, kwargs = _OPTIONS[name]
        parser.add_argument(*flags, **kwargs)


def check_args(parser, args):
    """Picks a seed when none is given, finds --bin (also relative to the repository root) and refuses an existing --db."""
    if args.seed is None:
        args.seed = random.SystemRandom().randint(1, 10**6)
    if not os.path.exists(args.bin):
        alt = os.path.join(SCRIPTS_DIR, "..", args.bin)
        if not os.path.exists(alt):
            parser.error("no loupe binary at %s (build it with `swift build -c release` or pass --bin)" % args.bin)
        args.bin = alt
    args.bin = os.path.abspath(args.bin)
    if args.db and os.path.exists(args.db):
        parser.error("--db %s exists; the test needs a fresh file" % args.db)


def handle_signals():
    """Servers die with this script; SIGTERM and SIGINT (even when inherited as ignored) raise KeyboardInterrupt."""
    atexit.register(cleanup_children)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt("signal %d" % signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)


def report_result(failures, work, remove_work):
    """Prints RESULT: PASS or FAILED (with the failures) and returns the exit status; keeps `work` unless it passed and may go."""
    if failures:
        print("RESULT: FAILED")
        for f in failures:
            print("  - " + f)
        print("work directory kept: %s" % work)
        return 1
    print("RESULT: PASS")
    if remove_work:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("work directory: %s" % work)
    return 0


# ----------------------------------------------------------------------------------------------
# The server process.
# ----------------------------------------------------------------------------------------------

CHILDREN = set()

try:  # Linux: the server gets SIGKILL if this script dies without cleaning up (PR_SET_PDEATHSIG).
    import ctypes
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except Exception:
    _PRCTL = None


def _die_with_parent():
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGKILL)


def cleanup_children():
    for proc in list(CHILDREN):
        if proc.poll() is None:
            try:
                proc.kill()
                proc.wait(5)
            except Exception:
                pass
        CHILDREN.discard(proc)


def serve_flags(args):
    """`loupe serve` options from the parsed command line: --durability, and those of --queue-capacity,
    --max-inflight-mib and --max-body-mib that the script has and that are set."""
    flags = ["--durability", args.durability]
    for name in ("queue_capacity", "max_inflight_mib", "max_body_mib"):
        value = getattr(args, name, None)
        if value:
            flags += ["--" + name.replace("_", "-"), str(value)]
    return flags


class Server:
    """`loupe serve` on 127.0.0.1 and a free port, its output in `log_path`."""

    def __init__(self, bin_path, db, log_path, flags=(), label=None, start_timeout=60.0):
        self.bin = bin_path
        self.db = db
        self.log_path = log_path
        self.flags = list(flags)
        self.label = label
        self.name = "server %s" % label if label else "the server"
        self.start_timeout = start_timeout
        self.proc = None
        self.port = None
        self.port_event = threading.Event()
        self.error_lines = []
        self.started_at = None
        self.ready_seconds = None

    def start(self):
        """Starts the server and returns once /health answers 200; RuntimeError when it does not within start_timeout."""
        cmd = [self.bin, "serve", "--host", "127.0.0.1", "--port", "0", "--db", self.db] + self.flags
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True, preexec_fn=_die_with_parent)
        CHILDREN.add(self.proc)
        threading.Thread(target=self._read_output, daemon=True).start()
        if not self.port_event.wait(self.start_timeout):
            raise RuntimeError("%s did not print its address within %ss (see %s)" % (self.name, self.start_timeout, self.log_path))
        if self.port is None:
            raise RuntimeError("%s exited before listening (rc=%s); see %s" % (self.name, self.proc.poll(), self.log_path))
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/health")
                if c.getresponse().status == 200:
                    c.close()
                    self.ready_seconds = time.monotonic() - self.started_at
                    return self
                c.close()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("%s never answered /health" % self.name)

    def _read_output(self):
        with open(self.log_path, "w") as log:
            for raw in self.proc.stdout:
                line = raw.decode("utf-8", "replace")
                log.write(line)
                log.flush()
                if self.port is None:
                    m = LISTEN_RE.search(line)
                    if m:
                        self.port = int(m.group(1))
                        self.port_event.set()
                if " error " in line or " critical " in line or "Fatal error" in line:
                    self.error_lines.append(line.strip())
        self.port_event.set()

    @property
    def address(self):
        return ("127.0.0.1", self.port)

    def status_field(self, name):
        """A kB field of /proc/<pid>/status (VmRSS, VmHWM), in MiB; None once the process is gone."""
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith(name + ":"):
                        return int(line.split()[1]) / 1024
        except (OSError, ValueError):
            return None
        return None

    def cpu_seconds(self):
        try:
            with open("/proc/%d/stat" % self.proc.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        CHILDREN.discard(self.proc)

    def terminate(self, timeout=120):
        """SIGTERM, then the exit status (or "timeout (killed)" after SIGKILL when it takes longer than `timeout`)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = "timeout (killed)"
        CHILDREN.discard(self.proc)
        return rc


# ----------------------------------------------------------------------------------------------
# OTLP/HTTP.
# ----------------------------------------------------------------------------------------------

def attr(key, value):
    """One OTLP JSON KeyValue as compact text."""
    if isinstance(value, bool):
        v = {"boolValue": value}
    elif isinstance(value, int):
        v = {"intValue": str(value)}
    elif isinstance(value, float):
        v = {"doubleValue": value}
    else:
        v = {"stringValue": str(value)}
    return json.dumps({"key": key, "value": v}, separators=(",", ":"))


def otlp_json(groups):
    """An ExportTraceServiceRequest body in OTLP JSON from (resource attribute texts, scope text, span texts) groups."""
    return ('{"resourceSpans":[%s]}' % ",".join(
        '{"resource":{"attributes":[%s]},"scopeSpans":[{"scope":%s,"spans":[%s]}]}' % (",".join(attrs), scope, ",".join(spans))
        for attrs, scope, spans in groups)).encode()


def rejected_spans(data):
    """rejectedSpans of a 200 answer's partial_success (0 without one)."""
    if not data:
        return 0
    try:
        return int((json.loads(data).get("partialSuccess") or {}).get("rejectedSpans") or 0)
    except ValueError:
        return 0


class EarlyClose(ConnectionError):
    """The server answered before reading the whole body, then closed the connection."""


class Poster:
    """A keep-alive connection that posts bodies to /v1/traces, reconnecting after a connection problem."""

    def __init__(self, host, port, timeout):
        self.host, self.port, self.timeout, self.conn = host, port, timeout, None

    def post(self, body, headers):
        """Returns (status, Retry-After or None, answer body); connection problems raise OSError or HTTPException."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            try:
                self.conn.request("POST", "/v1/traces", body=body, headers=headers)
            except (BrokenPipeError, ConnectionResetError) as e:
                # The server may have answered early (e.g. 429 before reading the body) and closed the
                # connection while the body was still being sent. Read that answer if it is there,
                # but it still counts as a connection reset: many exporters never see such an answer.
                try:
                    early = self.conn.getresponse()
                except (OSError, http.client.HTTPException):
                    raise e
                raise EarlyClose("HTTP %d sent before the whole body was read, then the connection was closed (%s)"
                                 % (early.status, type(e).__name__)) from e
            resp = self.conn.getresponse()
            data = resp.read()
        except Exception:
            self.close()
            raise
        if (resp.getheader("Connection") or "").lower() == "close":
            self.close()
        return resp.status, resp.getheader("Retry-After"), data

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


# ----------------------------------------------------------------------------------------------
# Verification, straight from the SQLite file.
# ----------------------------------------------------------------------------------------------

class ClientIds:
    """The (trace id, span id) pairs the client sent and saw acknowledged with 200, in client-ids.sqlite in `work_dir`."""

    def __init__(self, work_dir):
        self.path = os.path.join(work_dir, "client-ids.sqlite")
        con = sqlite3.connect(self.path)
        con.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE IF NOT EXISTS sent (trace_id TEXT NOT NULL, span_id TEXT NOT NULL, PRIMARY KEY (trace_id, span_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS acked (trace_id TEXT NOT NULL, span_id TEXT NOT NULL, PRIMARY KEY (trace_id, span_id)) WITHOUT ROWID;
        """)
        con.close()

    def add(self, sent=(), acked=()):
        con = sqlite3.connect(self.path)
        con.execute("PRAGMA synchronous = OFF")
        for table, pairs in (("sent", sent), ("acked", acked)):
            con.executemany("INSERT OR IGNORE INTO %s VALUES (?, ?)" % table, pairs)
        con.commit()
        con.close()

    def snapshot(self, db):
        """A connection to these ids with the server's file `db` attached read-only as `s`, in one read transaction
        (end it with COMMIT)."""
        con = sqlite3.connect("file:%s" % self.path, uri=True, isolation_level=None)
        con.execute("ATTACH DATABASE ? AS s", ("file:%s?mode=ro" % db,))
        con.execute("BEGIN")
        return con


def span_ledger(con):
    """Counts on a ClientIds.snapshot: spans stored, sent and acked (distinct), acked but not stored (lost), stored
    more than once (duplicated, the extra copies), stored but never sent (phantom)."""
    q = lambda sql: con.execute(sql).fetchone()[0]
    return {
        "stored": q("SELECT COUNT(*) FROM s.spans"),
        "acked": q("SELECT COUNT(*) FROM acked"),
        "sent": q("SELECT COUNT(*) FROM sent"),
        "lost": q("SELECT COUNT(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM s.spans x WHERE x.trace_id = a.trace_id AND x.span_id = a.span_id)"),
        "phantom": q("SELECT COUNT(*) FROM s.spans x WHERE NOT EXISTS (SELECT 1 FROM sent a WHERE a.trace_id = x.trace_id AND a.span_id = x.span_id)"),
        "duplicated": q("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM s.spans GROUP BY trace_id, span_id HAVING n > 1)"),
    }


def minute_service_rollups(con):
    """The core rollups' span and error counts per (minute, service) against the same counts over the stored spans.
    Returns the pairs that differ, sorted, as ((minute, service), (spans, errors) expected or None, stored or None),
    and how many pairs there are."""
    expected = dict(((m, sv), (n, e)) for m, sv, n, e in con.execute(
        "SELECT start_ns / 60000000000, service, COUNT(*), SUM(status = 'error') FROM s.spans GROUP BY 1, 2"))
    stored = dict(((m, sv), (n, e)) for m, sv, n, e in con.execute(
        "SELECT minute, service, SUM(span_count), SUM(errors) FROM s.rollups WHERE grain = 'core' GROUP BY 1, 2"))
    keys = set(expected) | set(stored)
    bad = sorted((k, expected.get(k), stored.get(k)) for k in keys if expected.get(k) != stored.get(k))
    return bad, len(keys)
