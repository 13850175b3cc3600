# HCRM Desktop developer commands (Debian/Ubuntu). `make demo` and `make test` are the README's two
# set-up commands; both install the system packages first (scripts/setup-system.sh, apt-get as root or
# through sudo, skipped when everything is there) and create .venv.
#
#   make demo          the app on its demo data. With no DISPLAY (SSH, a container) it runs under Xvfb:
#                      QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" hcrm-desktop --demo
#                      Nothing is visible then; it proves the app starts, and while it runs
#                      DISPLAY=:99 XAUTHORITY=/tmp/hcrm-demo.Xauthority /usr/bin/import -window root x.png
#                      takes a picture (:99 is the first display xvfb-run tries). Ctrl-C stops it.
#   make test          pytest (starts real PostgreSQL and baresip servers) and ruff: what CI runs
#   make lint          ruff and mypy
#   make translations  update resources/translations/*.ts from the sources, fill Chinese from
#                      resources/translations/fragments/*.json ({"English": "中文"}), compile to .qm
#   make screenshots   docs/screenshots/<view>.png for every view, on demo data, rendered offscreen

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_FLAGS := -q --disable-pip-version-check
PYTEST_ARGS ?=
XVFB_AUTH := /tmp/hcrm-demo.Xauthority
XVFB_RUN := xvfb-run -a -f $(XVFB_AUTH) -s "-screen 0 1366x768x24"
TRANSLATIONS := resources/translations/hcrm_zh_CN.ts resources/translations/hcrm_en.ts
LINTED := hcrm_desktop tests bench

.PHONY: system venv demo test lint translations screenshots

system:
	bash scripts/setup-system.sh

venv: $(VENV)/.installed

# Rebuilt when pyproject.toml changes; `rm -rf .venv` starts over.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -e '.[test]'
	touch $@

demo: system venv
	@if [ -n "$${DISPLAY:-}" ]; then \
	  $(BIN)/hcrm-desktop --demo; \
	else \
	  echo "make demo: no DISPLAY, so the app runs under Xvfb (1366x768, XAUTHORITY=$(XVFB_AUTH))"; \
	  echo "where nobody sees it; see the Makefile for a screenshot. Ctrl-C stops it."; \
	  QT_QPA_PLATFORM=xcb $(XVFB_RUN) $(BIN)/hcrm-desktop --demo; \
	fi

test: system venv
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)
	$(BIN)/ruff check $(LINTED)

lint: venv
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy hcrm_desktop

translations: venv
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find hcrm_desktop -name '*.py' | sort) -ts $(TRANSLATIONS)
	$(BIN)/python scripts/fill_translations.py resources/translations/hcrm_zh_CN.ts $$(find resources/translations/fragments -name '*.json' 2>/dev/null | sort)
	$(BIN)/pyside6-lrelease $(TRANSLATIONS)

screenshots: system venv
	mkdir -p docs/screenshots
	for view in $$($(BIN)/hcrm-desktop screenshot --list); do \
	  $(BIN)/hcrm-desktop screenshot --view "$$view" --out "docs/screenshots/$$view.png" --demo; \
	done
