# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""References back to the outbound guide, section by section."""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.database

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
    env = course.env
    by_doc: dict[str, set[str]] = {}
    for ref in env.domaindata["cite"]["citation_refs"]:
        by_doc.setdefault(ref.docname, set()).update(t.key for t in ref.targets)
    return {d: {k for k in keys if GUIDE.section(k)} for d, keys in by_doc.items()}


def test_every_lesson_cites_a_guide_section(course):
    cited = cited_guide_sections(course)
    missing = [d for d in course.lessons() if course.records[d].kind == "lesson" and not cited.get(d)]
    assert not missing, f"lessons citing no guide section: {missing}"


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
    assert len(second.select("tbody tr")) == len([d for d in course.lessons() if d in cited])


def test_summary_pages_follow_an_incremental_change(tmp_path, course):
    """Change one lesson, rebuild: the coverage page and the agenda follow."""
    from bs4 import BeautifulSoup

    from courseware.agenda import format_minutes

    from .conftest import copy_repository, sphinx_build

    root = copy_repository(tmp_path)

    def build() -> None:
        process = sphinx_build(root, "html")
        log, _ = process.communicate()
        assert process.returncode == 0, log

    def coverage_row(number: str) -> str:
        page = BeautifulSoup((root / "_build/html/coverage.html").read_text(), "html.parser")
        for row in page.select("table.cw-coverage-guide tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
            if cells[0] == number:
                return cells[2]
        raise AssertionError(number)

    # what can give a minute and keep the lesson within the standard: a slide of two minutes or more, or an
    # activity of more than 25 (above every activity's minimum)
    spare = re.compile(r"(\{slide\}[^\n]*\n:minutes: )([2-9]|\d\d+)\b"
                       r"|(\{(?:exercise|discussion)\}[^\n]*\n(?::[a-z]+:[^\n]*\n)*?:minutes: )(2[6-9]|[3-9]\d)\b")

    # a section that exactly one lesson cites, with single-number {guide} roles only, in a lesson with a
    # minute to spare (below, it gives that minute, so that the timing still adds up)
    cited = cited_guide_sections(course)
    docname, section = next(
        (d, GUIDE.section(k)) for d in course.lessons() for k in sorted(cited.get(d, ()))
        if sum(k in keys for keys in cited.values()) == 1 and only_single_roles(root / "source" / f"{d}.md", k)
        and spare.search((root / "source" / f"{d}.md").read_text())
    )
    title = course.env.titles[docname].astext()
    build()
    assert title in coverage_row(section.number)
    lesson = root / "source" / f"{docname}.md"
    text = lesson.read_text().replace(f"{{guide}}`{section.number}`", "")
    # one minute less, in the front matter and in what can spare it, so the timing still adds up (a minute
    # more could break the course's budget, which the course may use in full)
    old = course.records[docname].duration
    text = text.replace(f"duration: {old}", f"duration: {old - 1}", 1)

    def shorter(m: re.Match) -> str:
        head, minutes = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return f"{head}{int(minutes) - 1}"

    text, cut = spare.subn(shorter, text, count=1)
    assert cut, f"{docname}: nothing to shorten"
    lesson.write_text(text)
    build()
    assert title not in coverage_row(section.number)
    total = sum(row.minutes for row in course.rows()) - 1
    assert f"Total instruction {format_minutes(total)}" in BeautifulSoup(
        (root / "_build/html/index.html").read_text(), "html.parser").get_text(" ", strip=True)


def only_single_roles(path: Path, key: str) -> bool:
    """Whether ``path`` cites the section ``key`` only as ``{guide}`N``` (so removing those removes it)."""
    text = path.read_text(encoding="utf-8")
    number = GUIDE.section(key).number
    roles = re.findall(r"\{guide\}`([^`]*)`", text)
    uses = [r for r in roles if number in [n.strip() for n in r.split(",")]]
    return bool(uses) and all(r.strip() == number for r in uses) and key not in text


def test_a_title_in_another_language_says_which_on_slides_and_paper():
    from courseware.references import plain_title

    assert plain_title({"title": "{Der Sovereign Tech Fund}", "language": "german"}, "k") == \
        "Der Sovereign Tech Fund (in German)"
    assert plain_title({"title": "The {OSPO} survey", "language": "english"}, "k") == "The OSPO survey"
    assert plain_title({}, "key") == "key"
