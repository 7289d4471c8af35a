# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Third-party checkers run on the built course, offline: axe-core, LinkChecker, the Nu HTML Checker.

- axe-core (``axe-playwright-python``) runs in Debian's Chromium on every
  page of the HTML course, in the light and the dark theme, and on every
  slide of every deck (each slide shown in turn, every fragment visible,
  transitions off), while every response the browser gets is recorded.
- LinkChecker crawls the served build from the HTML course's and the decks'
  index pages, internal links only, anchors checked.
- The Nu HTML Checker (``vnu.jar`` from the npm package ``vnu-jar``, run
  with Java) reads every HTML file of the HTML course and the decks.

Each is found on the machine or, as Chromium is, skipped with the command
that installs it, and failed instead of skipped under CI (``.ci/run``
installs them all).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SERIOUS = ("serious", "critical")


def require(found: bool, what: str, install: str) -> None:
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run {what}: {install} (see .ci/run)")
        pytest.skip(f"{what} is not installed here: {install}")


# -- every href and src in the built files --------------------------------------------------


LOCAL_SCHEMES = ("http://127.0.0.1",)


def html_files(folder: Path) -> list[Path]:
    """The pages a reader opens: every HTML file but the copied sources."""
    return sorted(p for p in folder.rglob("*.html") if "_sources" not in p.parts)


def linked_urls(build: Path, base: str, folders=("html", "slides")) -> dict[str, set[str]]:
    """Every local URL an ``href`` or ``src`` of the built HTML files names -> the pages naming it."""
    from bs4 import BeautifulSoup

    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in html_files(build / folder):
            page = f"{base}/{path.relative_to(build).as_posix()}"
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            for tag in soup.find_all(True):
                for attr in ("href", "src"):
                    value = tag.get(attr)
                    if not value or value.startswith(("#", "mailto:", "data:", "javascript:", "blob:")):
                        continue
                    url = urljoin(page, value)
                    if not url.startswith(LOCAL_SCHEMES):
                        continue  # an external link: not fetched, the checks run offline
                    parts = urlsplit(url)
                    found.setdefault(urlunsplit((*parts[:3], "", "")), set()).add(page)
    return found


def status_of(url: str) -> int:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# -- axe-core in Chromium --------------------------------------------------------------------


@dataclass
class Finding:
    page: str
    rule: str
    impact: str
    target: str
    html: str
    summary: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {self.target}: {self.html[:160]}"


@dataclass
class Visits:
    """What the browser met on every page and slide it was shown."""

    axe: list[Finding] = field(default_factory=list)  #: serious and critical axe violations
    moderate: list[Finding] = field(default_factory=list)  #: the others, for the report
    responses: list[tuple[int, str, str]] = field(default_factory=list)  #: (status, url, page) of non-200s
    failed: list[tuple[str, str, str]] = field(default_factory=list)  #: (url, error, page) of failed requests
    answered: set[str] = field(default_factory=set)  #: every URL answered 200 at least once
    requests: list[str] = field(default_factory=list)  #: every URL asked for
    pages: int = 0
    slides: int = 0


def _record(visits: Visits, page: str, response: dict, theme: str = "") -> None:
    for violation in response["violations"]:
        for node in violation["nodes"]:
            finding = Finding(page + (f" [{theme}]" if theme else ""), violation["id"], violation["impact"] or "",
                              " ".join(map(str, node.get("target", []))), node.get("html", ""),
                              node.get("failureSummary", ""))
            (visits.axe if finding.impact in SERIOUS else visits.moderate).append(finding)


#: No preload: axe fetches a page's stylesheets again to read them, and resolves an @import
#: against the page instead of the stylesheet (a request for a file that is not there).
AXE_RUN = "axe.run(document, {resultTypes: ['violations'], preload: false})"
#: The slide on screen, with what is drawn behind it (axe reads colours from the rendered page).
AXE_SLIDE = "axe.run(Reveal.getCurrentSlide(), {resultTypes: ['violations'], preload: false})"
#: After the next frame is drawn: the slide just shown is laid out.
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
AXE_CONTRAST = "axe.run(document, {resultTypes: ['violations'], preload: false, runOnly: ['color-contrast']})"


