# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The offline classroom kit: one zip that an instructor unpacks and opens."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from courseware.site import assemble, zip_site

from .browser import browser_page, remote


@pytest.fixture(scope="module")
def kit(course, tmp_path_factory):
    build = course.root / "_build"
    site = tmp_path_factory.mktemp("site") / "site"
    assemble(build, site)
    target = tmp_path_factory.mktemp("kit") / "outbound-oss-course.zip"
    zip_site(site, target)
    unpacked = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    return target, unpacked / "outbound-oss-course"


def test_kit_holds_all_three_outputs_and_nothing_of_the_build(kit):
    target, root = kit
    names = zipfile.ZipFile(target).namelist()
    assert all(n.startswith("outbound-oss-course/") for n in names)
    for path in ("index.html", "html/index.html", "slides/index.html", "handouts/facilitator-guide.pdf"):
        assert (root / path).exists(), path
    assert not any(".doctrees" in n or n.endswith(".buildinfo") for n in names)


def test_kit_is_reproducible(kit, course, tmp_path):
    """The same build gives the same zip, byte for byte."""
    target, _ = kit
    site = tmp_path / "site"
    assemble(course.root / "_build", site)
    again = tmp_path / "again.zip"
    zip_site(site, again)
    assert again.read_bytes() == target.read_bytes()


@pytest.mark.browser
def test_unzipped_kit_works_from_the_file_system_with_no_network(kit):
    _, root = kit
    with browser_page() as page:
        page.goto((root / "index.html").as_uri())
        page.wait_for_url("**/html/index.html")
        assert "Outbound Open Source" in page.title()
        links = page.eval_on_selector_all(".cw-downloads a", "els => els.map(e => e.href)")
        assert links
        for link in links:
            path = unquote(urlparse(link).path)
            assert Path(path).exists(), f"broken download link {link}"
        deck = next(link for link in links if "/slides/" in link and not link.endswith("index.html"))
        page.goto(deck)
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("Reveal.getIndices().h === 1")
        assert remote(page.requests) == [], remote(page.requests)
