# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# A build that fails in its main process while a writing process is still at work (tests/test_main.py):
# each page's writer logs more than a pipe holds, and the main process fails on the last page.
project = "Failing write"


def talk(app, pagename, *_args):
    from sphinx.util import logging

    logging.getLogger("conf").warning("%s %s", pagename, "words " * 4000)


def fail(app, doctree, docname):
    if docname == app.env.config.failing_page:
        raise RuntimeError(f"{docname} fails")


def setup(app):
    app.add_config_value("failing_page", "", "env")
    app.connect("html-page-context", talk)
    app.connect("doctree-resolved", fail)
