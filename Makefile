# The README's commands. Every target creates .venv (and installs the project) when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: verify test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP)

## verify: check every identity of the catalog and print the table
verify: $(STAMP)
	$(PY) -m identities verify

## test: run every test (engine, catalog, mutants, doctests)
test: $(STAMP)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) docs/_build
