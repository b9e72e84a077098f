# saylau: two commands on a fresh Debian machine with Python 3.11:
#   make demo   # installs everything, runs `saylau demo`
#   make test   # installs everything, runs the test suite on SQLite and PostgreSQL
# Debian's Python 3.11 (profile-guided and link-time optimisation, the
# interpreter linked statically): a Python compiled without them, as pyenv
# compiles by default, spent about a sixth more server CPU per submission
# (docs/benchmarks.md, session 10)
PYTHON ?= /usr/bin/python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Debian packages: Python 3.11 with venv and headers, WeasyPrint's Pango and
# HarfBuzz, fonts that carry every Kazakh letter, Chromium for the browser
# tests, PostgreSQL client tools, gettext for the translation catalogues,
# Node.js for the browser evaluator's test vectors, Java 17 for the register
# audit's Spark engine (its test runs Spark in local mode).
APT_PACKAGES := python3.11 python3.11-venv python3.11-dev \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
	fonts-dejavu-core fonts-noto-core chromium postgresql-client gettext nodejs \
	openjdk-17-jre-headless

.PHONY: demo test bench lint install system clean

$(VENV)/.system-stamp: Makefile
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(VENV) && touch $@

$(VENV)/.install-stamp: pyproject.toml $(VENV)/.system-stamp
	@base=$$($(PYTHON) -c 'import sys; print(sys.base_prefix)'); \
	if [ "$$($(BIN)/python -c 'import sys; print(sys.base_prefix)' 2>/dev/null)" != "$$base" ]; then \
		echo "Creating $(VENV) on $(PYTHON)"; $(PYTHON) -m venv --clear $(VENV) && touch $(VENV)/.system-stamp; \
	fi
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(VENV)/.install-stamp

demo: install
	$(BIN)/saylau demo

test: install
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests benchmarks verifier
	$(BIN)/pytest -n 2 -m "not slow"
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -m "django_db and not slow"

bench: install
	$(BIN)/python -m benchmarks.run $(ONLY)

lint: install
	$(BIN)/ruff check src tests benchmarks verifier
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) saylau-data demo-data bench-data
