# Qatysu — two commands: `make demo` serves the demo site, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers of `make test` (each with its own test database, and its own server for the browser tests).
TEST_WORKERS ?= 2

.PHONY: demo test test-e2e lint po mo check-po migrate serve bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# axe-core for the accessibility checks of the browser tests (skipped when npm is missing).
node_modules/axe-core/axe.min.js: package.json
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	else echo "npm not found: browser tests will skip their accessibility checks"; fi

mo: | $(PY)
	$(PY) locales/po.py compile

check-po: | $(PY)
	$(PY) locales/po.py check
	$(PY) locales/po.py admin

# Extract interface strings into locales/ (needs GNU gettext: apt-get install gettext).
po: $(VENV)/.installed
	$(MANAGE) makemessages --locale kk --locale ru --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'bench/*' --ignore 'staticfiles/*' --no-obsolete
	$(MANAGE) makemessages --domain djangojs --locale kk --locale ru --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --no-obsolete

migrate: $(VENV)/.installed mo
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo
	@echo "Serving the demo on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev node_modules/axe-core/axe.min.js mo
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(PY) locales/po.py check
	$(PY) locales/po.py admin

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media .test-media staticfiles

# Throughput of the public pages under gunicorn on loopback (bounded: a few seconds a URL).
bench: $(VENV)/.installed-dev mo
	$(PY) bench/http_bench.py
	$(PY) bench/mes_bench.py
	$(PY) bench/catalogue_bench.py
