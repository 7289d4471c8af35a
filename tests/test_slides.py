# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The Reveal.js decks, as an instructor presents them."""

from __future__ import annotations

import re

from courseware.slides.model import READING_PER_SLIDE


def slides_of(deck):
    """Every slide (innermost ``section``) of a deck."""
    return [s for s in deck.select(".slides section") if not s.find("section")]


def prose_of(page):
    """Learner prose of a lesson page: paragraphs directly in its sections."""
    article = page.select_one("article")
    return [p.get_text(" ", strip=True) for p in article.select("section > p") if not p.get("class")]


def test_every_lesson_has_a_deck(course):
    for docname in course.lessons():
        assert (course.out("slides") / f"{docname}.html").exists(), docname


def test_deck_shape_title_objectives_sections_activities_keypoints_reading(course):
    for docname in course.lessons():
        deck = course.page("slides", docname)
        slides = slides_of(deck)
        titles = [s.find(["h1", "h2"]).get_text(strip=True) for s in slides]
        page = course.page("html", docname)
        assert titles[0] == page.select_one("article h1").get_text(strip=True).rstrip("¶")
        assert "min" in slides[0].get_text(), "the title slide gives the duration"
        assert titles[1] == "Objectives"
        if course.env.domaindata["cite"]["citation_refs"] and any(
                r.docname == docname for r in course.env.domaindata["cite"]["citation_refs"]):
            assert titles[-1].startswith("Further reading")
        if course.records[docname].kind == "lesson":
            assert "Key points" in titles
        # one slide per section that has a slide block, titled as the section
        for section in page.select("article section section"):
            if section.find(class_="cw-slide", recursive=False):
                heading = section.find("h2").get_text(strip=True).rstrip("¶")
                assert heading in titles, f"{docname}: no slide for section {heading!r}"
        activities = [a for a in page.select(".cw-exercise, .cw-discussion")
                      if not a.find_parent(class_=["cw-exercise", "cw-discussion"])]
        # an activity too long for one slide continues on the next: "(2/3)"
        shown = {re.sub(r" \(\d+/\d+\)$", "", t) for t in titles if t.startswith(("Exercise:", "Discussion:"))}
        assert len(shown) == len(activities), docname
        assert sum(t.startswith("Knowledge check") for t in titles) == len(page.select("fieldset.cw-question"))


def test_section_slides_carry_speaker_notes(course):
    for docname in course.lessons():
        page = course.page("html", docname)
        deck = course.page("slides", docname)
        by_title = {}
        for s in slides_of(deck):
            if s.find("h2") and not s.get("data-cw-kind"):  # a section's own slide, not its figure slide
                by_title.setdefault(s.find("h2").get_text(strip=True), s)
        for section in page.select("article section section"):
            if section.find(class_="cw-notes", recursive=False) and section.find(class_="cw-slide", recursive=False):
                title = section.find("h2").get_text(strip=True).rstrip("¶")
                assert by_title[title].select_one("aside.notes"), f"{docname}: {title} has no notes"


def test_no_prose_and_no_solution_reaches_a_deck(course):
    for docname in course.lessons():
        page = course.page("html", docname)
        deck_text = course.page("slides", docname).select_one(".slides").get_text(" ", strip=True)
        for paragraph in prose_of(page):
            if len(paragraph) > 60:
                assert paragraph[:60] not in deck_text, f"{docname}: prose on a slide: {paragraph[:60]!r}"
        for solution in page.select(".cw-solution"):
            text = solution.get_text(" ", strip=True).removeprefix("Solution").strip()
            assert text[:50] not in deck_text, f"{docname}: solution in the deck"


def test_quiz_answers_only_in_speaker_notes(course):
    for docname in course.lessons():
        deck = course.page("slides", docname)
        for slide in slides_of(deck):
            if slide.find("h2") and slide.find("h2").get_text().startswith("Knowledge check"):
                visible = slide.get_text(" ")
                notes = slide.select_one("aside.notes").get_text(" ")
                assert "Answer:" in notes
                assert "Answer:" not in visible.replace(notes, "")


