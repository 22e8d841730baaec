"""The built site served the way a static host serves it: under its base URL's path, with 404.html (status 404)
for every address that has no file, at any depth.

    python tests/static_host.py [HTML] [--prefix /en/stable/] [--port 8000]

Python's http.server answers a missing page with its own error page instead, so it cannot show how
404.html looks where a reader meets it, at an address such as ``/en/stable/id/nope.html``.
"""

from __future__ import annotations

import argparse
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

NOT_FOUND = "404.html"


class _Host(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        file = Path(self.translate_path("/" + path[len(self.prefix):]))  # never outside the folder
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    def do_GET(self):
        file, status = self._file(), 200
        if file is None:
            file, status = Path(self.directory) / NOT_FOUND, 404
        body = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def static_host(html: Path, prefix: str, port: int = 0):
    """Serve ``html`` at ``http://127.0.0.1:<port><prefix>`` (a free port by default); yields the host's root URL."""
    handler = type("Host", (_Host,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             lambda *a: handler(*a, directory=str(html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", nargs="?", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "_build" / "html")
    parser.add_argument("--prefix", default="/", help="the path of the base URL, such as /en/stable/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with static_host(args.html, args.prefix, args.port) as root:
        print(f"serving {args.html} at {root}{args.prefix} (Ctrl-C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
