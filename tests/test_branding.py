# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A training team changes one block in conf.py, and every output follows."""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2.raw as pdfium_c
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from courseware.config import read_settings

from .conftest import copy_repository, once, sphinx_build
from .test_print import paths, same_colour

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
    import pypdfium2 as pdfium

    path = branded / "handouts/branded.pdf"
    reader = PdfReader(path)
    assert reader.metadata.author == "Acme Training GmbH"
    cover = reader.pages[0]
    assert "Acme Training GmbH" in cover.extract_text()
    page = pdfium.PdfDocument(path)[0]
    text = (ctypes.c_ushort * 256)()

    def read(getter, element) -> str:
        length = getter(element, text, ctypes.sizeof(text))
        return bytes(text)[:max(length - 2, 0)].decode("utf-16-le")

    def below(elements):
        for element in elements:
            if element:
                yield element
                yield from below(pdfium_c.FPDF_StructElement_GetChildAtIndex(element, index)
                                 for index in range(pdfium_c.FPDF_StructElement_CountChildren(element)))

    tree = pdfium_c.FPDF_StructTree_GetForPage(page)
    figures = {read(pdfium_c.FPDF_StructElement_GetAltText, element): element
               for element in below(pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, index)
                                    for index in range(pdfium_c.FPDF_StructTree_CountChildren(tree)))
               if read(pdfium_c.FPDF_StructElement_GetType, element) == "Figure"}
    logo = figures.get("Acme Training GmbH")
    assert logo is not None, f"the logo is not on the cover: {list(figures)}"
    mcids = {pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(logo, index)
             for index in range(pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(logo))}
    drawn = [(x0, top, x1, bottom) for x0, top, x1, bottom, fill, _, mcid in paths(page)
             if mcid in mcids and same_colour(fill, "#8b1a1a")]
    pdfium_c.FPDF_StructTree_Close(tree)
    assert drawn, "the cover's logo draws nothing in the logo's colour"
    x0, top, x1, bottom = drawn[0]
    width, height = x1 - x0, bottom - top
    assert abs(width / height - 200 / 60) < 0.05, "the logo keeps its proportions"


def test_a_misspelt_brand_key_stops_the_build(tmp_path):
    root = copy_repository(tmp_path)
    rebrand(root, BRAND.replace('"primary"', '"primay"'))
    process = sphinx_build(root, "html")
    log, _ = process.communicate()
    assert process.returncode != 0
    assert "courseware_brand: unknown key(s) primay" in log
