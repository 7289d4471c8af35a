# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# The TODO Group's guide itself, its chapters and images as published (see SOURCE.md): Markdown that
# was written for another tool must build through every output, whole, with its images and cross-links.
from pathlib import Path

import courseware

REPOSITORY = Path(courseware.__file__).parent.parent

project = "Outbound Open Source (the guide)"
extensions = ["myst_parser", "courseware"]
if tags.has("slides"):  # noqa: F821
    extensions.insert(-1, "sphinx_revealjs")
myst_heading_anchors = 4
exclude_patterns = ["_build", "SOURCE.md"]
courseware_handouts = [("index", "guide.pdf", "The guide's chapters", "learner")]
courseware_fonts_path = str(REPOSITORY / "branding" / "fonts")
