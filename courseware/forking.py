# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What a build holds when it forks: left alone by Python's garbage collector in the forked processes.

Sphinx writes pages in forked processes (``-j``), and the handouts builder makes each PDF in one.
A forked process shares its parent's memory until it writes to it, and a full collection writes to
every object it examines: in each forked process it walked the environment and every page the
parent had loaded, copying their memory as it went; in a PDF of slides that took longer than
assembling the PDF's pages. ``gc.freeze`` before forking moves what the parent holds out of the
collector's sight, as Python's documentation of ``gc.freeze`` advises for a process that forks.

What is frozen is only left alone: an object nothing refers to is still freed at once, and the
build's end puts everything back in the collector's sight, so that a process that runs many builds
(the tests) still frees the pages each one left (a page's nodes refer to each other, which only the
collector undoes).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def before_forking(*_args) -> None:
    """Everything alive now is shared with the processes forked from here and not examined in them."""
    gc.freeze()


def build_finished(_app: Sphinx, _exception: Exception | None) -> None:
    gc.unfreeze()


def setup_forking(app: Sphinx) -> None:
    app.connect("write-started", before_forking)  # Sphinx forks its writers after it
    app.connect("build-finished", build_finished, priority=100)  # before a listener that may raise
