# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The decks and the HTML course in a real headless Chromium, with no network."""

from __future__ import annotations

import pytest

from .browser import browser_page, remote, serve

pytestmark = pytest.mark.browser


def test_deck_advances_has_notes_and_stays_local(course):
    lesson = course.lessons()[0]
    with serve(course.root / "_build") as base, browser_page() as page:
        page.goto(f"{base}/slides/{lesson}.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert page.evaluate("Reveal.getIndices().h") == 0
        page.keyboard.press("ArrowRight")
        page.wait_for_function("Reveal.getIndices().h === 1")
        assert page.evaluate("Reveal.getCurrentSlide().querySelector('h2').textContent") == "Objectives"
        assert page.evaluate("document.querySelectorAll('aside.notes').length") > 0
        assert page.evaluate("Reveal.hasPlugin('notes')")
        assert page.locator(".slide-number").first.is_visible()
        assert remote(page.requests) == [], remote(page.requests)


def test_quiz_tells_the_learner_right_or_wrong_and_why(course):
    lesson = course.lessons()[0]
    with serve(course.root / "_build") as base, browser_page() as page:
        page.goto(f"{base}/html/{lesson}.html")
        question = page.locator("fieldset.cw-question").first
        question.locator("input:not([data-correct])").first.check()
        assert "Not quite" in question.locator(".cw-feedback").inner_text()
        question.locator("input[data-correct]").check()
        assert question.locator(".cw-feedback").inner_text() == "Correct."
        assert question.locator("details.cw-explanation").get_attribute("open") is not None
        assert remote(page.requests) == [], remote(page.requests)


def test_facilitator_view_shows_notes_only_when_switched_on(course):
    lesson = course.lessons()[0]
    with serve(course.root / "_build") as base, browser_page() as page:
        page.goto(f"{base}/html/{lesson}.html")
        notes = page.locator(".cw-notes").first
        assert not notes.is_visible()
        page.locator(".cw-facilitator-switch").click()
        assert notes.is_visible()
        page.reload()  # the choice is remembered
        assert page.locator(".cw-notes").first.is_visible()
