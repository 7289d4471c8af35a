# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What a build holds when it forks is out of the garbage collector's sight (courseware/forking.py)."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from courseware.handouts import builder

from .conftest import ROOTS


def test_what_a_build_holds_is_frozen_before_each_fork_and_thawed_at_its_end(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOTS / "test-plain", tmp_path / "plain")
    frozen: dict[str, int] = {}

    class Recorded(builder.ParallelTasks):
        def add_task(self, task, job, *args):
            frozen[job[0].filename] = gc.get_freeze_count()
            return super().add_task(task, job, *args)

    monkeypatch.setattr(builder, "ParallelTasks", Recorded)

    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("handouts", srcdir=tmp_path / "plain", parallel=2, warningiserror=True,
                        confoverrides={"courseware_typst_server": 0})
    # after the course's own listener: what the writers forked from here on will share
    app.connect("write-started", lambda _app, _builder: frozen.setdefault("write-started", gc.get_freeze_count()),
                priority=900)
    try:
        app.build()
    finally:
        app.cleanup()
    assert set(frozen) == {"write-started", "plain.pdf", "plain-guide.pdf"}, frozen
    assert frozen["write-started"] > 0
    # the pages resolved for the PDFs, after write-started, are frozen too before the PDFs are forked
    assert frozen["plain.pdf"] > frozen["write-started"] and frozen["plain-guide.pdf"] > frozen["write-started"]
    assert gc.get_freeze_count() == 0  # the build's end put everything back in sight
    assert (app.outdir / "plain.pdf").exists()
