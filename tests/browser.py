# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A real headless Chromium for the tests, and a local server for it to read.

Debian's ``chromium`` driven by Playwright (``executable_path``): Playwright's
own browser download does not work offline. Every request the page makes is
recorded, so a test can prove that nothing left the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must test in a real browser: install Debian's chromium (see .ci/run)")
        pytest.skip("no chromium on this machine: apt-get install chromium to run the browser tests")
    return path


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker waits 0.1 to 0.6 s between two requests to one host unless the
        # host answers with this header; then it keeps to the configured rate.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that stops reading a large file half way is not an error of the course


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL (no trailing slash).

    The browser tests and the third-party checkers (``checkers.py``) read the build through it.
    """
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser_page(block_network: bool = True):
    """A Playwright page in Debian's Chromium; ``page.requests`` lists every URL asked for."""
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            if block_network:
                def route(route):
                    url = route.request.url
                    local = url.startswith(("http://127.0.0.1", "file://", "data:", "blob:"))
                    return route.continue_() if local else route.abort()
                context.route("**/*", route)
            page.requests = requests
            yield page
        finally:
            browser.close()


def remote(requests: list[str]) -> list[str]:
    return [u for u in requests if not u.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:"))]