def test_figures_in_prose_get_a_slide_of_their_own(course):
    """A figure in a section's prose gets a slide, unless the section's own slide already shows it."""
    for docname in course.lessons():
        page = course.page("html", docname)
        expected = 0
        for section in page.select("article section section"):
            shown = {img["src"] for img in section.select(".cw-slide img")}
            expected += sum(1 for figure in section.find_all("figure", recursive=False)
                            if not {img["src"] for img in figure.select("img")} <= shown or not shown)
        deck = course.page("slides", docname)
        assert len(deck.select('section[data-cw-kind="figure"] img')) == expected, docname


def test_further_reading_links_the_cited_guide_sections(course):
    for docname in course.lessons():
        deck = course.page("slides", docname)
        reading = [s for s in slides_of(deck) if s.get("data-cw-kind") == "further-reading"]
        links = [a["href"] for slide in reading for a in slide.select("a")]
        if course.records[docname].kind == "lesson":  # every lesson cites the guide; worksheets need not
            assert any("github.com/todogroup/outbound-oss/blob/" in link for link in links), docname
        for slide in reading:
            assert len(slide.select("li")) <= READING_PER_SLIDE, f"{docname}: a further-reading slide lists too many"


def test_slides_show_sources_not_bibliography_numbers(course):
    for docname in course.lessons():
        text = course.page("slides", docname).select_one(".slides").get_text(" ")
        assert not re.search(r"\[\d+\]", text), f"{docname}: a bibliography number on a slide"


def test_only_lessons_and_the_index_have_decks(course):
    written = {p.relative_to(course.out("slides")).with_suffix("").as_posix()
               for p in course.out("slides").rglob("*.html") if "_static" not in p.parts}
    assert written == {"index", *course.lessons()}


def test_decks_work_offline_with_notes_plugin_and_slide_numbers(course):
    remote = re.compile(r"^(https?:)?//")
    for docname in ["index", *course.lessons()]:
        deck = course.page("slides", docname)
        for node in deck.find_all(["script", "link", "img"]):
            value = node.get("src") or node.get("href") or ""
            assert not remote.match(value), f"{docname}: loads {value}"
        scripts = " ".join(s.get_text() for s in deck.find_all("script"))
        assert "RevealNotes" in scripts and "slideNumber" in scripts
    theme = (course.out("slides") / "_static/revealjs/dist/theme/white.css").read_text()
    assert "@import url(http" not in theme and "fonts.googleapis" not in theme


def test_decks_load_the_brand_fonts_as_woff2_and_nothing_they_do_not_use(course):
    """As the HTML course: the brand's fonts as WOFF2 (a quarter of the TrueType files' size); and no
    sphinx-design stylesheet or script, which no deck uses."""
    deck = course.page("slides", course.lessons()[0])
    loaded = [tag.get("href") or tag.get("src") or "" for tag in deck.find_all(["link", "script"])]
    assert any("brand-web.css" in item for item in loaded), loaded
    assert not any("sphinx-design" in item or "design-tabs" in item or item.endswith("brand.css") for item in loaded)
    css = (course.out("slides") / "_static" / "brand-web.css").read_text(encoding="utf-8")
    assert ".woff2" in css and ".ttf" not in css
    assert not list((course.out("slides") / "_static").glob("sphinx-design*"))


def test_a_chart_on_a_slide_is_drawn_for_the_slide(course):
    """Every chart of a lesson stands in its deck as a drawing made for a 1280 x 720 slide (wider, larger
    text), not the page's drawing shrunk to fit."""
    from docutils import nodes

    from courseware.charts import Style

    wide = f'width="{Style().for_slides().width * 72:g}pt"'
    seen = 0
    for docname in course.lessons():
        functions = {n["cw_chart"][1] for n in course.doctree(docname).findall(nodes.image) if "cw_chart" in n}
        if not functions:
            continue
        deck = course.page("slides", docname)
        for img in deck.select(".slides img"):
            name = img["src"].rsplit("/", 1)[-1]
            if not any(name.startswith(f"{function}-") for function in functions):
                continue
            assert name.startswith(tuple(f"{f}-slide-" for f in functions)), f"{docname}: {name} is the page's drawing"
            svg = (course.out("slides") / docname).parent.joinpath(img["src"]).resolve().read_text(encoding="utf-8")
            assert wide in svg[:1000], f"{docname}: {name} is not drawn at the slide's width"
            seen += 1
    assert seen, "the course has charts"


