# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= uitvoer

.PHONY: demo test venv system-deps node-tools clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The HTML tests' tool from npm (package.json): the Nu Html Checker (vnu-jar, run with Debian's Java);
# its install script (a Java download) is not needed.
NODE_STAMP := node_modules/.package-lock.json
node-tools: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

system-deps:
	./scripts/install-system-deps.sh

demo: $(STAMP) system-deps
	$(BIN)/warmestad batch data/voorbeelden --formaat html,pdf,docx --uit $(OUT)
	@echo "De beleidsplannen van de voorbeeldplannen staan in $(OUT)/<nis>-<gemeente>/ (HTML, PDF en Word),"
	@echo "het regio-overzicht in $(OUT)/regio-overzicht.pdf."

test: $(STAMP) system-deps $(NODE_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(OUT) build .pytest_cache
