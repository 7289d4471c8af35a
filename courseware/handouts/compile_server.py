# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A Typst compiler that outlives the build: PDFs compiled again in a fraction of their first time.

Typst remembers what it laid out (its memoisation, ``comemo``) for as long as its process lives. A
PDF compiled again in the same process after a one-word edit takes about a sixth of its first
compile (the facilitator guide: 0.33 s against 2 s on the machine it was measured on). Every
``sphinx-build`` is a new process, so without this module every build compiles from nothing.

With ``courseware_typst_server`` set to a number of seconds (``make`` sets it), the handouts
builder sends each compile to a server on a Unix socket, and starts the server when none answers.
The server compiles each request in a thread of its own (Typst releases the GIL) and stops after
that many seconds without a request. A PDF compiled by the server has the very bytes of one
compiled in the build's own process: memoisation saves work, never changes a result.

One server serves one output folder, one Typst and one version of this file: the socket's name is
a hash of the three, so a build with another Typst or another checkout never talks to a server
that would compile differently. When no server can be reached, the build compiles in its own
process and says so (``compile`` returns ``None``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import typst

#: How long a build waits for a server it started to answer before compiling on its own.
START_TIMEOUT = 10.0


def address(root: Path) -> Path:
    """The socket of the server for this output folder, this Typst and this file."""
    digest = hashlib.sha256()
    for part in (str(root.resolve()), typst.__version__, sys.executable, Path(__file__).read_bytes()):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    # a Unix socket's path is short (108 bytes): the temporary folder, never the output folder
    return Path(tempfile.gettempdir()) / f"courseware-typst-{os.getuid()}-{digest.hexdigest()[:16]}.sock"


# -- the build's side ------------------------------------------------------------------------------

def compile(request: dict, root: Path, idle: int) -> dict | None:  # noqa: A001 (the module's one verb)
    """Have the server compile ``request``; start it if none answers. ``None``: no server could be reached."""
    path = address(root)
    reply = _ask(path, request)
    start = time.monotonic()
    started = None
    while reply is None and time.monotonic() - start < START_TIMEOUT:
        if started is None or time.monotonic() - started > 2:  # again, if it lost a race with one stopping
            _start(path, idle)
            started = time.monotonic()
        time.sleep(0.05)
        reply = _ask(path, request)
    return reply


def _ask(path: Path, request: dict) -> dict | None:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(str(path))
            connection.sendall(json.dumps(request).encode() + b"\n")
            with connection.makefile("rb") as answer:
                line = answer.readline()
    except OSError:  # no server, a stale socket, a server that stopped while answering
        return None
    return json.loads(line) if line else None


def _start(path: Path, idle: int) -> None:
    """The server, in a session of its own, with nothing of the build's (no terminal, no pipes)."""
    subprocess.Popen(
        [sys.executable, "-m", __name__, str(path), str(idle)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True,
    )


def running(root: Path) -> bool:
    """Whether a server answers for this output folder."""
    return _ask(address(root), {"ping": True}) is not None


def stop(root: Path) -> bool:
    """Stop the server of this output folder, if one runs; whether one did."""
    return _ask(address(root), {"stop": True}) is not None


# -- the server's side -----------------------------------------------------------------------------

def compile_here(request: dict) -> dict:
    """One compile in this process: Typst's warnings, or its error (with the file, line and column)."""
    try:
        _, warnings = typst.compile_with_warnings(
            request["input"],
            output=request["output"],
            root=request["root"],
            font_paths=request["font_paths"],
            ignore_system_fonts=True,
            pdf_standards=request["pdf_standards"],
            timestamp=request["timestamp"],
        )
    except typst.TypstError as error:
        return {"error": str(getattr(error, "diagnostic", "") or error)}
    return {"warnings": [str(getattr(w, "message", w)) for w in warnings]}


class _Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, idle: int) -> None:
        self.idle = idle
        self.last = time.monotonic()
        self.busy = 0
        self.lock = threading.Lock()
        super().__init__(str(path), _Handler)


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        request = json.loads(self.rfile.readline() or b"{}")
        if "input" not in request:  # {"ping": true}: whether a server answers; {"stop": true}: stop it
            self.wfile.write(b"{}\n")
            if request.get("stop"):
                threading.Thread(target=self.server.shutdown).start()
            return
        with self.server.lock:
            self.server.busy += 1
        try:
            reply = compile_here(request)
        finally:
            with self.server.lock:
                self.server.busy -= 1
                self.server.last = time.monotonic()
        self.wfile.write(json.dumps(reply).encode() + b"\n")


def serve(path: Path, idle: int) -> None:
    """Answer on ``path`` until ``idle`` seconds pass without a request, or the socket is taken away."""
    lock_file = path.with_suffix(".lock")
    with open(lock_file, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # another server for this folder started first and answers on the socket
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a server that did not stop cleanly
        server = _Server(path, idle)
        identity = path.stat().st_ino

        def watch() -> None:
            while True:
                time.sleep(min(1.0, idle / 4))
                with server.lock:
                    quiet = server.busy == 0 and time.monotonic() - server.last > idle
                try:
                    gone = path.stat().st_ino != identity
                except FileNotFoundError:
                    gone = True
                if quiet or gone:
                    server.shutdown()
                    return

        threading.Thread(target=watch, daemon=True).start()
        try:
            server.serve_forever(poll_interval=0.2)
        finally:
            server.server_close()
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_ino == identity:
                    path.unlink()
            lock_file.unlink(missing_ok=True)  # a server that opened it first fails to lock it; a build starts another


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]))