def _split_words(node) -> list[int]:
    from courseware.slides.model import shown_words, split_activity

    parts = split_activity(node)
    for part in parts:
        part.parent = node.parent  # counted where the slide shows it: its notes are not on the slide
    return [shown_words(part) for part in parts]


def test_a_long_activity_continues_on_slides_filled_evenly(course):
    """An activity too long for one slide continues on slides filled about evenly: none nearly empty, none
    holding only what the room never sees (its notes), each break between two of its parts."""
    from courseware.activities import discussion, exercise
    from courseware.slides.model import DENSITY_WORDS, shown_words

    split = 0
    for docname in course.lessons():
        for node in course.doctree(docname).findall(lambda n: isinstance(n, (exercise, discussion))):
            if shown_words(node) > DENSITY_WORDS[2]:
                words = _split_words(node)
                assert min(words) >= max(words) / 3, f"{docname}: {node['label']!r} splits as {words} words"
                assert sum(words) == shown_words(node), f"{docname}: {node['label']!r} lost words in the split"
                split += 1
    assert split, "the course has an activity longer than a slide"


def test_a_split_never_gives_the_notes_or_a_last_sentence_a_slide():
    """Notes in the middle of an activity take no room on its slides, so the sentence after them does
    not stand alone on a slide."""
    from docutils import nodes

    from courseware.activities import exercise
    from courseware.blocks import notes

    activity = exercise(label="Exercise: long")
    activity += nodes.paragraph(text="Lead " * 20)
    items = nodes.enumerated_list()
    for number in range(6):
        items += nodes.list_item("", nodes.paragraph(text=f"Item {number} " + "word " * 40))
    activity += items
    activity += notes("", nodes.paragraph(text="Facilitator only " * 80))
    activity += nodes.paragraph(text="Then compare your answer with the case.")
    words = _split_words(activity)
    assert len(words) >= 2 and 0 not in words and min(words) >= max(words) / 3, words


def test_deck_index_links_every_lesson_deck(course):
    index = course.page("slides", "index")
    links = {a["href"] for a in index.select(".slides a")}
    for docname in course.lessons():
        assert f"{docname}.html" in links, docname


def test_deck_index_lists_each_lesson_under_its_module_or_where_it_stands(course):
    """A lesson in a module under the module's title; one outside any module under "Introduction" before the
    first module and "Conclusion" after one, never under the wrong heading."""
    from courseware.structure import title

    index = course.page("slides", "index")
    heading = {a["href"]: section.find("h2").get_text(" ", strip=True).rstrip("#").strip()
               for section in slides_of(index) if section.get("data-cw-kind") == "deck-list"
               for a in section.select("a[href]")}
    seen_module = False
    for row in course.rows():
        if row.module:
            seen_module = True
            expected = title(course.env, row.module)
        else:
            expected = "Conclusion" if seen_module else "Introduction"
        assert heading.get(f"{row.docname}.html") == expected, (row.docname, heading.get(f"{row.docname}.html"))


def test_what_the_room_never_sees_gets_no_slide_of_its_own():
    """A long solo version or cut after a short prompt stays on the activity's one slide (hidden there):
    an activity is split only by what the room sees."""
    from docutils import nodes

    from courseware.activities import exercise, solo
    from courseware.lesson import cut
    from courseware.slides.model import split_activity

    node = exercise(label="Exercise: Plan", title="Plan")
    node += nodes.paragraph(text="In groups, plan it.")
    node += solo("", nodes.paragraph(text=" ".join(["alone"] * 400)))
    node += cut("", nodes.paragraph(text=" ".join(["costs"] * 200)), what="Part two", saves=5)
    assert len(split_activity(node)) == 1
    node += nodes.paragraph(text=" ".join(["shared"] * 80))
    node += nodes.paragraph(text=" ".join(["more"] * 80))
    parts = split_activity(node)
    assert len(parts) == 2 and all(any(isinstance(c, nodes.paragraph) for c in p.children) for p in parts)
