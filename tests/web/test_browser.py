"""The pages in headless Chromium, used as a person would: search, tick a facet, open a
recommendation, follow a related one, open its state and see the chart; the keyboard, a phone's
width and the print style. axe-core checks every page visited: no serious or critical
violation.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package: skipped without
them, a failure under `CI=true` (`.ci/run` installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import get_db, get_engine
from app.main import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WAIT = 20  # seconds a page may take to load on a busy machine
SERIOUS = ("serious", "critical")

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - reported by the fixture below
    webdriver = None  # type: ignore[assignment]


def _require_browser() -> None:
    missing = [
        name for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not path
    ]
    if webdriver is None:
        missing.append("selenium")
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {', '.join(missing)} missing (.ci/run installs them)")
        pytest.skip(
            f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)"
        )


@pytest.fixture(scope="module")
def live_server(engine: Engine) -> Iterator[str]:
    """The app on the test database, served by uvicorn on a free port of 127.0.0.1."""
    _require_browser()
    app = create_app()

    def session() -> Iterator[Session]:
        with Session(engine) as db:
            yield db

    app.dependency_overrides[get_db] = session
    app.dependency_overrides[get_engine] = lambda: engine
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the live server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(live_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """Headless Chromium driven by chromedriver (no network but the live server)."""
    options = Options()
    options.binary_location = CHROMIUM or ""
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    yield driver
    driver.quit()


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], Any]) -> Any:
    return WebDriverWait(driver, WAIT).until(condition)


def accessibility_problems(driver: WebDriver) -> list[str]:
    """axe-core's serious and critical violations on the current page (WCAG 2.1 A and AA)."""
    driver.execute_script(AXE.read_text())
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a",
                "wcag21aa", "best-practice"]}, resultTypes: ["violations"]})
            .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))))
            .catch(e => done([{id: "axe-error", impact: "critical", nodes: [String(e)]}]));
        """
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in result if v["impact"] in SERIOUS]


def visit(driver: WebDriver, checked: list[str]) -> None:
    """Check the page the browser shows: loaded, titled, and accessible."""
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    assert driver.find_element(By.TAG_NAME, "h1").text
    problems = accessibility_problems(driver)
    assert not problems, (driver.current_url, problems)
    checked.append(driver.current_url)


def test_a_person_searches_ticks_noted_and_follows_the_links(
    browser: WebDriver, live_server: str
) -> None:
    checked: list[str] = []
    browser.get(live_server + "/")
    visit(browser, checked)
    box = browser.find_element(By.ID, "q")
    box.send_keys("death penalty")
    box.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: "/search" in d.current_url)
    visit(browser, checked)
    assert "death penalty" in browser.find_element(By.ID, "results-heading").text
    marks = browser.find_elements(By.CSS_SELECTOR, ".result-text mark")
    assert marks and all(m.text.lower().startswith(("death", "penalt")) for m in marks)

    noted = browser.find_element(By.CSS_SELECTOR, 'input[name="position"][value="noted"]')
    label = browser.find_element(By.CSS_SELECTOR, f'label[for="{noted.get_attribute("id")}"]')
    label.click()  # the script submits the form on a tick
    wait_for(browser, lambda d: "position=noted" in d.current_url)
    visit(browser, checked)
    assert browser.find_element(By.CSS_SELECTOR, 'input[value="noted"]').is_selected()
    tags = browser.find_elements(By.CSS_SELECTOR, ".result-list .result-meta .tag")
    assert tags and {tag.text for tag in tags} == {"Noted"}

    results = [
        a.get_attribute("href") or ""
        for a in browser.find_elements(By.CSS_SELECTOR, ".result-list .result-title a")
    ]
    related: list[Any] = []
    for href in results:  # open results until one has related recommendations
        browser.get(href)
        related = browser.find_elements(
            By.CSS_SELECTOR, 'section[aria-labelledby="related-heading"] .result-title a'
        )
        if related:
            break
    assert related, "no death-penalty recommendation with related ones"
    visit(browser, checked)
    first = browser.current_url
    target = related[0].get_attribute("href")
    related[0].click()
    wait_for(browser, lambda d: d.current_url == target)
    visit(browser, checked)
    assert browser.current_url != first
    assert "similarity" in browser.find_element(By.ID, "related-heading").find_element(
        By.XPATH, ".."
    ).text or browser.find_elements(By.CSS_SELECTOR, ".tag-new, .tag-repeated")

    state_link = browser.find_element(By.CSS_SELECTOR, '.breadcrumbs a[href^="/states/"]')
    state_name = state_link.text
    state_link.click()
    wait_for(browser, lambda d: "/states/" in d.current_url)
    visit(browser, checked)
    assert browser.find_element(By.TAG_NAME, "h1").text == state_name
    chart = browser.find_element(By.CSS_SELECTOR, ".bar-chart.grouped")
    assert chart.is_displayed() and chart.size["height"] > 50
    values = [v.text for v in chart.find_elements(By.CSS_SELECTOR, ".bar-value")]
    assert values and all(v.replace(",", "").isdigit() for v in values)
    assert {"Received", "Supported", "Noted"} <= {
        dt.text for dt in chart.find_elements(By.CSS_SELECTOR, "dt")
    }

    review = browser.find_element(By.CSS_SELECTOR, 'table a[href^="/reviews/"]')
    review.click()
    wait_for(browser, lambda d: "/reviews/" in d.current_url)
    visit(browser, checked)
    browser.find_element(By.CSS_SELECTOR, '.breadcrumbs a[href^="/sessions/"]').click()
    wait_for(browser, lambda d: "/sessions/" in d.current_url)
    visit(browser, checked)
    kinds = {url.split("/")[3].split("?")[0] for url in checked}
    assert kinds == {"", "search", "recommendations", "states", "reviews", "sessions"}


def test_the_keyboard_reaches_everything_and_focus_shows(
    browser: WebDriver, live_server: str
) -> None:
    browser.get(live_server + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Skip to main content" and active.is_displayed()
    background = active.value_of_css_property("background-color")
    assert background in ("rgba(255, 221, 0, 1)", "rgb(255, 221, 0)")  # the yellow focus
    active.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "main"
    for _ in range(10):  # on to the search box, by the keyboard alone
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == "q":
            break
    box = browser.switch_to.active_element
    assert box.get_attribute("id") == "q"
    box.send_keys("roma")
    box.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: "q=roma" in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, ".result-list .result")


def test_a_bad_search_says_what_is_wrong(browser: WebDriver, live_server: str) -> None:
    browser.get(live_server + '/search?q="unbalanced')
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Invalid search" in summary.text
    assert browser.execute_script("return document.activeElement.className") == "error-summary"
    visit(browser, [])


@pytest.mark.parametrize(
    "path",
    ["/", "/search?q=women", "/states/SVN", "/reviews/48-SVN", "/recommendations/48-SVN-140.69"],
)
def test_pages_fit_a_phone(browser: WebDriver, live_server: str, path: str) -> None:
    browser.set_window_size(375, 800)
    try:
        browser.get(live_server + path)
        wide = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert wide <= 1, f"{path} is {wide}px wider than a phone"
        if path == "/states/SVN":
            visit(browser, [])
    finally:
        browser.set_window_size(1280, 1000)


def test_a_review_prints_without_navigation_or_forms(browser: WebDriver, live_server: str) -> None:
    browser.get(live_server + "/reviews/48-SVN")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header nav").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "form.filter-form").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".result-list").is_displayed()
        assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
