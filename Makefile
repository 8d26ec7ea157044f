# LEAD Desktop task runner. `make run` and `make test` set everything up on a fresh Debian machine.
VENV ?= .venv
PY := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run test lint format bench bench-quick translations clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: ## set up and start the desktop app
	@scripts/bootstrap.sh run
	@$(PY) scripts/translations.py build
	$(VENV)/bin/lead-desktop

test: ## set up, lint and run the whole test suite
	@scripts/bootstrap.sh test
	@$(PY) scripts/translations.py build
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: ## apply ruff's formatting and fixes
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: ## full benchmarks (10k and 100k participants); figures to bench/results/latest.json
	@scripts/bootstrap.sh test
	$(PY) -m bench --full

bench-quick: ## benchmarks in under two minutes (10k participants)
	@scripts/bootstrap.sh test
	$(PY) -m bench

translations: ## re-extract interface strings into the .ts files, then build the .qm files
	$(PY) scripts/translations.py update
	$(PY) scripts/translations.py build
	$(PY) scripts/translations.py check

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
