"""Math typeset at build time with KaTeX under Node.js, served with its own CSS and fonts: no CDN.

sphinxcontrib-katex does the prerendering; this module (1) points it at ``docs/_katex/line-breaks.js``,
the ``katex.min.js`` that ``docs/_katex`` installs with npm (so the JavaScript, CSS and fonts are one
version) with more places where a long display formula may wrap on a narrow screen, (2) turns on
``throwOnError``, which the prerenderer would otherwise drop, and turns a formula KaTeX cannot
typeset into a warning with its location (a build error under ``-W``), and (3) copies the CSS and
the woff2 fonts into ``_static/katex``.
"""

from __future__ import annotations

import atexit
import html
import multiprocessing.util
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import sphinxcontrib.katex as katex
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging

logger = logging.getLogger(__name__)

KATEX_DIR = Path(__file__).resolve().parents[2] / "_katex" / "node_modules" / "katex" / "dist"
#: The module the render server loads: KaTeX, with long display formulas cut into more pieces.
RENDERER = Path(__file__).resolve().parents[2] / "_katex" / "line-breaks.js"
CSS = "katex/katex.min.css"
INSTALL_HINT = "run `make docs-assets` (npm installs KaTeX into docs/_katex)"


def configure(app: Sphinx, config) -> None:
    js = KATEX_DIR / "katex.min.js"
    if not js.is_file():
        raise ConfigError(f"KaTeX is not installed at {KATEX_DIR}: {INSTALL_HINT}")
    config.katex_prerender = True
    config.katex_js_path = str(RENDERER)
    config.katex_css_path = CSS
    config.html_math_renderer = "katex_offline"
    katex.KATEX_DEFAULT_OPTIONS = {"throwOnError": True, "strict": "ignore"}
    # Node starts in well under a second, but a loaded 2-core CI machine can take longer than the
    # prerenderer's 5 s defaults; a timeout would surface as a typesetting warning.
    katex.STARTUP_TIMEOUT = katex.RENDER_TIMEOUT = 60.0
    katex.KaTeXServer.start_server_process = classmethod(start_server_process)


def start_server_process(cls, rundir: Path, timeout: float):
    """Start the render server and connect to it, retrying a refused connection until ``timeout``.

    The server creates its socket file a moment before it accepts connections; on a loaded machine
    sphinxcontrib-katex's own start connects in between, is refused, and leaves the Node.js process
    running with no one to stop it (and holding the caller's output open).
    """
    path = rundir / "katex.sock"
    process = subprocess.Popen(cls.build_command(socket=path), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               cwd=rundir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if path.is_socket():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.settimeout(max(deadline - time.monotonic(), 0.001))
                sock.connect(str(path))
                sock.settimeout(None)
                return process, sock
            except (ConnectionRefusedError, FileNotFoundError, TimeoutError):
                sock.close()
        time.sleep(0.001)
    process.kill()
    process.communicate()  # reaps it and closes its pipes
    raise cls.timeout_error(timeout)


MAIN_PID = os.getpid()


def _stop_in_worker() -> None:
    """A parallel writer (a forked process) starts its own render server; stop it when the worker
    exits. Workers end through multiprocessing, which runs its finalizers but not atexit."""
    if os.getpid() != MAIN_PID and katex.KaTeXServer.katex_server is not None:
        multiprocessing.util.Finalize(None, stop_server, args=(None, None), exitpriority=10)


def _guarded(visit):
    def guarded(self, node):
        started = katex.KaTeXServer.katex_server is not None
        try:
            visit(self, node)  # ends by raising SkipNode
        except katex.KaTeXError as exc:
            logger.warning("KaTeX cannot typeset %r: %s", node.astext(), exc, location=node)
            self.body.append(f'<code class="math-error">{html.escape(node.astext())}</code>')
            raise nodes.SkipNode from None
        finally:
            if not started:
                _stop_in_worker()
    return guarded


def stop_server(app: Sphinx, exception) -> None:
    """Stop the Node.js render server now, even after a failed build: left running, it would hold the
    caller's stderr open (a test that captures the build's output would wait for it)."""
    server = katex.KaTeXServer.katex_server
    if server is not None:
        katex.KaTeXServer.katex_server = None
        atexit.unregister(katex.KaTeXServer.terminate)
        server.terminate()
        for pipe in (server.process.stdin, server.process.stdout):
            if pipe is not None:
                pipe.close()


def copy_assets(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "katex"
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(KATEX_DIR / "katex.min.css", target / "katex.min.css")
    # copy-tex: a selection of typeset formulas is copied as their LaTeX source, not as glyphs
    shutil.copyfile(KATEX_DIR / "contrib" / "copy-tex.min.js", target / "copy-tex.min.js")
    for font in (KATEX_DIR / "fonts").glob("*.woff2"):
        shutil.copyfile(font, target / "fonts" / font.name)


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinxcontrib.katex")
    app.add_html_math_renderer("katex_offline", inline_renderers=(_guarded(katex.html_visit_math), None),
                               block_renderers=(_guarded(katex.html_visit_displaymath), None))
    app.connect("config-inited", configure)
    app.connect("build-finished", copy_assets)
    app.connect("build-finished", stop_server, priority=100)  # before anything else that could raise
    return {"parallel_read_safe": True, "parallel_write_safe": True}
