# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course's own tools, beside the Sphinx extension (``courseware``), which knows nothing of them.

- ``lab``: the release-readiness lab's practice repository and its answer key (``make lab``);
- ``analytics``: the data behind Module 3's charts, extracted from a git repository;
- ``site``: the three outputs side by side as published, and the classroom kit (``make site``).

conf.py connects them to the build: ``courseware_lab_zip`` names the function that makes the lab's
zip, and the charts module of Module 3 imports the analytics' measures.
"""
