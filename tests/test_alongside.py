# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""make's one run: the HTML build starts the other outputs once the pages are read (courseware/alongside.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.errors import ConfigError, SphinxError

from courseware.alongside import command

from .conftest import ROOTS, build_once


def html_build(root: Path, beside: str, *extra: str, colour: bool = False) -> subprocess.CompletedProcess:
    """The HTML build of ``root`` as make runs it (``python -m courseware``), with ``beside`` as
    ``courseware_also_build``; ``colour``: Sphinx colours what it prints, as it does in CI."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"CI", "FORCE_COLOR", "FORCE_COLOUR", "NO_COLOR", "NO_COLOUR"}}
    return subprocess.run(
        [sys.executable, "-m", "courseware", "-b", "html", "-j", "2", "-W", "--keep-going", "-N",
         *extra, "-D", f"courseware_also_build={beside}", "-d", "_build/doctrees", ".", "_build/html"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**environment, "FORCE_COLOR": "1"} if colour else environment,
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(ROOTS / "test-alongside", tmp_path / "root")
    return tmp_path / "root"


def test_the_outputs_beside_the_html_read_nothing_again(root: Path) -> None:
    done = html_build(root, "revealjs:_build/slides,handouts:_build/handouts")
    log = done.stdout
    assert done.returncode == 0, log
    assert (root / "_build/html/index.html").is_file()
    assert (root / "_build/slides/.buildinfo").is_file()
    assert (root / "_build/handouts/beside.pdf").read_bytes().startswith(b"%PDF")
    # each build beside says what it did (the HTML build was not quiet); none read a page
    assert log.count("building [revealjs]") == 1 and log.count("building [handouts]") == 1, log
    assert log.count("updating environment: [new config] 1 added") == 1, log  # the HTML build's reading
    assert log.count("0 added, 0 changed, 0 removed") == 2, log
    # they started while the HTML build was writing, and it ended after them
    assert log.index("starting the handouts build beside this one") < log.index("preparing documents")
    assert log.index("The PDF handouts are in") < log.index("The HTML pages are in _build/html")


def test_the_outputs_beside_start_with_sphinx_and_the_extensions_loaded(root: Path) -> None:
    """Each build beside is forked from a process that loaded them once, not started afresh: when its conf.py
    runs, an extension the conf.py does not import is already there. The HTML build, started afresh, loads it."""
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n\nimport sys\nwith open('started', 'a') as started:\n"
                   "    started.write('loaded\\n' if 'sphinx_revealjs' in sys.modules else 'afresh\\n')\n")
    done = html_build(root, "revealjs:_build/slides,handouts:_build/handouts", "-q")
    assert done.returncode == 0, done.stdout
    assert sorted((root / "started").read_text().split()) == ["afresh", "loaded", "loaded"]


#: conf.py of a project whose HTML build notes, as it starts reading, the command lines of its child processes.
NOTE_THE_CHILDREN = """

def setup(app):
    import os
    from pathlib import Path

    def children(app, env, docnames):
        if app.builder.name != "html":
            return
        found = []
        for task in Path("/proc/self/task").iterdir():
            for pid in (task / "children").read_text().split():
                found.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\\0", b" ").decode())
        Path(app.confdir, "children").write_text("\\n".join(found))

    app.connect("env-before-read-docs", children)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc (Linux)")
def test_the_process_the_outputs_fork_from_loads_while_the_pages_are_read(root: Path) -> None:
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(NOTE_THE_CHILDREN)
    done = html_build(root, "revealjs:_build/slides", "-q")
    assert done.returncode == 0, done.stdout
    assert "forkserver" in (root / "children").read_text()


def test_an_output_that_fails_beside_fails_the_build(root: Path) -> None:
    done = html_build(root, "revealjs:_build/slides,nosuchbuilder:_build/nothing", "-q")
    log = done.stdout
    assert done.returncode != 0
    assert "nosuchbuilder (_build/nothing, exit status 2: " in log
    # the error itself says why, for a terminal's last screen: Sphinx's own words for the failure
    error = log.split("the builds beside the HTML build failed: ")[-1].splitlines()[0]
    assert "nosuchbuilder" in error.split("exit status 2: ")[1], error
    assert "nosuchbuilder" in log.split("the builds beside the HTML build failed")[0]  # its own message first
    assert (root / "_build/slides/.buildinfo").is_file()  # the other one ran to its end


def test_an_output_that_warns_beside_names_its_warning(root: Path) -> None:
    with (root / "conf.py").open("a", encoding="utf-8") as conf:  # only the decks warn
        conf.write("\n\ndef setup(app):\n    from sphinx.util import logging\n"
                   "    app.connect('builder-inited', lambda app: app.builder.name == 'revealjs' and "
                   "logging.getLogger('conf').warning('the decks warn'))\n")
    done = html_build(root, "revealjs:_build/slides", "-q", colour=True)
    assert done.returncode != 0 and "\x1b[" in done.stdout  # the decks' warning as a terminal shows it
    assert "revealjs (_build/slides, exit status 1: WARNING: the decks warn)" in done.stdout, done.stdout


def test_a_failing_html_build_stops_the_outputs_beside_it(root: Path) -> None:
    with (root / "conf.py").open("a", encoding="utf-8") as conf:  # the HTML build fails while writing its page
        conf.write("\n\ndef setup(app):\n    app.connect('html-page-context', lambda *args: 1 / 0)\n")
    done = html_build(root, "handouts:_build/handouts", "-q")
    assert done.returncode != 0 and "division by zero" in done.stdout, done.stdout
    assert not (root / "_build/handouts/beside.pdf").exists()


def test_each_output_is_built_with_the_html_builds_options(root: Path, monkeypatch) -> None:
    import tempfile

    from sphinx.testing.util import SphinxTestApp

    made = []  # the files made for what the builds beside print
    make = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *args, **kwargs: made.append(kwargs) or make(*args, **kwargs))

    app = SphinxTestApp("html", srcdir=root, tags=["print"], parallel=2, warningiserror=True,
                        confoverrides={"nitpicky": True, "courseware_paper": "letter",
                                       "courseware_also_build": "revealjs:elsewhere"})
    try:  # the app as the HTML build has it, not built: a build would start the decks
        args = command(app, "revealjs", "elsewhere")
    finally:
        app.cleanup()
    assert not made  # nothing built, no log left behind
    assert args[:2] == ["-b", "revealjs"]
    assert args[-6:] == ["-c", str(app.confdir), "-d", str(app.doctreedir), str(app.srcdir), "elsewhere"]
    text = " ".join(args)
    assert "-j 2" in text and "-W --keep-going" in text and "-t print" in text
    assert "-D nitpicky=1" in text and "-D courseware_paper=letter" in text
    assert "courseware_also_build" not in text  # a build beside starts no other
    assert "-t html" not in text and "-t builder_html" not in text  # the HTML builder's own tags stay its own


@pytest.mark.parametrize("value", ["revealjs", "revealjs:", ":_build/slides", "a:b:c"])
def test_an_output_not_named_builder_and_folder_is_refused(root: Path, value: str) -> None:
    with pytest.raises((ConfigError, SphinxError), match="'builder:folder'"):
        build_once(root, "html", confoverrides={"courseware_also_build": value})
