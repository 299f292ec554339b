# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= uitvoer

.PHONY: demo test venv system-deps clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	./scripts/install-system-deps.sh

demo: $(STAMP) system-deps
	$(BIN)/warmestad batch data/voorbeelden --formaat html,pdf,docx --uit $(OUT)
	@echo "De beleidsplannen van de voorbeeldplannen staan in $(OUT)/<nis>-<gemeente>/ (HTML, PDF en Word),"
	@echo "het regio-overzicht in $(OUT)/regio-overzicht.pdf."

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

clean:
	rm -rf $(OUT) build .pytest_cache
