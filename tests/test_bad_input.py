# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Bad input stops the build with a message naming the file and the line.

Each case is a tiny project in a temporary directory: one good lesson with
one thing broken.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_revealjs", "courseware"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
"""

BIB = """
@misc{known,
  author = {{Someone}},
  title = {{A source}},
  year = {2022},
  url = {https://example.org/source},
}
"""

GOOD = """---
duration: 30
---

# A lesson

:::{objectives}
- Explain a thing.
:::

## A section

Prose {cite}`known`.

:::{slide}
- A bullet
:::

::::{quiz}
:::{question} Which one?
- [x] This one
- [ ] That one

Because.
:::
::::
"""


def build(tmp_path: Path, lesson: str, builder: str = "html") -> subprocess.CompletedProcess:
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "refs.bib").write_text(BIB)
    (tmp_path / "index.md").write_text("# Course\n\n```{toctree}\nlesson\n```\n\n```{bibliography}\n```\n")
    (tmp_path / "lesson.md").write_text(lesson)
    return subprocess.run(
        [str(BIN / "sphinx-build"), "-b", builder, "-W", "--keep-going", "-q", ".", "_build"],
        cwd=tmp_path, capture_output=True, text=True,
    )


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_good_lesson_builds(tmp_path):
    result = build(tmp_path, GOOD)
    assert result.returncode == 0, result.stderr


CASES = {
    "no duration": (GOOD.replace("duration: 30\n", "title_only: yes\n"), None, "no 'duration'"),
    "duration not a number": (GOOD.replace("duration: 30", "duration: half an hour"), None, "whole number of minutes"),
    "duration zero": (GOOD.replace("duration: 30", "duration: 0"), None, "whole number of minutes"),
    "no objectives": (GOOD.replace(":::{objectives}\n- Explain a thing.\n:::\n", ""), None, "no 'objectives'"),
    "two correct options": (GOOD.replace("- [ ] That one", "- [x] That one"), "{question}", "exactly one correct option"),
    "no correct option": (GOOD.replace("- [x] This one", "- [ ] This one"), "{question}", "exactly one correct option"),
    "option without mark": (GOOD.replace("- [ ] That one", "- That one"), "{question}", "'[x]'"),
    "unknown option": (GOOD.replace(":::{slide}\n", ":::{slide}\n:colour: red\n"), "{slide}", "colour"),
    "unknown exercise option": (
        GOOD + "\n::::{exercise} Try it\n:minuts: 10\n\nDo it.\n::::\n", ":minuts:", "minuts",
    ),
    "unknown citation key": (GOOD.replace("{cite}`known`", "{cite}`unknown-key`"), "unknown-key", "unknown-key"),
    "slide outside a section": (
        GOOD.replace("## A section", ":::{slide}\n- Too early\n:::\n\n## A section"), "{slide}", "outside a '##' section",
    ),
    "unknown guide section": (GOOD.replace("{cite}`known`", "{guide}`9.9`"), "{guide}", "no section numbered 9.9"),
    "solution outside an exercise": (GOOD + "\n:::{solution}\nLoose.\n:::\n", "{solution}", "inside the 'exercise'"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_the_build_naming_file_and_line(tmp_path, case):
    lesson, needle, message = CASES[case]
    result = build(tmp_path, lesson)
    assert result.returncode != 0, f"{case}: the build did not stop"
    output = result.stderr
    assert message in output, output
    # The line of the offending text; MyST numbers a directive nested in
    # another directive from its first content line, one further down.
    line = 1 if needle is None else line_of(lesson, needle)
    located = [row for row in output.splitlines() if message in row]
    assert any(f"lesson.md:{line}:" in row or f"lesson.md:{line + 1}:" in row for row in located), (
        f"{case}: expected the message at lesson.md:{line}, got:\n{output}"
    )
