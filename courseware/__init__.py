# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Sphinx extension for the Outbound Open Source course.

One module per concern; each has its own ``setup_xxx(app)``:

- ``config``: the declared ``courseware_*`` settings and the brand.
- ``branding``: the brand in every output (brand.css, logo, the HTML theme).
- ``lesson``: front matter ``duration``, ``objectives``, ``keypoints``, lesson checks.
- ``blocks``: ``slide`` and ``notes``, the two blocks that split one page by audience.
- ``activities``: ``exercise``, ``solution``, ``discussion``.
- ``quiz``: ``quiz`` and ``question`` (knowledge checks).
- ``agenda``: the schedule computed from every lesson's duration.
- ``references``: further reading and the guide coverage page.
- ``slides``: how a lesson page becomes a Reveal.js deck.
- ``html``: the HTML course's assets (facilitator view, quiz script, brand).
- ``handouts``: the ``handouts`` builder (WeasyPrint PDFs, per edition).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    activities, agenda, blocks, branding, charts, config, handouts, html, lesson, quiz, references, slides, standard,
    structure,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict:
    config.setup_config(app)
    structure.setup_structure(app)
    branding.setup_branding(app)
    lesson.setup_lesson(app)
    standard.setup_standard(app)
    blocks.setup_blocks(app)
    activities.setup_activities(app)
    quiz.setup_quiz(app)
    agenda.setup_agenda(app)
    references.setup_references(app)
    slides.setup_slides(app)
    html.setup_html(app)
    handouts.setup_handouts(app)
    charts.setup_charts(app)
    return {
        "version": __version__,
        "env_version": 1,
        # sphinx-revealjs declares itself not parallel-safe; we are, but it decides.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
