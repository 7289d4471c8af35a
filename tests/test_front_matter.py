# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Which pages take their title from the front matter (courseware/front_matter.py); tests/test_plain_pages.py
builds one through every output."""

from __future__ import annotations

import pytest
from myst_parser.config.main import MdParserConfig

from courseware.front_matter import front_matter_title

CONFIG = MdParserConfig(enable_extensions={"colon_fence", "deflist"})


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: From Hugo\nweight: 3\n---\n\n## A section\n", "From Hugo"),
    ("---\ntitle: Both\n---\n\n# Its own heading\n\n## A section\n", None),  # a page with both keeps its #
    ("---\ntitle: Both\n---\n\nIts own heading\n===============\n", None),  # a setext heading is one too
    ("---\ntitle: Fenced\n---\n\n```sh\n# a comment, not a heading\n```\n\n## A section\n", "Fenced"),
    (":::{note}\nNo front matter\n:::\n\n## A section\n", None),
    ("---\nweight: 3\n---\n\n## No title\n", None),
    ("---\ntitle: ''\n---\n\n## An empty title\n", None),
    ("---\ntitle: [not, text]\n---\n\n## A list for a title\n", None),
    ("---\ntitle: : broken\n  yaml: [\n---\n\n## Broken front matter\n", None),  # MyST reports it itself
])
def test_a_page_takes_the_front_matters_title_only_when_it_has_no_heading_of_its_own(text, expected):
    assert front_matter_title(text, CONFIG) == expected
