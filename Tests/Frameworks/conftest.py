"""Framework suite: real GenAI frameworks with fake models, exported over OTLP/HTTP to a running Loupe.

LOUPE_URL (e.g. http://127.0.0.1:4318) names the `loupe serve` to test; without it every test is
skipped. Each run gives its services a fresh suffix (LOUPE_FW_RUN_ID, random by default), so the
suite can run again against the same database.
"""

from __future__ import annotations

import os
import secrets
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checks import only_group  # noqa: E402
from loupe_client import Loupe  # noqa: E402
from truth import Truth  # noqa: E402

LOUPE_URL = os.environ.get("LOUPE_URL", "").strip()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if LOUPE_URL:
        return
    skip = pytest.mark.skip(reason="LOUPE_URL is not set: start `loupe serve --port PORT --db FILE` and "
                                   "set LOUPE_URL=http://127.0.0.1:PORT to run the framework suite")
    for item in items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def loupe(tmp_path_factory: pytest.TempPathFactory) -> Loupe:
    client = Loupe(LOUPE_URL, os.environ.get("LOUPE_FW_RUN_ID") or secrets.token_hex(3),
                   str(tmp_path_factory.mktemp("truth")))
    try:
        client.get("/api/v1/summary", group_by="service")
    except Exception as e:  # noqa: BLE001
        pytest.fail(f"Loupe at {LOUPE_URL} does not answer /api/v1/summary: {e}")
    return client


@pytest.fixture(scope="class")
def truth(request: pytest.FixtureRequest, loupe: Loupe) -> Truth:
    """Runs the class's pipeline (a FrameworkChecks subclass) once and returns what it recorded."""
    cls = request.cls
    truth = loupe.run_pipeline(cls.script, cls.base_service, *cls.args)
    loupe.truths.append(truth)
    return truth


@pytest.fixture(scope="class")
def by_service(loupe: Loupe, truth: Truth) -> dict:
    """The pipeline's service group of the summary grouped by service."""
    body = loupe.summary(truth, group_by="service")
    assert body["unit"] == "requests", body
    return only_group(body, {"service": truth.service})


_client: list[Loupe] = []


@pytest.fixture(scope="session", autouse=True)
def _remember(request: pytest.FixtureRequest) -> None:
    if LOUPE_URL:
        _client.append(request.getfixturevalue("loupe"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The truth of each pipeline run, for the log."""
    if not _client or not _client[0].truths:
        return
    import json

    terminalreporter.section("framework truth")
    for truth in _client[0].truths:
        terminalreporter.write_line(json.dumps({**truth.summary(), "wall_s": round(getattr(truth, "wall_s", 0), 1)}))
