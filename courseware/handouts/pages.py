# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Each page read and resolved for print once a build, however many PDFs print it.

A lesson is printed in its module's handout, the workbook, the self-study edition and the
facilitator guide. Resolving references (which runs the print post-transforms of ``render.py``)
is the same work for each, so the builder does it once a page before any PDF is made, and
every PDF assembles from the resolved pages. A PDF changes the pages it assembles (it moves
them into one tree and filters them for its edition), so each gets pages of its own: the very
objects where each PDF is made in a forked process of its own, a fresh copy otherwise.
A lesson's page comes with its plan (facilitator-only: learner editions leave it out).
"""

from __future__ import annotations

import pickle
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import LoggingReporter

from .. import structure
from .plans import lesson_plan

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.builders import Builder


class ResolvedPages:
    def __init__(self, builder: Builder, private: bool) -> None:
        """``private``: each PDF is made in a process of its own, which may change the pages it is given."""
        self.builder = builder
        self.private = private
        self._resolved: dict[str, nodes.document] = {}
        self._uses: Counter[str] = Counter()
        _empty_bibliography_entries(builder.env)

    def resolve(self, docnames: Iterable[str]) -> None:
        """Resolve the pages of one PDF now (before the PDFs' processes start, which then share them)."""
        for docname in docnames:
            self._uses[docname] += 1
            self._tree(docname)

    def __call__(self, docname: str) -> nodes.document:
        """The page, resolved, for one PDF to change as it needs."""
        tree = self._tree(docname)
        self._uses[docname] -= 1
        if self.private or self._uses[docname] <= 0:  # this process's own, or no other PDF wants it
            return tree
        return _copy(tree, self.builder.env, docname)

    def _tree(self, docname: str) -> nodes.document:
        """The page resolved, once."""
        if docname not in self._resolved:
            self._resolved[docname] = self._resolve(docname)
        return self._resolved[docname]

    def _resolve(self, docname: str) -> nodes.document:
        env = self.builder.env
        tree = env.get_doctree(docname)
        if structure.is_lesson(env, docname):  # its plan first (facilitator-only: learner editions leave it out)
            for name, section in structure.page_sections(tree, docname):
                plan = lesson_plan(env, name, section)
                if plan is not None:
                    section.insert(1, plan)
        env.resolve_references(tree, docname, self.builder)
        return tree


def _copy(tree: nodes.document, env, docname: str) -> nodes.document:
    """A copy through pickle (what Sphinx stores doctrees with): several times faster than ``deepcopy``."""
    reporter, transformer = tree.reporter, tree.transformer
    tree.reporter = tree.transformer = tree.settings.env = None
    try:
        copy = pickle.loads(pickle.dumps(tree, pickle.HIGHEST_PROTOCOL))
    finally:
        tree.reporter, tree.transformer, tree.settings.env = reporter, transformer, env
    copy.settings.env = env
    copy.reporter = LoggingReporter(str(env.doc2path(docname)))
    return copy


def _empty_bibliography_entries(env) -> None:
    """sphinxcontrib-bibtex keeps one citation node per entry of a ``{bibliography}`` in the
    environment, and fills it each time a page is resolved; a bibliography resolved after another
    would print each entry again. Each build starts from the nodes as the directive made them."""
    domain = env.domains.get("cite")  # absent when sphinxcontrib-bibtex is not loaded
    for bibliography in getattr(domain, "bibliographies", {}).values():
        for key, node in bibliography.citation_nodes.items():
            empty = node.copy()
            empty["backrefs"] = []
            bibliography.citation_nodes[key] = empty
