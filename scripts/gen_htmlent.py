#!/usr/bin/env python3
"""Print the table of WHATWG named character references that HTML 4 lacks,
as src/extract/htmlent.c holds it (htmlent_names[]).

    python3 scripts/gen_htmlent.py > /tmp/table.c   # then paste over the table

Source: Python's standard library (html.entities.html5, which is WHATWG's
entities.json, and html.entities.name2codepoint, HTML 4's 252 names, which
libxml2 2.9's HTML parser already decodes). A name is written once, without
its ';' (the legacy names also appear without one; the C code decides where
a ';' may be left out). Sorted by strcmp() on the name, for bsearch()."""
import html.entities


def table():
    names = {}
    for key, value in html.entities.html5.items():
        names.setdefault(key.rstrip(";"), value)
    html4 = set(html.entities.name2codepoint)
    out = []
    for name in sorted((n for n in names if n not in html4), key=lambda s: s.encode()):
        v = names[name]
        cp2 = "0x%X" % ord(v[1]) if len(v) > 1 else "0x0"
        out.append('    {"%s", 0x%X, %s},' % (name, ord(v[0]), cp2))
    return out


def main():
    rows = table()
    print("/* WHATWG's named character references HTML 4 lacks (%d; generated" % len(rows))
    print(" * by scripts/gen_htmlent.py from Python's html.entities.html5, the WHATWG")
    print(" * entities.json), sorted by strcmp(): name, code point(s). */")
    print("static const struct htmlent_name htmlent_names[] = {")
    print("\n".join(rows))
    print("};")


if __name__ == "__main__":
    main()
