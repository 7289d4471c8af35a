# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
# Build every output of the course:  make        Run every check:  make test

PYTHON    ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
SPHINX    := $(BIN)/sphinx-build
SPHINXOPTS ?= -W --keep-going -n -q
BUILD     := _build
# Same input, same bytes: PDF dates come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)

.PHONY: all html slides handouts lab site kit serve test bench bib clean venv

all: venv
	$(MAKE) -j3 html slides handouts

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: venv
	$(SPHINX) -b html $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/html source $(BUILD)/html

slides: venv
	$(SPHINX) -b revealjs $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/slides source $(BUILD)/slides

handouts: venv
	$(SPHINX) -b handouts $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/handouts source $(BUILD)/handouts

# Module 2's release-readiness lab: the practice git repository, and its zip for the kit.
lab: venv
	$(BIN)/python -m courseware.lab --zip $(BUILD)/lab/waybill-practice.zip $(BUILD)/lab/waybill-practice

# The three outputs side by side (and the lab's zip), as published and as carried to a classroom.
site: all lab
	$(BIN)/python -m courseware.site $(BUILD) $(BUILD)/site

kit: site
	$(BIN)/python -m courseware.site --zip $(BUILD)/site $(BUILD)/kit/outbound-oss-course.zip

serve: venv
	$(BIN)/sphinx-autobuild -b html -c . -d $(BUILD)/doctrees/serve source $(BUILD)/serve

bib: venv
	$(BIN)/python -W ignore::RuntimeWarning -m courseware.guide source/guide.bib

test: venv
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(BUILD)
