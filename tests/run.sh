#!/usr/bin/env bash
# Install everything the test suite needs, then run ruff, mypy (strict) and pytest.
# Usage: bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: LibreOffice (DOCX/XLSX -> PDF), CJK fonts, Chromium (browser tests), poppler (pdftotext/pdftoppm).
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
{ dpkg -s fonts-noto-cjk >/dev/null 2>&1 || fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; } || need+=(fonts-noto-cjk)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v dot >/dev/null 2>&1 || need+=(graphviz)  # the 公开流程图 of the DOCX texts and the site
{ command -v setpriv && command -v unshare; } >/dev/null 2>&1 || need+=(util-linux)  # file-system safety tests
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing system packages: ${need[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
  else
    echo "== missing system packages (${need[*]}); tests that need them will skip (or fail under CI=true)"
  fi
fi

echo "== installing govopen with its test extra"
python3 -m pip install -q --disable-pip-version-check -e '.[test]'

if [ -f tests/browser/package.json ]; then
  echo "== installing browser test assets (npm)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== ruff"
python3 -m ruff check src tests
echo "== mypy --strict"
python3 -m mypy src/govopen_std
echo "== pytest"
python3 -m pytest -n 2 --dist loadfile "$@"
