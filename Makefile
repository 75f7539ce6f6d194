# UPR API — every task in one place. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: help install run data serve test lint format migration openapi clients clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## Create the virtualenv and install the project with its dev tools

data: install  ## Migrate the database, load the reference data and the bundled documents
	$(BIN)/upr db upgrade
	$(BIN)/upr db seed
	$(BIN)/upr import bundled

serve: install  ## Serve the API (without touching the data)
	$(BIN)/upr serve --host $(HOST) --port $(PORT)

run: data  ## Set up everything and serve on http://127.0.0.1:8000 (docs at /docs)
	$(BIN)/upr serve --host $(HOST) --port $(PORT)

test: install  ## Run the whole test suite (PostgreSQL too when UPR_TEST_POSTGRES_URL is set)
	$(BIN)/pytest -n auto

lint: install  ## Lint, check formatting and check the types of app/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app

format: install  ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migration: install  ## Autogenerate a migration: make migration m="what changed"
	$(BIN)/alembic revision --autogenerate -m "$(m)"

openapi: install  ## Regenerate openapi/openapi.json (refuses breaking changes unless ACCEPT_BREAKING=1)
	$(BIN)/python -m scripts.openapi_contract write $(if $(ACCEPT_BREAKING),--accept-breaking,)

clients: install  ## Regenerate the Python client and the TypeScript types from openapi/openapi.json
	rm -rf clients/python
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi/openapi.json \
		--output-path clients/python --config clients/python-client.yaml --meta pdm
	cd clients/typescript && npm install --no-package-lock --no-audit --no-fund --silent \
		&& npm run --silent generate && npm run --silent build

clean:  ## Remove the virtualenv and the local database
	rm -rf $(VENV) var
