# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# A tiny course that uses every directive of the vocabulary once or twice.
from pathlib import Path

import courseware

REPOSITORY = Path(courseware.__file__).parent.parent

project = "Tiny course"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "courseware"]
if tags.has("slides"):  # noqa: F821
    extensions.insert(-1, "sphinx_revealjs")
myst_enable_extensions = ["colon_fence", "deflist"]
# the guide's sections, as the course cites them
bibtex_bibfiles = ["refs.bib", str(REPOSITORY / "source" / "guide.bib")]
# the course's print style, fonts and deck style
courseware_fonts_path = str(REPOSITORY / "branding" / "fonts")
exclude_patterns = ["_build"]
courseware_handouts = [
    ("mod/index", "module.pdf", "The module", "learner"),
    ("index", "workbook.pdf", "Workbook", "learner"),
    ("index", "study.pdf", "Self-study", "self-study"),
    ("index", "guide.pdf", "Guide", "facilitator"),
]
courseware_handout_front = ["case"]
courseware_handout_back = ["glossary"]
# Prose length is the course's business, not this tiny project's.
courseware_standard = {"lesson_words": [0, 10000], "section_words": [0, 10000]}
