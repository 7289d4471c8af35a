# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The decks and the HTML course in a real headless Chromium, with no network."""

from __future__ import annotations

import pytest

from .browser import browser_page, remote, serve

pytestmark = pytest.mark.browser


@pytest.fixture
def open_page(course):
    """Open a page of the built course (``"slides/x.html"``) in Chromium, network blocked."""
    with serve(course.root / "_build") as base, browser_page() as page:
        def go(path: str):
            page.goto(f"{base}/{path}")
            return page

        yield go
        assert remote(page.requests) == [], remote(page.requests)


def test_deck_advances_has_notes_and_stays_local(course, open_page):
    page = open_page(f"slides/{course.lessons()[0]}.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getIndices().h") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    assert page.evaluate("Reveal.getCurrentSlide().querySelector('h2').textContent") == "Objectives"
    assert page.evaluate("document.querySelectorAll('aside.notes').length") > 0
    assert page.evaluate("Reveal.hasPlugin('notes')")
    assert page.locator(".slide-number").first.is_visible()


def test_quiz_tells_the_learner_right_or_wrong_and_why(course, open_page):
    page = open_page(f"html/{course.lessons()[0]}.html")
    question = page.locator("fieldset.cw-question").first
    question.locator("input:not([data-correct])").first.check()
    assert "Not quite" in question.locator(".cw-feedback").inner_text()
    question.locator("input[data-correct]").check()
    assert question.locator(".cw-feedback").inner_text() == "Correct."
    assert question.locator("details.cw-explanation").get_attribute("open") is not None


def test_facilitator_view_shows_notes_only_when_switched_on(course, open_page):
    page = open_page(f"html/{course.lessons()[0]}.html")
    notes = page.locator(".cw-notes").first
    assert not notes.is_visible()
    page.locator(".cw-facilitator-switch").click()
    assert notes.is_visible()
    page.reload()  # the choice is remembered
    assert page.locator(".cw-notes").first.is_visible()
