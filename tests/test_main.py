# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``python -m courseware``, the sphinx-build that make runs (courseware/__main__.py)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOTS


def test_a_build_that_fails_while_pages_are_written_in_parallel_ends(tmp_path: Path) -> None:
    """Sphinx writes pages in forked processes (``-j``) while its main process resolves the next ones. When the
    main process fails, a writer may still be sending its messages down a pipe nobody reads any more, and
    Python, ending, waits for that writer for ever. The build must end, and say why it failed."""
    root = shutil.copytree(ROOTS / "test-failing-write", tmp_path / "root")
    pages = [f"page{number:02}" for number in range(30)]
    for page in pages:
        (root / f"{page}.rst").write_text(f"{page}\n{'=' * len(page)}\n\nA page.\n", encoding="utf-8")
    with (root / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n.. toctree::\n\n" + "".join(f"   {page}\n" for page in pages))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "courseware", "-b", "html", "-j", "2", "-q", "-D", f"failing_page={pages[-1]}",
             "-d", "_build/doctrees", ".", "_build/html"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    except subprocess.TimeoutExpired as hung:
        raise AssertionError("the failed build did not end: it waits for a writing process") from hung
    assert done.returncode == 2, done.stdout[-2000:]
    assert f"{pages[-1]} fails" in done.stdout.split("Traceback")[-1], done.stdout[-2000:]


def test_a_build_collects_its_garbage_less_often_than_python_would(tmp_path: Path) -> None:
    """A build keeps most of what it makes to its end; Python's collector would look through its youngest
    objects every 700 new ones (courseware/__main__.py)."""
    from courseware.__main__ import YOUNG_OBJECTS

    (tmp_path / "index.rst").write_text("Index\n=====\n\nA page.\n", encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        "import gc\nfrom pathlib import Path\n\n\ndef setup(app):\n"
        "    app.connect('build-finished', lambda app, exception: Path('seen').write_text(str(gc.get_threshold())))\n",
        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "courseware", "-b", "html", "-q", "-d", "_build/doctrees", ".",
                    "_build/html"], cwd=tmp_path, check=True, timeout=60)
    young, *_older = ast.literal_eval((tmp_path / "seen").read_text())
    assert young == YOUNG_OBJECTS > 700
