# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The other outputs, built beside the HTML course as soon as its pages are read.

``make`` builds every output in one command: the HTML build, given ``courseware_also_build``
(``builder:folder`` pairs), starts a ``sphinx-build`` for each of the others once the pages are
read and the environment saved (Sphinx's ``write-started``). The decks and the PDFs are then
made while the HTML pages are written, on the cores the HTML build leaves idle, and read no page
again. An output made from the HTML course itself (``AFTER_HTML``: the LMS builder packs it as
SCORM) starts once the HTML is written.

Each output is a build of its own (one builder a run, as Sphinx has it), run as the HTML build
was: the same folders, parallel jobs, ``-D`` settings, tags and warning options. The HTML build
waits for them before it ends, prints what each printed (one after the other, never mixed), and
fails when one failed; when the HTML build fails, the others are stopped.

Each is a process forked from one that has loaded Sphinx and the course's extensions once
(multiprocessing's forkserver): a process started afresh spends about a second of a
core loading them, three times in a ``make``. That one starts loading as the HTML build starts,
so that it is ready when the pages are read (``load``). Each build runs as ``python -m courseware``
(``__main__.py``) would, as ``make`` runs every build.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from multiprocessing import forkserver
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import builtin_extensions
from sphinx.errors import SphinxError
from sphinx.util import logging

from .config import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)

#: Builders that read the HTML course's output, so start once it is written.
AFTER_HTML = {"lms"}
#: The setting itself is not passed on: an output started here starts no other.
SETTING = "courseware_also_build"
#: Where Sphinx says it saved a failed build's traceback (its file's name, in any language).
SAVED = re.compile(r"sphinx-err-\S+\.log$")
#: A warning or error as Sphinx prints it.
WARNED = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b")
#: A terminal's colours, which Sphinx prints where it thinks they are seen (``CI=true``, ``FORCE_COLOR``).
COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def _log() -> str:
    descriptor, path = tempfile.mkstemp(prefix="courseware-beside-", suffix=".log")
    os.close(descriptor)
    return path


@dataclass
class _Build:
    builder: str
    folder: str
    log: str = ""  #: the file the build prints to, made as it starts
    process: multiprocessing.process.BaseProcess | None = None


def command(app: Sphinx, builder: str, folder: str) -> list[str]:
    """``sphinx-build``'s arguments for ``builder`` into ``folder``, with the options this build was given."""
    args = ["-b", builder]
    if app.parallel > 1:
        args += ["-j", str(app.parallel)]
    if app._fail_on_warnings:
        args += ["-W", "--keep-going"]
    if app._exception_on_warning:
        args.append("--exception-on-warning")
    if app.quiet:
        args.append("-q")
    args += ["-v"] * app.verbosity
    own = {app.builder.format, app.builder.name, f"format_{app.builder.format}", f"builder_{app.builder.name}"}
    for tag in sorted(set(app.tags) - own):
        args += ["-t", tag]
    for name, value in app.config._overrides.items():
        if name != SETTING:
            args += ["-D", f"{name}={int(value) if isinstance(value, bool) else value}"]
    return [*args, "-c", str(app.confdir), "-d", str(app.doctreedir), str(app.srcdir), folder]


def why(printed: str) -> str:
    """The line that says why a build failed, for the HTML build's own error: the end of a long log (a
    terminal's last screen, what CI keeps) then names the cause. After an exception, the last line of
    Sphinx's account of it, just before it says where the traceback was saved; else the first warning."""
    lines = [line.strip() for line in COLOURS.sub("", printed).splitlines()]
    saved = next((i for i, line in enumerate(lines) if SAVED.search(line)), None)
    if saved is not None:
        told = [line for line in lines[:saved - 1] if line]
        return told[-1] if told else ""
    return next((line for line in lines if WARNED.search(line)), "")


def _builds(app: Sphinx) -> list[_Build]:
    if not hasattr(app, "_courseware_alongside"):
        app._courseware_alongside = [_Build(*entry.split(":")) for entry in settings(app.config).also_build]
    return app._courseware_alongside


def load(app: Sphinx) -> None:
    """The HTML build starts: with builds to start beside it, the process they are forked from starts
    loading what every build loads (Sphinx's own extensions, the course's) while the pages are read."""
    if _builds(app):
        forkserver.set_forkserver_preload(["courseware.alongside", *builtin_extensions, *app.config.extensions])
        forkserver.ensure_running()


def _start(app: Sphinx, build: _Build) -> None:
    logger.info(f"starting the {build.builder} build beside this one ({build.folder})")
    build.log = _log()
    build.process = multiprocessing.get_context("forkserver").Process(
        target=build_beside, args=(command(app, build.builder, build.folder), build.log),
        name=f"{build.builder} beside")
    build.process.start()


def build_beside(args: list[str], log: str) -> None:
    """In the forked process: the build, printing to ``log``, as ``python -m courseware`` would run it."""
    from .__main__ import build

    sys.stdout.flush()
    sys.stderr.flush()
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    sys.exit(build(args))


def start_read_outputs(app: Sphinx, _builder: Builder) -> None:
    """The pages are read and saved: the outputs that need no more start."""
    for build in _builds(app):
        if build.builder not in AFTER_HTML and build.process is None:
            _start(app, build)


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Start what needed the HTML, wait for every output, pass on what each printed; stop them on a failure."""
    builds = _builds(app)
    if exception is not None:
        for build in builds:
            if build.process is not None:
                build.process.kill()
                build.process.join()
            if build.log:
                Path(build.log).unlink(missing_ok=True)  # also here when this function failed them
        return
    for build in builds:
        if build.process is None:
            _start(app, build)
    failed = []
    for build in builds:
        build.process.join()
        code = build.process.exitcode
        with open(build.log, "rb") as log:
            printed = log.read().decode("utf-8", "replace")
        os.unlink(build.log)
        if printed:
            sys.stdout.flush()  # after what this build printed so far
            sys.stderr.write(printed)
            sys.stderr.flush()
        if code:
            reason = why(printed)
            failed.append(f"{build.builder} ({build.folder}, exit status {code}{': ' + reason if reason else ''})")
    if failed:
        raise SphinxError(f"the builds beside the HTML build failed: {', '.join(failed)}; what they printed is above")


def setup_alongside(app: Sphinx) -> None:
    app.connect("builder-inited", load)
    app.connect("write-started", start_read_outputs)
    app.connect("build-finished", finish)

