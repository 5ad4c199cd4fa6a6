#!/bin/sh
# Make the committed real-producer PDF fixtures in tests/fixtures/pdf/ with
# LibreOffice (CI has no LibreOffice; the outputs are committed):
#   sh tests/gen/make_pdf_fixtures.sh [OUTDIR]
# Needs: soffice (libreoffice-writer-nogui).
# LibreOffice writes subset TrueType fonts with ToUnicode CMaps, TJ arrays
# with kerning and justified lines: the text extraction real files need.
#
# Planted (the default rules must find these):
#   lo_memo.pdf:  "CONFIDENTIAL", SSN 536-22-1874, jane.doe@example.com,
#                 Luhn-valid card 4532 0151 1283 0366, the "fi" ligature.
#   lo_table.pdf: a justified paragraph (stretched spaces), SSN 536-22-1874,
#                 a table row with SSN 536-22-1875 and card 4532015112830366,
#                 Greek, Cyrillic and Japanese text.
# Decoy (must not be reported): card 4532015112830367 (Luhn fails).
set -eu
OUT=${1:-$(dirname "$0")/../fixtures/pdf}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT

cat > "$SRC/lo_memo.txt" <<'TXT'
Payroll memo CONFIDENTIAL

Employee: Jane Doe, SSN 536-22-1874, e-mail jane.doe@example.com.
Card 4532 0151 1283 0366 on file. Decoy 4532015112830367.
Umlauts: Müller Straße façade naïve ﬁnance office
TXT

cat > "$SRC/lo_table.html" <<'HTML'
<html><body>
<p style="text-align:justify">This is a long justified paragraph that wraps across several lines so that the producer has to stretch the spaces between the words, which tests word spacing in the extracted text. Contact jane.doe@example.com for details about SSN 536-22-1874 and nothing else.</p>
<table border="1"><tr><td>Name</td><td>SSN</td><td>Card</td></tr>
<tr><td>Jane Doe</td><td>536-22-1875</td><td>4532015112830366</td></tr></table>
<p><i>Italic</i> <b>bold</b> mixed<sup>2</sup> text, Ελληνικά, Русский, 日本語</p>
</body></html>
HTML

cd "$SRC"
soffice --headless --convert-to pdf lo_memo.txt >/dev/null 2>&1
soffice --headless --convert-to pdf:writer_web_pdf_Export lo_table.html >/dev/null 2>&1
cp lo_memo.pdf lo_table.pdf "$OUT/"
ls -l "$OUT"
