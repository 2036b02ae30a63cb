# The two commands a newcomer needs: `make run` (demo at http://127.0.0.1:8080/sim)
# and `make test`. Both create .venv and install on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck bench migrate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(VENV)/bin/bianmin db upgrade

run: install
	$(VENV)/bin/bianmin serve --demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy

test: install lint typecheck
	$(PY) -m pytest
	# The same database tests again on PostgreSQL (skipped with a reason if it is absent).
	$(PY) -m pytest --db postgresql -q

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
