#!/usr/bin/env bash
# The whole test suite: venv, throwaway PostgreSQL (and Redis), Chromium, lint, migrations check, pytest.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/news -x`.
set -euo pipefail
source "$(dirname "$0")/venv.sh" requirements-dev.txt
source "$(dirname "$0")/services.sh"
export DJANGO_SETTINGS_MODULE=portal.settings.test

echo "==> ruff"
ruff check .
echo "==> makemigrations --check"
python manage.py makemigrations --check --dry-run -v1
echo "==> pytest"
start=$(date +%s)
set +e
python -m pytest -q -n "${PYTEST_WORKERS:-2}" "$@"
status=$?
set -e
echo "==> pytest finished in $(( $(date +%s) - start )) s with exit code $status"
exit $status
