# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each printed edition leaves out or moves. Editions differ in nothing else.

- Every edition leaves out ``slide`` blocks (the room's view of a section).
- **learner** (classroom workbook, module handouts): leaves out everything
  facilitator-only (notes, the agenda's clock column, pages marked
  ``handouts: facilitator``) and every answer (solutions, explanations, the
  mark on the right option).
  Classroom editions leave out the version of an activity for a reader alone.
- **self-study**: as learner, but the answers move to an "Answers" part at
  the back, in lesson order, each with a link (and, in print, the page)
  back to its exercise or question; an activity done with others prints its
  solo version instead of the group prompt.
- **facilitator**: keeps notes and answers in place, and the solo versions
  (for a learner who studies alone); leaves out the ruled space to write.

The filter works on a copy (unless told the tree is its own); the shared doctree is never changed.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from ..activities import SOLO
from ..blocks import slide
from ..outputs import ANSWER, FACILITATOR, KEY, LEARNER, has_class
from ..structure import ancestors
from ..translations import _
from .render import TOGETHER

LEFT_OUT: dict[str, tuple[str, ...]] = {
    "learner": (FACILITATOR, ANSWER, SOLO),
    "self-study": (FACILITATOR, ANSWER, TOGETHER),
    "facilitator": (LEARNER,),
}
#: Editions whose options show no key.
WITHOUT_KEY = ("learner", "self-study")
ANSWERS_ID = "cw-answers"


def _remove(node: nodes.Element) -> None:
    if isinstance(node, nodes.entry):
        row = node.parent
        _remove_column(row.parent.parent, row.index(node))
    elif isinstance(node, nodes.colspec):
        group = node.parent
        _remove_column(group, [c for c in group.children if isinstance(c, nodes.colspec)].index(node))
    else:
        node.parent.remove(node)


def _remove_column(group: nodes.tgroup, index: int) -> None:
    """Remove column ``index`` of a table group: its colspec and every cell."""
    for part in group.children:
        if isinstance(part, (nodes.thead, nodes.tbody)):
            for row in part.children:
                if len(row.children) > index:
                    row.remove(row.children[index])
    colspecs = [c for c in group.children if isinstance(c, nodes.colspec)]
    group.remove(colspecs[index])
    group["cols"] = len(colspecs) - 1


def filter_edition(tree: nodes.document, edition: str, copy: bool = True) -> nodes.document:
    """Return a copy of ``tree`` with what ``edition`` leaves out removed (or moved); ``copy=False``
    filters ``tree`` itself (a tree assembled for this PDF alone)."""
    if copy:
        tree = tree.deepcopy()
    for node in list(tree.findall(slide)):
        node.parent.remove(node)
    answers = answers_part(tree) if edition == "self-study" else None
    left_out = set(LEFT_OUT[edition])

    def marked(node: nodes.Node) -> bool:
        return isinstance(node, nodes.Element) and not left_out.isdisjoint(node.get("classes", ()))

    for node in [n for n in tree.findall(marked) if not any(marked(a) for a in ancestors(n))]:
        if _attached(node, tree):  # not gone with a table column removed before it
            _remove(node)
    if edition in WITHOUT_KEY:
        for node in tree.findall(lambda n: has_class(n, KEY)):
            node["classes"].remove(KEY)
    if answers is not None:
        tree += answers
    return tree


def _top(node: nodes.Node, cls: str) -> bool:
    return has_class(node, cls) and not any(has_class(a, cls) for a in ancestors(node))


def _attached(node: nodes.Node, tree: nodes.document) -> bool:
    """Whether ``node`` is still in ``tree`` (``remove`` takes a node out of its parent's children
    but leaves its ``parent`` set)."""
    while node is not tree:
        parent = node.parent
        if parent is None or not any(child is node for child in parent.children):
            return False
        node = parent
    return True


def _owner(node: nodes.Element) -> tuple[nodes.Element | None, nodes.Element | None]:
    """The activity or question an answer belongs to, and the page (``start_of_file`` or document)."""
    owner = page = None
    for parent in ancestors(node):
        if owner is None and (parent.tagname in ("exercise", "discussion") or has_class(parent, "cw-question")):
            owner = parent
        if isinstance(parent, (addnodes.start_of_file, nodes.document)):
            page = parent
            break
    return owner, page


def answers_part(tree: nodes.document) -> nodes.section | None:
    """Every answer moved out of the lesson text (the edition leaves it out there), grouped by lesson,
    each linked back to what it answers."""
    found = [n for n in tree.findall(lambda n: _top(n, ANSWER)) if not has_class(n, "cw-key-mark")]
    if not found:
        return None
    part = nodes.section(ids=[ANSWERS_ID], classes=["cw-answers"])
    part += nodes.title("", _("Answers"))
    part += nodes.paragraph(text=_("The solution to every exercise and the answer to every knowledge-check "
                                   "question, in the order of the lessons. Try each one before you look here."))
    groups: dict[int, nodes.section] = {}
    numbers: dict[int, list[int]] = {}
    for node in found:
        owner, page = _owner(node)
        if owner is None or page is None:
            continue
        if id(page) not in groups:
            heading = next((s[0].astext() for s in page.children if isinstance(s, nodes.section)), "")
            group = nodes.section(ids=[f"{ANSWERS_ID}-{len(groups) + 1}"], classes=["cw-answers-lesson"])
            group += nodes.title("", heading)
            groups[id(page)] = group
            part += group
            numbers[id(page)] = [id(q) for q in page.findall(lambda n: has_class(n, "cw-question"))]
        if has_class(owner, "cw-question"):
            label = _("Knowledge check, question {number}").format(number=numbers[id(page)].index(id(owner)) + 1)
        else:
            label = owner.get("label", _("Activity"))
        back = nodes.paragraph(classes=["cw-answer-for"])
        back += nodes.reference("", label, refid=owner["ids"][0], internal=True, classes=["cw-backref"]) \
            if owner["ids"] else nodes.Text(label)
        kind = "cw-answer-question" if has_class(owner, "cw-question") else "cw-answer-solution"
        entry = nodes.container(classes=["cw-answer-entry", kind])
        entry += back
        node.parent.remove(node)
        node["classes"] = [c for c in node["classes"] if c != ANSWER]
        entry += node
        groups[id(page)] += entry
    return part
