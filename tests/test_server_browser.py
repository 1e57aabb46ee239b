"""The web page of ``chronik serve`` in headless Chromium (Debian's chromium and
chromium-driver, driven by selenium): it renders the store, filters through the URL,
opens documents with the evidence highlighted, and shows article markup as text.

Screenshots go to ``artifacts/browser/`` (set CHRONIK_SCREENSHOT=docs/screenshot.png to
refresh the README's picture)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT, XSS_ARTICLE

pytest.importorskip("starlette", reason="chronik serve needs the serve extra (pip install -e '.[serve]')")
webdriver = pytest.importorskip("selenium.webdriver", reason="the browser tests need selenium (the test extra)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1400"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM or not CHROMEDRIVER:
        if os.environ.get("CHRONIK_REQUIRE_BROWSER"):
            pytest.fail("CHRONIK_REQUIRE_BROWSER is set but chromium or chromedriver is missing")
        pytest.skip("headless Chromium is not installed here (apt-get install chromium chromium-driver); "
                    "CI installs it and runs these tests")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    profile = tempfile.mkdtemp(prefix="chronik-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def load(driver, url: str) -> None:
    driver.get(url)
    wait_ready(driver)


def wait_ready(driver) -> None:
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1' && document.body.dataset.loading === '0'"))


def shot(driver, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def rows(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-event]")


def severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_server_page_renders_every_view(browser, server):
    load(browser, server.url + "/")
    assert len(rows(browser)) >= 10
    assert browser.find_element(By.ID, "summary").text.endswith("events")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"), "timeline has no bars"
    assert browser.find_elements(By.CSS_SELECTOR, "#network g.node"), "network has no nodes"
    assert browser.find_elements(By.CSS_SELECTOR, "#network .edge"), "network has no edges"
    places = browser.find_elements(By.CSS_SELECTOR, "#map circle.place")
    assert "Karabakh" in {p.get_attribute("data-place") for p in places}
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.land"), "map has no outline"
    shot(browser, "page")
    assert severe_logs(browser) == []
    if os.environ.get("CHRONIK_SCREENSHOT"):  # the README's picture: a smaller window
        browser.set_window_size(1280, 900)
        load(browser, server.url + "/")
        browser.save_screenshot(str(ROOT / os.environ["CHRONIK_SCREENSHOT"]))
        browser.set_window_size(1280, 1400)


def test_server_filter_changes_table_timeline_and_url(browser, server):
    load(browser, server.url + "/")
    before = int(browser.find_element(By.ID, "timeline").get_attribute("data-events"))
    n_before = len(rows(browser))
    form = browser.find_element(By.ID, "filters")
    form.find_element(By.CSS_SELECTOR, "select[name=type] option[value=REQUEST]").click()
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, 20).until(lambda d: "type=REQUEST" in d.current_url)
    wait_ready(browser)
    types = {r.find_elements(By.TAG_NAME, "td")[1].text for r in rows(browser)}
    assert types == {"REQUEST"}
    assert len(rows(browser)) < n_before
    after = int(browser.find_element(By.ID, "timeline").get_attribute("data-events"))
    assert 0 < after < before
    quads = {b.get_attribute("data-quad") for b in browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")}
    assert quads == {"3"}  # REQUEST is verbal conflict
    shot(browser, "filtered")


def test_server_shared_url_restores_filters(browser, server):
    load(browser, server.url + "/?actor=AZE&interval=day")
    assert browser.find_element(By.CSS_SELECTOR, "input[name=actor]").get_attribute("value") == "AZE"
    assert browser.find_element(By.ID, "interval").get_attribute("value") == "day"
    assert rows(browser)
    periods = [b.get_attribute("data-period") for b in browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")]
    assert periods and all(len(p) == 10 for p in periods)  # days


def test_server_document_view_highlights_evidence_and_actors(browser, server):
    load(browser, server.url + "/?q=Waffenstillstand")
    row = rows(browser)[0]
    evidence = row.find_element(By.CSS_SELECTOR, "td.evidence").get_attribute("title")
    row.click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-text mark.current"))
    current = "".join(m.text for m in browser.find_elements(By.CSS_SELECTOR, "#doc-text mark.current"))
    assert " ".join(current.split()) == " ".join(evidence.split())
    actors = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#doc-text mark.actor")}
    assert any("Blinken" in a for a in actors)
    assert "open=" in browser.current_url
    shot(browser, "document")


def test_server_article_markup_renders_as_text(browser, server):
    load(browser, server.url + "/?q=Belgorod")
    row = rows(browser)[0]
    assert "<script>" in row.text and '"><img' in row.text
    row.click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-text mark.current"))
    text = browser.find_element(By.ID, "doc-text").text
    assert "<script>window.__xss = 'script'</script>" in text and "onerror=" in text
    assert browser.find_element(By.ID, "doc-title").text == XSS_ARTICLE["title"]
    assert browser.find_elements(By.CSS_SELECTOR, "#doc-panel img, #events img, #doc-panel script") == []
    assert browser.execute_script("return window.__xss === undefined")
    shot(browser, "markup-as-text")
