# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Loaded by LinkChecker from its plugin folder (``tests/checkers.py`` puts it there): LinkChecker's own
anchor check, reading each page's anchors once instead of once for every anchor checked in it.

LinkChecker's ``AnchorCheck`` parses the target page again for each link with an anchor
(linkchecker/linkchecker#781, open): the course has some 640 such links into a few dozen pages,
and LinkChecker took 54 CPU-seconds on it where it takes 5 with this module. The check below is
``AnchorCheck.check`` with the anchors LinkChecker's parser finds (``linkparse.find_links``) kept for
each page's bytes; the verdict is still ``UrlAnchorCheck.check_anchor``'s.

It replaces the method rather than adding a plugin of its own: LinkChecker checks links with
different anchors as different links only when a plugin named ``AnchorCheck`` is enabled.
"""

import hashlib

from linkcheck.htmlutil import linkparse
from linkcheck.plugins import anchorcheck

__all__ = []  # no plugin class of its own: LinkChecker would enable any class this module names

_pages: dict[bytes, anchorcheck.UrlAnchorCheck] = {}  # a page's bytes' digest -> the anchors found in it


def check(self, url_data):
    """``AnchorCheck.check``, the page parsed only the first time its bytes are met."""
    key = hashlib.sha256(url_data.get_raw_content()).digest()
    anchors = _pages.get(key)
    if anchors is None:
        anchors = anchorcheck.UrlAnchorCheck()
        linkparse.find_links(url_data.get_soup(), anchors.add_anchor, linkparse.AnchorTags)
        _pages[key] = anchors
    anchors.check_anchor(url_data)


anchorcheck.AnchorCheck.check = check
