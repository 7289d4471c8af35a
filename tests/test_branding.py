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

from .browser import browser_page, serve
from .conftest import build_all, copy_repository, once, sphinx_build
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
    """Change the brand block and the paper (US Letter), and print only the first listed PDF (as
    ``branded.pdf``), to keep this quick."""
    first = read_settings(root).handouts[0]
    conf = (root / "conf.py").read_text()
    conf = re.sub(r"courseware_brand = \{.*?\n\}\n", lambda _: brand, conf, flags=re.S)
    one = (f"\ncourseware_handouts = [({first.start!r}, 'branded.pdf', {first.title!r}, 'learner')]\n"
           'courseware_paper = "letter"\n')
    (root / "conf.py").write_text(conf + one)
    (root / "branding").mkdir(exist_ok=True)
    (root / "branding/logo.svg").write_text(LOGO)


@pytest.fixture(scope="session")
def branded(tmp_path_factory):
    def make(root: Path) -> str:
        rebrand(copy_repository(root), BRAND)
        return "\n".join(build_all(root, ("slides", "handouts")))

    return once(tmp_path_factory, "branded", make) / "_build"


def default_colours_in(folder: Path) -> list[tuple[str, str]]:
    """(file, colour) for every default primary or accent, or tint of one, in the CSS, SVG and HTML files
    (a tint that keeps a tenth of the colour or more: paler ones are the near-white greys of any page)."""
    from courseware.colours import is_tint
    from courseware.config import Brand

    default = Brand()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".css", ".svg", ".html") or not path.is_file():
            continue
        for colour in set(re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8", errors="replace"))):
            if is_tint(colour, default.primary, 0.1) or is_tint(colour, default.accent, 0.1):
                found.append((path.relative_to(folder).as_posix(), colour))
    return found


def test_a_rebrand_leaves_no_default_colour_in_any_output(branded, course):
    """In every CSS, SVG and HTML file of the rebranded HTML course, decks and print images: none of the
    default brand's colours, nor a tint of them. (The default build has them: the check finds what it
    looks for.)"""
    assert default_colours_in(course.out("html")), "the default course uses its own colours"
    left = default_colours_in(branded)
    assert not left, f"default colours after a rebrand (file, colour): {left[:8]} ({len(left)})"


def test_html_course_follows_the_brand(branded):
    css = (branded / "html/_static/brand-web.css").read_text()
    assert "#8b1a1a" in css and "#b35900" in css and "brand-logo.svg" in css
    home = BeautifulSoup((branded / "html/index.html").read_text(), "html.parser")
    assert home.select_one("img.sidebar-logo"), "the logo is not in the HTML course"
    assert "#8b1a1a" in str(home.find_all("style"))


def test_the_dark_theme_lightens_the_brand_until_it_reads(branded):
    """furo's dark theme takes the brand's colours, lightened to a clear contrast on its background."""
    from courseware.colours import DARK_BACKGROUND, READABLE, contrast, for_dark

    styles = str(BeautifulSoup((branded / "html/index.html").read_text(), "html.parser").find_all("style"))
    for colour in ("#8b1a1a", "#b35900"):
        assert for_dark(colour) in styles, f"the dark theme lacks {for_dark(colour)} (from {colour})"
        assert contrast(for_dark(colour), DARK_BACKGROUND) >= READABLE


def test_the_logo_for_dark_backgrounds_is_the_reversed_one_or_the_logo_on_a_light_plate():
    from courseware.branding import brand_css
    from courseware.config import Brand

    plain = brand_css(Brand(logo="logo.svg"), "brand-logo.svg")
    assert '--cw-logo-on-dark: url("brand-logo.svg")' in plain and "--cw-logo-plate: #ffffff" in plain
    reversed_ = brand_css(Brand(logo="logo.svg", logo_reversed="white.svg"), "brand-logo.svg", "",
                          "brand-logo-reversed.svg")
    assert '--cw-logo-on-dark: url("brand-logo-reversed.svg")' in reversed_
    assert "--cw-logo-plate: transparent" in reversed_
    assert "--cw-logo" not in brand_css(Brand(), ""), "no logo, nothing to draw"


@pytest.mark.browser
def test_a_dark_slide_shows_the_logo_on_a_light_plate(branded):
    """The branded deck has a logo and no reversed one: on its title slide (the primary colour) the logo
    stands on a white plate, as large as the design says."""
    deck = next(p for p in sorted((branded / "slides").rglob("*.html")) if 'data-cw-kind="title"' in p.read_text())
    with serve(branded / "slides") as base, browser_page() as page:
        page.goto(f"{base}/{deck.relative_to(branded / 'slides').as_posix()}")
        page.wait_for_selector('section[data-cw-kind="title"] .cw-title-logo')
        style = page.evaluate("""() => {
            const logo = document.querySelector('section[data-cw-kind="title"] .cw-title-logo');
            const css = getComputedStyle(logo);
            return {image: css.backgroundImage, colour: css.backgroundColor, width: logo.offsetWidth};
        }""")
    assert "brand-logo.svg" in style["image"] and style["colour"] == "rgb(255, 255, 255)", style
    assert style["width"] >= 240


def test_decks_follow_the_brand(branded):
    assert "#8b1a1a" in (branded / "slides/_static/brand-web.css").read_text()
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
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(612, 792)}, f"US Letter is 612 x 792 points, the PDF prints {sizes}"
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


def test_furo_shows_the_reversed_logo_on_its_dark_theme(tmp_path):
    """With ``logo_reversed``, furo gets the logo for its light theme and the reversed one for its dark theme
    (both written into ``_static`` as brand-logo*); a logo set in conf.py's theme options wins."""
    from types import SimpleNamespace

    from courseware.branding import LOGO_NAME, apply_to_html_theme
    from courseware.config import Brand, Settings

    def themed(brand: Brand, options: dict) -> dict:
        config = SimpleNamespace(html_logo=None, html_theme="furo", html_theme_options=options,
                                 _courseware=Settings(brand=brand))
        apply_to_html_theme(None, config)
        return config.html_theme_options

    both = themed(Brand(logo="logo.svg", logo_reversed="white.png"), {})
    assert (both["light_logo"], both["dark_logo"]) == (f"{LOGO_NAME}.svg", f"{LOGO_NAME}-reversed.png")
    assert "dark_logo" not in themed(Brand(logo="logo.svg"), {}), "no reversed logo: the plate's job"
    own = themed(Brand(logo="logo.svg", logo_reversed="white.png"), {"dark_logo": "ours.svg"})
    assert own["dark_logo"] == "ours.svg" and "light_logo" not in own
