"""The KaTeX render server is reached even when its socket file appears before it accepts connections."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docs_site import EXT

if str(EXT) not in sys.path:
    sys.path.insert(0, str(EXT))

from handbook import katex_offline  # noqa: E402

#: A stand-in server: binds its socket (the file appears), waits, only then listens, answers "ok".
SLOW_SERVER = """
import socket, sys, time
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
time.sleep(0.5)
server.listen(1)
connection, _ = server.accept()
connection.sendall(b"ok")
sys.stdin.read()
"""


class SlowServer:
    """What start_server_process needs of sphinxcontrib-katex's server class."""

    @classmethod
    def build_command(cls, socket):
        return [sys.executable, "-c", SLOW_SERVER, str(socket)]

    @classmethod
    def timeout_error(cls, timeout):
        return TimeoutError(f"no server after {timeout} s")


def test_a_connection_refused_while_the_server_starts_is_tried_again(tmp_path):
    process, sock = katex_offline.start_server_process(SlowServer, tmp_path, timeout=20)
    try:
        assert sock.recv(2) == b"ok"
    finally:
        sock.close()
        process.stdin.close()
        process.wait(timeout=10)
        process.stdout.close()


def test_a_server_that_never_comes_up_is_stopped_and_reported(tmp_path):
    class Silent(SlowServer):
        @classmethod
        def build_command(cls, socket):
            return [sys.executable, "-c", "import sys; sys.stdin.read()"]

    with pytest.raises(TimeoutError, match="no server after 0.5 s"):
        katex_offline.start_server_process(Silent, tmp_path, timeout=0.5)
