# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``python -m courseware``: ``sphinx-build``, ending without freeing what it built object by object, and
ending when it failed.

``make`` runs every build this way. At exit Python walks and frees every object a build made; for the
whole course's pages that takes about a second, at the end of every build. ``gc.freeze`` moves them
out of the collector's sight, and the operating system takes the memory back when the process ends.

Where Sphinx writes pages in forked processes (``-j``) and its main process fails meanwhile, it leaves
those processes running; one may be blocked sending its messages down a pipe nobody reads any more,
and Python, ending, waits for its children: the failed build would never end (the hang CPython's own
documentation build once met, python/cpython#92532). The writers still running are stopped first.

A build makes hundreds of thousands of objects that live to its end (the environment, each page's
nodes), and Python's collector, by default, looks through the youngest every 700 new objects and
through everything at most every hundredth time: over 900 collections in the decks' build, a third
of its time. The build's collector waits for ``YOUNG_OBJECTS`` new objects instead; what it frees
(a page's nodes, once written) it frees as before, a little later.
"""

import gc
import multiprocessing
import sys

from sphinx.cmd.build import main

#: New objects between two collections of the youngest (Python's default: 700).
YOUNG_OBJECTS = 50_000


def build(args: list[str]) -> int:
    """``sphinx-build args``; its exit status. The writers still running are stopped."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    status = main(args)
    for writer in multiprocessing.active_children():  # none, unless the build failed while they worked
        writer.terminate()
    return status


if __name__ == "__main__":
    status = build(sys.argv[1:])
    gc.freeze()
    sys.exit(status)
