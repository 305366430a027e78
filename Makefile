# The two commands of the README: `make build` and `make test`. Both create the local
# virtual environment on first use, so a fresh clone needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: build test lint bench extract docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium

build: $(STAMP)
	$(BIN)/final-accounts build

# Lint, then every test: the Python suite, which also builds the warehouse from the
# bundled documents into a scratch folder and runs all dbt data and unit tests on it.
# The report's test renders it in Debian's headless Chromium, installed here if missing.
test: $(STAMP) $(CHROMIUM)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

extract: $(STAMP)
	$(BIN)/final-accounts extract

bench: $(STAMP)
	$(BIN)/final-accounts bench

clean:
	rm -rf target logs warehouse/*.duckdb* .pytest_cache

