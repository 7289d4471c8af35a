# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The offline classroom kit: one zip that an instructor unpacks and opens."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from coursetools.site import zip_site
from courseware.html import KIT_ITEM

from .browser import browser_page, remote


@pytest.fixture(scope="module")
def kit(published, tmp_path_factory):
    site, target = published.out("site"), published.out("kit") / "outbound-oss-course.zip"
    unpacked = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    return target, unpacked / "outbound-oss-course", site


def test_kit_holds_every_output_and_nothing_of_the_build(kit, published):
    target, root, _ = kit
    names = zipfile.ZipFile(target).namelist()
    assert all(n.startswith("outbound-oss-course/") for n in names)
    lms = published.settings.lms.identifier
    for path in ("index.html", "html/index.html", "slides/index.html", "handouts/facilitator-guide.pdf",
                 f"lms/{lms}.gift.txt", f"lms/{lms}-qti21.zip", f"lms/{lms}-scorm12.zip"):
        assert (root / path).exists(), path
    assert not any(".doctrees" in n or n.endswith(".buildinfo") for n in names)
    assert not (root / "kit").exists(), "the kit does not hold itself"


def test_the_published_site_holds_the_kit_where_its_pages_link_it(kit):
    target, _, site = kit
    assert (site / "kit" / target.name).read_bytes() == target.read_bytes()
    index = (site / "html" / "index.html").read_text(encoding="utf-8")
    assert f'<li class="{KIT_ITEM}"><p><a' in index and f"kit/{target.name}" in index


def test_kit_is_reproducible(kit, tmp_path):
    """The same site gives the same zip, byte for byte (compared by digest: a diff of two zips says nothing)."""
    target, _, site = kit
    again = tmp_path / target.name  # the kit unpacks to a folder named after its file
    zip_site(site, again)
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(target.read_bytes()).hexdigest()


@pytest.mark.browser
def test_unzipped_kit_works_from_the_file_system_with_no_network(kit):
    _, root, _ = kit
    with browser_page() as page:
        page.goto((root / "index.html").as_uri())
        page.wait_for_url("**/html/index.html")
        assert "Outbound Open Source" in page.title()
        links = page.eval_on_selector_all(".cw-download-area a", "els => els.map(e => e.href)")
        assert any(link.endswith(".zip") for link in links), "the lab's zip"
        assert "this folder" in page.text_content(f"li.{KIT_ITEM}"), "the kit says it is the kit"
        for link in links:
            path = unquote(urlparse(link).path)
            assert Path(path).exists(), f"broken download link {link}"
        deck = next(link for link in links if "/slides/" in link and not link.endswith("index.html"))
        page.goto(deck)
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("Reveal.getIndices().h === 1")
        assert remote(page.requests) == [], remote(page.requests)


@pytest.mark.browser
def test_the_published_decks_ship_only_what_they_load_and_load_all_of_it(published):
    """The site's decks keep, of ``_static/``, only the files their pages load (and the licences); every
    request a deck makes there is answered, none leaves the machine."""
    from coursetools.site import loaded_files

    from .browser import serve

    decks = published.out("site") / "slides"
    shipped = {p.resolve() for p in (decks / "_static").rglob("*") if p.is_file()}
    assert shipped == loaded_files(decks), sorted(str(p) for p in shipped ^ loaded_files(decks))[:5]
    built = sum(p.stat().st_size for p in (published.out("slides") / "_static").rglob("*") if p.is_file())
    assert sum(p.stat().st_size for p in shipped) < built / 2, "the site ships most of the build's _static"
    failed: list[str] = []
    with serve(decks) as base, browser_page() as page:
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        for deck in ["index", *published.lessons()[:3]]:
            page.goto(f"{base}/{deck}.html")
            page.wait_for_function("window.Reveal && Reveal.isReady()")
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(200)
        assert not remote(page.requests), remote(page.requests)
        requested = {(decks / unquote(urlparse(url).path).lstrip("/")).resolve() for url in page.requests}
    assert not failed, failed[:5]
    # the fonts: the brand's WOFF2 faces (the decks' text is in the brand's font), none of the theme's own
    fonts = {p for p in shipped if p.suffix in (".woff2", ".woff", ".ttf", ".otf", ".eot")}
    brand_faces = (decks / "_static" / "fonts").resolve()
    assert fonts and {p.parent for p in fonts} == {brand_faces}, sorted(str(p) for p in fonts)[:5]
    assert {p for p in requested if p.suffix == ".woff2"} & fonts, "the decks load the brand's faces"