def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def visit(base: str, build: Path, folder: str, deck: bool, dark: bool = False) -> Visits:
    """Open every page of ``folder`` in Chromium (network blocked) and run axe on it.

    A deck is shown slide by slide: axe runs on each slide as the audience
    sees it, with every fragment visible (on the whole page for the first,
    which checks what belongs to the page: its title, language, landmarks;
    on the slide for the others). With ``dark``, the HTML course is
    also shown in furo's dark theme and checked for contrast.
    """
    from .browser import browser_page

    visits = Visits()
    script = axe_script()
    with browser_page() as page:
        current = {"page": ""}
        page.on("response", lambda r: visits.answered.add(r.url) if r.status == 200
                else visits.responses.append((r.status, r.url, current["page"])))
        page.on("requestfailed", lambda r: visits.failed.append((r.url, r.failure or "", current["page"])))
        for path in html_files(build / folder):
            name = path.relative_to(build).as_posix()
            if "/_static/" in f"/{name}":
                continue  # reveal.js's speaker view opens from a deck, with the deck's data
            current["page"] = name
            page.goto(f"{base}/{name}")
            page.wait_for_load_state("load")
            visits.pages += 1
            if deck:
                page.wait_for_function("window.Reveal && Reveal.isReady()")
                page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
                page.evaluate(script)
                count = page.evaluate("Reveal.getSlides().length")
                for index in range(count):
                    where = page.evaluate(
                        """i => { const s = Reveal.getSlides()[i]; const at = Reveal.getIndices(s);
                        Reveal.slide(at.h, at.v, s.querySelectorAll('.fragment').length - 1);
                        return at.h + '/' + (at.v || 0); }""", index)
                    page.evaluate(NEXT_FRAME)
                    # the whole deck's page once (its title, language, landmarks), then each slide as shown
                    _record(visits, f"{name}#/{where}", page.evaluate(AXE_RUN if index == 0 else AXE_SLIDE))
                    visits.slides += 1
            else:
                page.evaluate(script)
                _record(visits, name, page.evaluate(AXE_RUN))
                if dark:
                    page.emulate_media(color_scheme="dark")
                    _record(visits, name, page.evaluate(AXE_CONTRAST), "dark")
                    page.emulate_media(color_scheme="light")
        visits.requests = list(page.requests)
    return visits


# -- LinkChecker -------------------------------------------------------------------------------


#: What LinkChecker loads from its plugin folder (``$XDG_DATA_HOME/linkchecker/plugins``): its anchor check,
#: reading each page's anchors once (``linkchecker/pageanchors.py``).
PLUGINS = Path(__file__).resolve().parent / "linkchecker"
#: One thread: LinkChecker's checks are Python work that threads only share out under one lock (four took
#: 107 CPU-seconds where one took 66).
LINKCHECKER_CONFIG = """\
[checking]
threads=1
maxrequestspersecond=1000
[filtering]
checkextern=0
internlinks=^http://127\\.0\\.0\\.1:[0-9]+/
[AnchorCheck]
[output]
status=0
"""


@dataclass
class LinkProblem:
    url: str
    parent: str
    result: str
    warning: str
    name: str

    def __str__(self) -> str:
        return f"{self.parent}: {self.name!r} -> {self.url}: {self.warning or self.result}"


def linkchecker(base: str, starts: list[str]) -> tuple[list[dict], list[LinkProblem]]:
    """Crawl from ``starts`` (paths under ``base``); return every URL checked and the problems.

    A problem is a URL that is not valid, or one with a warning (LinkChecker
    reports a missing anchor as a warning of a valid URL).
    """
    executable = BIN / "linkchecker"
    require(executable.exists(), "LinkChecker", "pip install -r requirements.txt")
    # LinkChecker run as root drops its privileges to 'nobody': its configuration must be world-readable.
    folder = Path(tempfile.mkdtemp(prefix="linkchecker-"))
    try:
        folder.chmod(0o755)
        config = folder / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
        config.chmod(0o644)
        plugins = folder / "linkchecker" / "plugins"  # its plugin folder under $XDG_DATA_HOME
        shutil.copytree(PLUGINS, plugins, ignore=shutil.ignore_patterns("__pycache__"))
        for path in (folder / "linkchecker", plugins, *plugins.iterdir()):
            path.chmod(0o755 if path.is_dir() else 0o644)
        result = subprocess.run(
            [str(executable), "-f", str(config), "--no-robots", "--verbose", "-o", "csv",
             # an anchor's page is checked (and its anchor looked for), not crawled once more per anchor
             "--no-follow-url", r"^http://127\.0\.0\.1:[0-9]+/.*#",
             *(f"{base}/{start}" for start in starts)],
            capture_output=True, text=True, timeout=900, env={**os.environ, "XDG_DATA_HOME": str(folder)},
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("# ")]
    if not lines or result.returncode not in (0, 1):
        raise AssertionError(f"LinkChecker failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    rows = list(csv.DictReader(lines, delimiter=";"))
    problems = [LinkProblem(r["url"], r["parentname"], r["result"], r["warningstring"], r["name"])
                for r in rows if r["valid"] != "True" or r["warningstring"]]
    return rows, problems


# -- the Nu HTML Checker --------------------------------------------------------------------------


@dataclass(frozen=True)
class NuMessage:
    file: str  #: relative to the build folder
    message: str
    line: int
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.extract.strip()[:100]}]"


def nu_check(build: Path, folders: list[str]) -> list[NuMessage]:
    """Errors the Nu HTML Checker reports in every HTML file of ``folders`` (under ``build``)."""
    java = shutil.which("java")
    require(java is not None, "Java (for the Nu HTML Checker)", "apt-get install default-jre-headless")
    require(VNU_JAR.exists(), "The Nu HTML Checker", "npm ci --ignore-scripts (package.json)")
    files = [str(p) for folder in folders for p in html_files(build / folder)]
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
                            capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"the Nu checker wrote no report (exit {result.returncode}):\n{result.stderr[-3000:]}") \
            from error
    found = []
    for message in report["messages"]:
        path = Path(urlsplit(message.get("url", "")).path).resolve()
        file = path.relative_to(build.resolve()).as_posix() if path.is_relative_to(build.resolve()) else str(path)
        found.append(NuMessage(file, message["message"], message.get("lastLine", 0), message.get("extract", "")))
    return found
