# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course's structure: which pages are lessons and modules, and what they hold.

Everything the extension remembers across pages lives in one small Sphinx
domain, ``course``: Sphinx purges a page's records when the page is read
again and merges the records of parallel readers, so nothing here needs
hand-written ``env-purge-doc`` or ``env-merge-info`` handlers. The functions
below are the only way other modules ask about the course's shape.

- A **lesson** is a page with ``duration`` in its front matter. A worksheet
  session (``type: worksheet``) is a lesson made of activities only.
- A **module** is a page of the root toctree that is not a lesson and has a
  toctree of its own.
- A **summary** page shows data of every lesson (an agenda, the coverage
  tables) and is read again whenever any page changes.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util import docname_join

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


@dataclass
class Question:
    """What the standard needs to know of one knowledge-check question."""

    line: int
    key: int  #: index of the correct option (0 = A)
    lengths: tuple[int, ...]  #: characters of each option's text
    objectives: tuple[int, ...]


@dataclass
class Segment:
    """One timed part of a lesson, in reading order: a section, an activity, the check..."""

    kind: str  #: "section", "exercise", "discussion", "quiz", "keypoints"
    title: str
    minutes: int
    mode: str  #: "talk", "solo", "pairs", "groups", "plenary"
    anchor: str = ""


@dataclass
class Cut:
    """What a facilitator short of time may drop from a lesson, and what that costs."""

    what: str
    saves: int  #: minutes
    cost: str
    line: int = 0


@dataclass
class Reading:
    """Pre-reading a learner does before the lesson's day (its items are read from the page when listed)."""

    minutes: int


KINDS = ("lesson", "worksheet")


@dataclass
class Lesson:
    """A timed session: a lesson, or a worksheet session (front matter ``type: worksheet``)."""

    docname: str
    duration: int
    kind: str = "lesson"
    objectives: tuple[str, ...] = ()
    questions: list[Question] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    activities: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)  #: (label, objectives assessed)
    cuts: list[Cut] = field(default_factory=list)
    reading: Reading | None = None


@dataclass(frozen=True)
class Row:
    """A lesson as listed below a page: its docname, minutes and module page."""

    docname: str
    minutes: int
    module: str | None


