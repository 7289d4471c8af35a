# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Bad input stops the build with the file, the line and what was meant.

Each case is the tiny course of tests/roots/test-vocabulary with one thing
broken in its lesson, built in process; the message must stand at the line
of the broken text (MyST numbers a directive nested in another from its
first content line, so one line further down is accepted too).
"""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from .conftest import build_once

ROOT = Path(__file__).parent / "roots" / "test-vocabulary"
LESSON = (ROOT / "mod" / "lesson.md").read_text(encoding="utf-8")


def build(tmp_path: Path, lesson: str, builder: str = "html", **conf) -> str:
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    (srcdir / "mod" / "lesson.md").write_text(lesson, encoding="utf-8")
    return build_once(srcdir, builder, confoverrides=conf).warning.getvalue()


def line_of(text: str, needle: str) -> int:
    """The line of the first (or, written ``last:...``, the last) line holding ``needle``."""
    lines = list(enumerate(text.splitlines(), 1))
    if needle.startswith("last:"):
        needle, lines = needle[5:], lines[::-1]
    return next(i for i, line in lines if needle in line)


def test_the_tiny_course_builds_clean(tmp_path):
    assert build(tmp_path, LESSON) == ""


def swap(old: str, new: str) -> str:
    assert old in LESSON, old
    return LESSON.replace(old, new, 1)


# an exercise fenced with ':::' around a ':::{solution}': the exercise ends at the solution's
# closing fence, and the exercise's own closing fence opens a new, nameless block
MISNESTED = swap("## Knowledge check", ":::{exercise} Misnested\n:minutes: 1\n:objective: 1\n\nTask.\n\n"
                                       ":::{solution}\nInside.\n:::\n:::\n\n## Knowledge check")

# case: (broken lesson, the text (or number) of the line the message must name, None for line 1, message)
CASES = {
    "no duration": (swap("duration: 46\n", "title_only: yes\n"), None, "no 'duration'"),
    "duration not a number": (swap("duration: 46", "duration: half an hour"), None, "whole number of minutes"),
    "no objectives": (swap(":::{objectives}\n- Explain widgets.\n- Decide on a widget.\n- Draft a widget plan.\n:::\n",
                           ""), None, "no 'objectives'"),
    "two correct options": (swap("- [ ] Wrong one a\n", "- [x] Wrong one a\n"), "{question} First",
                            "exactly one correct option"),
    "option without a mark": (swap("- [ ] Wrong one a\n", "- Wrong one a\n"), "{question} First", "'[x]'"),
    "misspelt option": (swap(":minutes: 20\n", ":minuts: 20\n"), "{exercise} Plan a widget",
                        "unknown option ':minuts:' (did you mean 'minutes'?)"),
    "misspelt directive": (swap(":::{keypoints}", ":::{keypoint}"), "{keypoint}",
                           "unknown directive {keypoint} (did you mean 'keypoints'?)"),
    "misspelt directive in a tilde fence": (
        swap(":::{keypoints}\n- Widgets matter.\n- Plans matter.\n- Decisions matter.\n:::",
             "~~~{keypoint}\n- Widgets matter.\n- Plans matter.\n- Decisions matter.\n~~~"),
        "~~~{keypoint}", "unknown directive {keypoint} (did you mean 'keypoints'?)"),
    "misspelt glossary term": (swap("{term}`widget`", "{term}`widgit`"), "{term}`widgit`",
                               "(did you mean 'widget'?)"),
    "unknown guide section": (swap("More prose {guide}`1.2`.", "More prose {guide}`1.22`."), "{guide}`1.22`",
                              "no section numbered 1.22 (did you mean '1.2'?)"),
    "unknown citation key": (swap("{cite}`known`", "{cite}`unknown-key`"), "unknown-key", "unknown-key"),
    "slide outside a section": (swap(":::{prepare}", ":::{slide}\n- Too early\n:::\n\n:::{prepare}"), ":::{slide}",
                                "outside a '##' section"),
    "notes before the first section": (swap(":::{prepare}", ":::{notes}\nLost.\n:::\n\n:::{prepare}"), ":::{notes}",
                                       "reach no slide"),
    "solution outside an exercise": (LESSON + "\n:::{solution}\nLoose.\n:::\n", "last::::{solution}",
                                     "inside the 'exercise'"),
    "question outside a quiz": (swap("## Key points", "::::{question} Loose?\n:objective: 1\n\n- [x] A\n- [ ] B\n"
                                     "- [ ] C\n- [ ] D\n\nWhy.\n::::\n\n## Key points"), "Loose?",
                                "inside a 'quiz'"),
    "misnested fence": (MISNESTED, MISNESTED.splitlines().index("Inside.") + 3, "a fence marker ':::'"),
    "objective not assessed": (swap(":objective: 3\n", ":objective: 2\n"), "{objectives}",
                               "objective 3 ('Draft a widget plan.') is assessed by no question or activity"),
    "three options": (swap("- [ ] Wrong one c long\n", ""), "{question} First", "has 3 options; write 4"),
    "timing that does not add up": (swap("duration: 46", "duration: 61"), None, "leaving 18 for transitions"),
    "group work too short": (swap(":minutes: 20\n", ":minutes: 10\n"), "{exercise}", "group work needs at least 20"),
    "group work without a solo version": (swap(":::{solo}\nWrite the plan alone, then compare it with the "
                                               "solution.\n:::\n", ""), "{exercise}", "has no 'solo' version"),
    "classroom words in the task both versions share": (swap("The plan has three parts", "Show it to the room."),
                                                        "Show it to the room", "'the room' speaks to a room"),
    "nothing to cut": (swap(":::{cut} The second section's talk\n:saves: 2\nLearners read the section alone; the "
                            "figure stays on the slide.\n:::\n", ""), None, "marks nothing to cut"),
    "a cut without its minutes": (swap(":saves: 2\n", ""), "{cut}", "give ':saves:'"),
    "classroom words for a reader alone": (swap("Last prose.", "Last prose for your group."), "Last prose",
                                           "'your group' speaks to a room"),
    "a deadline that has passed": (swap("Last prose.", "Last prose: decide before March 2020."), "Last prose",
                                   "'before March 2020' has passed at the edition date"),
    "keys a permutation of the positions": (
        swap("::::{question} Fourth question?\n:objective: 1\n\n- [x] Right four here\n- [ ] Wrong four a long\n"
             "- [ ] Wrong four b\n- [ ] Wrong four c\n\nFourth explanation.\n::::\n", ""),
        "{question} A question inside", "each position once"),
    "the answer never the longest option": (swap("Nested right one, the longest", "Nested right"), None,
                                            "at least 10 %"),
    "every key at one position": (
        swap("- [ ] Wrong three c\n- [x] Right three: {x} ~ y", "- [x] Wrong three c\n- [ ] Right three: {x} ~ y")
        .replace("- [ ] Wrong two a long\n- [x] Right two here", "- [x] Wrong two a long\n- [ ] Right two here"),
        None, "no question has its answer at",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_at_its_file_and_line(tmp_path, case):
    lesson, needle, message = CASES[case]
    warnings = build(tmp_path, lesson)
    located = [row for row in warnings.splitlines() if message in row]
    assert located, f"{case}: no message {message!r} in:\n{warnings}"
    if needle is None and case in ("every key at one position", "the answer never the longest option"):
        assert "mod/lesson.md:" in located[0]
        return
    line = 1 if needle is None else needle if isinstance(needle, int) else line_of(lesson, needle)
    assert any(f"lesson.md:{line}:" in row or f"lesson.md:{line + 1}:" in row for row in located), (
        f"{case}: expected the message at lesson.md:{line}, got:\n{warnings}"
    )


def test_a_missing_logo_is_a_configuration_error_naming_the_setting(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    with pytest.raises(ConfigError, match=r"courseware_brand\['logo'\]: no file 'branding/logo.svg'"):
        SphinxTestApp("html", srcdir=srcdir, confoverrides={"courseware_brand": {"logo": "branding/logo.svg"}})


def test_a_logo_anywhere_in_the_project_is_used(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    (srcdir / "art" / "deep").mkdir(parents=True)
    (srcdir / "art" / "deep" / "mark.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Mark</title>'
        '<rect width="10" height="10"/></svg>')
    app = build_once(srcdir, confoverrides={"courseware_brand": {"logo": "art/deep/mark.svg"}})
    assert app.warning.getvalue() == ""
    assert (app.outdir / "_static" / "brand-logo.svg").exists()


def test_a_course_longer_than_its_budget_or_its_days_is_said_in_plain_words(tmp_path):
    standard = {"lesson_words": [0, 10000], "section_words": [0, 10000], "course_minutes": 40}
    schedule = {"start": "09:00", "end": "10:00", "days": 1}
    warnings = build(tmp_path, LESSON, courseware_standard=standard, courseware_schedule=schedule)
    assert "index.md:1: WARNING: the lessons' durations add up to 46 minutes (46 min); the course has at most " \
           "40: cut 6 minutes" in warnings
    assert "Day 1 ends at 10:46, after the day's end (10:00)" in warnings
