# Postwerk: `make run` and `make test` bootstrap everything themselves (idempotent).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
HOST ?= 127.0.0.1
PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: run test bench lint system-deps pds-deps clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip setuptools wheel

# Re-install only when pyproject.toml changed since the last install.
$(VENV)/.run-installed: pyproject.toml | $(PY)
	$(PIP) install -e '.[local]'
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(PY)
	$(PIP) install -e '.[local,test]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	@echo "Postwerk starts on http://$(HOST):$(PORT)  (Ctrl+C stops it)"
	$(PY) -m streamlit run app.py --server.headless true --browser.gatherUsageStats false \
		--server.address $(HOST) --server.port $(PORT)

# System packages the tests need: Debian's chromium (browser tests), postgresql
# (the queue's storage contract), Node.js with npm and a C++ toolchain (the local Bluesky
# PDS; its better-sqlite3 compiles from source). Installed only when missing, only as root.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v g++ >/dev/null 2>&1 || missing="$$missing g++"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "missing system packages:$$missing (run as root or install them; those tests will be skipped)"; \
		fi; \
	fi

# The real local Bluesky PDS the publishing tests run against (tests/fakes/pds). `npm ci`
# runs once per package-lock.json into a user cache folder named by the lock's hash, which
# every clone and worktree on the machine shares (the first install compiles better-sqlite3:
# several minutes on 2 cores); tests/fakes/pds/node_modules is a link to it.
PDS_DIR := tests/fakes/pds
PDS_LOCK_HASH := $(shell sha256sum $(PDS_DIR)/package-lock.json $(PDS_DIR)/package.json | sha256sum | cut -c1-16)
PDS_CACHE := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/postwerk/test-pds/$(PDS_LOCK_HASH)

$(PDS_CACHE)/.installed: | system-deps
	mkdir -p $(PDS_CACHE)
	cp $(PDS_DIR)/package.json $(PDS_DIR)/package-lock.json $(PDS_DIR)/.npmrc $(PDS_CACHE)/
	cd $(PDS_CACHE) && nice -n 19 npm ci --no-audit --no-fund
	touch $@

pds-deps: $(PDS_CACHE)/.installed
	@if [ "$$(readlink $(PDS_DIR)/node_modules)" != "$(PDS_CACHE)/node_modules" ]; then \
		rm -rf $(PDS_DIR)/node_modules && ln -s $(PDS_CACHE)/node_modules $(PDS_DIR)/node_modules; \
	fi

test: $(VENV)/.test-installed system-deps pds-deps
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	@for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

lint: $(VENV)/.test-installed
	$(PY) -m ruff check assistant tests bench app.py
	$(PY) -m mypy assistant

clean-venv:
	rm -rf $(VENV)
