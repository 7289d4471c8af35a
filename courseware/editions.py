# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each printed edition leaves out. Editions differ in nothing else.

Both editions leave out ``slide`` blocks (the room's view of a section).
Learner editions also leave out everything facilitator-only (notes, the
agenda's clock column, pages marked ``handouts: facilitator``) and every
answer (solutions, quiz explanations, the mark on the correct option).
The facilitator edition leaves out the ruled writing space.
"""

from __future__ import annotations

from docutils import nodes

from .blocks import slide
from .quiz import quiz_option
from .writers import ANSWER, FACILITATOR, LEARNER, has_class

LEFT_OUT: dict[str, tuple[str, ...]] = {
    "learner": (FACILITATOR, ANSWER),
    "self-study": (FACILITATOR, ANSWER),
    "facilitator": (LEARNER,),
}


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


def filter_edition(tree: nodes.document, edition: str) -> nodes.document:
    """Return a copy of ``tree`` with what ``edition`` leaves out removed."""
    tree = tree.deepcopy()
    for node in list(tree.findall(slide)):
        node.parent.remove(node)
    left_out = LEFT_OUT[edition]
    while True:
        node = next(
            tree.findall(lambda n: any(has_class(n, cls) for cls in left_out)),
            None,
        )
        if node is None:
            break
        _remove(node)
    if edition == "learner":
        for option in tree.findall(quiz_option):
            option["correct"] = False
    return tree
