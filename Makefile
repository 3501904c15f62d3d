# make run   - set up (once) and run the dashboard on the bundled demo data
# make test  - set up (once) and run every test, ruff included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# the date generated files state (no churn between runs: the programme's start)
FIXED_DATE := 2021-04-01 00:00+0000

.PHONY: help run test lint data bench translations
help:
	@sed -n 's/^# //p' Makefile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

# Sessions run in threads: few malloc arenas, and large buffers given back to the
# system when freed, keep the server's memory flat however many sessions are open.
run: $(VENV)/.run-deps
	MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=65536 $(BIN)/streamlit run app.py

test: $(VENV)/.dev-deps
	.ci/system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# make data  - regenerate the demo workbook and the template from their generators
data: $(VENV)/.run-deps
	$(BIN)/python -m bomca_data.demo
	$(BIN)/python -m bomca_data.contract.template

# make translations - after adding a key to locales/en AND using it in the code: template
#   from the code, new keys into the Russian catalogue (empty, the English beside them);
#   stops first if an English key is used nowhere (it would be dropped from Russian)
translations: $(VENV)/.dev-deps
	PYTHONPATH=. $(BIN)/python -m bomca_data.i18n.extract
	PYTHONPATH=. $(BIN)/pybabel extract -F babel.cfg --no-location --sort-output \
		--project "BOMCA Progress Dashboard" -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -l ru --no-fuzzy-matching \
		--ignore-obsolete
	sed -i 's/^"POT-Creation-Date: .*/"POT-Creation-Date: $(FIXED_DATE)\\n"/' \
		locales/*/LC_MESSAGES/messages.po

# make bench - the benchmark suite, the load test, the report and the browser -> benchmarks/RESULTS.md
bench: $(VENV)/.dev-deps
	$(BIN)/python benchmarks/suite.py
	$(BIN)/python benchmarks/loadtest.py --results
	$(BIN)/python benchmarks/report.py --results
	$(BIN)/python benchmarks/browser.py --results
