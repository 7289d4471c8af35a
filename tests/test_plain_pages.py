# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Any page that builds in plain Sphinx with MyST builds through every output, whole (tests/roots/test-plain)."""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from .test_print import flat, links, outline, printed, text_in

ROOT = Path(__file__).parent / "roots" / "test-plain"
TEXTS = ["Pages imported from elsewhere", "A heading named like the handout", "a code block", "three",
         "Text under an anchor", "A heading named like the self-study answers", "that starts at three"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("plain") / "src"
    copytree(ROOT, srcdir)
    outputs = {}
    for builder, tags in (("html", ()), ("revealjs", ("slides",)), ("handouts", ())):
        app = SphinxTestApp(builder, srcdir=srcdir, tags=tags, warningiserror=True)
        try:
            app.build()
        finally:
            app.cleanup()
        assert app.warning.getvalue() == "", f"{builder}: {app.warning.getvalue()}"
        outputs[builder] = app.outdir
    return outputs


def test_plain_pages_build_in_every_output_with_warnings_as_errors(built):
    assert (built["html"] / "appendix.html").exists()
    assert (built["revealjs"] / "index.html").exists()
    for pdf in ("plain.pdf", "plain-guide.pdf"):
        text = " ".join(page.extract_text() for page in PdfReader(built["handouts"] / pdf).pages)
        text = " ".join(text.split())
        for words in TEXTS:
            assert words in text, f"{pdf} lacks {words!r}"


def test_generated_ids_never_clash_with_a_pages_own(built):
    """Pages with headings named like the chapters the handouts add (References, Answers, Contents) keep their
    own anchors. (On Typst two equal labels are a compile error, so the HTML's duplicate-id check has no
    counterpart; what can still go wrong is a link that leads elsewhere:) every internal link of the PDF
    goes to a page of the document, the guide's two links to the appendix land on the page that holds
    their anchor, and every image the markup draws exists."""
    pdf = built["handouts"] / "plain.pdf"
    sheets = printed(pdf).sheets
    internal = [link for link in links(pdf) if link.internal]
    assert internal
    for link in internal:
        assert link.target is not None and 1 <= link.target <= len(sheets), f"p. {link.page}: a link to nowhere"
    for words, anchored in (("the appendix", "Text under an anchor"),
                            ("its answers", "A heading named like the self-study answers")):
        link = next(link for link in internal if flat(text_in(sheets[link.page - 1], link.rect)) == words)
        assert anchored in flat(sheets[link.target - 1].text()), f"{words!r} leads to page {link.target}"
    markup = pdf.with_suffix(".typ").read_text(encoding="utf-8")
    images = re.findall(r'#cw-image\("/([^"]+)"', markup)
    assert images and all((built["handouts"] / image).exists() for image in images)


def test_a_page_titled_in_its_front_matter_is_titled_so_everywhere(built):
    """A page with ``title:`` in its front matter and ``##`` headings (tests/roots/test-plain/hugo.md): the
    title is its page title and heading in the HTML, the contents' entry and a PDF bookmark beside its sibling pages;
    its in-page links lead to its sections."""
    title = "Imported from Hugo: a page titled in its front matter"
    page = BeautifulSoup((built["html"] / "hugo.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text(" ", strip=True).rstrip("#¶").strip() == title
    assert title in page.title.get_text()
    assert [h.get_text(" ", strip=True).rstrip("#¶").strip() for h in page.select("h2")] == [
        "The first section", "The second section"]
    hrefs = {a["href"] for a in page.select("a.reference.internal")}
    assert {"#the-first-section", "#the-second-section"} <= hrefs
    assert all(page.find(id=href[1:]) for href in hrefs if href.startswith("#") and href != "#")
    index = BeautifulSoup((built["html"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert title in [a.get_text(" ", strip=True) for a in index.select(".toctree-wrapper a")]
    marks = {mark.title: mark.depth for mark in outline(built["handouts"] / "plain.pdf")}
    assert marks.get(title) == marks["Appendix"], marks  # a page beside its sibling pages


def test_site_absolute_paths_reach_the_static_folder_in_every_output(built):
    """``/img/badge.svg`` and ``/files/checklist.txt`` on the Hugo-style page live in the root's ``static/``
    (``courseware_site_files``): the HTML shows the image and links the file, the PDF draws the image."""
    page = BeautifulSoup((built["html"] / "hugo.html").read_text(encoding="utf-8"), "html.parser")
    image = page.find("img", alt="A badge from the static folder")
    assert image is not None and (built["html"] / image["src"]).is_file()
    download = next(a for a in page.select("a") if a.get_text(strip=True) == "the checklist")
    assert (built["html"] / download["href"]).read_text() == "A checklist kept in the static folder.\n"
    markup = (built["handouts"] / "plain.typ").read_text(encoding="utf-8")
    assert re.search(r'#cw-image\("/[^"]*badge\.svg", alt: "A badge from the static folder"', markup)


def test_a_site_absolute_path_found_nowhere_is_a_warning_with_its_line(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    page = srcdir / "hugo.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/img/badge.svg", "/img/missing.svg"),
                    encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    assert re.search(r"hugo\.md:\d+: WARNING: image file not readable: img/missing\.svg", app.warning.getvalue())


def test_a_site_files_folder_that_does_not_exist_is_one_clear_line(tmp_path):
    from sphinx.errors import ConfigError

    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text() + '\ncourseware_site_files = "public"\n')
    with pytest.raises(ConfigError, match="courseware_site_files: the source folder has no folder 'public'"):
        SphinxTestApp("html", srcdir=srcdir)


def test_the_html_course_keeps_links_and_anchors(built):
    page = BeautifulSoup((built["html"] / "guide/intro.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in page.select("a.reference.internal")}
    assert "../appendix.html#an-anchor" in hrefs and "../appendix.html#answers" in hrefs


def test_a_courses_own_templates_replace_the_extensions(tmp_path):
    """The print templates and the deck style ship inside the extension; a file of the same name in the
    project's ``handouts/``, or in a folder of its ``revealjs_static_path``, replaces it (a training team
    brands its workbooks there)."""
    from courseware.handouts.builder import DEFAULT_TEMPLATES
    from courseware.slides import STATIC

    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    (srcdir / "handouts").mkdir()
    cover = (DEFAULT_TEMPLATES / "cover.typ").read_text(encoding="utf-8")
    marked = cover.replace("#v(1fr)", "#v(1fr)\n  Printed for the Acme Academy", 1)
    assert marked != cover
    (srcdir / "handouts" / "cover.typ").write_text(marked, encoding="utf-8")
    (srcdir / "slides").mkdir()
    (srcdir / "slides" / "deck.css").write_text("/* Acme Academy decks */\n", encoding="utf-8")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('revealjs_static_path = ["slides"]\n')
    outputs = {}
    for builder, tags in (("handouts", ()), ("revealjs", ("slides",))):
        app = SphinxTestApp(builder, srcdir=srcdir, tags=tags, warningiserror=True)
        try:
            app.build()
        finally:
            app.cleanup()
        outputs[builder] = app.outdir
    first = PdfReader(outputs["handouts"] / "plain.pdf").pages[0].extract_text()
    assert "Printed for the Acme Academy" in " ".join(first.split())
    assert (outputs["revealjs"] / "_static" / "deck.css").read_text() == "/* Acme Academy decks */\n"
    assert (STATIC / "deck.css").read_text() != "/* Acme Academy decks */\n"
