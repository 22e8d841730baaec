"""Visit identity pages of a served handbook at phone width in headless Chromium and print, as JSON,
what the layout measure found on each: run by tests/test_browser.py in a process of its own, so that a
long browser session neither shares the test worker's state nor takes the worker down if it dies.

    python tests/phone_pages.py http://127.0.0.1:PORT/ ID [ID ...]
"""

from __future__ import annotations

import json
import sys

from playwright.sync_api import sync_playwright

from browser_layout import LAYOUT, layout_problems
from test_browser import CHROMIUM, FLAGS, PAGES_PER_TAB, PHONE, Tab


def main(site: str, ids: list[str]) -> int:
    problems, wrapped = {}, []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for start in range(0, len(ids), PAGES_PER_TAB):   # a fresh tab now and then: memory stays bounded
            t = Tab(browser, site, viewport=PHONE)
            try:
                for ident in ids[start:start + PAGES_PER_TAB]:
                    path = f"id/{ident}.html"
                    t.page.goto(site + path, wait_until="load")
                    report = t.page.evaluate(LAYOUT)
                    if found := layout_problems(report, all_wrap=True):
                        problems[path] = found
                    if any(f["lines"] > 1 for f in report["formulas"]):
                        wrapped.append(ident)
            finally:
                t.close()
        browser.close()
    print(json.dumps({"problems": problems, "wrapped": wrapped}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
