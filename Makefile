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

.PHONY: all html slides handouts outputs site kit lab serve test bench bib clean venv system

# The HTML course first: it reads and checks every page once, so a mistake is
# reported once; then the decks and the PDFs side by side.
all: system venv
	$(MAKE) html
	$(MAKE) -j2 outputs

outputs: slides handouts

# What the build needs from the system, said in one line each when it is missing.
system:
	@$(PYTHON) courseware/doctor.py

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: venv
	$(SPHINX) -b html -j auto $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/html source $(BUILD)/html

# sphinx-revealjs is loaded for the decks only (-t slides): it is not parallel-safe.
slides: venv
	$(SPHINX) -b revealjs -t slides $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/slides source $(BUILD)/slides

handouts: venv
	$(SPHINX) -b handouts -j auto $(SPHINXOPTS) -c . -d $(BUILD)/doctrees/handouts source $(BUILD)/handouts

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

test: system venv
	$(BIN)/ruff check courseware tests conf.py
	$(BIN)/python -m pytest

bench: system venv
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(BUILD)
