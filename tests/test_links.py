# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Links between the HTML course and the decks, for every pair of address schemes (courseware/links.py).

The tiny course is built as the HTML course (html or dirhtml) and as decks
(revealjs or dirrevealjs) side by side, each told the other's builder; every
link from one output to the other must land on a file that exists, at an id
that exists.
"""

from __future__ import annotations

import itertools
from pathlib import Path, PurePosixPath
from shutil import copytree
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from courseware.config import from_values
from courseware.links import deck_url, page_url

PAIRS = list(itertools.product(("html", "dirhtml"), ("revealjs", "dirrevealjs")))


def build(srcdir: Path, builder: str, html: str, decks: str) -> Path:
    settings = {"courseware_html_builder": html, "courseware_slides_builder": decks,
                "courseware_html_url": f"../{html}/", "courseware_slides_url": f"../{decks}/"}
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides=settings,
                        tags=["slides"] if builder.endswith("revealjs") else [])
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == "", app.warning.getvalue()
    return Path(app.outdir)


def page_file(out: Path, builder: str, docname: str) -> Path:
    return out / (f"{docname}/index.html" if builder.startswith("dir") and docname != "index" else f"{docname}.html")


def follow(page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link from ``page`` opens, and its fragment."""
    parts = urlsplit(href)
    target = (page.parent / PurePosixPath(parts.path)).resolve()
    return (target / "index.html" if parts.path.endswith("/") or target.is_dir() else target), parts.fragment


@pytest.mark.parametrize("html, decks", PAIRS)
def test_links_between_the_course_and_the_decks_land(rootdir, tmp_path, html, decks):
    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    course, slides = build(srcdir, html, html, decks), build(srcdir, decks, html, decks)
    lesson = page_file(course, html, "mod/lesson")
    link = BeautifulSoup(lesson.read_text(encoding="utf-8"), "html.parser").select_one(".cw-deck-link a")["href"]
    target, _ = follow(lesson, link)
    assert target == page_file(slides, decks, "mod/lesson").resolve(), (link, target)
    deck = page_file(slides, decks, "mod/lesson")
    links = {a.get_text(): a["href"] for a in BeautifulSoup(deck.read_text(encoding="utf-8"), "html.parser")
             .select(".slides section[data-cw-kind='exercise'] a")}
    target, fragment = follow(deck, links["The case"])
    assert target == page_file(course, html, "case").resolve(), (links["The case"], target)
    assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=fragment), fragment


@pytest.mark.parametrize("html, decks, lesson, its_deck", [
    ("html", "revealjs", "https://x.example/c/html/mod/lesson.html", "https://x.example/c/slides/mod/lesson.html"),
    ("dirhtml", "dirrevealjs", "https://x.example/c/html/mod/lesson/", "https://x.example/c/slides/mod/lesson/"),
])
def test_printed_addresses_follow_the_published_schemes(html, decks, lesson, its_deck):
    class Config:
        root_doc = "index"
        _courseware = from_values({"courseware_base_url": "https://x.example/c/html/",
                                   "courseware_html_builder": html, "courseware_slides_builder": decks}, Path())

    assert page_url(Config, "mod/lesson") == lesson
    assert deck_url(Config, "mod/lesson") == its_deck
    assert page_url(Config, "index") == ("https://x.example/c/html/index.html" if html == "html"
                                         else "https://x.example/c/html/")
