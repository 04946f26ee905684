# Two commands set everything up: `make demo` and `make test`. Both create .venv when needed.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo serve screenshot test stories stories-blind lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Serves bundled sample news on loopback and runs the whole pipeline on it; the results stay
# in .demo/monitor.db (`.venv/bin/monitor --config config/demo.toml articles` lists them).
demo: $(STAMP)
	rm -rf .demo
	$(BIN)/monitor demo --database sqlite:///.demo/monitor.db

# The web view of the demo's results at http://127.0.0.1:8080 (after `make demo`).
serve: $(STAMP)
	$(BIN)/monitor --config config/demo.toml serve

# docs/images/timeline.png, the measure timeline README shows: the demo, then Chromium.
screenshot: demo
	$(BIN)/python docs/screenshot.py

test: $(STAMP)
	$(BIN)/python -m pytest

# The developing stories of tests/data/stories end to end, scored per story with every wrong
# and missed alert listed (the test suite runs the same and fails below its floors).
stories: $(STAMP)
	$(BIN)/python -m tests.stories --details

# The stories written blind (tests/data/stories-blind): scored, not gated.
stories-blind: $(STAMP)
	$(BIN)/python -m tests.stories --blind --alone --details

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy monitor

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache
