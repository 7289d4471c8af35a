# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# Pages that are not lessons, written in plain MyST Markdown: every output must take them whole.
from pathlib import Path

import courseware

REPOSITORY = Path(courseware.__file__).parent.parent

project = "Plain pages"
extensions = ["myst_parser", "courseware"]
if tags.has("slides"):  # noqa: F821
    extensions.insert(-1, "sphinx_revealjs")
myst_heading_anchors = 3
myst_enable_extensions = ["attrs_inline"]  # [words]{.language-en}: a few words in another language
exclude_patterns = ["_build"]
# site-absolute paths (/img/x.svg) reach this folder too, as Hugo's static/ does
courseware_site_files = "static"
courseware_handouts = [("index", "plain.pdf", "Plain pages", "learner"),
                       ("index", "plain-guide.pdf", "Plain pages", "facilitator")]
courseware_fonts_path = str(REPOSITORY / "branding" / "fonts")
