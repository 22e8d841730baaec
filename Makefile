# The README's commands. Every target creates .venv (and installs the project) when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KATEX := docs/_katex/node_modules/katex/dist/katex.min.js
HTML := docs/_build/html
LATEX := docs/_build/latex
# the PDF's name is latex_documents' in docs/conf.py: the distribution's name
PDF := $(LATEX)/matrix-calculus-identities.pdf
PORT ?= 8000
# sphinx-build's flags: warnings are errors (-W, all reported: --keep-going), every reference must resolve (-n)
SPHINXOPTS ?= -W --keep-going -n -q

# PyTorch for `make interop`: the version, and the package index to take it from (empty: pip's own). Where
# PyPI serves the build with GPU libraries (gigabytes), take the CPU build from PyTorch's index:
#   make interop TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_VERSION ?= 2.13.0
TORCH_INDEX ?=

.PHONY: verify test interop docs docs-assets serve pdf latex-tools readthedocs bench-scale clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP)

## docs-assets: KaTeX (JavaScript for the build-time prerender, CSS and fonts for the pages) from npm
docs-assets: $(KATEX)
$(KATEX): docs/_katex/package.json docs/_katex/package-lock.json
	cd docs/_katex && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## docs: build the handbook (warnings are errors, every reference must resolve) and print where it is
docs: $(STAMP) $(KATEX)
	$(VENV)/bin/sphinx-build -b html $(SPHINXOPTS) docs $(HTML)
	@echo "$(abspath $(HTML))/index.html"

## pdf: the whole handbook as one PDF (Sphinx's LaTeX builder, then LuaLaTeX through latexmk); prints where it is
# LuaLaTeX stops at the first error (a glyph that none of the fonts has is one, see docs/conf.py), and latexmk
# fails on a cross-reference left unresolved (-Werror)
pdf: $(STAMP) $(KATEX) latex-tools
	$(VENV)/bin/sphinx-build -b latex $(SPHINXOPTS) docs $(LATEX)
	$(MAKE) -C $(LATEX) all-pdf LATEXOPTS=-halt-on-error LATEXMKOPTS="-silent -Werror"
	@echo "$(abspath $(PDF))"

## latex-tools: LuaLaTeX, latexmk, the LaTeX packages and the fonts the PDF needs, with apt-get where missing
latex-tools:
	@sh docs/_scripts/latex-tools.sh

## serve: build the handbook, then serve it on http://localhost:$(PORT)/
serve: docs
	@echo "serving $(abspath $(HTML)) on http://localhost:$(PORT)/ (Ctrl-C stops)"
	$(PY) -m http.server --bind 127.0.0.1 --directory $(HTML) $(PORT)

## readthedocs: run .readthedocs.yaml's steps as Read the Docs does (new environment, pip, npm ci, Sphinx)
## into _readthedocs/; CANONICAL_URL=… stands for the address Read the Docs would serve the build at
CANONICAL_URL ?=
readthedocs: $(STAMP)
	$(PY) docs/_scripts/readthedocs_build.py $(if $(CANONICAL_URL),--canonical-url $(CANONICAL_URL))

## verify: check every identity of the catalog and print the table
verify: $(STAMP)
	$(PY) -m identities verify

## test: run every test (engine, catalog, mutants, doctests, guide code, docs build, intersphinx, browser)
test: $(STAMP) $(KATEX)
	$(PY) -m pytest

## interop: install PyTorch into .venv, then run the JAX and PyTorch code of every identity against its NumPy code
interop: $(STAMP)
	$(PY) -m pip install --quiet torch==$(TORCH_VERSION) $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(PY) -m pytest tests/test_interop.py tests/test_complex_torch.py

## bench-scale: docs build, verify and test cost on replicated catalogs; writes the table into docs/performance.md
BENCH_SIZES ?=
bench-scale: $(STAMP) $(KATEX)
	$(PY) benchmarks/scale.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) --write

clean:
	rm -rf $(VENV) docs/_build docs/_katex/node_modules _readthedocs
