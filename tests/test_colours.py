# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The brand's colour arithmetic: contrast as WCAG 2 measures it, dark-theme tints, recoloured figures."""

from __future__ import annotations

import pytest

from courseware.colours import DARK_BACKGROUND, READABLE, contrast, for_dark, is_tint, recolour, tint


def test_contrast_is_wcag_2s_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey
    assert contrast("#1f4e79", "#1f4e79") == pytest.approx(1)


@pytest.mark.parametrize("colour", ["#1f4e79", "#1f6f8b", "#8b1a1a", "#b35900", "#000000", "#ffdd00", "#004d00"])
def test_a_dark_theme_colour_reads_on_the_dark_background_and_keeps_its_hue(colour):
    dark = for_dark(colour)
    assert contrast(dark, DARK_BACKGROUND) >= READABLE
    assert is_tint(dark, colour), f"{dark} is not a lighter {colour}"


def test_a_figure_takes_the_new_colours_at_the_same_tints_and_keeps_its_greys():
    old, new = "#1f4e79", "#8b1a1a"
    figure = f'<rect fill="{old}"/><rect fill="{tint(old, 0.25)}"/><text fill="#1a1a1a"/><rect fill="#ffffff"/>'
    recoloured = recolour(figure, {old: new})
    assert recoloured == (f'<rect fill="{new}"/><rect fill="{tint(new, 0.25)}"/><text fill="#1a1a1a"/>'
                          '<rect fill="#ffffff"/>')
    assert recolour(figure, {old: old}) == figure


@pytest.mark.parametrize("colour", ["#ffdd00", "#f2c94c", "#66ccff", "#ff6600", "#1f4e79"])
def test_a_light_colour_darkened_reads_on_white_and_keeps_its_hue(colour):
    from courseware.colours import for_light, shade

    dark = for_light(colour)
    assert contrast(dark, "#ffffff") >= READABLE
    assert any(shade(colour, step / 100) == dark for step in range(101)), f"{dark} is not a darker {colour}"
    if contrast(colour, "#ffffff") >= READABLE:
        assert dark == colour  # a colour that reads is left alone


@pytest.mark.parametrize("name", ["primary", "accent"])
def test_a_brand_colour_too_light_to_read_is_refused_with_a_darker_one_offered(tmp_path, name):
    import re

    from sphinx.errors import ConfigError

    from courseware.colours import for_light
    from courseware.config import from_values

    with pytest.raises(ConfigError) as raised:
        from_values({"courseware_brand": {name: "#f2c94c"}}, tmp_path)
    message = str(raised.value)
    assert f"['{name}'] #f2c94c is too light" in message and "4.5:1" in message
    offered = re.search(r"dark enough: (#[0-9a-f]{6})", message).group(1)
    assert offered == for_light("#f2c94c") and contrast(offered, "#ffffff") >= READABLE
