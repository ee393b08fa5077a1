"""The dashboard in a real browser: clean loads, the API's numbers, navigation, state in the URL,
and spans that try to inject script."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS
from otlp_feed import HOSTILE_TRACE


def window() -> tuple[int, int]:
    """A fixed range around the fed data, so the page and the API answer for the same minutes."""
    now = int(time.time())
    return now - 3600 + 60 - now % 60, now + 60 - now % 60


def load(browser: Any, loupe: Any, path: str, shot: str | None = None) -> None:
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(loupe.url + path)
    browser.find_element(By.CSS_SELECTOR, "main")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, f"{path}: console errors or failed requests: {errors}"
    assert browser.execute_script("return window.__pwned") is None, f"{path}: injected script ran"
    if shot:
        browser.save_screenshot(os.path.join(SCREENSHOTS, f"{shot}.png"))


def value(browser: Any, card: str) -> str:
    return browser.find_element(By.CSS_SELECTOR, f"#card-{card} .value").get_attribute("data-value")


@pytest.mark.parametrize("path,shot", [("/ui/", "overview"), ("/ui/traces", "traces"), ("/ui/errors", "errors"),
                                       ("/ui/time", "time"), ("/ui/cost", "cost"), ("/ui/models", "models"),
                                       ("/ui/heatmap", "heatmap"), ("/ui/users", "users"), ("/ui/alerts", "alerts"), ("/ui/anomalies", "anomalies-quiet"),
                                       (f"/ui/traces/{HOSTILE_TRACE}", "trace-hostile")])
def test_every_page_loads_clean(browser: Any, loupe: Any, path: str, shot: str) -> None:
    load(browser, loupe, path, shot)
    assert browser.title.endswith("· Loupe")


def test_root_leads_to_the_dashboard(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/")
    assert browser.current_url.endswith("/ui/")


def test_overview_numbers_equal_the_api(browser: Any, loupe: Any) -> None:
    start, end = window()
    load(browser, loupe, f"/ui/?from={start}&to={end}")
    totals = loupe.api(f"/api/v1/summary?from={start}&to={end}")["totals"]
    assert int(value(browser, "count")) == totals["requests"]["count"] == 61
    assert float(value(browser, "error-rate")) == pytest.approx(totals["requests"]["error_rate"])
    assert float(value(browser, "p95")) == pytest.approx(totals["requests"]["latency_ms"]["p95"])
    assert float(value(browser, "cost")) == pytest.approx(totals["cost_usd"])
    users = loupe.api(f"/api/v1/summary?from={start}&to={end}&group_by=user")["groups"]
    assert int(value(browser, "active-users")) == len([g for g in users if g["key"]["user"]]) > 0
    assert int(value(browser, "tokens")) == totals["total_tokens"]
    by_model = loupe.api(f"/api/v1/summary?from={start}&to={end}&group_by=model")["groups"]
    shown = {row.find_element(By.TAG_NAME, "a").text: float(row.find_element(By.CSS_SELECTOR, "td.num").get_attribute("data-v"))
             for row in browser.find_elements(By.CSS_SELECTOR, "#top-models tbody tr")}
    expected = {g["key"]["model"]: g["cost_usd"] for g in by_model if g["cost_usd"]}
    assert shown.keys() <= expected.keys() and shown
    for model, cost in shown.items():
        assert cost == pytest.approx(expected[model])


def test_from_a_spike_to_the_span_that_failed(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/")
    # The column of a minute with errors leads to that minute's errors.
    columns = browser.find_elements(By.CSS_SELECTOR, "svg.timechart a")
    assert columns, "the traffic chart's columns link to their errors"
    spike = [c for c in columns if "errors: 0" not in c.find_element(By.CSS_SELECTOR, "rect").get_attribute("data-tip")]
    assert spike, "some minute has errors"
    browser.get(loupe.url + spike[0].get_dom_attribute("href"))
    assert "/ui/errors" in browser.current_url and "from=" in browser.current_url
    mode = browser.find_element(By.CSS_SELECTOR, "tr[id^=mode-] td a")
    mode.click()
    assert "fingerprint=" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, "section[id^=category-] .badge").text.lower() == "rate_limit"
    browser.find_element(By.CSS_SELECTOR, "a.example").click()
    assert "/ui/traces/" in browser.current_url
    # The trace opens on its root cause: the failed model call, with its category and remediation.
    detail = browser.find_element(By.ID, "span-detail")
    assert detail.find_element(By.TAG_NAME, "h2").text.lower().startswith("chat")
    assert "rate_limit" in detail.text and "What to do" in detail.text
    browser.save_screenshot(os.path.join(SCREENSHOTS, "trace.png"))
    # Another span of the waterfall opens in the panel.
    row = browser.find_elements(By.CSS_SELECTOR, "#waterfall tbody tr")[2]
    name = row.find_element(By.CSS_SELECTOR, "td.name a").text
    row.find_element(By.CSS_SELECTOR, "td.name a").click()
    assert browser.find_element(By.CSS_SELECTOR, "#span-detail h2").text.lower() == name.lower()


def test_failure_modes_equal_the_api(browser: Any, loupe: Any) -> None:
    start, end = window()
    load(browser, loupe, f"/ui/errors?from={start}&to={end}")
    api = loupe.api(f"/api/v1/errors?from={start}&to={end}&trend_buckets=24")
    modes = {f["fingerprint"]: f for c in api["categories"] for f in c["fingerprints"]}
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[id^=mode-]")
    assert len(rows) == len(modes) > 0
    for row in rows:
        mode = modes[row.get_attribute("id").removeprefix("mode-")]
        assert int(row.find_element(By.CSS_SELECTOR, "td.num").text) == mode["count"] == sum(mode["trend"])
        # The trend's bars add up to the count, and the users affected are named.
        bars = row.find_elements(By.CSS_SELECTOR, "svg.spark rect title")
        assert sum(int(b.get_attribute("textContent")) for b in bars) == mode["count"]
        where = row.find_element(By.CSS_SELECTOR, "td.where").text
        assert all(user in where for user in mode["users"]) if len(mode["users"]) <= 4 else "users" in where


def test_alerts_equal_the_api_and_can_be_acknowledged(browser: Any, loupe: Any) -> None:
    api = loupe.api("/api/v1/alerts")["alerts"]
    load(browser, loupe, "/ui/alerts")
    rules = [row.find_element(By.TAG_NAME, "td").text for row in browser.find_elements(By.CSS_SELECTOR, "#alert-rules tbody tr")]
    assert {"latency_p95", "success_rate", "cost_per_query", "error_rate", "token_utilisation"} <= set(rules)
    firing = [a for a in api if a["status"] == "firing"]
    shown = int(browser.find_element(By.CSS_SELECTOR, "#card-firing .value").get_attribute("data-value"))
    assert abs(shown - len(firing)) <= 1  # the server evaluates every second, between the two reads
    open_alerts = browser.find_elements(By.CSS_SELECTOR, "tr.alert-firing, tr.alert-pending")
    if open_alerts:
        alert_id = open_alerts[0].get_attribute("id").removeprefix("alert-")
        open_alerts[0].find_element(By.XPATH, ".//button[text()='Acknowledge']").click()
        assert browser.current_url.endswith("/ui/alerts")
        acked = [a for a in loupe.api("/api/v1/alerts")["alerts"] if a["id"] == alert_id]
        assert not acked or acked[0].get("acknowledged_by") == "dashboard"


def test_range_and_filters_live_in_the_url(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/")
    everything = int(value(browser, "count"))
    browser.find_element(By.LINK_TEXT, "15m").click()
    WebDriverWait(browser, 10).until(lambda b: "range=15m" in b.current_url)
    browser.refresh()
    assert browser.find_element(By.CSS_SELECTOR, ".ranges a.active").text == "15m"
    recent = int(value(browser, "count"))
    assert recent < everything
    field = browser.find_element(By.CSS_SELECTOR, "form input[name=service]")
    field.send_keys("agent-api")
    field.submit()
    # The form's navigation may still be under way when submit() returns.
    WebDriverWait(browser, 10).until(lambda b: "service=agent-api" in b.current_url)
    assert "range=15m" in browser.current_url
    browser.refresh()
    chip = browser.find_element(By.CSS_SELECTOR, ".chip")
    assert "service = agent-api" in chip.text
    assert int(value(browser, "count")) == 1


def test_injected_markup_is_shown_as_text(browser: Any, loupe: Any) -> None:
    load(browser, loupe, f"/ui/traces/{HOSTILE_TRACE}")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>window.__pwned=1</script>answer" in page
    assert browser.find_elements(By.CSS_SELECTOR, "main script, main img, main svg[onload]") == []
    load(browser, loupe, f"/ui/traces?service=agent-api")
    assert "<script>window.__pwned=1</script>answer" in browser.find_element(By.TAG_NAME, "main").text


def test_where_the_time_goes_equals_the_breakdown_api(browser: Any, loupe: Any) -> None:
    start, end = window()
    load(browser, loupe, f"/ui/time?from={start}&to={end}&service=rag-api&root=POST%20/answer")
    body = loupe.api(f"/api/v1/breakdown?from={start}&to={end}&service=rag-api&root=POST%20/answer")
    assert body["sampled_traces"] == 60 and body["slowest_stage"] == "llm"
    rows = browser.find_elements(By.CSS_SELECTOR, "#stages tbody tr")
    assert [r.get_attribute("data-stage") for r in rows] == [s["stage"] for s in body["stages"]]
    for row, stage in zip(rows, body["stages"]):
        assert float(row.find_element(By.CSS_SELECTOR, "td.num").get_attribute("data-v")) == pytest.approx(stage["share"])
    assert "LLM completion" in browser.find_element(By.ID, "card-slowest").text


def test_models_compare_like_with_like(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/models")
    tables = {t.get_attribute("id") for t in browser.find_elements(By.CSS_SELECTOR, "table.models")}
    assert {"models-llm", "models-embedding"} <= tables
    # Each column has one best value marked among the chat models.
    marked = browser.find_elements(By.CSS_SELECTOR, "#models-llm td.best")
    assert marked and all("★" in cell.text for cell in marked)


def test_unpriced_models_are_unknown_not_zero(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/cost?service=agent-api")
    unpriced = browser.find_element(By.ID, "unpriced").text
    assert "<img src=x onerror=window.__pwned=6>" in unpriced
    assert browser.find_element(By.CSS_SELECTOR, "#card-unpriced .value").get_attribute("data-value") == "1"


def test_a_user_leads_to_their_traces(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/users?sort=requests")
    first = browser.find_element(By.CSS_SELECTOR, "#users tbody tr")
    user = first.find_element(By.CSS_SELECTOR, "td a").text
    first.find_element(By.LINK_TEXT, "traces →").click()
    assert "/ui/traces" in browser.current_url
    users = {row.find_elements(By.TAG_NAME, "td")[-2].text for row in browser.find_elements(By.CSS_SELECTOR, "#traces tbody tr")}
    assert users == {user}


def test_a_user_leads_to_their_sessions_and_a_session_to_its_traces(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/users?sort=requests")
    first = browser.find_element(By.CSS_SELECTOR, "#users tbody tr")
    user = first.find_element(By.CSS_SELECTOR, "td a").text
    first.find_element(By.LINK_TEXT, "sessions").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#sessions tbody tr")
    assert rows, "the user's sessions are listed"
    session = rows[0].find_element(By.CSS_SELECTOR, "td a").text
    expected = int(rows[0].find_elements(By.CSS_SELECTOR, "td.num")[1].text)
    rows[0].find_element(By.CSS_SELECTOR, "td a").click()
    assert "session=" in browser.current_url
    traces = browser.find_elements(By.CSS_SELECTOR, "#traces tbody tr")
    assert {row.find_elements(By.TAG_NAME, "td")[-1].text for row in traces} == {session}
    api = loupe.api(f"/api/v1/traces?session={session}&user={user}&limit=1000")["traces"]
    assert len(traces) == len(api) == expected and {t["session"] for t in api} == {session}


@pytest.mark.parametrize("path", ["/ui/errors?fingerprint=0000000000000000", "/ui/cost?by=provider", "/ui/heatmap?by=service",
                                  "/ui/users?sort=errors", "/ui/traces?status=error&min_ms=1", "/ui/time?root=POST%20/answer"])
def test_every_page_leads_to_every_other(browser: Any, loupe: Any, path: str) -> None:
    browser.get(loupe.url + path)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "nav.pages a")]
    assert len(links) >= 8
    for href in links:
        load(browser, loupe, href.removeprefix(loupe.url))
        assert "cannot show" not in browser.title, f"{path} → {href}: {browser.find_element(By.TAG_NAME, 'main').text}"


def test_the_cost_forecast_says_what_it_needs(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/cost")
    panel = browser.find_element(By.ID, "forecast").text
    series = loupe.api("/api/v1/forecast?metric=cost_usd")["series"]
    # Half an hour of data: too little for a forecast (none at all before the hour turns: history
    # is whole hours), and the page says how much it has.
    hours = series[0]["history_steps"] if series else 0
    assert all(s.get("method") is None for s in series) and f"{hours} whole hours are stored" in panel
