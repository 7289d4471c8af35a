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

from .conftest import build_each, build_once
from .test_print import flat, links, outline, printed, text_in

ROOT = Path(__file__).parent / "roots" / "test-plain"
TEXTS = ["Pages imported from elsewhere", "A heading named like the handout", "a code block", "three",
         "Text under an anchor", "A heading named like the self-study answers", "that starts at three"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("plain") / "src"
    copytree(ROOT, srcdir)
    return build_each(srcdir, (("html", ()), ("dirhtml", ()), ("revealjs", ("slides",)), ("handouts", ())))


def build_edited(tmp_path: Path, page: str, old: str, new: str, builder: str = "html", tags=(), **options):
    """The root with one edit of one page, built once (a finished app: its warnings and output folder)."""
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    path = srcdir / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return build_once(srcdir, builder, tags, **options)


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
    app = build_edited(tmp_path, "hugo.md", "/img/badge.svg", "/img/missing.svg")
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
    outputs = build_each(srcdir, (("handouts", ()), ("revealjs", ("slides",))))
    first = PdfReader(outputs["handouts"] / "plain.pdf").pages[0].extract_text()
    assert "Printed for the Acme Academy" in " ".join(first.split())
    assert (outputs["revealjs"] / "_static" / "deck.css").read_text() == "/* Acme Academy decks */\n"
    assert (STATIC / "deck.css").read_text() != "/* Acme Academy decks */\n"


# -- pages in other scripts and languages (ja.md, de.md) ---------------------------------------------------

JAPANESE_TITLE = "日本語で書かれたページ"


def page_text(path: Path) -> str:
    """A page's prose, without its front matter and Markdown's marks."""
    text = path.read_text(encoding="utf-8").split("---", 2)[2]
    return re.sub(r"\[([^]]*)\]\([^)]*\)|[#*\-]", r"\1", text)


def fonts_by_name() -> dict[str, frozenset[int]]:
    """Each font the root prints with, by its PostScript name, with the code points it draws."""
    from fontTools.ttLib import TTFont

    from courseware.config import Brand
    from courseware.fallback_fonts import characters, faces_of, search_folders

    search = search_folders(Path(__file__).parent.parent / "branding" / "fonts")
    found = {}
    for family in (Brand().font, *Brand().fallback):
        for face in faces_of(family, search):
            with TTFont(face.path, lazy=True, fontNumber=face.index) as font:
                found[font["name"].getDebugName(6)] = characters(face)
    return found


def test_every_character_of_a_japanese_page_is_drawn_from_a_font_that_has_it(built):
    """Not the text layer, which holds the characters even when they print as boxes: each glyph's font, as
    PDFium reads it, is a font file that draws that character, and no glyph is the empty ``.notdef``
    (glyph 0, what a font shows for a character it lacks)."""
    import pikepdf

    pdf = built["handouts"] / "plain.pdf"
    sheets = [sheet for sheet in printed(pdf).sheets if JAPANESE_TITLE in sheet.text().replace(" ", "")]
    assert sheets, "the Japanese page is not printed"
    fonts = fonts_by_name()
    used = set()
    for sheet in sheets:
        for glyph in sheet.glyphs:
            if not glyph.text.strip():
                continue
            name = glyph.font.split("+", 1)[-1].removesuffix("-Identity-H")
            assert name in fonts, f"p. {sheet.number}: {glyph.text!r} is set in {glyph.font}, a font not printed with"
            assert all(ord(c) in fonts[name] for c in glyph.text), f"{glyph.text!r}: {name} has no glyph for it"
            used.add(name)
    assert any(name.startswith("NotoSansCJK") for name in used), used
    printed_text = flat(" ".join(sheet.text() for sheet in sheets)).replace(" ", "")
    for line in page_text(ROOT / "ja.md").split():
        assert line.replace(" ", "") in printed_text, line
    shown = 0
    with pikepdf.open(pdf) as document:  # glyph 0 is .notdef: the box
        for sheet in sheets:
            page = document.pages[sheet.number - 1]
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("Tj", "'", '"', "TJ"):
                    strings = [o for o in (operands[-1] if str(operator) == "TJ" else operands[-1:])
                               if isinstance(o, pikepdf.String)]
                    for string in strings:
                        codes = bytes(string)
                        shown += len(codes) // 2
                        assert all(codes[i:i + 2] != b"\0\0" for i in range(0, len(codes), 2)), (
                            f"p. {sheet.number}: a glyph 0 (.notdef) is drawn")
    assert shown >= len(JAPANESE_TITLE)


def test_the_web_serves_fallback_fonts_cut_down_to_the_characters_pages_use(built):
    """The HTML course and the decks declare the fallback families after the brand's font; Noto Sans CJK JP
    is served as small WOFF2 files that hold every character of the Japanese page, declared with a
    ``unicode-range`` so that only a page with those characters fetches them."""
    from fontTools.ttLib import TTFont

    wanted = {c for c in page_text(ROOT / "ja.md") if ord(c) > 0x2FFF}
    for output in ("html", "revealjs"):
        css = (built[output] / "_static" / "brand-web.css").read_text(encoding="utf-8")
        assert '--cw-font: "Source Sans Pro", "DejaVu Sans", "Noto Sans CJK JP", sans-serif;' in css
        rules = re.findall(r'@font-face \{ font-family: "Noto Sans CJK JP"; font-weight: (\d+);[^}]*'
                           r'src: url\("([^"]+)"\)[^}]*unicode-range: ([^;]+);', css)
        assert {weight for weight, _, _ in rules} == {"400", "700"}, output
        for _weight, url, ranges in rules:
            served = built[output] / "_static" / url
            assert served.stat().st_size < 100_000, f"{served.name}: {served.stat().st_size} bytes"
            with TTFont(served) as font:
                assert {ord(c) for c in wanted} <= set(font.getBestCmap())
            listed = set()
            for part in ranges.split(", "):
                first, _, last = part.removeprefix("U+").partition("-")
                listed |= set(range(int(first, 16), int(last or first, 16) + 1))
            assert {ord(c) for c in wanted} <= listed


def test_a_page_or_a_few_words_in_another_language_say_so_in_every_output(built):
    """``lang:`` in a page's front matter and ``[words]{.language-en}``: ``lang`` in the HTML, ``/Lang`` on
    the PDF's structure elements (Typst: hyphenation and line breaking follow)."""
    import pikepdf

    for output, name in (("html", "ja.html"), ("dirhtml", "ja/index.html")):
        page = BeautifulSoup((built[output] / name).read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("section")["lang"] == "ja", output
    german = BeautifulSoup((built["html"] / "de.html").read_text(encoding="utf-8"), "html.parser")
    assert german.select_one("section")["lang"] == "de"
    assert german.find("span", lang="en").get_text() == "pull requests"
    languages: dict[str, list[str]] = {}
    with pikepdf.open(built["handouts"] / "plain.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en"
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            kids = element.get("/K")
            if "/Lang" in element:
                languages.setdefault(str(element.Lang), []).append(str(element.get("/S", "")))
            if isinstance(kids, pikepdf.Array):
                stack += [kid for kid in kids if isinstance(kid, pikepdf.Dictionary)]
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    assert {"ja", "de"} <= set(languages), languages
    assert "/H1" in languages["ja"] or "/H2" in languages["ja"], languages["ja"]


def test_a_decks_language_is_its_pages(tmp_path):
    app = build_edited(tmp_path, "index.md", "# Plain pages", "---\nlang: pt-BR\n---\n\n# Plain pages", "revealjs",
                       ("slides",), warningiserror=True)
    deck = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert deck.html["lang"] == "pt-BR"


def test_a_language_that_is_no_tag_is_a_warning_with_its_page(tmp_path):
    app = build_edited(tmp_path, "de.md", "lang: de", "lang: Deutsch!")
    assert re.search(r"de\.md:1: WARNING: lang: 'Deutsch!' is not a language tag", app.warning.getvalue())


def test_anchors_of_headings_in_any_script_are_written_as_github_writes_them(built):
    """The Japanese page's in-page contents lead to its sections, and each section also answers to the
    address GitHub and Hugo give it (``#最初の節``, ``#übersicht``), in both HTML layouts and the PDF."""
    for output, name in (("html", "ja.html"), ("dirhtml", "ja/index.html")):
        page = BeautifulSoup((built[output] / name).read_text(encoding="utf-8"), "html.parser")
        contents = [a["href"] for a in page.select("section ul a.reference.internal")]
        assert len(contents) == 2
        for href in contents:
            assert page.find(id=href.removeprefix("#")) is not None, f"{output}: {href} leads nowhere"
        for slug, heading in (("最初の節", "最初の節"), ("公開の前に", "公開の前に")):
            target = page.find(id=slug)  # Sphinx writes a section's second id as an empty span at its start
            section = target if target is None or target.name == "section" else target.find_parent("section")
            assert section is not None and heading in section.find(["h1", "h2"]).get_text(), f"{output}: #{slug}"
    german = BeautifulSoup((built["html"] / "de.html").read_text(encoding="utf-8"), "html.parser")
    assert german.find(id="übersicht") is not None
    pdf = built["handouts"] / "plain.pdf"
    sheets = printed(pdf).sheets
    to_sections = [link for link in links(pdf) if link.internal
                   and flat(text_in(sheets[link.page - 1], link.rect)).replace(" ", "") in ("最初の節", "公開の前に")]
    assert len(to_sections) == 2
    for link in to_sections:
        assert flat(text_in(sheets[link.page - 1], link.rect)).replace(" ", "") in sheets[link.target - 1].text()


def test_a_link_to_an_anchor_no_heading_has_is_an_error_with_its_line(tmp_path):
    app = build_edited(tmp_path, "ja.md", "(#公開の前に)", "(#存在しない節)")
    line = next(n for n, row in enumerate((app.srcdir / "ja.md").read_text(encoding="utf-8").splitlines(), 1)
                if "#存在しない節" in row)
    assert re.search(rf"ja\.md:{line}: WARNING: .*存在しない節", app.warning.getvalue()), app.warning.getvalue()
