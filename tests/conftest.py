# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Two kinds of tests, two kinds of fixtures.

- The extension is tested on tiny projects under ``tests/roots/`` with
  Sphinx's own testing fixtures (``app``, ``make_app``), in process, one
  builder at a time (``@pytest.mark.sphinx("html", testroot="vocabulary")``).
- The course is built once per session from a copy of the whole repository
  (tracked and untracked files, as a fresh clone would have them), the way
  the Makefile builds it, and its tests read lessons, modules and PDFs from
  the course's own configuration and environment.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ROOTS = Path(__file__).resolve().parent / "roots"
#: output folder -> (builder, extra options, environment folder under _build/doctrees), in the Makefile's order
BUILDS = {
    "html": ("html", ["-j", "auto"], "course"),
    "slides": ("revealjs", [], "course"),
    "handouts": ("handouts", ["-j", "auto"], "course"),
    "lms": ("lms", [], "course"),
}


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def repository_files() -> list[str]:
    """The files a fresh clone holds: tracked, and new files not ignored."""
    return subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()


def copy_repository(target: Path) -> Path:
    for name in repository_files():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def sphinx_build(root: Path, output: str, *extra: str) -> subprocess.Popen:
    builder, options, doctrees = BUILDS[output]
    command = [
        str(BIN / "sphinx-build"), "-b", builder, *options, "-W", "--keep-going", "-n", "-q",
        "-c", ".", "-d", f"_build/doctrees/{doctrees}", "source", f"_build/{output}", *extra,
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def build_all(root: Path, outputs: tuple[str, ...] = ("slides", "handouts", "lms")) -> list[str]:
    """Build the outputs as ``make`` does: one HTML build, which reads every page into the environment they
    share and starts ``outputs`` beside it (``courseware/alongside.py``); what failed, with its log."""
    beside = ",".join(f"{BUILDS[output][0]}:_build/{output}" for output in outputs)
    build = sphinx_build(root, "html", "-D", f"courseware_also_build={beside}")
    log, _ = build.communicate()
    return [f"--- html, {', '.join(outputs)} (exit {build.returncode}) ---\n{log}"] if build.returncode else []


def build_once(srcdir: Path, builder: str = "html", tags=(), **options):
    """A test project built in process once (``options``: SphinxTestApp's, ``confoverrides`` among them); the
    finished app, for its warnings and its output folder."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, tags=tags, **options)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_each(srcdir: Path, builders: tuple[tuple[str, tuple[str, ...]], ...], strict: bool = True,
               **options) -> dict[str, Path]:
    """A test project built in process with each of ``builders`` (name, tags) in turn; each output folder.
    ``strict``: warnings are errors, and a build that warns fails the test."""
    outputs = {}
    for builder, tags in builders:
        app = build_once(srcdir, builder, tags, warningiserror=strict, **options)
        if strict:
            assert app.warning.getvalue() == "", f"{builder}: {app.warning.getvalue()}"
        outputs[builder] = Path(app.outdir)
    return outputs


@dataclass
class Course:
    """A built copy of the course."""

    root: Path

    def out(self, output: str) -> Path:
        return self.root / "_build" / output

    def page(self, output: str, docname: str) -> BeautifulSoup:
        return BeautifulSoup((self.out(output) / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")

    def doctree(self, docname: str):
        with open(self.out("doctrees") / BUILDS["html"][2] / f"{docname}.doctree", "rb") as f:
            return pickle.load(f)

    @cached_property
    def env(self):
        with open(self.out("doctrees") / BUILDS["html"][2] / "environment.pickle", "rb") as f:
            return pickle.load(f)

    @cached_property
    def settings(self):
        """The course's checked settings (``courseware.config.Settings``), read from its conf.py."""
        from courseware.config import read_settings

        return read_settings(self.root)

    @property
    def records(self) -> dict:
        return self.env.domaindata["course"]["lessons"]

    def lessons(self) -> list[str]:
        """Docnames of every lesson, in toctree order."""
        return [row.docname for row in self.rows()]

    def rows(self):
        from courseware.structure import lessons_below

        return lessons_below(self.env, self.env.config.root_doc)

    def modules(self) -> list[str]:
        from courseware.structure import modules

        return modules(self.env)

    def pdfs(self, edition: str | None = None, layout: str = "text") -> list[Path]:
        return [self.out("handouts") / d.filename for d in self.settings.handouts
                if (edition is None or d.edition == edition) and d.layout == layout]


def once(tmp_path_factory, name: str, make: Callable[[Path], str]) -> Path:
    """A folder made once a test session, by whichever process asks first; ``make`` fills it and returns
    what failed ("" when nothing did).

    Under pytest-xdist (``make test`` runs a worker a core) the workers share one base folder, and
    a file lock makes the others wait for the first; a failure is reported by every test that needs it.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, above each worker's own
    folder, done = base / name, base / f"{name}.done"
    with FileLock(base / f"{name}.lock"):
        if not done.exists():
            folder.mkdir(exist_ok=True)
            done.write_text(make(folder), encoding="utf-8")
    failure = done.read_text(encoding="utf-8")
    if failure:
        pytest.fail(failure, pytrace=False)
    return folder


@pytest.fixture(scope="session", autouse=True)
def shared_reading(tmp_path_factory) -> None:
    """The printed pages, read once a session for all workers (``test_print.READ_CACHE``)."""
    from . import test_print

    base = tmp_path_factory.getbasetemp()
    test_print.READ_CACHE = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "printed"


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Course:
    def make(root: Path) -> str:
        failures = build_all(copy_repository(root))
        return "building the course failed:\n" + "\n".join(failures) if failures else ""

    return Course(once(tmp_path_factory, "course", make))


@pytest.fixture(scope="session")
def published(course, tmp_path_factory) -> Course:
    """The course as ``make site`` leaves it: the lab's practice repository in ``_build/lab``,
    the published site in ``_build/site`` and the classroom kit in ``_build/kit``."""

    def make(_folder: Path) -> str:
        from coursetools.site import publish

        lab = course.out("lab")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
        result = subprocess.run([sys.executable, "-m", "coursetools.lab", "--zip", str(lab / "waybill-practice.zip"),
                                 str(lab / "waybill-practice")], cwd=course.root, env=env, capture_output=True,
                                text=True)
        if result.returncode:
            return f"making the lab's repository failed:\n{result.stdout}{result.stderr}"
        publish(course.out(""), course.out("site"), course.out("kit") / "outbound-oss-course.zip")
        return ""

    once(tmp_path_factory, "published", make)
    return course


def pytest_collection_modifyitems(items) -> None:
    """Tiers: a test that builds the whole course (or a rebranded copy of it) is marked ``course``, one that
    runs the lab's audit tools on its practice repositories ``lab``; ``make check`` runs the rest: the
    extension on its tiny projects, unit tests and lint."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if {"course", "published", "branded"} & fixtures:
            item.add_marker(pytest.mark.course)
        if {"practice", "fixed"} & fixtures:  # the lab's audit tools (ScanCode and others) on its repositories
            item.add_marker(pytest.mark.lab)
        if item.module.__name__.endswith("test_gate"):
            item.add_marker(pytest.mark.gate)
