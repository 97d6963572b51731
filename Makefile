# The single entry point: `make run`, `make test`, `make quality`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CLSANTE := $(BIN)/clsante
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails point at the server `make run` starts.
export CLSANTE_URL_SITE ?= http://$(HOST):$(PORT)

CONTRATS ?= 1200
GRAINE ?= 42

.PHONY: run test quality install data national resetdb clean travailleur

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed node_modules/.installed

data: install
	$(CLSANTE) migrate --noinput
	$(CLSANTE) charger_geographie
	$(CLSANTE) charger_contours
	$(CLSANTE) charger_demo

run: data
	CLSANTE_DEBUG=1 $(CLSANTE) runserver $(HOST):$(PORT)

# Reminders and e-mails in the background (a second terminal beside `make run`).
travailleur: install
	$(CLSANTE) travailleur

test: install
	$(BIN)/pytest -n 2 --dist loadfile -m "not browser"
	$(BIN)/pytest -p no:xdist -m browser tests/navigateur

quality: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(CLSANTE) makemigrations --check --dry-run
	$(CLSANTE) check --fail-level WARNING

# The synthetic national dataset (about 1,200 contracts, 45,000 fiches), clearly marked.
national: data
	$(CLSANTE) generer_donnees_nationales --supprimer
	$(CLSANTE) generer_donnees_nationales --contrats $(CONTRATS) --graine $(GRAINE)
	$(CLSANTE) indexer_catalogue

resetdb:
	rm -f var/clsante.sqlite3
	$(MAKE) data

clean:
	rm -rf $(VENV) node_modules var
