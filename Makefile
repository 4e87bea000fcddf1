# lienket: the only commands a newcomer needs. `make run` and `make test` do all set-up themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := chromium fonts-noto-core fonts-lao gettext libpango-1.0-0 libpangoft2-1.0-0 nginx openssl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_WORKERS ?= 2

.PHONY: run test lint fmt bench docs system install setup clean

# two server processes and the one background worker beside them, as docs/deployment.md runs
# lienket; Ctrl+C stops both
run: install
	$(BIN)/lienket setup
	$(BIN)/lienket demo
	@export LIENKET_IMPORT_WORKER=external; \
	  $(BIN)/lienket work --wait 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/lienket serve --workers 2

test: install
	$(BIN)/lienket compile-messages
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup
	$(BIN)/lint-imports

lint: install
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy src/lienket/engine src/lienket/refdata

fmt: install
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: install
	$(BIN)/python benchmarks/import_enterprises.py
	$(BIN)/python benchmarks/trade_indicators.py
	$(BIN)/python benchmarks/matching.py
	$(BIN)/python benchmarks/allocation.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/hostile.py

# Debian packages: Chromium for the browser tests, Noto fonts with Lao glyphs and Phetsarath OT
# (fonts-lao, the Lao government's standard font), gettext's msgfmt,
# Pango for WeasyPrint (certificates and reports).
system:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { \
	  echo "Installing Debian packages: $(SYSTEM_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

clean:
	rm -rf $(VENV) var
