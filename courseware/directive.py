# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The base of every course directive.

Every course directive takes ``:class:`` (extra CSS classes for the block)
and no undeclared option. Declaring at least one option matters: MyST reads
``:key: value`` lines as content for a directive that declares none, so a
misspelt option would pass silently instead of stopping the build.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective


class CourseDirective(SphinxDirective):
    option_spec = {"class": directives.class_option}

    def block(self, node: nodes.Element) -> nodes.Element:
        """Give ``node`` its source location and the ``:class:`` classes."""
        self.set_source_info(node)
        node["classes"] += self.options.get("class", [])
        return node
