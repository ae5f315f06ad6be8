# `make run`: set up and open the archive on its sample corpus.
# `make test`: set up and run the whole test suite (what CI runs).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= archive-data

.PHONY: run test lint setup clean

$(BIN)/archive: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/archive

setup: $(BIN)/archive

run: setup
	ARCHIVE_DATA_DIR=$(DATA) $(BIN)/archive demo

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) $(DATA) build *.egg-info
