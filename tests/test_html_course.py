# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML course as a reader meets it: the landing page, figures, the switch, what a page says of itself.

The extension's parts are tested on the tiny course (``tests/roots/test-vocabulary``,
copied, with a landing page that uses ``modules``); the course's own pages are
read from its configuration and environment, never from today's titles.
"""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from courseware.agenda import format_minutes
from courseware.branding import font_files
from courseware.html.landing import lead_sentences
from courseware.html.meta import LENGTH, first_prose

from .browser import browser_page, serve

LANDING = """\
# Tiny course

A course of one module, for testing the landing page. It lasts {length}`course`.

## Modules

:::{modules}
:::

## Downloads

:::{downloads}
:::

## Schedule

:::{agenda}
:::

```{toctree}
:caption: Course

case
mod/index
empty/index
glossary
refs
```
"""
BASE = "https://courses.example.org/outbound/html/"


def tiny_course(rootdir: Path, srcdir: Path) -> Path:
    if not srcdir.exists():
        copytree(rootdir / "test-vocabulary", srcdir)
        (srcdir / "index.md").write_text(LANDING, encoding="utf-8")
    return srcdir


def build(srcdir: Path, builder: str = "html", **overrides) -> SphinxTestApp:
    tags = ["slides"] if builder == "revealjs" else []
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides=overrides, tags=tags)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == "", app.warning.getvalue()
    return app


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# -- the landing page's modules -------------------------------------------------------------------


def test_modules_are_cards_in_the_html_course_built_from_the_structure(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"))
    cards = soup(app.outdir / "index.html").select("ul.cw-modules > li.cw-card")
    assert [c.select_one("h3.cw-card-title").get_text(strip=True) for c in cards] == ["The module", "An empty module"]
    assert cards[0].select_one("h3 a")["href"] == "mod/index.html"
    assert cards[0].select_one(".cw-card-facts").get_text() == "1 lesson \u00b7 46 min"
    # the module's first paragraph, with its computed length
    assert cards[0].select_one(".cw-card-summary").get_text() == "The module lasts 46 min."
    assert cards[1].select_one(".cw-card-facts").get_text() == "No lessons yet"


def test_a_summary_leaves_out_bracketed_cross_references():
    section = nodes.section()
    section += nodes.paragraph(text="A note.", classes=["cw-lesson-line"])
    section += nodes.paragraph("", "", nodes.Text("Three documents for Larkspur ("), nodes.reference("", "The case"),
                               nodes.Text("): a policy, and a plan ("), nodes.reference("", "Waybill"),
                               nodes.Text(")."))
    assert first_prose(section) == "Three documents for Larkspur: a policy, and a plan."
    assert lead_sentences("One. Two is longer. Three.", limit=12) == "One."


def test_modules_are_a_plain_list_in_other_outputs(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"), "text")
    text = (app.outdir / "index.txt").read_text(encoding="utf-8").replace("**", "")
    assert "The module (1 lesson \u00b7 46 min)" in text
    assert "An empty module (No lessons yet)" in text


def test_a_new_lesson_changes_the_cards_without_an_edit_of_the_landing_page(rootdir, tmp_path):
    srcdir = tiny_course(rootdir, tmp_path / "src")
    build(srcdir)
    lesson = (srcdir / "mod" / "lesson.md").read_text(encoding="utf-8")
    (srcdir / "mod" / "second.md").write_text(lesson.replace("(lesson)=", "(second)="), encoding="utf-8")
    index = srcdir / "mod" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("lesson\n", "lesson\nsecond\n"), encoding="utf-8")
    app = build(srcdir)  # incremental: index.md is not touched
    card = soup(app.outdir / "index.html").select_one("li.cw-card")
    assert card.select_one(".cw-card-facts").get_text() == "2 lessons \u00b7 1 h 32 min"


# -- upstream markup, corrected ----------------------------------------------------------------------


def test_toctree_captions_have_a_heading_level_and_citations_are_list_items(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"))
    captions = soup(app.outdir / "index.html").select('p.caption[role="heading"]')
    assert captions and all(c.get("aria-level") == "2" for c in captions)
    refs = soup(app.outdir / "refs.html")
    entries = refs.select('div.citation-list[role="list"] > div.citation')
    assert entries and all(e["role"] == "listitem" for e in entries)
    assert "doc-biblioentry" not in str(refs)


# -- figures --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("builder, page", [("html", "mod/lesson.html"), ("dirhtml", "mod/lesson/index.html")])
def test_a_figure_links_to_its_image_file(rootdir, tmp_path, builder, page):
    app = build(tiny_course(rootdir, tmp_path / "src"), builder)
    lesson = app.outdir / page
    link = soup(lesson).select_one("figure a.cw-figure-link")
    assert link is not None and link.img is not None
    target = (lesson.parent / link["href"]).resolve()
    assert target.is_file() and target.parent == (app.outdir / "_images").resolve()
    assert link["href"] == link.img["src"]


# -- fonts and icon -------------------------------------------------------------------------------------


def test_a_font_is_converted_once_per_machine_and_the_copy_matches_its_source(rootdir, tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    from courseware.html.webfonts import cache_folder

    monkeypatch.setenv("COURSEWARE_CACHE", str(tmp_path / "cache"))
    first = build(tiny_course(rootdir, tmp_path / "one"))
    kept = sorted(cache_folder().glob("*.woff2"))
    assert len(kept) == len(font_files(first))
    times = [k.stat().st_mtime_ns for k in kept]
    second = build(tiny_course(rootdir, tmp_path / "two"))  # a fresh output folder: nothing converted again
    assert [k.stat().st_mtime_ns for k in kept] == times
    for font in font_files(second):
        served = second.outdir / "_static" / "fonts" / f"{font.stem}.woff2"
        assert served.read_bytes() in {k.read_bytes() for k in kept}
        web, source = TTFont(served), TTFont(font)
        assert web.flavor == "woff2" and web.getGlyphOrder() == source.getGlyphOrder()


def test_fonts_are_served_as_woff2_preloaded_and_the_course_has_an_icon(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"))
    static = app.outdir / "_static"
    web = (static / "brand-web.css").read_text(encoding="utf-8")
    faces = re.findall(r'url\("([^"]+)"\)', web)
    assert "--cw-primary" in web and all(face.endswith(".woff2") for face in faces)
    assert faces and len(faces) == len(font_files(app))
    assert not list((static / "fonts").glob("*.ttf")), "TrueType files nobody links"
    for face in faces:
        assert (static / face).read_bytes()[:4] == b"wOF2", face
    lesson = app.outdir / "mod/lesson.html"
    head = soup(lesson).head
    css = [link["href"].split("?")[0] for link in head.select('link[rel="stylesheet"]')]
    assert "../_static/brand-web.css" in css and "../_static/brand.css" not in css  # no TrueType faces at all
    preloads = head.select('link[rel="preload"][as="font"]')
    assert len(preloads) == 2 and all(p.has_attr("crossorigin") for p in preloads)
    icon = head.select_one('link[rel="icon"]')
    for href in [p["href"] for p in preloads] + [icon["href"]]:
        assert (lesson.parent / href).resolve().is_file(), href


# -- what a page says of itself -----------------------------------------------------------------------


def metas(page: BeautifulSoup) -> dict[str, str]:
    return {(m.get("name") or m.get("property")): m["content"] for m in page.find_all("meta") if m.get("content")}


def test_every_page_has_a_description_and_no_address_without_a_base_url(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"))
    lesson = metas(soup(app.outdir / "mod/lesson.html"))
    assert lesson["description"].startswith("A 46 min lesson of The module. You will ")
    assert metas(soup(app.outdir / "index.html"))["description"].startswith("A course of one module, for testing")
    for path in app.outdir.rglob("*.html"):
        page = soup(path)
        descriptions = page.select('meta[name="description"]')
        assert len(descriptions) == 1 and 0 < len(descriptions[0]["content"]) <= LENGTH, path
        assert not page.select('meta[property^="og:"], link[rel="canonical"]'), path
    assert not (app.outdir / "sitemap.xml").exists()


def test_a_published_address_adds_open_graph_canonical_links_and_a_sitemap(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"), courseware_base_url=BASE)
    page = soup(app.outdir / "mod/lesson.html")
    tags = metas(page)
    assert tags["og:url"] == BASE + "mod/lesson.html"
    assert tags["og:title"] == "A lesson"
    assert tags["og:description"] == tags["description"]
    assert len(page.select('meta[name="description"]')) == 1
    assert page.select_one('link[rel="canonical"]')["href"] == BASE + "mod/lesson.html"
    assert "og:image" not in tags and not (app.outdir / "_images" / "social_previews").exists()  # none drawn
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {e.text for e in ElementTree.parse(app.outdir / "sitemap.xml").getroot().findall("s:url/s:loc", names)}
    assert {BASE + "index.html", BASE + "mod/index.html", BASE + "mod/lesson.html"} <= urls
    assert all(url.startswith(BASE) for url in urls)


def test_a_published_address_gives_the_decks_their_own(rootdir, tmp_path):
    app = build(tiny_course(rootdir, tmp_path / "src"), "revealjs", courseware_base_url=BASE)
    deck = soup(app.outdir / "mod/lesson.html")
    decks = "https://courses.example.org/outbound/slides/"
    assert deck.select_one('link[rel="canonical"]')["href"] == decks + "mod/lesson.html"
    assert metas(deck)["og:url"] == decks + "mod/lesson.html"
    assert not (app.outdir / "sitemap.xml").exists()


# -- the course itself --------------------------------------------------------------------------------


def test_the_landing_page_shows_every_module_and_top_lesson_with_its_lessons_and_length(course):
    cards = course.page("html", "index").select("ul.cw-modules > li.cw-card")
    env = course.env
    parts = [d for d in env.toctree_includes[env.config.root_doc] if d in course.modules() or d in course.records]
    assert [c.select_one(".cw-card-title a")["href"] for c in cards] == [f"{d}.html" for d in parts]
    assert set(course.modules()) <= set(parts)
    for card, part in zip(cards, parts):
        rows = [r for r in course.rows() if r.module == part or r.docname == part]
        facts = card.select_one(".cw-card-facts").get_text()
        assert facts.endswith(format_minutes(sum(r.minutes for r in rows))), facts
        if part in course.modules():
            assert sum(int(n) for n in re.findall(r"(\d+) (?:lesson|worksheet)", facts)) == len(rows), facts
        assert card.select_one(".cw-card-summary").get_text(strip=True)


def test_the_landing_page_offers_every_download_and_the_schedule(course):
    home = course.page("html", "index")
    archives = [a["href"] for a in home.select(".cw-archives a")]
    assert archives == [course.settings.kit_url, course.settings.lab_url]  # from the root page: as configured
    assert home.select_one("table.cw-agenda")
    actions = home.select(".cw-actions a")
    assert actions and actions[0]["href"] == f"{course.lessons()[0]}.html"


def test_every_page_of_the_course_describes_itself(course):
    for path in course.out("html").rglob("*.html"):
        if "_sources" in path.parts:
            continue
        descriptions = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select('meta[name="description"]')
        assert len(descriptions) == 1 and 20 <= len(descriptions[0]["content"]) <= LENGTH, path
    for docname in course.lessons():
        description = metas(course.page("html", docname))["description"]
        assert format_minutes(course.records[docname].duration) in description, docname


def test_every_figure_of_the_course_links_to_its_image_file(course):
    out = course.out("html")
    figures = 0
    for docname in course.lessons():
        for figure in course.page("html", docname).select("article figure"):
            if not figure.img:
                continue
            link = figure.select_one("a.cw-figure-link")
            assert link is not None, f"{docname}: a figure that does not open full size"
            assert (out / docname).parent.joinpath(link["href"]).resolve().is_file(), (docname, link["href"])
            figures += 1
    assert figures


# -- in a browser ----------------------------------------------------------------------------------------


def overlapping_text(page) -> list[str]:
    """Text of the article that the facilitator switch covers (none, if it sits in the page's flow)."""
    return page.evaluate(
        """() => {
        const box = document.querySelector('.cw-facilitator-switch').getBoundingClientRect();
        const hits = [];
        for (const el of document.querySelectorAll('article :is(h1,h2,h3,p,li,label,legend,td,th,figcaption,dt,dd)')) {
            const r = el.getBoundingClientRect();
            const covered = r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
            if (r.width && r.height && covered && !el.closest('.cw-toolbar'))
                hits.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40));
        }
        return hits; }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_the_facilitator_switch_sits_in_the_page_top_and_covers_nothing(course, width):
    lesson = next(d for d in course.lessons() if course.page("html", d).select(".cw-quiz"))
    with serve(course.root / "_build") as base, browser_page() as page:
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(f"{base}/html/{lesson}.html")
        switch = page.locator(".cw-facilitator-switch")
        assert switch.is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.cw-toolbar')).position") == "static"
        box = switch.bounding_box()
        assert box["y"] < 200 and box["x"] + box["width"] <= width
        assert overlapping_text(page) == []
        # reachable by keyboard, a toggle button that says its state
        assert switch.get_attribute("aria-pressed") == "false"
        switch.focus()
        page.keyboard.press("Enter")
        assert switch.get_attribute("aria-pressed") == "true"
        assert page.locator(".cw-notes").first.is_visible()
        # quiz options, now in view, are not covered either: the switch scrolled away with the page top
        page.locator("fieldset.cw-question").first.scroll_into_view_if_needed()
        assert overlapping_text(page) == []


@pytest.mark.browser
def test_a_figure_opens_full_size_on_a_phone_and_closes_with_escape(course):
    lesson = next(d for d in course.lessons() if course.page("html", d).select("article figure a.cw-figure-link"))
    with serve(course.root / "_build") as base, browser_page() as page:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{base}/html/{lesson}.html")
        link = page.locator("a.cw-figure-link").first
        in_page = link.locator("img").bounding_box()["width"]
        link.click()
        viewer = page.locator("dialog.cw-viewer[open]")
        assert viewer.is_visible()
        image = viewer.locator("img")
        page.wait_for_function("document.querySelector('dialog.cw-viewer img').complete")
        assert image.bounding_box()["width"] >= 2.4 * in_page  # text at least 2.4 times larger than in the page
        assert page.evaluate("document.activeElement.className") == "cw-viewer-close"
        page.keyboard.press("Escape")
        page.wait_for_function("!document.querySelector('dialog.cw-viewer')")
        assert "cw-figure-link" in page.evaluate("document.activeElement.className")


@pytest.mark.browser
def test_figures_keep_a_light_panel_in_the_dark_theme_and_fonts_load(course):
    lesson = next(d for d in course.lessons() if course.page("html", d).select("article figure img"))
    with serve(course.root / "_build") as base, browser_page() as page:
        page.emulate_media(color_scheme="dark")
        page.goto(f"{base}/html/{lesson}.html")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
        assert page.evaluate("getComputedStyle(document.querySelector('article figure img')).backgroundColor") \
            == "rgb(255, 255, 255)"
        family = course.settings.brand.font
        page.evaluate("document.fonts.ready.then(() => true)")
        fonts = [url for url in page.requests if "/_static/fonts/" in url]
        assert fonts and all(url.endswith(".woff2") for url in fonts), fonts  # never the large TrueType files
        loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert family in [name.strip('"') for name in loaded], loaded