class CourseDomain(Domain):
    """Records of lessons and summary pages, the standard's findings, the charts drawn and the characters
    borrowed from the fallback fonts, kept per page."""

    name = "course"
    label = "Course"
    data_version = 8  # bump when a record (Lesson, Question, Segment, Cut, Reading) changes shape
    initial_data: dict[str, Any] = {"lessons": {}, "summaries": set(), "problems": {}, "charts": {}, "fallback": {}}

    @property
    def lessons(self) -> dict[str, Lesson]:
        return self.data["lessons"]

    @property
    def summaries(self) -> set[str]:
        return self.data["summaries"]

    @property
    def problems(self) -> dict[str, list[tuple[str, int]]]:
        return self.data["problems"]

    def clear_doc(self, docname: str) -> None:
        self.lessons.pop(docname, None)
        self.summaries.discard(docname)
        self.problems.pop(docname, None)
        self.data["charts"].pop(docname, None)
        self.data["fallback"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.lessons.update({d: r for d, r in otherdata["lessons"].items() if d in docnames})
        self.summaries.update(d for d in otherdata["summaries"] if d in docnames)
        self.problems.update({d: r for d, r in otherdata["problems"].items() if d in docnames})
        self.data["charts"].update({d: r for d, r in otherdata["charts"].items() if d in docnames})
        self.data["fallback"].update({d: r for d, r in otherdata["fallback"].items() if d in docnames})

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []


def _data(env: BuildEnvironment) -> dict[str, Any]:
    """The domain's records; ``env.domaindata`` also holds them in a pickled environment."""
    return env.domaindata.setdefault("course", deepcopy(CourseDomain.initial_data))


def lessons(env: BuildEnvironment) -> dict[str, Lesson]:
    return _data(env)["lessons"]


def record_lesson(env: BuildEnvironment, lesson: Lesson) -> None:
    lessons(env)[lesson.docname] = lesson


def charts(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """Per page, each chart file it drew and the style signature it was drawn with."""
    return _data(env)["charts"]


def fallback_text(env: BuildEnvironment) -> dict[str, str]:
    """Per page, the characters it prints in a fallback font (``glyphs.py``)."""
    return _data(env)["fallback"]


def problems(env: BuildEnvironment) -> dict[str, list[tuple[str, int]]]:
    """The teaching standard's findings per page, (message, line): reported on every build."""
    return _data(env)["problems"]


def lesson(env: BuildEnvironment, docname: str) -> Lesson | None:
    return lessons(env).get(docname)


def lesson_duration(env: BuildEnvironment, docname: str) -> int | None:
    """Minutes of a lesson, or None when ``docname`` is not a lesson."""
    found = lesson(env, docname)
    return found.duration if found else None


def is_lesson(env: BuildEnvironment, docname: str) -> bool:
    return lesson(env, docname) is not None


def is_module(env: BuildEnvironment, docname: str) -> bool:
    """A module is a page of the root toctree that is not a lesson, has a toctree, and is for learners too
    (a facilitators' page with pages below it, such as the handouts for the room, is no module)."""
    return (
        docname in env.toctree_includes.get(env.config.root_doc, [])
        and docname in env.toctree_includes
        and not is_lesson(env, docname)
        and str(env.metadata.get(docname, {}).get("handouts", "all")) == "all"
    )


#: A page's block items, by (source folder, page, block, when the page was read): the agenda and the
#: run-sheet of every page and PDF list the same lessons' blocks, and a page's doctree is slow to load.
_BLOCK_ITEMS: dict[tuple[str, str, str, int], list[nodes.list_item]] = {}


def _block_items(env: BuildEnvironment, docname: str, block: type[nodes.Element]) -> list[nodes.list_item]:
    key = (str(env.srcdir), docname, block.__name__, env.all_docs.get(docname, 0))
    if key not in _BLOCK_ITEMS:
        found = next(env.get_doctree(docname).findall(block), None)
        _BLOCK_ITEMS[key] = list(found.findall(nodes.list_item)) if found is not None else []
    return _BLOCK_ITEMS[key]


def block_items(env: BuildEnvironment, docname: str, block: type[nodes.Element], fromdoc: str) -> list[nodes.list_item]:
    """Copies of the list items of a page's first ``block`` (its pre-reading, what to prepare), for the page
    ``fromdoc`` that lists them beside other lessons' (the agenda, the run-sheet): their links, still to
    resolve, are resolved from there."""
    return copied(_block_items(env, docname, block), docname, fromdoc)


def copied(found: Iterable[nodes.Element], docname: str, fromdoc: str) -> list[nodes.Element]:
    """Copies of ``found``, parts of the page ``docname``, to stand on the page ``fromdoc``: their links,
    still to resolve, are resolved from there."""
    copies = [element.deepcopy() for element in found]
    for copy in copies:
        for node in copy.findall():  # a copy still names the page it came from, which would go wherever it goes
            node.document = None
        for ref in copy.findall(addnodes.pending_xref):
            if ref.get("refdomain") == "std" and ref.get("reftype") == "doc" and not ref["reftarget"].startswith("/"):
                ref["reftarget"] = "/" + docname_join(ref.get("refdoc", docname), ref["reftarget"])
            ref["refdoc"] = fromdoc
    return copies


def lessons_below(env: BuildEnvironment, docname: str) -> list[Row]:
    """Lessons in toctree order below ``docname``, each with its module page."""
    rows: list[Row] = []

    def walk(doc: str, module: str | None, seen: set[str]) -> None:
        for child in env.toctree_includes.get(doc, []):
            if child in seen:
                continue
            seen.add(child)
            minutes = lesson_duration(env, child)
            if minutes is not None:
                rows.append(Row(child, minutes, module))
            else:
                walk(child, child if module is None and is_module(env, child) else module, seen)

    walk(docname, docname if is_module(env, docname) else None, {docname})
    return rows


def modules(env: BuildEnvironment) -> list[str]:
    """Module pages in the root toctree's order (also those without lessons yet)."""
    return [d for d in env.toctree_includes.get(env.config.root_doc, []) if is_module(env, d)]


def module_of(env: BuildEnvironment, docname: str) -> str | None:
    """The module page that holds a lesson, or None."""
    for row in lessons_below(env, env.config.root_doc):
        if row.docname == docname:
            return row.module
    return None


def builder(env: BuildEnvironment) -> Builder:
    """The builder at work, for a post-transform (Sphinx 9 deprecates ``transform.app``)."""
    return env._app.builder


def title(env: BuildEnvironment, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def depends_on_all_lessons(env: BuildEnvironment, docname: str) -> None:
    """Note that ``docname`` shows data of every lesson (an agenda, the coverage tables)."""
    _data(env)["summaries"].add(docname)


def page_sections(tree: nodes.document, docname: str) -> list[tuple[str, nodes.section]]:
    """The top section of each page in ``tree``, with the page's name.

    A page's doctree has one; an assembled handout has one per page, inside
    the ``start_of_file`` node that ``inline_all_toctrees`` wraps it in.
    ``docname`` names the tree's own page.
    """
    found = []
    for section in tree.findall(nodes.section):
        if isinstance(section.parent, addnodes.start_of_file):
            found.append((section.parent["docname"], section))
        elif isinstance(section.parent, nodes.document):
            found.append((docname, section))
    return found


def ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _summaries_outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Pages that summarise every lesson are read again whenever any page changes."""
    if not (added or changed or removed):
        return []
    return sorted(_data(env)["summaries"] - set(removed))


def setup_structure(app: Sphinx) -> None:
    app.add_domain(CourseDomain)
    app.connect("env-get-outdated", _summaries_outdated)
