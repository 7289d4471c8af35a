# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Sphinx extension for the Outbound Open Source course.

The entry point only calls each part's own ``setup_xxx(app)``. The parts:

- ``config``: every ``courseware_*`` setting, declared once and checked.
- ``structure``: lessons, modules and what they hold (the ``course`` domain).
- ``lesson``, ``blocks``, ``activities``, ``quiz``: the authoring vocabulary
  (``objectives``, ``keypoints``, ``prepare``; ``slide``, ``notes``;
  ``exercise``, ``solution``, ``discussion``; ``quiz``, ``question``).
- ``standard``: the teaching standard, checked while the course is read.
- ``authoring``: misspelt names and misplaced blocks, with what was meant.
- ``agenda``: the schedule over days, the agenda table, ``{length}``.
- ``assessment``: the assessment map (objectives x questions and activities, per lesson).
- ``references``, ``guide``: citations, the guide's sections, the coverage page.
- ``branding``: the brand (colours, fonts, logo) as CSS every output reads, and figures in its colours.
- ``colours``: contrast (WCAG 2), tints for the dark theme, figures recoloured to the brand.
- ``html/``: the HTML course (assets, links to the decks and PDFs).
- ``slides/``: the decks (shape, per-node drawing, the builder).
- ``handouts/``: the PDFs (builder, assembly, editions, print drawing, the Typst writer and compile).
- ``lms/``: the knowledge checks and the course for a learning platform (GIFT, QTI 2.1, SCORM 1.2).
- ``typst_markup``: Typst markup written safely (escaping, strings, labels), and the course blocks' visitors.
- ``links``: links between the outputs, each output's address scheme, published addresses.
- ``practice``: ``lab-download``, the lab's practice repository's address and checksum.
- ``charts``: charts drawn at build time from data in the source tree (matplotlib, SVG).
- ``alongside``: the other outputs, started by the HTML build once the pages are read (``make``).
- ``forking``: what a build holds when it forks, left alone by the garbage collector in the forked processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    activities,
    agenda,
    alongside,
    assessment,
    authoring,
    bibtex_cache,
    blocks,
    branding,
    charts,
    config,
    forking,
    front_matter,
    glyphs,
    handouts,
    html,
    language,
    lesson,
    lms,
    practice,
    quiz,
    references,
    site_paths,
    slides,
    standard,
    structure,
    translations,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict:
    translations.setup_translations(app)
    config.setup_config(app)
    structure.setup_structure(app)
    branding.setup_branding(app)
    lesson.setup_lesson(app)
    standard.setup_standard(app)
    authoring.setup_authoring(app)
    blocks.setup_blocks(app)
    activities.setup_activities(app)
    quiz.setup_quiz(app)
    agenda.setup_agenda(app)
    assessment.setup_assessment(app)
    references.setup_references(app)
    front_matter.setup_front_matter(app)
    site_paths.setup_site_paths(app)
    glyphs.setup_glyphs(app)
    language.setup_language(app)
    bibtex_cache.setup_bibtex_cache(app)
    slides.setup_slides(app)
    html.setup_html(app)
    handouts.setup_handouts(app)
    lms.setup_lms(app)
    charts.setup_charts(app)
    practice.setup_practice(app)
    alongside.setup_alongside(app)
    forking.setup_forking(app)
    return {
        "version": __version__,
        "env_version": 3,  # raised when what reading a page checks or records changes
        # sphinx-revealjs declares itself not parallel-safe; we are, but it decides.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
