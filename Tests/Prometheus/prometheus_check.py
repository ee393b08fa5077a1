"""Loupe in the Prometheus world, checked with the real tools (Debian's `prometheus` package):
`promtool check rules` accepts the exported rules, `promtool check metrics` accepts /metrics, and a
real Prometheus scraping a real `loupe serve` answers PromQL with the numbers Loupe's API gives.

Run: LOUPE_BIN=.build/debug/loupe python3 Tests/Prometheus/prometheus_check.py  (standard library only)."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Browser"))
import otlp_feed  # noqa: E402  (the browser suite's OTLP traffic: 61 requests over the last hour)

LOUPE = os.environ.get("LOUPE_BIN", ".build/debug/loupe")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, key: str | None = None) -> bytes:
    headers = {"Authorization": "Bearer " + key} if key else {}
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10).read()


def wait(what: str, check, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"FAIL: {what} within {seconds} s")


def promtool(*arguments: str, stdin: bytes | None = None) -> None:
    result = subprocess.run(["promtool", *arguments], input=stdin, capture_output=True)
    print(result.stdout.decode().strip(), result.stderr.decode().strip())
    if result.returncode != 0:
        raise SystemExit(f"FAIL: promtool {' '.join(arguments)} refused it")


def query(prometheus: str, expr: str) -> float | None:
    answer = json.loads(get(prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})))
    results = answer.get("data", {}).get("result", [])
    return float(results[0]["value"][1]) if results else None


def main() -> None:
    work = tempfile.mkdtemp(prefix="loupe-prometheus-")
    processes: list[subprocess.Popen] = []
    try:
        rules = os.path.join(work, "rules.yml")
        with open(rules, "wb") as out:
            out.write(subprocess.run([LOUPE, "export", "prometheus-rules"], check=True, capture_output=True).stdout)
        promtool("check", "rules", rules)

        port = free_port()
        loupe = f"http://127.0.0.1:{port}"
        processes.append(subprocess.Popen(
            [LOUPE, "serve", "--port", str(port), "--db", os.path.join(work, "loupe.db"), "--alert-interval", "1s",
             "--metrics-auth", "--no-grpc"],
            stdout=open(os.path.join(work, "serve.log"), "w"), stderr=subprocess.STDOUT))
        wait("loupe serve answers", lambda: get(loupe + "/health") == b"ok")
        # With --metrics-auth, /metrics wants a key like the API; Prometheus sends it as a bearer token.
        key = otlp_feed.first_admin_key(os.path.join(work, "serve.log"))
        otlp_feed.KEY = key
        otlp_feed.feed(loupe)
        try:
            get(loupe + "/metrics")
            raise SystemExit("FAIL: /metrics answered without a key under --metrics-auth")
        except urllib.error.HTTPError as refused:
            if refused.code != 401:
                raise SystemExit(f"FAIL: /metrics without a key answered {refused.code}, not 401")
        metrics = get(loupe + "/metrics", key)
        promtool("check", "metrics", stdin=metrics)
        credentials = os.path.join(work, "loupe.key")
        with open(credentials, "w") as out:
            out.write(key)

        prometheus_port = free_port()
        prometheus = f"http://127.0.0.1:{prometheus_port}"
        config = os.path.join(work, "prometheus.yml")
        with open(config, "w") as out:
            out.write(f"global: {{scrape_interval: 1s, evaluation_interval: 1s}}\nrule_files: [{json.dumps(rules)}]\n"
                      f"scrape_configs:\n  - job_name: loupe\n    static_configs: [{{targets: ['127.0.0.1:{port}']}}]\n"
                      f"    authorization: {{credentials_file: {json.dumps(credentials)}}}\n")
        processes.append(subprocess.Popen(
            ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={os.path.join(work, 'tsdb')}",
             f"--web.listen-address=127.0.0.1:{prometheus_port}"],
            stdout=open(os.path.join(work, "prometheus.log"), "w"), stderr=subprocess.STDOUT))
        wait("Prometheus scrapes Loupe", lambda: query(prometheus, 'up{job="loupe"}') == 1.0)

        now = int(time.time())
        summary = json.loads(get(loupe + f"/api/v1/summary?from={now - 7200}&to={now + 60}", key))["totals"]
        expected = {
            "sum(loupe_genai_requests_total)": summary["requests"]["count"],
            'sum(loupe_genai_requests_total{status="error"})': summary["requests"]["errors"],
            "sum(loupe_genai_cost_usd_total)": summary["cost_usd"],
            "sum(gen_ai_client_operation_duration_seconds_count)": summary["calls"]["count"],
        }
        wait("the first scrape with the traffic", lambda: query(prometheus, "sum(loupe_genai_requests_total)") is not None)
        for expr, value in expected.items():
            got = query(prometheus, expr) or 0.0
            print(f"{expr} = {got} (Loupe's API: {value})")
            if abs(got - float(value or 0)) > 1e-6 * max(1.0, abs(float(value or 0))):
                raise SystemExit(f"FAIL: {expr} is {got}, Loupe's API says {value}")
        rule_groups = json.loads(get(prometheus + "/api/v1/rules"))["data"]["groups"]
        loaded = sum(len(group["rules"]) for group in rule_groups)
        print(f"Prometheus loaded {loaded} Loupe alerting rules")
        if loaded == 0:
            raise SystemExit("FAIL: Prometheus loaded no rules")
        print("PASS")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
