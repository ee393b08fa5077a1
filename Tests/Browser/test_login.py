"""Logging in to a server that wants keys: the dashboard sends a person to the login page, a wrong
key is refused there, the right one opens the page they asked for with a session cookie no script
can read, and logging out ends it."""

from __future__ import annotations

import json
import os
import time
import urllib.request
from typing import Any, Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import otlp_feed
from conftest import SCREENSHOTS, Loupe, serve


@pytest.fixture(scope="module")
def keyed() -> Iterator[Loupe]:
    yield from serve(otlp_feed.feed, lambda client: len(
        client.api("/api/v1/traces?limit=100&from=" + str(int(time.time()) - 3600))["traces"]) >= 61, keys=True)


def log_in(browser: Any, key: str) -> None:
    field = browser.find_element(By.ID, "key")
    field.clear()
    field.send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "main.login button[type=submit]").click()


def test_the_dashboard_asks_for_a_key_and_keeps_a_strict_session(browser: Any, keyed: Loupe) -> None:
    browser.delete_all_cookies()
    try:
        browser.get(keyed.url + "/ui/errors")
        assert "/ui/login?next=%2Fui%2Ferrors" in browser.current_url
        browser.save_screenshot(os.path.join(SCREENSHOTS, "login.png"))

        log_in(browser, "lpk_0000000000_" + "x" * 43)
        WebDriverWait(browser, 10).until(lambda driver: driver.find_elements(By.ID, "login-error"))
        assert "not valid" in browser.find_element(By.ID, "login-error").text
        browser.save_screenshot(os.path.join(SCREENSHOTS, "login-refused.png"))

        assert keyed.key
        log_in(browser, keyed.key)
        # A form post and its redirect finish after click() returns: wait for where it leads.
        WebDriverWait(browser, 10).until(lambda driver: driver.current_url == keyed.url + "/ui/errors")
        assert browser.title.endswith("· Loupe")
        assert keyed.key not in browser.page_source
        cookie = browser.get_cookie("loupe_session")
        assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert "loupe_session" not in browser.execute_script("return document.cookie")

        browser.find_element(By.CSS_SELECTOR, "form.logout button").click()
        WebDriverWait(browser, 10).until(lambda driver: "/ui/login" in driver.current_url)
        browser.get(keyed.url + "/ui/")
        assert "/ui/login" in browser.current_url
    finally:
        browser.delete_all_cookies()


def create_key(keyed: Loupe, scope: str, project: str) -> str:
    body = json.dumps({"name": "viewer", "scope": scope, "project": project}).encode()
    request = urllib.request.Request(keyed.url + "/api/v1/keys", data=body, method="POST", headers={
        "Authorization": "Bearer " + (keyed.key or ""), "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["secret"]


def test_a_key_of_one_project_opens_a_dashboard_of_that_project(browser: Any, keyed: Loupe) -> None:
    browser.delete_all_cookies()
    try:
        browser.get(keyed.url + "/ui/")
        log_in(browser, create_key(keyed, "read", "browser"))
        WebDriverWait(browser, 10).until(lambda driver: driver.current_url == keyed.url + "/ui/")
        # Every page is the project's: its filter is on the page and in every link, and the
        # alerts, which cover every project, are out of the menu.
        links = browser.find_elements(By.CSS_SELECTOR, "nav.pages a")
        assert all("project=browser" in link.get_attribute("href") for link in links)
        menu = [link.text for link in links]
        assert "Traces" in menu and "Alerts" not in menu
        # The project's filter has no "remove" on it: the key decides it.
        assert browser.find_elements(By.CSS_SELECTOR, "span.chip") and not browser.find_elements(By.CSS_SELECTOR, "span.chip a")
        browser.save_screenshot(os.path.join(SCREENSHOTS, "one-project.png"))

        browser.get(keyed.url + "/ui/alerts")
        assert "reads project 'browser' only" in browser.page_source
        browser.get(keyed.url + "/ui/traces?project=elsewhere")
        assert "reads project 'browser' only" in browser.page_source
    finally:
        browser.delete_all_cookies()
