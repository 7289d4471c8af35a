# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each printed edition leaves out or moves, on small doctrees built by hand.

The trees look like the print post-transforms leave them: questions and
solutions as plain containers, ruled lines as ``cw-writing-space`` blocks.
"""

from __future__ import annotations

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes

from courseware.activities import exercise
from courseware.blocks import notes, slide
from courseware.handouts.editions import filter_edition
from courseware.outputs import ANSWER, FACILITATOR, KEY, LEARNER


def space() -> nodes.container:
    return nodes.container("", nodes.container(classes=["cw-line"]), classes=["cw-writing-space", LEARNER])


def document() -> nodes.document:
    doc = new_document("test", get_default_settings(Parser))
    page = addnodes.start_of_file(docname="lesson")
    section = nodes.section(ids=["s"])
    section += nodes.title(text="A lesson")
    section += nodes.paragraph(text="Prose for everyone.")
    section += slide("", nodes.paragraph(text="Slide bullet."), classes=[FACILITATOR])
    section += notes("", nodes.paragraph(text="Facilitator note."), classes=[FACILITATOR])
    task = exercise(label="Exercise: try", lines=6, ids=["cw-activity-1"])
    task += nodes.paragraph(text="The task.")
    task += space()
    task += nodes.container("", nodes.paragraph(text="The solution."), classes=["cw-solution", ANSWER])
    section += task
    ask = nodes.container(ids=["q1"], classes=["cw-question"])
    ask += nodes.paragraph(text="Which?", classes=["cw-stem"])
    options = nodes.enumerated_list()
    options += nodes.list_item("", nodes.paragraph("", "", nodes.Text("Right"),
                                                   nodes.inline("", " \u2714", classes=["cw-key-mark", ANSWER])),
                               classes=["cw-option", KEY])
    options += nodes.list_item("", nodes.paragraph(text="Wrong"), classes=["cw-option"])
    ask += options
    ask += nodes.container("", nodes.paragraph(text="Because."), classes=["cw-explanation", ANSWER])
    section += ask
    table = nodes.table()
    group = nodes.tgroup(cols=3)
    table += group
    group += [nodes.colspec(colwidth=1), nodes.colspec(colwidth=1), nodes.colspec(colwidth=1, classes=[FACILITATOR])]
    body = nodes.tbody()
    group += body
    body += nodes.row("", *(nodes.entry("", nodes.paragraph(text=t), classes=c) for t, c in (
        ("Lesson", []), ("45 min", []), ("09:00", [FACILITATOR]))))
    section += table
    page += section
    doc += page
    return doc


def classes(tree: nodes.Node, name: str) -> list[nodes.Element]:
    return [n for n in tree.findall(nodes.Element) if name in n.get("classes", [])]


def test_learner_edition_leaves_out_notes_answers_keys_and_slides():
    tree = filter_edition(document(), "learner")
    text = tree.astext()
    assert "Prose for everyone." in text and "The task." in text and "Right" in text
    for gone in ("Slide bullet.", "Facilitator note.", "The solution.", "Because.", "09:00", "\u2714"):
        assert gone not in text
    assert not classes(tree, KEY)
    assert classes(tree, "cw-writing-space")


def test_learner_edition_removes_a_whole_table_column():
    tree = filter_edition(document(), "learner")
    group = next(tree.findall(nodes.tgroup))
    assert group["cols"] == 2
    assert len([c for c in group.children if isinstance(c, nodes.colspec)]) == 2
    assert all(len(row.children) == 2 for row in tree.findall(nodes.row))


def test_self_study_edition_moves_answers_to_the_back_with_links():
    tree = filter_edition(document(), "self-study")
    lesson, answers = tree.children[0], tree.children[-1]
    assert "The solution." not in lesson.astext() and "Because." not in lesson.astext()
    assert answers["ids"] == ["cw-answers"]
    assert "The solution." in answers.astext() and "Because." in answers.astext()
    backrefs = [r["refid"] for r in answers.findall(nodes.reference)]
    assert backrefs == ["cw-activity-1", "q1"]
    assert "Facilitator note." not in tree.astext()
    assert classes(tree, "cw-writing-space"), "self-study learners also write"


def test_facilitator_edition_keeps_everything_but_the_writing_space_and_slides():
    tree = filter_edition(document(), "facilitator")
    text = tree.astext()
    for kept in ("Facilitator note.", "The solution.", "Because.", "09:00", "\u2714"):
        assert kept in text
    assert "Slide bullet." not in text
    assert not classes(tree, "cw-writing-space")
    assert classes(tree, KEY)


def test_filtering_never_changes_the_shared_doctree():
    original = document()
    before = original.pformat()
    for edition in ("learner", "self-study", "facilitator"):
        filter_edition(original, edition)
    assert original.pformat() == before
