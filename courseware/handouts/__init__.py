# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""How the course becomes print: everything the PDF handouts need, in one place.

- ``builder``: the ``handouts`` builder, one run for every PDF in ``courseware_handouts``;
- ``assemble``: one PDF's pages as one doctree, with companion pages and unique anchors;
- ``render``: course blocks drawn for paper (post-transforms for this builder only);
- ``plans``: the facilitator's lesson plans and run-sheet;
- ``layouts``: slide handouts and the lectern script, from the decks' slide model;
- ``online``: QR codes and short links to the online course, where it is published;
- ``editions``: what learner, self-study and facilitator editions leave out or move;
- ``typst_writer``: the doctree as Typst markup (what each node is; the templates say how it looks);
- ``pdf``: Typst's compile, PDF/UA-1, reproducible, compiled again only when an input changed.

The print templates (``templates/*.typ``, starting at ``handout.typ``) ship with the package; a
file of the same name in the course's ``courseware_handouts_path`` replaces one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .builder import setup_builder
from .online import LessonLinks
from .render import PRINT_TRANSFORMS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_handouts(app: Sphinx) -> None:
    setup_builder(app)
    for transform in (*PRINT_TRANSFORMS, LessonLinks):
        app.add_post_transform(transform)
