# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Which files the fallback families come from, in what order, and how the web's cut-down fonts are declared
(courseware/fallback_fonts.py, courseware/html/webfonts.py); tests/test_plain_pages.py prints a Japanese page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from courseware import fallback_fonts
from courseware.config import Brand, _from_dict
from courseware.html.webfonts import unicode_range

BRAND_FONTS = Path(__file__).parent.parent / "branding" / "fonts"


def test_a_family_comes_whole_from_the_first_folder_that_has_it_regular_first(tmp_path):
    matplotlib = fallback_fonts.matplotlib_fonts()
    assert matplotlib is not None
    faces = fallback_fonts.faces_of("DejaVu Sans", (BRAND_FONTS, matplotlib, Path("/usr/share/fonts")))
    assert [(f.weight, f.italic) for f in faces] == [(400, False), (700, False), (400, True), (700, True)]
    assert all(face.path.parent == matplotlib for face in faces)  # matplotlib's folder is searched first
    # a team's own copy in the brand's folder wins over both
    own = tmp_path / "brand"
    own.mkdir()
    shutil.copy(matplotlib / "DejaVuSans.ttf", own / "team-fallback.ttf")
    faces = fallback_fonts.faces_of("DejaVu Sans", (own, matplotlib))
    assert [face.path for face in faces] == [own / "team-fallback.ttf"]


def test_a_family_is_found_by_the_name_inside_its_file_not_by_its_file_name(tmp_path):
    shutil.copy(BRAND_FONTS / "source-sans-pro-regular.ttf", tmp_path / "anything.ttf")
    (tmp_path / "notes.ttf").write_bytes(b"not a font")  # read, refused, and not a candidate
    faces = fallback_fonts.faces_of("Source Sans Pro", (tmp_path,))
    assert [face.path.name for face in faces] == ["anything.ttf"]
    assert fallback_fonts.faces_of("No Such Family", (tmp_path,)) == ()


def test_the_default_families_cover_greek_cyrillic_and_cjk():
    """What the README and .ci/run install: DejaVu Sans from matplotlib, Noto Sans CJK JP from fonts-noto-cjk."""
    search = (fallback_fonts.matplotlib_fonts(), *(Path(f) for f in fallback_fonts.SYSTEM_FOLDERS if Path(f).is_dir()))
    drawn: set[int] = set()
    for family in Brand().fallback:
        faces = fallback_fonts.faces_of(family, search)
        assert faces, f"no font of {family!r}: install {fallback_fonts.SOURCES[family]}"
        drawn |= fallback_fonts.characters(faces[0])
    assert {ord(c) for c in "λόγος кириллица 日本語 ひらがな カタカナ 中文 한국어"} - {ord(" ")} <= drawn


def test_typst_reads_only_the_fallback_files_from_a_folder_of_links(tmp_path):
    matplotlib = fallback_fonts.matplotlib_fonts()
    faces = list(fallback_fonts.faces_of("DejaVu Sans", (matplotlib,)))
    folder = tmp_path / "_fonts"
    folder.mkdir()
    (folder / "stale.ttf").symlink_to(BRAND_FONTS / "source-sans-pro-regular.ttf")
    links = fallback_fonts.link_fonts(faces, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(face.path.name for face in faces)
    assert all(link.resolve() == (matplotlib / link.name).resolve() for link in links)
    assert fallback_fonts.link_fonts(faces[:1], folder) == [folder / "DejaVuSans.ttf"]  # a dropped face goes
    assert [p.name for p in folder.iterdir()] == ["DejaVuSans.ttf"]


@pytest.mark.parametrize("value", ["DejaVu Sans", ["DejaVu Sans", ""], ["DejaVu Sans", 3]])
def test_a_fallback_that_is_not_a_list_of_family_names_is_one_clear_line(value, tmp_path):
    with pytest.raises(ConfigError, match=r"courseware_brand\['fallback'\]"):
        _from_dict(Brand, {"fallback": value}, "courseware_brand").check("courseware_brand", tmp_path)


def test_a_unicode_range_joins_neighbours():
    assert unicode_range("あいうか日") == "U+3042, U+3044, U+3046, U+304B, U+65E5"
    assert unicode_range("ぁあぃ") == "U+3041-3043"
    assert unicode_range("𓀀A") == "U+0041, U+13000"
