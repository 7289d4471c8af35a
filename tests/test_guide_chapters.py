# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The guide's own chapters (tests/roots/test-guide), Markdown written for another tool, build through
every output with warnings as errors; the PDF holds every chapter, every image and working cross-links."""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree

import pytest
from pypdf import PdfReader

from .conftest import build_each
from .test_print import outline

ROOT = Path(__file__).parent / "roots" / "test-guide"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("guide") / "src"
    copytree(ROOT, srcdir)
    return build_each(srcdir, (("html", ()), ("revealjs", ("slides",)), ("handouts", ())))


def chapter_titles() -> list[str]:
    return [re.search(r"^# (.+)$", p.read_text(encoding="utf-8"), re.M).group(1)
            for p in sorted((ROOT / "content").glob("*.md"))]


def test_every_chapter_prints_and_is_bookmarked(built):
    bookmarks = [mark.title for mark in outline(built["handouts"] / "guide.pdf")]
    for title in chapter_titles():
        assert title in bookmarks, f"no bookmark for the chapter {title!r}"


def test_every_image_of_the_guide_is_in_the_pdf_with_its_alt_text(built):
    reader = PdfReader(built["handouts"] / "guide.pdf")
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(list((ROOT / "img").iterdir())), images
    markup = (built["handouts"] / "guide.typ").read_text(encoding="utf-8")
    for alt in re.findall(r"!\[([^\]]+)\]\(\.\./img/", "".join(p.read_text() for p in (ROOT / "content").glob("*.md"))):
        assert f'alt: "{alt}"' in markup, alt


def test_cross_links_between_chapters_land_on_their_section(built):
    """The guide links from chapter 3 to a section of chapter 1: in print it is a link inside the PDF."""
    reader = PdfReader(built["handouts"] / "guide.pdf")
    internal = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])
                if a.get_object().get("/Subtype") == "/Link" and "/Dest" in a.get_object()]
    external = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])
                if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]]
    assert internal, "no link inside the PDF"
    assert not [u for u in external if not u.startswith(("http://", "https://", "mailto:"))], external


def test_the_pdf_passes_pdf_ua_1(built):
    import page

    report = page.validate_pdf(built["handouts"] / "guide.pdf", profile="ua1")
    assert report.rules.failed == 0, [(f.rule_id, f.message) for f in report.failures][:5]
