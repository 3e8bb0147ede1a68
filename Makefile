# Two entry points for a newcomer: `make demo` and `make test`. Both set everything up first.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EXAMPLE := examples/harbour-ferry

export HF_HUB_OFFLINE := 1

.PHONY: demo test install clean

$(VENV)/bin/python:
	python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PYTHON) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/newsfuse summarize $(EXAMPLE) --words 100

test: install
	$(PYTHON) -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
