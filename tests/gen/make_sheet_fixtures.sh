#!/bin/sh
# Make the committed .xls and .ods spreadsheet fixtures in
# tests/fixtures/sheets/ with LibreOffice (CI has no LibreOffice; the
# outputs are committed):
#   sh tests/gen/make_sheet_fixtures.sh [OUTDIR]
# Needs: soffice (libreoffice-calc-nogui).
# Generates dates.xlsx and dates1904.xlsx with tests/gen/gen_sheets.py
# (dates stored as serials under built-in and custom date formats, 1900
# and 1904 date systems) and converts each to .xls (BIFF8: FORMAT, XF and
# DATEMODE records) and .ods (office:date-value cells). The expected text
# is gen_sheets.expect(); tests/e2e/test_sheets.py checks it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../fixtures/sheets}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SRC=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$SRC" "$PROFILE"' EXIT
python3 "$HERE/gen_sheets.py" "$SRC"
for f in "$SRC"/dates.xlsx "$SRC"/dates1904.xlsx "$SRC"/layouts.xlsx; do
    for fmt in xls ods; do
        soffice -env:UserInstallation=file://"$PROFILE" --headless --convert-to "$fmt" \
            --outdir "$OUT" "$f" >/dev/null
    done
done
ls -l "$OUT"
