.PHONY: demo test lint messages bench

# Serve the demo site at http://127.0.0.1:$(PORT)/ (SQLite, no other service).
demo:
	bash scripts/demo.sh

# The whole test suite on a throwaway PostgreSQL cluster, browser tests in Chromium.
test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check .

# Page throughput under load against a trivial view (throwaway PostgreSQL and Redis, gunicorn, wrk).
bench:
	.venv/bin/python bench/run.py

# Extract and compile the vi/en catalogues of the portal's own strings.
messages:
	.venv/bin/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=staticfiles --no-obsolete
	.venv/bin/python manage.py compilemessages --ignore=.venv
