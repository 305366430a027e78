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

# The oldest DuckDB 1.x reader, beside the project's own DuckDB (a Python can import only one
# duckdb): the compatibility test opens the published warehouse with it.
OLD_READER := $(VENV)/duckdb-1.0/.installed
$(OLD_READER): $(STAMP)
	$(BIN)/pip install --quiet --no-deps --target $(VENV)/duckdb-1.0 duckdb==1.0.0
	touch $(OLD_READER)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium

build: $(STAMP)
	$(BIN)/final-accounts build

# Lint, then every test: the Python suite, which also builds the warehouse from the
# bundled documents into a scratch folder and runs all dbt data and unit tests on it.
# The report's test renders it in Debian's headless Chromium, installed here if missing.
test: $(STAMP) $(OLD_READER) $(CHROMIUM)
	$(BIN)/ruff check src tests superset
	$(BIN)/ruff format --check src tests superset
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests superset
	$(BIN)/ruff format src tests superset

extract: $(STAMP)
	$(BIN)/final-accounts extract

bench: $(STAMP)
	$(BIN)/final-accounts bench

clean:
	rm -rf target logs warehouse .pytest_cache

# Superset on the published warehouse, read-only (see superset/). Its own virtual environment:
# Superset 6 pins SQLAlchemy 1.4 and more, which the project's .venv must not share.
SUPERSET_VENV := .venv-superset
SUPERSET_STAMP := $(SUPERSET_VENV)/.installed
SUPERSET_WAREHOUSE := warehouse/final_accounts.duckdb
SUPERSET_PORT ?= 8088

.PHONY: superset test-superset

$(SUPERSET_STAMP): superset/requirements.txt
	$(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_VENV)/bin/pip install --quiet --upgrade pip
	$(SUPERSET_VENV)/bin/pip install --quiet -r superset/requirements.txt
	touch $(SUPERSET_STAMP)

# Built only when missing (a fresh clone); rebuilding it is `make build`'s job.
$(SUPERSET_WAREHOUSE):
	$(MAKE) build

# Provisions superset/.home (metadata, admin, the dashboard of superset/bundle), then serves
# on 127.0.0.1:$(SUPERSET_PORT) in the foreground.
superset: $(SUPERSET_STAMP) $(SUPERSET_WAREHOUSE)
	$(SUPERSET_VENV)/bin/python superset/run.py --port $(SUPERSET_PORT) --warehouse $(SUPERSET_WAREHOUSE)

# End to end: provisions a scratch Superset, serves it on a free port, compares chart data
# fetched through its API with the same queries run on the warehouse.
test-superset: $(SUPERSET_STAMP) $(STAMP) $(SUPERSET_WAREHOUSE)
	$(BIN)/pytest tests/superset
