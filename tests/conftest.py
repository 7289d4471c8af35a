# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Build each output of the course once per test session, then inspect it.

The builds run on a copy of the tree (so tests never touch ``_build/``),
with the Makefile's options (warnings are errors), the three builders side
by side.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TREE = ("conf.py", "source", "slides", "handouts", "courseware")
BUILDERS = {"html": "html", "slides": "revealjs", "handouts": "handouts"}


@dataclass
class Course:
    """A built copy of the course."""

    root: Path

    def out(self, output: str) -> Path:
        return self.root / "_build" / output

    def page(self, output: str, docname: str) -> BeautifulSoup:
        return BeautifulSoup((self.out(output) / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")

    def doctree(self, docname: str):
        with open(self.out("doctrees") / "html" / f"{docname}.doctree", "rb") as f:
            return pickle.load(f)

    def env(self):
        with open(self.out("doctrees") / "html" / "environment.pickle", "rb") as f:
            return pickle.load(f)

    def lessons(self) -> list[str]:
        """Docnames of every lesson, in toctree order."""
        from courseware.agenda import lessons_below

        return [row.docname for row in lessons_below(self.env(), "index")]


def sphinx_build(root: Path, builder: str, output: str, *extra: str) -> subprocess.Popen:
    command = [
        str(BIN / "sphinx-build"), "-b", builder, "-W", "--keep-going", "-n", "-q",
        "-c", ".", "-d", f"_build/doctrees/{output}", "source", f"_build/{output}", *extra,
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def copy_tree(target: Path) -> Path:
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Course:
    root = copy_tree(tmp_path_factory.mktemp("course"))
    builds = {output: sphinx_build(root, builder, output) for output, builder in BUILDERS.items()}
    failures = []
    for output, process in builds.items():
        log, _ = process.communicate()
        if process.returncode:
            failures.append(f"--- {output} (exit {process.returncode}) ---\n{log}")
    if failures:
        pytest.fail("building the course failed:\n" + "\n".join(failures), pytrace=False)
    return Course(root)
