#!/usr/bin/env bash
# One command from a fresh clone to the demo site: venv, install, migrate, demo content, serve.
set -euo pipefail
source "$(dirname "$0")/venv.sh" requirements.txt
export PORT="${PORT:-8000}"  # also the admin's base URL in e-mails (portal/settings/dev.py)
DEMO_PASSWORD="${DEMO_PASSWORD:-huunghi-demo-2022}"
export DJANGO_SETTINGS_MODULE=portal.settings.dev
# Served as in production (the portal's own error pages, static files through WhiteNoise);
# DEBUG=1 make demo gives Django's debug pages for development.
export DEBUG="${DEBUG:-0}"
echo "==> Migrating the SQLite database (db.sqlite3)"
python manage.py migrate --noinput -v0
case "$DEBUG" in
  1|true|yes|on) ;;
  *) echo "==> Collecting the static files (staticfiles/)"; python manage.py collectstatic --noinput -v0 ;;
esac
echo "==> Loading the demo content"
python manage.py load_demo_content --password "$DEMO_PASSWORD" --port "$PORT"
cat <<MSG

  The demo site:   http://127.0.0.1:${PORT}/   (Vietnamese: /vi/, English: /en/)
  The admin:       http://127.0.0.1:${PORT}/admin/
  Accounts (password: ${DEMO_PASSWORD}):
    admin         superuser
    truongban     Lãnh đạo Ban Biên tập (approves and publishes)
    bientapvien   Biên tập viên (edits and reviews)
    congtacvien   Cộng tác viên (writes and submits)
    biendichvien  Biên dịch viên (translates into English)

MSG
exec python manage.py runserver "127.0.0.1:${PORT}"
