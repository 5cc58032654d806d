# Two commands set up a fresh machine: `make site` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

VNU_VERSION := 26.9.27
VNU := $(VENV)/vnu/package/build/dist/vnu.jar

.PHONY: site test validate bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

validate: $(STAMP)
	$(BIN)/factcheck validate

site: validate
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/factcheck search-index site

# The Nu HTML checker for the browser tests, pinned, from the npm registry (needs java).
$(VNU):
	mkdir -p $(VENV)/vnu
	cd $(VENV)/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) && tar xzf vnu-jar-$(VNU_VERSION).tgz

test: $(STAMP) $(VNU)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site bench/results.json bench/data
