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
# is gen_sheets.expect(); tests/e2e/test_sheets.py checks it. Also
# pivot_lo.xls/.xlsx (below).
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
# A pivot table (DataPilot) over a sheet of people: LibreOffice writes its
# cache into .xlsx (xl/pivotCache) and .xls (_SX_DB_CUR/0001); see
# tests/gen/gen_pivot.py and tests/e2e/test_pivot.py.
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import gen_pivot; open(sys.argv[2], "wb").write(gen_pivot.pivot_ods())' \
    "$HERE" "$SRC/pivot_lo.ods"
for fmt in xls xlsx; do
    soffice -env:UserInstallation=file://"$PROFILE" --headless --convert-to "$fmt" \
        --outdir "$OUT" "$SRC/pivot_lo.ods" >/dev/null
done
ls -l "$OUT"
