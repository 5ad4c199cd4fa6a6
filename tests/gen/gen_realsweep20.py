#!/usr/bin/env python3
"""Office files LibreOffice reads and leaksift misread (the twentieth
sweep: ExcelDataReader's, rtfparserkit's, rtf.js', roo's, ClosedXML's,
python-pptx's, textract's and mso-dumper's test files against
`soffice --convert-to`). Each file is written from scratch in the
structure of the real format; every name and number is made up.

- biff5_fontcp.xls: a BIFF5 workbook with no CODEPAGE record whose
  strings are Windows-1251 bytes, its fonts' charset RUSSIAN (204), as
  Russian accounting software writes them (ExcelDataReader's
  Test_git_issue_411.xls): LibreOffice reads Cyrillic; leaksift read
  Windows-1252 mojibake ("Óíèâåðñàëüíûé").
- biff5_mixedfonts.xls: the same with fonts of two such charsets (1251 and
  1253): no one page is known, Windows-1252 stays (as for Word 6 fonts).
- mac_japanese.rtf: TextEdit's Japanese (\\mac\\ansicpg10001, a font of
  \\fcharset78): Shift_JIS pairs of \\'hh, as rtfparserkit's
  test10001Encoding.rtf: read as Windows-1252 bytes and said unsupported.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_realsweep2 import biff5_book  # noqa: E402

ROWS = [["Покупатель", "СНИЛС", "Сумма"], ["Ершова Ирина Павловна", "SSN 536-22-8714", "12 500,00"]]


def mac_japanese():
    def hexed(s):
        return "".join("\\'%02x" % b for b in s.encode("shift_jis"))
    return ("{\\rtf1\\mac\\ansicpg10001\\cocoartf824\\cocoasubrtf230\n"
            "{\\fonttbl\\f0\\fnil\\fcharset78 HiraKakuPro-W3;\\f1\\fswiss\\fcharset77 Helvetica;}\n"
            "\\pard\\f0\\fs24 " + hexed("社員名簿") + "\\par\n" +
            hexed("氏名：山田太郎") + "\\f1  SSN 536-22-8714\\par\n}\n").encode("ascii")


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {
        "biff5_fontcp.xls": biff5_book(None, "cp1251", "Лист1", ROWS, fonts=(0, 204, 204, 204)),
        "biff5_mixedfonts.xls": biff5_book(None, "cp1251", "Sheet1", [["Total", "SSN 536-22-8714"]],
                                           fonts=(204, 161)),
        "mac_japanese.rtf": mac_japanese(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return {
        # name: (handler, coverage, reason, text lines wanted)
        "biff5_fontcp.xls": ("ole2", "full", None,
                             ["[Sheet: Лист1]", "Покупатель\tСНИЛС\tСумма",
                              "Ершова Ирина Павловна\tSSN 536-22-8714\t12 500,00"]),
        "biff5_mixedfonts.xls": ("ole2", "full", None, ["Total\tSSN 536-22-8714"]),
        "mac_japanese.rtf": ("rtf", "full", None, ["社員名簿", "氏名：山田太郎 SSN 536-22-8714"]),
    }


if __name__ == "__main__":
    print(sorted(generate(sys.argv[1] if len(sys.argv) > 1 else "realsweep20")))
