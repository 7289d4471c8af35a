# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""References back to the outbound guide, section by section."""

from __future__ import annotations

from pathlib import Path

import pybtex.database
import pytest

from courseware import guide

ROOT = Path(__file__).resolve().parent.parent
GUIDE = guide.load()


def entries(name: str):
    return pybtex.database.parse_file(str(ROOT / "source" / name)).entries


def test_guide_bib_is_generated_from_the_pinned_section_list():
    assert (ROOT / "source/guide.bib").read_text(encoding="utf-8") == guide.bibtex(GUIDE), (
        "source/guide.bib is out of date: run `make bib`"
    )
    bib = entries("guide.bib")
    assert set(bib) == {"guide"} | {s.key for s in GUIDE.sections}


def test_guide_entries_point_at_pinned_section_urls():
    pinned = {s.url for s in GUIDE.sections}
    for key, entry in entries("guide.bib").items():
        url = entry.fields.get("url", "")
        if key == "guide":
            assert url == f"{GUIDE.repository}/tree/{GUIDE.commit}"
        else:
            assert url in pinned, f"{key}: {url} is not a pinned section URL"
        assert GUIDE.commit in url, key


def test_every_other_source_has_a_url():
    for key, entry in entries("references.bib").items():
        assert entry.fields.get("url", "").startswith("https://"), f"references.bib: {key} has no https URL"
        assert not key.startswith(guide.KEY_PREFIX + "-"), f"{key}: guide entries belong in guide.bib"


def cited_guide_sections(course) -> dict[str, set[str]]:
    env = course.env()
    by_doc: dict[str, set[str]] = {}
    for ref in env.domaindata["cite"]["citation_refs"]:
        by_doc.setdefault(ref.docname, set()).update(t.key for t in ref.targets)
    return {d: {k for k in keys if GUIDE.section(k)} for d, keys in by_doc.items()}


def test_every_lesson_cites_a_guide_section(course):
    cited = cited_guide_sections(course)
    missing = [d for d in course.lessons() if not cited.get(d)]
    assert not missing, f"lessons citing no guide section: {missing}"


def _all_modules_have_lessons() -> bool:
    for module in ("module1", "module2", "module3"):
        text = (ROOT / "source" / module / "index.md").read_text(encoding="utf-8")
        toctree = text.split("{toctree}", 1)[-1].split("```", 1)[0]
        if not any(line.strip() and not line.strip().startswith(":") for line in toctree.splitlines()):
            return False
    return True


@pytest.mark.xfail(
    not _all_modules_have_lessons(),
    reason="expected to fail only until Modules 2 and 3 have lessons: they teach chapter 3 of the guide",
    strict=True,
)
def test_every_guide_section_is_cited_by_a_lesson(course):
    cited = set().union(*cited_guide_sections(course).values())
    missing = [f"{s.number} {s.title}" for s in GUIDE.sections if s.must_be_cited and s.key not in cited]
    assert not missing, "guide sections no lesson cites:\n" + "\n".join(missing)


def test_coverage_page_lists_every_section_and_every_lesson(course):
    page = course.page("html", "coverage")
    first = page.select_one("table.cw-coverage-guide")
    rows = first.select("tbody tr")
    assert len(rows) == len(GUIDE.sections)
    cited = cited_guide_sections(course)
    for row, section in zip(rows, GUIDE.sections):
        cells = row.find_all("td")
        assert cells[1].get_text(strip=True) == section.title
        assert cells[1].find("a")["href"] == section.url
        citing = {a["href"] for a in cells[2].find_all("a")}
        expected = {d for d, keys in cited.items() if section.key in keys}
        assert len(citing) == len(expected), section.title
    second = page.select_one("table.cw-coverage-lessons")
    assert len(second.select("tbody tr")) == len(course.lessons())


def test_module_one_covers_the_introduction_and_contribution_chapters(course):
    cited = set().union(*cited_guide_sections(course).values())
    chapters = ("content/01-introduction.md", "content/02-contributions-to-existing-projects.md")
    missing = [f"{s.number} {s.title}" for s in GUIDE.sections if s.file in chapters and s.key not in cited]
    assert not missing, "sections of guide chapters 1 and 2 that no lesson cites:\n" + "\n".join(missing)


def test_summary_pages_follow_an_incremental_change(tmp_path):
    """Change one lesson, rebuild: the coverage page and the agenda follow."""
    from .conftest import copy_tree, sphinx_build

    root = copy_tree(tmp_path)

    def build() -> None:
        process = sphinx_build(root, "html", "html")
        log, _ = process.communicate()
        assert process.returncode == 0, log

    def coverage_row(number: str) -> str:
        from bs4 import BeautifulSoup

        page = BeautifulSoup((root / "_build/html/coverage.html").read_text(), "html.parser")
        for row in page.select("table.cw-coverage-guide tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
            if cells[0] == number:
                return cells[2]
        raise AssertionError(number)

    build()
    assert "About this course" in coverage_row("1.1")
    lesson = root / "source/introduction/about.md"
    text = lesson.read_text()
    lesson.write_text(text.replace("{cite}`guide-goal-and-target-audience`", "").replace("duration: 30", "duration: 35"))
    build()
    assert "About this course" not in coverage_row("1.1")
    assert "35 min" in (root / "_build/html/index.html").read_text()
