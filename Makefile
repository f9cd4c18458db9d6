# Two commands for a new user: `make demo` and `make test`. Both create or reuse .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

.PHONY: demo test bench lint clean mutatie

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@# bytecode, as a regular install has it (an editable install recompiles the package on
	@# every start where PYTHONDONTWRITEBYTECODE is set)
	$(BIN)/python -m compileall -q wajong_conversie > /dev/null
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wajong-conversie demo --voorbeelden examples --uit uitvoer/demo
	@echo
	@echo "Welke overgangsregeling? Alle varianten op het voorbeeldcohort (wajong-conversie ontwerp):"
	$(BIN)/wajong-conversie ontwerp examples/cohort.csv --uit uitvoer/ontwerp
	@echo
	@echo "Eén geval bekijken: $(BIN)/wajong-conversie bereken examples/geval_b.json --scenario examples/scenarios/inkomensgarantie.toml"

test: $(STAMP)
	@# The browser tests drive Debian's chromium; install it as root when missing
	@# (never a browser downloaded by `playwright install`).
	@# Under CI=true a browser that cannot be installed is an error, never a silent skip.
	@test -x /usr/bin/chromium || { if [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
		elif [ "$$CI" = true ]; then \
		echo "chromium ontbreekt en kan zonder root niet worden geïnstalleerd: onder CI=true is dat een fout" >&2; exit 1; \
		else echo "chromium ontbreekt en u bent geen root: de browsertests worden overgeslagen"; fi; }
	@test -x /usr/bin/chromium || [ "$$CI" != true ] || { echo "chromium is niet geïnstalleerd" >&2; exit 1; }
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/cohort.py
	$(BIN)/python benchmarks/brieven.py

# Mutation testing of the money, flag and summary modules ([tool.mutmut] in pyproject.toml).
# Slow (minutes to an hour): not part of `make test`. Limit it with MUTANTEN, a mutmut name
# pattern, e.g. `make mutatie MUTANTEN='wajong_conversie.beoordeling*'`.
MUTANTEN ?=
$(VENV)/.mutmut: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,mutatie]'
	@touch $@

mutatie: $(VENV)/.mutmut
	$(BIN)/mutmut run $(MUTANTEN)
	$(BIN)/mutmut results

lint: $(STAMP)
	$(BIN)/ruff check wajong_conversie tests benchmarks
	$(BIN)/ruff format --check wajong_conversie tests benchmarks

clean:
	rm -rf $(VENV) uitvoer .pytest_cache .hypothesis mutants
