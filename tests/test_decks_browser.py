# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every deck in a real Chromium: every slide fits, the answer waits for its step, print gives one slide a page."""

from __future__ import annotations

import unicodedata

import pytest

from .browser import browser_page, remote, serve

pytestmark = pytest.mark.browser

#: Where a slide's content must end: above the footer (1280 x 720 slides).
CONTENT_BOTTOM = 672

MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale();
  const box = slide.getBoundingClientRect();
  let bottom = 0, right = 0;
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes') || el.closest('.cw-footer') || el.closest('.fragment:not(.visible)')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    bottom = Math.max(bottom, (r.bottom - box.top) / scale);
    right = Math.max(right, (r.right - box.left) / scale);
  }
  return {title: (slide.querySelector('h1, h2') || {}).textContent, bottom, right};
}"""


@pytest.fixture(scope="module")
def decks(course):
    return ["index", *course.lessons()]


def test_every_slide_of_every_deck_fits(course, decks):
    problems = []
    with serve(course.out("slides")) as base, browser_page() as page:
        page.set_viewport_size({"width": 1280, "height": 720})
        for deck in decks:
            page.goto(f"{base}/{deck}.html")
            page.wait_for_function("window.Reveal && Reveal.isReady()")
            page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
            for index in range(page.evaluate("Reveal.getTotalSlides()")):
                page.evaluate(f"Reveal.slide({index})")
                size = page.evaluate(MEASURE)
                if size["bottom"] > CONTENT_BOTTOM or size["right"] > 1281:
                    problems.append(f"{deck} slide {index + 1} {size['title']!r}: content to "
                                    f"{size['bottom']:.0f} x {size['right']:.0f} px")
        assert remote(page.requests) == []
    assert not problems, "slides that overflow 1280 x 720:\n" + "\n".join(problems)


def test_a_quiz_slide_shows_the_options_and_reveals_the_answer_on_the_next_step(course):
    deck = course.lessons()[1]
    with serve(course.out("slides")) as base, browser_page() as page:
        page.goto(f"{base}/{deck}.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        index = page.evaluate("""() => [...document.querySelectorAll('.slides > section')]
            .findIndex(s => s.querySelector('section[data-cw-kind="question"]') || s.dataset.cwKind === 'question')""")
        assert index >= 0
        page.evaluate(f"Reveal.slide({index})")
        slide = "Reveal.getCurrentSlide()"
        assert page.evaluate(f"{slide}.querySelectorAll('ol.cw-options li').length") == 4
        assert not page.evaluate(f"{slide}.querySelector('.cw-answer-mark').classList.contains('visible')")
        page.keyboard.press("ArrowRight")
        assert page.evaluate(f"{slide}.querySelector('.cw-answer-mark').classList.contains('visible')")
        assert "Answer:" in page.evaluate(f"{slide}.querySelector('aside.notes').textContent")


def test_a_source_on_a_slide_leads_to_the_further_reading_slide(course):
    decks = course.out("slides")
    lesson = next(d for d in course.lessons() if "cw-source" in (decks / f"{d}.html").read_text(encoding="utf-8"))
    with serve(decks) as base, browser_page() as page:
        page.goto(f"{base}/{lesson}.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.evaluate("Reveal.configure({transition: 'none'})")
        page.evaluate("""() => { const a = document.querySelector('.slides a.cw-source');
            const i = Reveal.getIndices(a.closest('.slides > section > section, .slides > section'));
            Reveal.slide(i.h, i.v); }""")
        page.locator(".present a.cw-source").first.click()
        page.wait_for_function("Reveal.getCurrentSlide().id === 'further-reading'", timeout=5000)


GEOMETRY = """() => [...document.querySelectorAll('.slides section:not(.stack)')].map(section => {
    const box = section.getBoundingClientRect();
    const first = section.querySelector('h1, h2');
    if (!first) return null;
    const inner = first.getBoundingClientRect();
    return [Math.round(inner.left - box.left), Math.round(inner.top - box.top)];
})"""


def test_a_slide_prints_as_it_projects(course, decks):
    """Each slide's heading stands as far from the slide's edges in ?print-pdf as on the screen (reveal.js's
    print rules take the slides' padding away; deck.css gives it back)."""
    deck = next(d for d in decks if d != "index")
    with serve(course.out("slides")) as base, browser_page() as page:
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(f"{base}/{deck}.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        projected = []
        for index in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate(f"Reveal.slide({index})")
            page.wait_for_timeout(50)
            projected.append(page.evaluate("""() => {
                const section = Reveal.getCurrentSlide(), first = section.querySelector('h1, h2');
                if (!first) return null;
                const scale = Reveal.getScale(), box = section.getBoundingClientRect();
                const inner = first.getBoundingClientRect();
                return [Math.round((inner.left - box.left) / scale), Math.round((inner.top - box.top) / scale)];
            }"""))
        page.goto(f"{base}/{deck}.html?print-pdf")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.wait_for_timeout(300)
        printed = page.evaluate(GEOMETRY)
    assert len(printed) == len(projected)
    far = [(n, p, q) for n, (p, q) in enumerate(zip(projected, printed), 1)
           if p and q and (abs(p[0] - q[0]) > 2 or abs(p[1] - q[1]) > 2)]
    assert not far, f"{deck}: headings placed otherwise in print (slide, projected, printed): {far[:4]}"
    assert any(p and p[0] >= 60 for p in printed), f"{deck}: text starts at the slide's edge in print"


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text, read with PDFium."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [document[number].get_textpage().get_text_range() for number in range(len(document))]
    finally:
        document.close()


@pytest.mark.parametrize("notes", [False, True], ids=["slides", "with-notes"])
def test_print_pdf_gives_one_slide_a_page(course, decks, notes):
    query = "?print-pdf&showNotes=true" if notes else "?print-pdf"
    with serve(course.out("slides")) as base, browser_page() as page:
        for deck in decks:
            page.goto(f"{base}/{deck}.html{query}")
            page.wait_for_function("window.Reveal && Reveal.isReady()")
            page.wait_for_timeout(300)
            slides = page.evaluate("Reveal.getTotalSlides()")
            pages = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
            assert len(pages) == slides, f"{deck}{query}: {len(pages)} pages for {slides} slides"
            printed = unicodedata.normalize("NFKC", " ".join(pages))  # "ﬁ" -> "fi"
            marks = page.locator(".cw-answer-mark").count()
            if marks:  # the answers print for the facilitator (with the notes), never on the learner's copy
                shown = printed.count("\u2714")
                assert shown == (marks if notes else 0), f"{deck}{query}: {shown} of {marks} answers printed"
            if notes and deck != "index":
                first = page.evaluate("document.querySelector('aside.notes').textContent").split()[:4]
                assert " ".join(first) in " ".join(printed.split()), f"{deck}: the notes are not printed"
                family = page.evaluate("getComputedStyle(document.querySelector('.speaker-notes-pdf')).fontFamily")
                assert course.settings.brand.font in family, f"{deck}: printed notes in {family}, not the brand's font"
            if deck != "index":
                title = pages[0]
                assert course.env.titles[deck].astext().split()[0] in title, f"{deck}: the title page lost its title"
            # the title slide keeps its layout: the title above the subtitle, both at the same left edge
            title_box = page.evaluate("document.querySelector('.slides section h1').getBoundingClientRect().toJSON()")
            sub_box = page.evaluate("document.querySelector('.slides .cw-subtitle').getBoundingClientRect().toJSON()")
            assert title_box["bottom"] <= sub_box["top"] + 1, f"{deck}: the title overlaps its subtitle in print"
            assert abs(title_box["left"] - sub_box["left"]) < 4, f"{deck}: title and subtitle are not aligned"
