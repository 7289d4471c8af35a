# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each printed edition leaves out, on small doctrees built by hand."""

from __future__ import annotations

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from courseware.activities import exercise, solution, writing_space
from courseware.blocks import notes, slide
from courseware.editions import filter_edition
from courseware.quiz import question, quiz_explanation, quiz_option
from courseware.writers import ANSWER, FACILITATOR, LEARNER


def document() -> nodes.document:
    doc = new_document("test", get_default_settings(Parser))
    section = nodes.section(ids=["s"])
    section += nodes.title(text="A section")
    section += nodes.paragraph(text="Prose for everyone.")
    section += slide("", nodes.paragraph(text="Slide bullet."), classes=[FACILITATOR])
    section += notes("", nodes.paragraph(text="Facilitator note."), classes=[FACILITATOR])
    task = exercise(label="Exercise: try", lines=6)
    task += nodes.paragraph(text="The task.")
    task += writing_space(lines=6, classes=[LEARNER])
    task += solution("", nodes.paragraph(text="The solution."), classes=[ANSWER])
    section += task
    ask = question(stem="Which?", ids=["q"])
    ask += quiz_option("", nodes.Text("Right"), correct=True, letter="A")
    ask += quiz_option("", nodes.Text("Wrong"), correct=False, letter="B")
    ask += quiz_explanation("", nodes.paragraph(text="Because."), classes=[ANSWER])
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
    doc += section
    return doc


def test_learner_edition_leaves_out_notes_answers_and_slides():
    text = filter_edition(document(), "learner").astext()
    assert "Prose for everyone." in text and "The task." in text and "Right" in text
    for gone in ("Slide bullet.", "Facilitator note.", "The solution.", "Because.", "09:00"):
        assert gone not in text
    tree = filter_edition(document(), "learner")
    assert not any(o["correct"] for o in tree.findall(quiz_option))
    assert list(tree.findall(writing_space))


def test_learner_edition_removes_a_whole_table_column():
    tree = filter_edition(document(), "learner")
    group = next(tree.findall(nodes.tgroup))
    assert group["cols"] == 2
    assert len([c for c in group.children if isinstance(c, nodes.colspec)]) == 2
    assert all(len(row.children) == 2 for row in tree.findall(nodes.row))


def test_facilitator_edition_keeps_everything_but_the_writing_space_and_slides():
    tree = filter_edition(document(), "facilitator")
    text = tree.astext()
    for kept in ("Facilitator note.", "The solution.", "Because.", "09:00"):
        assert kept in text
    assert "Slide bullet." not in text
    assert not list(tree.findall(writing_space))
    assert any(o["correct"] for o in tree.findall(quiz_option))


def test_filtering_never_changes_the_shared_doctree():
    original = document()
    before = original.pformat()
    filter_edition(original, "learner")
    assert original.pformat() == before
