# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Course blocks drawn for paper (the ``handouts`` builder only).

The HTML course's quiz is a form with folds and live feedback; none of that
means anything on paper, and a tagged PDF should not carry it. Before the
edition filter runs, these post-transforms turn course nodes into plain
docutils nodes that the Typst writer draws as lists and boxes:

- a ``question`` becomes its stem and a lettered list of options; the right
  option carries ``KEY`` (a class only answer editions keep) and a mark with
  class ``ANSWER``; the explanation is a plain block with class ``ANSWER``;
- a ``solution`` becomes a plain block with class ``ANSWER``;
- a ``solo`` version becomes a plain block with class ``SOLO``, and the group
  prompt before it gets class ``TOGETHER``: the self-study edition keeps the
  one, the classroom editions the other; what follows the solo version is
  everyone's task;
- an exercise or discussion gets ruled lines to write on (class ``LEARNER``),
  the first three kept on the page of the task;
- a citation becomes a numbered mark, numbered per PDF after the edition
  filter (``number_citations``), so each PDF's references start at [1];
- the HTML course's download links are left out.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..activities import SOLO, discussion, exercise, solo, solution
from ..outputs import ANSWER, FACILITATOR, KEY, LEARNER, PRINT_BUILDERS
from ..quiz import question, quiz, quiz_explanation, quiz_option
from ..translations import _

LINES_WITH_TASK = 3
#: Class of an activity's prompt for people working together, when it has a solo version.
TOGETHER = "cw-together"


class cite_mark(nodes.Inline, nodes.Element):
    """A citation in print; ``keys`` are the sources, numbered per PDF later."""


class PrintQuestions(SphinxPostTransform):
    default_priority = 190
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(question)):
            block = nodes.container(ids=list(node["ids"]), classes=["cw-question", *node["classes"]])
            block.extend(c for c in node.children if not isinstance(c, (quiz_option, quiz_explanation)))
            options = nodes.enumerated_list(enumtype="upperalpha", prefix="", suffix=".", classes=["cw-options"])
            for option in (c for c in node.children if isinstance(c, quiz_option)):
                item = nodes.list_item("", nodes.paragraph("", "", *option.children), classes=["cw-option"])
                if option["correct"]:
                    item["classes"].append(KEY)
                    item[0] += nodes.inline("", " \u2714", classes=["cw-key-mark", ANSWER])
                options += item
            block += options
            for explanation in (c for c in node.children if isinstance(c, quiz_explanation)):
                block += nodes.container("", *explanation.children, classes=["cw-explanation", *explanation["classes"]])
            node.replace_self(block)


class PrintSolutions(SphinxPostTransform):
    default_priority = 191
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(solution)):
            block = nodes.container(classes=["cw-solution", *node["classes"]])
            block += nodes.paragraph("", "", nodes.strong("", _("Solution")), classes=["cw-box-label"])
            block.extend(node.children)
            node.replace_self(block)


class PrintSolo(SphinxPostTransform):
    default_priority = 192
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(solo)):
            block = nodes.container(classes=[SOLO, *node["classes"]])
            block += nodes.paragraph("", "", nodes.strong("", _("On your own")), classes=["cw-box-label", FACILITATOR])
            block.extend(node.children)
            node.replace_self(block)


class WritingSpace(SphinxPostTransform):
    """Ruled lines after each activity's task; the first lines stay with the end of the task.

    The task's last block and the first ``LINES_WITH_TASK`` lines are kept on one
    page (``cw-keep``); the title stays with the task's first block (print style).
    In an activity with a solo version, the blocks before it are the group prompt
    (marked ``TOGETHER``) and the blocks after it the task of both versions.
    """

    default_priority = 200
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        activities = list(self.document.findall(lambda n: isinstance(n, (exercise, discussion))))
        for index, node in enumerate(activities, 1):
            node["ids"] = node["ids"] or [f"cw-activity-{index}"]
            extras = [c for c in node.children if {FACILITATOR, ANSWER} & set(c.get("classes", []))]
            alone = [c for c in node.children if SOLO in c.get("classes", ())]
            checks = [c for c in node.children if isinstance(c, quiz) and c not in extras]  # everyone's
            task = [c for c in node.children if c not in extras and c not in alone and c not in checks]
            prompt: list[nodes.Node] = []
            if alone:  # before the solo version: the prompt for people together; after it: everyone's task
                at = node.index(alone[0])
                prompt = [c for c in task if node.index(c) < at]
                task = [c for c in task if node.index(c) > at]
                for block in prompt:
                    block["classes"].append(TOGETHER)
            if node["lines"]:
                task = self.with_lines(task, node["lines"])
            node.children = []
            node.extend(prompt + alone + task + checks + extras)

    @staticmethod
    def with_lines(task: list[nodes.Node], count: int) -> list[nodes.Node]:
        lines = [nodes.container(classes=["cw-line"]) for _ in range(count)]
        keep = nodes.container(classes=["cw-keep"])
        keep.extend(task[-1:])
        keep += nodes.container("", *lines[:LINES_WITH_TASK], classes=["cw-writing-space", LEARNER])
        rest = nodes.container("", *lines[LINES_WITH_TASK:], classes=["cw-writing-space", LEARNER])
        return [*task[:-1], keep, *([rest] if len(rest) else [])]


class PrintCitations(SphinxPostTransform):
    """Before references are resolved: citations become marks to number per PDF."""

    default_priority = 8
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for ref in list(self.document.findall(addnodes.pending_xref)):
            if ref.get("refdomain") == "cite":
                keys = [k.strip() for k in ref["reftarget"].split(",") if k.strip()]
                ref.replace_self(cite_mark(keys=keys))


def number_citations(tree: nodes.document) -> list[str]:
    """Number the citations of one PDF from 1, in order of first use; return the keys in order."""
    order: list[str] = []
    for mark in list(tree.findall(cite_mark)):
        refs: list[nodes.Node] = []
        for key in mark["keys"]:
            if key not in order:
                order.append(key)
            if refs:
                refs.append(nodes.Text(", "))
            refs.append(nodes.reference("", str(order.index(key) + 1), refid=f"cw-cite-{key}", internal=True))
        mark.replace_self(nodes.inline("", "", nodes.Text("["), *refs, nodes.Text("]"), ids=mark["ids"],
                                       classes=["cw-cite"]))
    return order


class WebOnly(SphinxPostTransform):
    """Links to download the outputs mean nothing on paper: leave them, and a section holding only them, out."""

    default_priority = 5
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        from ..html import downloads

        for node in list(self.document.findall(downloads)):
            section = node.parent
            section.remove(node)
            if isinstance(section, nodes.section) and len(section.children) == 1:
                section.parent.remove(section)


PRINT_TRANSFORMS = (WebOnly, PrintQuestions, PrintSolutions, PrintSolo, WritingSpace, PrintCitations)
