"""The experiments page in a real browser: the verdict, the variants and every difference are the
API's, an experiment is picked by its chip, and names and variants sent by clients stay text."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

import otlp_feed
from test_dashboard import load


def p_text(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def test_the_experiment_page_shows_the_apis_comparison(browser: Any, loupe: Any) -> None:
    api = loupe.api(f"/api/v1/experiments/{otlp_feed.EXPERIMENT}")
    assert [v["requests"] for v in api["variants"]] == [30, 30]
    load(browser, loupe, f"/ui/experiments?experiment={otlp_feed.EXPERIMENT}", "experiments")
    verdict = browser.find_element(By.ID, "verdict")
    assert api["recommendation"]["reason"] in verdict.text
    rows = browser.find_elements(By.CSS_SELECTOR, "#variants tbody tr")
    assert [r.get_attribute("data-variant") for r in rows] == [v["variant"] for v in api["variants"]]
    assert [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows] == [str(v["requests"]) for v in api["variants"]]
    # Feedback posted through the scores API is a column of its own.
    headers = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#variants th")]
    assert "user_satisfaction" in headers
    comparison = api["comparisons"][0]
    section = browser.find_element(By.CSS_SELECTOR, f"section.comparison[data-treatment='{comparison['treatment']}']")
    first = section.find_elements(By.CSS_SELECTOR, "table.differences tbody tr")[0].find_elements(By.TAG_NAME, "td")
    assert first[0].text == "success rate"
    assert first[5].text == p_text(comparison["success_rate"]["p_value"])
    assert f"{comparison['success_rate']['difference'] * 100:+.1f} pts" == first[3].text


def test_client_supplied_experiment_names_stay_text(browser: Any, loupe: Any) -> None:
    listed = loupe.api("/api/v1/experiments")["experiments"]
    assert {e["name"] for e in listed} == {otlp_feed.EXPERIMENT, otlp_feed.HOSTILE_NAME}
    load(browser, loupe, "/ui/experiments", "experiments-hostile")
    chip = next(c for c in browser.find_elements(By.CSS_SELECTOR, "#experiments a") if c.text.startswith(otlp_feed.HOSTILE_NAME))
    chip.click()
    assert browser.find_element(By.CSS_SELECTOR, "#verdict .label").text == otlp_feed.HOSTILE_NAME
    assert browser.find_element(By.CSS_SELECTOR, "#variants tbody tr td").text.startswith(otlp_feed.HOSTILE_ATTRIBUTE)
    assert browser.execute_script("return window.__pwned") is None
