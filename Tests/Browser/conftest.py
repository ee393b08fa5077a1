"""Browser suite: real headless Chromium (Debian's chromium and chromedriver) driving the dashboard
of a real `loupe serve` on loopback, with a real SQLite file fed through OTLP/HTTP.

LOUPE_BIN names the loupe binary; without it every test is skipped. Screenshots of every page go
to LOUPE_SCREENSHOTS (default: a temporary folder, printed at the end).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import Any, Iterator

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import otlp_feed  # noqa: E402

LOUPE_BIN = os.environ.get("LOUPE_BIN", "").strip()
SCREENSHOTS = os.environ.get("LOUPE_SCREENSHOTS") or tempfile.mkdtemp(prefix="loupe-screens-")
os.makedirs(SCREENSHOTS, exist_ok=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if LOUPE_BIN:
        return
    skip = pytest.mark.skip(reason="LOUPE_BIN is not set: build loupe and set LOUPE_BIN=.build/debug/loupe")
    for item in items:
        item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Loupe:
    def __init__(self, url: str) -> None:
        self.url = url
        self.key: str | None = None

    def api(self, path: str) -> Any:
        headers = {"Authorization": "Bearer " + self.key} if self.key else {}
        with urllib.request.urlopen(urllib.request.Request(self.url + path, headers=headers), timeout=30) as response:
            return json.load(response)


def serve(feed: Any, ready: Any, keys: bool = False) -> Iterator[Loupe]:
    """A `loupe serve` on a fresh database, fed by `feed(url)`, yielded once `ready(client)` holds.
    Without `keys` it runs with --no-auth: the pages are what these suites look at; test_login.py
    is the one that logs in."""
    workdir = tempfile.mkdtemp(prefix="loupe-browser-")
    port = free_port()
    log = open(os.path.join(workdir, "serve.log"), "w")
    process = subprocess.Popen([LOUPE_BIN, "serve", "--port", str(port), "--db", os.path.join(workdir, "browser.db"),
                                "--alert-interval", "1s", "--no-grpc"] + ([] if keys else ["--no-auth"]),
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/health", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"loupe serve exited: {open(os.path.join(workdir, 'serve.log')).read()}")
                time.sleep(0.05)
        client = Loupe(url)
        if keys:
            client.key = otlp_feed.first_admin_key(os.path.join(workdir, "serve.log"))
            otlp_feed.KEY = client.key
        try:
            feed(url)
        finally:
            otlp_feed.KEY = None
        # The server folds aggregates in about once a second; wait until the data is visible.
        for _ in range(100):
            if ready(client):
                break
            time.sleep(0.1)
        yield client
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def loupe() -> Iterator[Loupe]:
    yield from serve(otlp_feed.feed, lambda client: len(
        client.api("/api/v1/traces?limit=100&from=" + str(int(time.time()) - 3600))["traces"]) >= 61)


@pytest.fixture(scope="module")
def incident() -> Iterator[Loupe]:
    """A second server whose last ten minutes hold a runaway user's cost spike (see feed_incident)."""
    yield from serve(otlp_feed.feed_incident, lambda client: any(
        a["metric"] == "cost_usd" for a in client.api("/api/v1/anomalies?metric=cost_usd")["anomalies"]))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if LOUPE_BIN:
        terminalreporter.write_line(f"screenshots: {SCREENSHOTS}")
