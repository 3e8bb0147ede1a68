# Two entry points for a newcomer: `make demo` and `make test`. Both set everything up first.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EXAMPLE := examples/harbour-ferry

export HF_HUB_OFFLINE := 1

.PHONY: demo test install browser clean bench floors

$(VENV)/bin/python:
	python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PYTHON) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/newsfuse summarize $(EXAMPLE) --words 100

# The analysis report's browser test drives Debian's Chromium: Playwright's own browser download
# does not work here. Installing it needs root, as on the project's machines.
browser:
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

test: install browser
	$(PYTHON) -m pytest -q

# Speed and peak memory of every method and sumy LexRank on multinews-val250 (LIMIT=K for fewer clusters).
bench: install
	$(PYTHON) benchmarks/bench.py $(if $(LIMIT),--limit $(LIMIT))

# Re-measure tests/quality_floors.json, deliberately (after a method or the default changes).
floors: install
	$(PYTHON) tests/test_quality_floors.py --update

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
