# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""One Sphinx configuration for every output (sphinx-build -c . source _build/<output>)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

# -- The course ----------------------------------------------------------------
project = "Outbound Open Source: Contribution and Creation"
author = "The Outbound Open Source course authors"
copyright = "2026, The Outbound Open Source course authors. Content CC BY-SA 4.0, code Apache-2.0"
language = "en"
# Translations of the pages: locales/<language>/LC_MESSAGES/<page>.po (make translations LANG=de); a page's
# untranslated paragraphs stay English. The words the build writes come from courseware/locales.
locale_dirs = ["../locales"]
gettext_compact = False
root_doc = "index"

# -- Branding: change this one block and every output follows ------------------
courseware_brand = {
    "organisation": "The Outbound Open Source course authors",
    "logo": "",  # a file relative to conf.py, e.g. "branding/logo.svg"
    "logo_reversed": "",  # the logo for dark backgrounds (decks' title slides); unset: the logo on a light plate
    "primary": "#1f4e79",
    "accent": "#1f6f8b",
    "font": "Source Sans Pro",
    # tried in order for a character the font lacks (Greek, Cyrillic; Chinese, Japanese, Korean)
    "fallback": ["DejaVu Sans", "Noto Sans CJK JP"],
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}
courseware_attribution = (
    "Based on the TODO Group's guide \u201cOutbound Open Source: Leveraging open source "
    "ecosystems\u201d (2022), licensed CC BY-SA 4.0."
)

# -- The PDFs: (start document, file name, title, edition[, layout]) --------------
courseware_handouts = [
    ("module1/index", "module1-collaboration.pdf", "Module 1: Collaboration", "learner"),
    ("module2/index", "module2-creation.pdf", "Module 2: Creation", "learner"),
    ("module3/index", "module3-sustainability.pdf", "Module 3: Sustainability and resilience", "learner"),
    ("index", "participant-workbook.pdf", "Participant workbook", "learner"),
    ("index", "self-study-edition.pdf", "Self-study edition", "self-study"),
    ("index", "facilitator-guide.pdf", "Facilitator guide", "facilitator"),
    # the decks on paper: three slides a page with room for notes, and the lectern script
    ("module1/index", "module1-slides.pdf", "Module 1: Collaboration, slide handouts", "learner", "slides"),
    ("module2/index", "module2-slides.pdf", "Module 2: Creation, slide handouts", "learner", "slides"),
    ("module3/index", "module3-slides.pdf", "Module 3: Sustainability and resilience, slide handouts", "learner",
     "slides"),
    ("module1/index", "module1-lectern.pdf", "Module 1: Collaboration, lectern script", "facilitator", "lectern"),
    ("module2/index", "module2-lectern.pdf", "Module 2: Creation, lectern script", "facilitator", "lectern"),
    ("module3/index", "module3-lectern.pdf", "Module 3: Sustainability and resilience, lectern script",
     "facilitator", "lectern"),
    # the workshop's paperwork, from the schedule and the objectives: a sheet to sign per day, the evaluation form
    ("index", "attendance-sheets.pdf", "Attendance", "facilitator", "attendance"),
    ("index", "evaluation-form.pdf", "Course evaluation", "learner", "evaluation"),
    # and what goes out before and after it: the joining instructions, the flyer, the certificates
    # (a page per name of courseware_roster, a CSV this repository does not hold; unset, one to fill in)
    ("index", "joining-instructions.pdf", "Joining instructions", "learner", "joining"),
    ("index", "course-flyer.pdf", "Course flyer", "learner", "flyer"),
    ("index", "certificate.pdf", "Certificate of completion", "learner", "certificate"),
]
# Pages every learner PDF carries: the running case up front, the glossary at the back.
courseware_handout_front = ["case/larkspur", "case/waybill"]
courseware_handout_back = ["glossary"]
courseware_paper = "A4"  # or "letter"
courseware_keywords = ["open source", "OSPO", "outbound open source", "contribution"]  # in every PDF's metadata
# The learning-platform exports (make lms, _build/lms): Moodle GIFT, a QTI 2.1 package and a SCORM 1.2
# package whose SCOs, one a module, pass at pass_mark percent of the module's questions answered right.
courseware_lms = {"formats": ["gift", "qti", "scorm12"], "identifier": "outbound-oss-course", "pass_mark": 80}
# The release lab's practice repository comes from the course's own tools (coursetools/, beside the
# extension): the lab page prints the checksum of the zip this function makes.
courseware_lab_zip = "coursetools.lab:practice_zip"
# The edition's date: no deadline in the text may have passed by then (the case is set in November 2026).
courseware_edition_date = "2026-12-01"

# -- The schedule: how the lessons are laid out over days ----------------------
courseware_schedule = {
    "start": "08:30",
    "end": "17:00",  # a day of at most 8 h 30 min from first to last clock time, lunch included
    "break_every": 90,
    "break_minutes": 15,
    "lunch_after": "12:00",
    "lunch_minutes": 60,
    "welcome_minutes": 15,  # Day 1 opens with a welcome and introductions, later days with a recap
    "recap_minutes": 15,
    "close_minutes": 10,
    "evaluation_minutes": 15,  # the last day, before its close
    "buffer_minutes": 20,  # at least this much slack each day
    "days": 2,  # the course must lay out within this many days (the build says when it does not)
}

# -- Extensions -------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "courseware",
]
# sphinx-revealjs is loaded for every builder, so that the HTML course, the decks
# and the PDFs read the pages once, into one environment. It declares itself not
# parallel-safe; courseware says it is, for reading (courseware/slides/__init__.py
# says why). The deck settings are courseware's; set any revealjs_* value here to
# override.
extensions.insert(-1, "sphinx_revealjs")

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
myst_title_to_header = False
exclude_patterns = ["_build", ".venv"]

bibtex_bibfiles = ["source/guide.bib", "source/references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "label"

# -- HTML course ------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_copy_source = False
html_show_sourcelink = False
# furo's colours (light and dark), font and logo follow courseware_brand (set by the extension);
# anything set here in html_theme_options explicitly wins.
