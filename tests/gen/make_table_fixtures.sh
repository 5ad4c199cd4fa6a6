#!/bin/sh
# Make the committed .xls and .ods table fixtures in tests/fixtures/tables/
# with LibreOffice (CI has no LibreOffice; the outputs are committed):
#   sh tests/gen/make_table_fixtures.sh [OUTDIR]
# Needs: soffice (libreoffice-calc-nogui).
# Generates staff.xlsx with tests/gen/gen_tables.py (a header row above
# people whose SSN is a number and whose date of birth a date serial) and
# converts it to .xls (BIFF8 LABELSST/NUMBER/RK cells) and .ods (table-cell
# with office:value-type). tests/e2e/test_tables.py checks both.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../fixtures/tables}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SRC=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$SRC" "$PROFILE"' EXIT
python3 "$HERE/gen_tables.py" "$SRC" >/dev/null
for fmt in xls ods; do
    soffice -env:UserInstallation=file://"$PROFILE" --headless --convert-to "$fmt" \
        --outdir "$OUT" "$SRC/staff.xlsx" >/dev/null
done
ls -l "$OUT"
