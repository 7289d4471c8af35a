# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Colour arithmetic for the brand, in one place: contrast as WCAG 2 measures it, tints, and figures
drawn in the default brand's colours redrawn in another's.

- ``contrast(a, b)``: WCAG 2's contrast ratio of two ``#rrggbb`` colours (1 to 21).
- ``tint(colour, share)``: ``colour`` mixed with white, ``share`` of it kept (1: the colour, 0: white).
- ``for_dark(colour)``: the least lightened tint of ``colour`` readable on a dark background.
- ``for_light(colour)``: the least darkened shade of ``colour`` readable on white (what the brand check
  suggests for a colour too light to read).
- ``recolour(text, mapping)``: every ``#rrggbb`` in ``text`` that is a key of ``mapping`` or a tint of
  one becomes the same tint of its value (a figure's fills and strokes follow a rebrand; greys stay);
  ``is_tint`` says whether a colour is such a tint.
"""

from __future__ import annotations

import re

#: furo's background in its dark theme (``--color-background-primary``).
DARK_BACKGROUND = "#131416"
#: WCAG 2's least contrast for body text (level AA), and the contrast a colour on the dark theme aims at
#: (level AAA), so that links and headings stand out and not only pass.
READABLE = 4.5
CLEAR = 7.0

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _channels(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _hex(channels) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(colour: str, share: float) -> str:
    return _hex(255 - share * (255 - c) for c in _channels(colour))


def for_dark(colour: str, background: str = DARK_BACKGROUND, ratio: float = CLEAR) -> str:
    """``colour`` itself where it reads on ``background``, else its tint with the most colour that does."""
    for step in range(100, -1, -1):
        candidate = tint(colour, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#ffffff"


def shade(colour: str, share: float) -> str:
    """``colour`` mixed with black, ``share`` of it kept (1: the colour, 0: black)."""
    return _hex(share * c for c in _channels(colour))


def for_light(colour: str, background: str = "#ffffff", ratio: float = READABLE) -> str:
    """``colour`` itself where it reads on ``background``, else its shade with the most colour that does."""
    for step in range(100, -1, -1):
        candidate = shade(colour, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#000000"


def is_tint(colour: str, base: str, least: float = 0.0) -> bool:
    """Whether ``colour`` is ``base`` or ``base`` mixed with white, keeping more than ``least`` of it."""
    share = _share(colour.lower(), base.lower())
    return share is not None and share > least


def _share(colour: str, base: str) -> float | None:
    """How much of ``base`` the tint ``colour`` keeps, or None when ``colour`` is no tint of ``base``."""
    shares = []
    for c, b in zip(_channels(colour), _channels(base)):
        if b == 255:
            if c != 255:
                return None
            continue
        shares.append((255 - c) / (255 - b))
    if not shares or not all(0 < s <= 1.0001 for s in shares) or max(shares) - min(shares) > 0.02:
        return None
    return sum(shares) / len(shares)


def recolour(text: str, mapping: dict[str, str]) -> str:
    """Each colour that is a key of ``mapping`` or a tint of one becomes the value, at the same tint."""
    bases = {old.lower(): new for old, new in mapping.items() if old.lower() != new.lower()}
    if not bases:
        return text

    def replace(match: re.Match) -> str:
        found = match.group(0).lower()
        for old, new in bases.items():
            share = _share(found, old)
            if share is not None:
                return tint(new, min(share, 1.0))
        return match.group(0)

    return _HEX.sub(replace, text)
