# Shortcuts for tasks.py, which needs nothing but Python 3.11 and pip.
PYTHON ?= python3

.PHONY: run test clean

run:
	$(PYTHON) tasks.py run

test:
	$(PYTHON) tasks.py test

clean:
	rm -rf .venv archive-data build *.egg-info
