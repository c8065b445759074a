# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test durations install gettext messages translations migrate seed lint format clean bench wrk

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# compilemessages needs GNU gettext's msgfmt.
gettext:
	@command -v msgfmt >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq gettext; \
		else \
			echo "GNU gettext is missing: install it (Debian/Ubuntu: sudo apt-get install gettext; macOS: brew install gettext)" >&2; exit 1; \
		fi; }

messages: install gettext
	$(BIN)/python manage.py compilemessages --ignore '.venv' --verbosity 0

# After changing interface strings: update the catalogues, then translate the new entries.
translations: install gettext
	$(BIN)/python manage.py makemessages -l pl -l uk -l en -l ru --ignore '.venv' --no-wrap

migrate: install
	$(BIN)/python manage.py migrate --no-input

# The demo password is made once, kept in .demo-password (git-ignored) and printed.
.demo-password: | install
	@$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(9))" > $@

seed: migrate .demo-password
	DEMO_PASSWORD="$$(cat .demo-password)" $(BIN)/python manage.py seed_demo
	@echo "Log in as editor or counsellor (admin: http://127.0.0.1:$(PORT)/admin/) or member1…member12 (Kujawsko-Pomorskie team: 1-9, 11; Lublin group: 1-6, 10, 12) with the password: $$(cat .demo-password)"

run: messages seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Two processes (pytest-xdist), each with its own test database and Redis
# database; TEST_WORKERS=0 runs the suite in this process alone.
TEST_WORKERS ?= 2

test: messages
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# After adding or moving slow tests: record what each module takes, by which
# `make test` shares the modules between its processes (tests/processes.py).
durations: messages
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --record-durations $(PYTEST_ARGS)

# The benchmark's load generator for reading (README, "Benchmark").
wrk:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "wrk is missing: install it (Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk)" >&2; exit 1; \
		fi; }

# Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench,
# recreated each run) and takes about six minutes; writes bench-results.json.
bench: messages wrk
	$(BIN)/python -m tests.bench.run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 .test-db.sqlite3 .demo-password staticfiles bench-results.json
