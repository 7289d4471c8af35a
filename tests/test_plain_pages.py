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
    html = (built["handouts"] / "plain.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    page = BeautifulSoup(html, "html.parser")
    for link in page.select('a[href^="#"]'):
        assert page.find(id=link["href"][1:]) is not None, f"a link to {link['href']} goes nowhere"
    images = page.select("main img")
    assert images and all((built["handouts"] / img["src"]).exists() for img in images)


def test_the_html_course_keeps_links_and_anchors(built):
    page = BeautifulSoup((built["html"] / "guide/intro.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in page.select("a.reference.internal")}
    assert "../appendix.html#an-anchor" in hrefs and "../appendix.html#answers" in hrefs
