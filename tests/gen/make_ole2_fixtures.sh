#!/bin/sh
# Make the committed Office 97-2003 fixtures in tests/fixtures/ole2/ with
# LibreOffice (CI has no LibreOffice; the outputs are committed):
#   sh tests/gen/make_ole2_fixtures.sh [OUTDIR]
# Needs: soffice (libreoffice-writer-nogui, -calc-nogui, -impress-nogui).
# Writes flat ODF sources (.fodt/.fods/.fodp) with planted fake PII and
# converts them with `soffice --headless --convert-to doc/xls/ppt`.
#
# Planted (the default rules must find these):
#   e-mail jane.doe@example.com, SSN 536-22-1874 (formatted, in .doc body),
#   SSN 536221874 as a NUMBER cell next to "SSN" (.xls), Luhn-valid card
#   4556737586899855 (.doc table, .xls, .ppt), "CONFIDENTIAL" (.doc header),
#   author "Jane Doe", a comment with props.owner@example.com and a
#   user-defined Company in the document properties,
#   a shared string longer than 8224 bytes with an e-mail near its end
#   (crosses an SST CONTINUE record), one with Cyrillic (16-bit chars).
# Decoys (must not be reported): SSN 000-12-3456 (area 000), card
# 4556737586899856 (Luhn fails).
set -eu
OUT=${1:-$(dirname "$0")/../fixtures/ole2}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT

META='<office:meta>
  <meta:initial-creator>Jane Doe</meta:initial-creator>
  <dc:creator>Jane Doe</dc:creator>
  <dc:title>Payroll review jane.doe@example.com</dc:title>
  <dc:subject>Compensation</dc:subject>
  <meta:keyword>payroll</meta:keyword>
  <dc:description>Prepared by props.owner@example.com</dc:description>
  <meta:user-defined meta:name="Company">Initech Holdings</meta:user-defined>
 </office:meta>'
NS='xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"'

cat > "$SRC/pii_doc.fodt" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document $NS office:mimetype="application/vnd.oasis.opendocument.text">
 $META
 <office:master-styles>
  <style:master-page style:name="Standard">
   <style:header><text:p>CONFIDENTIAL - HR header, contact hr.lead@example.com</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p>Employee record for Jane Doe, SSN 536-22-1874, e-mail jane.doe@example.com.</text:p>
  <text:p>Decoy order number 000-12-3456 and reference 4556737586899856.</text:p>
  <table:table table:name="Cards">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Card</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>Jane Doe</text:p></table:table-cell><table:table-cell><text:p>4556 7375 8689 9855</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p>Ünïcødé text: Зарплата сотрудника, résumé of the office at 1 Main St.</text:p>
 </office:text></office:body>
</office:document>
EOF

LONG=$(python3 -c 'print("Lorem ipsum dolor sit amet, payroll ledger filler. " * 180 + "Escalation contact long.string@example.com end.")')
LONGU=$(python3 -c 'print("Зарплата сотрудника, ведомость. " * 300 + "card 5424 1801 3270 4476 end")')
cat > "$SRC/pii_xls.fods" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document $NS office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 $META
 <office:body><office:spreadsheet>
  <table:table table:name="Staff">
   <table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>SSN</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Card</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>Jane Doe</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="536221874"><text:p>536221874</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>4556737586899855</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>SSN</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="536221874"><text:p>536221874</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>Mail</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>jane.doe@example.com</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12.5"><text:p>12.5</text:p></table:table-cell></table:table-row>
  </table:table>
  <table:table table:name="Notes">
   <table:table-row><table:table-cell office:value-type="string"><text:p>$LONG</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>$LONGU</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>Decoy 000-12-3456</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="-42"><text:p>-42</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>
EOF

cat > "$SRC/pii_ppt.fodp" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document $NS office:mimetype="application/vnd.oasis.opendocument.presentation">
 $META
 <office:body><office:presentation>
  <draw:page draw:name="Slide1">
   <draw:frame presentation:class="title" svg:x="2cm" svg:y="1cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>CONFIDENTIAL quarterly numbers</text:p></draw:text-box></draw:frame>
   <draw:frame svg:x="2cm" svg:y="5cm" svg:width="20cm" svg:height="8cm"><draw:text-box><text:p>Contact jane.doe@example.com about card 4556 7375 8689 9855.</text:p><text:p>SSN 536-22-1874</text:p></draw:text-box></draw:frame>
  </draw:page>
 </office:presentation></office:body>
</office:document>
EOF

# A throw-away LibreOffice profile, so the user's settings do not change the
# output (the .ppt still carries a ~440 KB thumbnail in its property set; it
# compresses to ~20 KB in git).
mkdir -p "$SRC/profile/user"
cat > "$SRC/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU
cd "$SRC"
LO="soffice -env:UserInstallation=file://$SRC/profile --headless"
$LO --convert-to doc pii_doc.fodt >/dev/null 2>&1
$LO --convert-to xls pii_xls.fods >/dev/null 2>&1
$LO --convert-to ppt pii_ppt.fodp >/dev/null 2>&1
cp pii_doc.doc pii_xls.xls pii_ppt.ppt "$OUT/"
ls -l "$OUT"
