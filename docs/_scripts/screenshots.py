"""Screenshots of the built handbook in headless Chromium, for a person to look at.

    python docs/_scripts/screenshots.py [OUTDIR]      (after `make docs`; needs Debian's chromium)

Serves docs/_build/html on a free localhost port, cuts every other request, and writes desktop
(1280 px) and phone (390 px) full-page PNGs of a few pages into OUTDIR (default docs/_build/shots).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1] / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
PAGES = {"index": "index.html", "log-det": "id/log-det.html", "catalog": "catalog.html",
         "conventions": "conventions.html"}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(outdir: Path, pages: dict[str, str]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    server = serve(ROOT)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for label, width, height in (("desktop", 1280, 900), ("phone", 390, 844)):
                ctx = browser.new_context(viewport={"width": width, "height": height})
                ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                          else route.abort())
                page = ctx.new_page()
                for name, path in pages.items():
                    page.goto(base + path, wait_until="networkidle")
                    page.screenshot(path=str(outdir / f"{name}-{label}.png"), full_page=True)
                    print(outdir / f"{name}-{label}.png")
                ctx.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shots"
    main(out, PAGES)
