# Two commands do everything on a fresh Debian machine: `make demo` and `make test`.
VENV := .venv
STAMP := $(VENV)/.installed
DIGEST := $(VENV)/bin/digest
export DIGEST_HOME ?= $(CURDIR)/output

.PHONY: demo test setup clean golden

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	bash scripts/demo.sh

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

# Rewrite tests/golden/ from the current templates and pipeline; review `git diff tests/golden` before committing.
golden: $(STAMP)
	DIGEST_UPDATE_GOLDEN=1 $(VENV)/bin/python -m pytest -q tests/test_render_seeds.py -k golden

clean:
	rm -rf $(VENV) output/digest.db* output/briefings output/outbox output/site
