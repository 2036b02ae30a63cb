# The two commands a newcomer needs: `make run` (demo at http://127.0.0.1:8080/sim)
# and `make test`. Both create .venv and install on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: install browser-deps run test lint typecheck bench migrate learn clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's Chromium (no browser download); Chinese needs CJK fonts.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else echo "note: install chromium and fonts-noto-cjk for the browser tests"; fi; \
	fi

migrate: install
	$(VENV)/bin/bianmin db upgrade

run: install
	$(VENV)/bin/bianmin serve --demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy

test: install browser-deps lint typecheck
	$(PY) -m pytest
	# The same database tests again on PostgreSQL (skipped with a reason if it is absent).
	$(PY) -m pytest --db postgresql -q

# The learned model (knowledge/learned.py) is trained on every labelled file except the eight
# nobody fits on (tests/data/README.md), which stay an honest estimate; a test checks it is fresh.
HELD_OUT := $(addprefix tests/data/questions_,d.tsv e.tsv w.tsv x.tsv y.tsv z.tsv za.tsv zb.tsv)
learn: install
	$(VENV)/bin/bianmin kb learn $(if $(TAUGHT),--taught) $(filter-out $(HELD_OUT),$(sort $(wildcard tests/data/questions*.tsv)))

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
