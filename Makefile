# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# Build every output of the course:  make        Run every check:  make test

PYTHON    ?= python3
VENV      := .venv
LAB_VENV  := .venv-lab
BIN       := $(VENV)/bin
# sphinx-build, ending without freeing the course's pages object by object (courseware/__main__.py)
SPHINX    := $(BIN)/python -m courseware
SPHINXOPTS ?= -W --keep-going -n -q
BUILD     := _build
# The Python that ruff checks, in make check and make test alike.
LINTED    := courseware coursetools tests tools conf.py
# make keeps a Typst compiler running this many seconds after the last PDF it compiled, so that the
# next make compiles again only what changed (make TYPST_SERVER=0: every build compiles on its own).
TYPST_SERVER ?= 600
# Same input, same bytes: PDF dates come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)

.PHONY: all html slides handouts lms outputs site kit lab serve test check bench bib clean venv lab-tools system checkers \
        gettext translations messages

# Every output in one run: the HTML build reads and checks every page once (a mistake is reported
# once), then starts the decks and the PDFs, which read nothing again, while it writes its pages, and
# the LMS exports once the HTML is written (courseware/alongside.py); it ends when all have.
all: system venv $(BUILD)/.stamps/all

outputs: slides handouts lms

# What the build needs from the system, said in one line each when it is missing.
system:
	@$(PYTHON) courseware/doctor.py

venv: $(VENV)/.installed

# The pinned packages, then the extension itself as an editable install (its dependencies are the pins).
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The release lab's audit tools (reuse, detect-secrets, pip-licenses, ScanCode), as learners install
# them: an environment of their own, because ScanCode needs an older pluggy than pytest.
lab-tools: $(LAB_VENV)/.installed

$(LAB_VENV)/.installed: tests/lab-tools.txt
	$(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/lab-tools.txt
	touch $@

# Every file an output is built from. An output whose stamp is newer than all of them is left as
# it is, without starting Sphinx; within a build, Sphinx reads only changed pages and the handouts
# builder assembles and compiles only the PDFs whose inputs changed.
INPUTS := conf.py requirements.txt $(shell find source courseware coursetools handouts slides branding locales -type f \
            -not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null)

# make: the HTML build, with the other outputs beside it.
$(BUILD)/.stamps/all: $(INPUTS)
	$(SPHINX) -b html -j auto $(SPHINXOPTS) -D courseware_typst_server=$(TYPST_SERVER) \
	  -D courseware_also_build=revealjs:$(BUILD)/slides,handouts:$(BUILD)/handouts,lms:$(BUILD)/lms \
	  -c . -d $(BUILD)/doctrees/course source $(BUILD)/html
	@mkdir -p $(@D) && touch $(@D)/html $(@D)/slides $(@D)/handouts $(@D)/lms $@

# The HTML course, the decks and the handouts read the pages into one environment (the decks
# and the PDFs are built after the HTML, so they read nothing again).
html: venv $(BUILD)/.stamps/html

$(BUILD)/.stamps/html: $(INPUTS)
	$(SPHINX) -b html -j auto $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/course source $(BUILD)/html
	@mkdir -p $(@D) && touch $@

slides: venv $(BUILD)/.stamps/slides

$(BUILD)/.stamps/slides: $(INPUTS)
	$(SPHINX) -b revealjs $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/course source $(BUILD)/slides
	@mkdir -p $(@D) && touch $@

handouts: venv $(BUILD)/.stamps/handouts

$(BUILD)/.stamps/handouts: $(INPUTS)
	$(SPHINX) -b handouts -j auto $(SPHINXOPTS) -D courseware_typst_server=$(TYPST_SERVER) -c . -d $(BUILD)/doctrees/course source $(BUILD)/handouts
	@mkdir -p $(@D) && touch $@

# The course for a learning platform: the knowledge checks as GIFT (Moodle) and QTI 2.1, and the
# HTML course as a SCORM 1.2 package (made from _build/html, so after it).
lms: venv $(BUILD)/.stamps/lms

$(BUILD)/.stamps/lms: $(INPUTS) $(BUILD)/.stamps/html
	$(SPHINX) -b lms $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/course source $(BUILD)/lms
	@mkdir -p $(@D) && touch $@

# Module 2's release-readiness lab: the practice git repository, and its zip for the kit.
lab: venv
	$(BIN)/python -m coursetools.lab --zip $(BUILD)/lab/waybill-practice.zip $(BUILD)/lab/waybill-practice

# The three outputs side by side with the lab's zip, as published (_build/site), and the
# classroom kit: the same as one zip (_build/kit), which the site holds too.
site: all lab
	$(BIN)/python -m coursetools.site $(BUILD) $(BUILD)/site $(BUILD)/kit/outbound-oss-course.zip

kit: site

serve: venv
	$(BIN)/sphinx-autobuild -b html -c . -d $(BUILD)/doctrees/serve source $(BUILD)/serve

# Translating the pages (CONTRIBUTING, "Translate the course"): every page's text as message templates
# (_build/gettext), then one language's catalogues, a .po per page under locales/<language>/LC_MESSAGES
# (make translations LANG=de): new paragraphs are added untranslated, and an untranslated one builds in English.
gettext: venv
	$(SPHINX) -b gettext -q -c . -d $(BUILD)/doctrees/gettext source $(BUILD)/gettext

translations: gettext
	@echo "$(LANG)" | grep -Eq '^[a-z]{2,3}(_[A-Z]{2})?$$' || \
	  { echo "make: say which language: make translations LANG=de (a code like de, pt or pt_BR)" >&2; exit 2; }
	$(BIN)/sphinx-intl update -p $(BUILD)/gettext -d locales -l $(LANG)

# The words the extension writes (courseware/locales): the template from the code, every catalogue updated.
messages: venv
	$(BIN)/python tools/messages.py

bib: venv
	$(BIN)/python -W ignore::RuntimeWarning -m courseware.guide source/guide.bib

# The Nu HTML Checker (vnu.jar, pinned in package-lock.json; its install script would fetch
# a Java runtime, Debian's is used). Without npm its tests are skipped here and fail in CI.
checkers:
	@if command -v npm >/dev/null 2>&1; then \
	  [ node_modules/.installed -nt package-lock.json ] || \
	  { npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; \
	else echo "make: no npm, so the Nu HTML Checker is not run (apt-get install npm default-jre-headless)" >&2; fi

# A worker a core, tests handed out one by one: the course is built once for all workers and each
# PDF read once (tests/conftest.py); the tests that share one checker's run (tests/test_gate.py,
# xdist_group) go to one worker, so that no checker runs twice.
test: system venv lab-tools checkers
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The fast inner loop: lint, unit tests and the extension on its tiny projects; no whole-course build,
# no browser, no third-party gate (make test runs everything).
check: venv lab-tools
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m pytest -q -n auto -m "not course and not browser and not gate and not lab"

bench: system venv
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(BUILD)
