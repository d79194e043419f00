# The few commands a newcomer needs. `make demo` runs the main job; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
SAMPLES := src/sanctuary_tracker/samples
# The web map's geometry, built from npm's us-atlas (package-lock.json) by scripts/build_map.py.
MAP := src/sanctuary_tracker/web/static/web/us-map.json

.PHONY: demo test lint format bench lock clean map eval

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sanctuary-tracker needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

$(MAP): package-lock.json scripts/build_map.py src/sanctuary_tracker/publish/topojson.py | $(STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/build_map.py

map: $(MAP)  ## build the web map's geometry from us-atlas

# npm's packages as package-lock.json pins them (the map's us-atlas; the GeoNames dump that
# tests/test_gazetteer.py rebuilds the gazetteer from).
NODE := node_modules/.package-lock.json
$(NODE): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

demo: $(STAMP) $(MAP)  ## build a demo database from the bundled samples and serve the web app on :8000
	$(BIN)/sanctuary demo

test: $(STAMP) $(MAP) $(NODE)  ## lint, format check and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

eval: $(STAMP)  ## score extraction on ../shared/eval/dev against its floors (also run by make test)
	$(BIN)/python -m pytest -q tests/test_eval_floors.py

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .

bench: $(STAMP)  ## reading benchmark on ../shared/bench/article-extraction
	$(BIN)/python benchmarks/bench_read.py

lock:  ## re-pin every dependency after editing pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements.lock --python-version 3.11 --no-header

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .hypothesis node_modules $(MAP) src/sanctuary_tracker/web/static/web/us-lonlat.json
