"""The recommendations page in a real browser: it lists what the API recommends, money first, each
with its evidence, and its example traces open the trace they name."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

from test_dashboard import load


def test_recommendations_match_the_api_and_lead_to_their_traces(browser: Any, loupe: Any) -> None:
    api = loupe.api("/api/v1/recommendations")
    kinds = {r["kind"] for r in api["recommendations"]}
    # The suite's RAG traffic: gpt-4o-mini does what claude-3-5-haiku does, cheaper; the model call dominates.
    assert {"model_selection", "slow_stage"} <= kinds, kinds
    load(browser, loupe, "/ui/recommendations", "recommendations")
    actions = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "ol.recommendations .action")]
    assert sorted(actions) == sorted(r["action"] for r in api["recommendations"])
    move = next(r for r in api["recommendations"] if r["kind"] == "model_selection")
    assert move["action"].endswith("to gpt-4o-mini") and move["monthly_saving_usd"] > 0
    item = browser.find_elements(By.CSS_SELECTOR, "ol.recommendations > li")[actions.index(move["action"])]
    assert "saves ~$" in item.find_element(By.CSS_SELECTOR, ".saving").text
    labels = [e.text for e in item.find_elements(By.CSS_SELECTOR, "table.evidence th")]
    assert labels[:3] == ["cost per call", "error rate", "p95 latency"]
    link = item.find_element(By.CSS_SELECTOR, ".traces a")
    trace = link.get_attribute("href").rsplit("/", 1)[1]
    assert trace in move["example_traces"]
    link.click()
    assert trace in browser.current_url and browser.find_elements(By.CSS_SELECTOR, "main")
    assert browser.execute_script("return window.__pwned") is None
