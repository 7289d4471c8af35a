# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The own-words check (tools/own_words.py): copied runs and close paraphrase of the guide.

The guide sentences below are quoted from the TODO Group's guide "Outbound
Open Source" (CC BY-SA 4.0, TODO Group and contributors,
https://github.com/todogroup/outbound-oss), to test that the check finds them
and the rewordings that keep their words in their order.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import own_words  # noqa: E402

GUIDE_SENTENCE = ("Launching a new open source project is comparable to a product introduction and it is, at first "
                  "hand, a software development project.")


@pytest.fixture(scope="module")
def guide():
    return own_words.Guide()


@pytest.mark.parametrize("text, found", [
    (GUIDE_SENTENCE, "8 or more of the guide's words in a row"),
    # a few words swapped, the rest in the guide's order
    ("Launching a fresh open source project resembles a product introduction; at first hand it remains a "
     "software development effort.", "follows a guide sentence too closely"),
    ("Beginning a new open source project compares with introducing a product, and first of all it is a "
     "software development project.", "follows a guide sentence too closely"),
])
def test_the_guide_and_its_close_rewordings_are_found(guide, text, found):
    assert any(found in message for _, message in own_words.findings(text, guide))


@pytest.mark.parametrize("text", [
    # the same facts, explained: another order, other words
    "A public project needs staff, a budget, a schedule and tests like any internal one; what changes is who "
    "watches.",
    # names and section titles may be shared with the guide
    "The guide sorts the motives into four families: build software faster and better; exercise strategic "
    "influence; attract, grow and retain talent; give back and keep open source sustainable.",
])
def test_own_words_and_names_pass(guide, text):
    assert own_words.findings(text, guide) == []


def test_a_finding_names_its_line(guide):
    text = "First line of our own.\n\nSecond paragraph, also ours.\n\n" + GUIDE_SENTENCE + "\n"
    assert [line for line, _ in own_words.findings(text, guide)] == [5]


def test_the_course_is_in_its_own_words():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "own_words.py"), str(ROOT / "source")],
                            capture_output=True, text=True)
    assert result.returncode == 0, "course text repeats or closely rewords the guide:\n" + result.stdout
