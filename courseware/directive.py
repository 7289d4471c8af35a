# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The base of every course directive, and the option converters they share.

Every course directive takes ``:class:`` (extra CSS classes for the block)
and no undeclared option. Declaring at least one option matters: MyST reads
``:key: value`` lines as content for a directive that declares none, so a
misspelt option would pass silently instead of stopping the build. A
misspelt option gets a "did you mean" (``Options`` below).
"""

from __future__ import annotations

import difflib
import re
from typing import Callable

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import structure

logger = logging.getLogger(__name__)

MODES = ("solo", "pairs", "groups", "plenary")


def did_you_mean(name: str, known) -> str:
    """`` (did you mean 'x'?)`` for the closest known name, or ``""``."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def objective_list(value: str | None) -> tuple[int, ...]:
    """``:objective: 1, 3``: the lesson objectives (counted from 1) an activity assesses."""
    numbers = re.split(r"[\s,]+", (value or "").strip())
    if not numbers or not all(n.isdigit() and int(n) > 0 for n in numbers):
        raise ValueError("give objective numbers counted from 1, such as '2' or '1, 3'")
    return tuple(int(n) for n in numbers)


def mode(value: str | None) -> str:
    return directives.choice(value, MODES)


class _Unknown:
    """Converter of an option the directive does not declare: kept for a precise warning."""

    def __call__(self, value):
        return value


UNKNOWN = _Unknown()


class Options(dict):
    """An option spec that lets unknown options through to ``run()``.

    MyST rejects an unknown option with the list of every allowed one; the
    directive can say which one was meant, with the file and line.
    """

    def __missing__(self, key: str) -> Callable:
        return UNKNOWN


class CourseDirective(SphinxDirective):
    option_spec = Options({"class": directives.class_option})

    def block(self, node: nodes.Element) -> nodes.Element:
        """Give ``node`` its source location and the ``:class:`` classes; report unknown options."""
        self.set_source_info(node)
        node["classes"] += self.options.get("class", [])
        known = [k for k in self.option_spec if self.option_spec[k] is not UNKNOWN]
        for name in list(self.options):
            if name not in known:
                logger.warning(
                    "%s: unknown option ':%s:'%s; it takes %s",
                    self.name, name, did_you_mean(name, known),
                    ", ".join(f":{k}:" for k in sorted(known)),
                    location=node, type="courseware", subtype="option",
                )
                del self.options[name]
        return node


class PlaceholderDirective(CourseDirective):
    """A block the build draws later from the course's data (an agenda, a map, links).

    The directive only places ``node_class`` (with the page's name as ``docname``);
    a post-transform replaces it per output. A block that shows data of every
    lesson (``every_lesson``) makes its page depend on all of them.
    """

    has_content = False
    node_class: type[nodes.Element]
    every_lesson = True

    def run(self) -> list[nodes.Node]:
        node = self.node_class(docname=self.env.docname)
        self.block(node)
        if self.every_lesson:
            structure.depends_on_all_lessons(self.env, self.env.docname)
        return [node]
