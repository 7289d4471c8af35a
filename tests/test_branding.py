# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A training team changes one block in conf.py, and every output follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from courseware.config import read_settings

from .conftest import copy_repository, once, sphinx_build
from .test_print import same_colour

BRAND = """courseware_brand = {
    "organisation": "Acme Training GmbH",
    "logo": "branding/logo.svg",
    "primary": "#8b1a1a",
    "accent": "#b35900",
    "font": "Source Sans Pro",
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}
"""

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" role="img" aria-label="Acme">'
    '<rect width="200" height="60" fill="#8b1a1a"/></svg>'
)


def rebrand(root, brand: str) -> None:
    """Change the brand block, and print only the first listed PDF (as ``branded.pdf``), to keep this quick."""
    first = read_settings(root).handouts[0]
    conf = (root / "conf.py").read_text()
    conf = re.sub(r"courseware_brand = \{.*?\n\}\n", lambda _: brand, conf, flags=re.S)
    one = f"\ncourseware_handouts = [({first.start!r}, 'branded.pdf', {first.title!r}, 'learner')]\n"
    (root / "conf.py").write_text(conf + one)
    (root / "branding").mkdir(exist_ok=True)
    (root / "branding/logo.svg").write_text(LOGO)


@pytest.fixture(scope="session")
def branded(tmp_path_factory):
    def make(root: Path) -> str:
        rebrand(copy_repository(root), BRAND)
        builds = [sphinx_build(root, output) for output in ("html", "slides", "handouts")]
        logs = [process.communicate()[0] for process in builds]
        return "\n".join(log for log, process in zip(logs, builds) if process.returncode)

    return once(tmp_path_factory, "branded", make) / "_build"


def test_html_course_follows_the_brand(branded):
    css = (branded / "html/_static/brand-web.css").read_text()
    assert "#8b1a1a" in css and "#b35900" in css and "brand-logo.svg" in css
    home = BeautifulSoup((branded / "html/index.html").read_text(), "html.parser")
    assert home.select_one("img.sidebar-logo"), "the logo is not in the HTML course"
    assert "#8b1a1a" in str(home.find_all("style"))


def test_decks_follow_the_brand(branded):
    assert "#8b1a1a" in (branded / "slides/_static/brand.css").read_text()
    assert (branded / "slides/_static/brand-logo.svg").exists()
    index = BeautifulSoup((branded / "slides/index.html").read_text(), "html.parser")
    assert "Acme Training GmbH" in index.select_one(".slides").get_text()


def test_pdfs_follow_the_brand(branded):
    """The organisation is the PDF's author and stands on its cover, with its logo. (Typst draws an SVG logo
    as paths on the page, not as an image object: the logo is the cover's figure, named by the organisation,
    whose marked content draws the logo's shape in its colour.)"""
    import pdfplumber

    path = branded / "handouts/branded.pdf"
    reader = PdfReader(path)
    assert reader.metadata.author == "Acme Training GmbH"
    cover = reader.pages[0]
    assert "Acme Training GmbH" in cover.extract_text()
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]

        def elements(items):
            for item in items:
                yield item
                yield from elements(item.get("children", []))

        figures = [e for e in elements(pdf.structure_tree) if e.get("type") == "Figure" and e.get("page_number") == 1]
        logo = next((e for e in figures if e.get("alt_text") == "Acme Training GmbH"), None)
        assert logo is not None, f"the logo is not on the cover: {figures}"
        drawn = [shape for shape in page.rects + page.curves if shape.get("mcid") in (logo.get("mcids") or [])
                 and shape.get("fill") and same_colour(shape["non_stroking_color"], "#8b1a1a")]
    assert drawn, "the cover's logo draws nothing in the logo's colour"
    width, height = drawn[0]["x1"] - drawn[0]["x0"], drawn[0]["bottom"] - drawn[0]["top"]
    assert abs(width / height - 200 / 60) < 0.05, "the logo keeps its proportions"


def test_a_misspelt_brand_key_stops_the_build(tmp_path):
    root = copy_repository(tmp_path)
    rebrand(root, BRAND.replace('"primary"', '"primay"'))
    process = sphinx_build(root, "html")
    log, _ = process.communicate()
    assert process.returncode != 0
    assert "courseware_brand: unknown key(s) primay" in log
