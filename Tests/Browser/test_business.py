"""The business page in a real browser: ROI by unit and the content gaps are the API's, and
document ids sent by clients stay text."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

import otlp_feed
from test_dashboard import load


def test_roi_and_content_gaps_equal_the_api(browser: Any, loupe: Any) -> None:
    # The API's default ranges (days) hold the same requests as the page's hour: all were sent in the last half hour.
    roi = loupe.api("/api/v1/roi")
    load(browser, loupe, "/ui/business?range=1h", "business")
    rows = browser.find_elements(By.CSS_SELECTOR, "#roi-units tbody tr")
    shown = {r.find_elements(By.TAG_NAME, "td")[0].text: int(r.find_elements(By.TAG_NAME, "td")[1].text) for r in rows}
    # Requests without a unit (the hostile trace's) are a unit of their own, "(none)" on the page.
    assert shown == {u["unit"] or "(none)": u["requests"] for u in roi["units"]}
    assert set(shown) == set(otlp_feed.UNITS) | {"(none)"}

    retrieval = loupe.api("/api/v1/retrieval")
    gaps = browser.find_elements(By.CSS_SELECTOR, "#gaps tbody tr")
    assert [g.find_elements(By.TAG_NAME, "td")[0].text for g in gaps] == [g["group"] for g in retrieval["content_gaps"]]
    assert [int(g.find_elements(By.TAG_NAME, "td")[2].text) for g in gaps] == [g["gaps"] for g in retrieval["content_gaps"]]
    # Account questions found nothing relevant: every one is a gap, and it leads to one of its traces.
    account = next(g for g in retrieval["content_gaps"] if g["group"] == "account")
    assert account["gaps"] == account["requests"] == 20
    gaps[0].find_element(By.CSS_SELECTOR, "td a").click()
    assert "/ui/traces/" + account["example_traces"][0] in browser.current_url


def test_client_supplied_document_ids_stay_text(browser: Any, loupe: Any) -> None:
    load(browser, loupe, "/ui/business?range=1h", "business-hostile")
    ids = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#documents-used code")]
    assert "<img src=x onerror=window.__pwned=8>kb" in ids
    assert browser.execute_script("return window.__pwned") is None
