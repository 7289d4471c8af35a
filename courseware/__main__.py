# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``python -m courseware``: ``sphinx-build``, ending without freeing what it built object by object.

``make`` runs every build this way. At exit Python walks and frees every object a build made; for the
whole course's pages that takes about a second, at the end of every build. ``gc.freeze`` moves them
out of the collector's sight, and the operating system takes the memory back when the process ends.
"""

import gc
import sys

from sphinx.cmd.build import main

if __name__ == "__main__":
    status = main(sys.argv[1:])
    gc.freeze()
    sys.exit(status)
