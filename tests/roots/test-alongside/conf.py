# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# One page, built as make builds the course: the HTML build with the decks and a PDF beside it.
from pathlib import Path

import courseware

REPOSITORY = Path(courseware.__file__).parent.parent

project = "Beside"
extensions = ["myst_parser", "sphinx_revealjs", "courseware"]
exclude_patterns = ["_build"]
courseware_handouts = [("index", "beside.pdf", "Beside", "learner")]
courseware_fonts_path = str(REPOSITORY / "branding" / "fonts")
