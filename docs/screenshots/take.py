"""Screenshots of the web explorer's main pages, for the README.

Usage (from the repository root; needs Debian's `chromium` and `chromium-driver`, and the dev
extra's `selenium`), against a server of the default instance:

    .venv/bin/upr serve --port 8100 &
    .venv/bin/python docs/screenshots/take.py --base-url http://127.0.0.1:8100

It writes `home.png`, `search.png`, `state.png`, `review.png`, `recommendation.png` (desktop,
1280 px wide) and `search-phone.png` (390 px wide) beside this file: the top of each page, at
most `--height` CSS pixels tall, so that each PNG stays small. Only 127.0.0.1 or localhost is
requested.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import urllib.parse
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).parent
SHOTS = [
    ("home.png", "/", 1280, 1500),
    ("search.png", "/search?q=%22death+penalty%22&position=noted", 1280, 1500),
    ("state.png", "/states/KAZ", 1280, 1700),
    ("review.png", "/reviews/48-SVN", 1280, 1600),
    ("recommendation.png", "/recommendations/48-SVN-140.69", 1280, 1500),
    ("search-phone.png", "/search?q=%22death+penalty%22&position=noted", 390, 1500),
]


def main() -> None:
    """Take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8100")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    if urllib.parse.urlsplit(args.base_url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("take.py requests 127.0.0.1 or localhost only")
    profile = tempfile.mkdtemp(prefix="upr-shots-")
    options = Options()
    options.binary_location = shutil.which("chromium") or ""
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        service=Service(executable_path=shutil.which("chromedriver")), options=options
    )
    try:
        for name, path, width, height in SHOTS:
            driver.set_window_size(width, 800)
            driver.get(args.base_url + path)
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            full = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(height, full))
            target = args.out / name
            driver.save_screenshot(str(target))
            print(f"{target} {target.stat().st_size // 1024} KB")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
