#!/usr/bin/env python3
"""Write src/extract/pdf_std14.h (run from the source root): advance widths
of the standard 14 PDF fonts from the URW base35 AFMs (Debian
fonts-urw-base35, metric-compatible with Adobe's core fonts), keyed by
Unicode through src/extract/pdf_glyphs.h (Latin fonts) or by code in the
built-in encoding (Symbol, ZapfDingbats). Not run by the build: the header
is committed; rerun by hand when the glyph list changes."""
import re

D = '/usr/share/fonts/type1/urw-base35/'
GLYPHS = dict((n, int(c, 16)) for n, c in re.findall(r'\{"([^"]+)", 0x([0-9A-F]+)\}',
                                                     open('src/extract/pdf_glyphs.h').read()))


def unicode_of(name):
    if len(name) == 1:
        return ord(name)  # plain letters and digits are not in pdf_glyphs.h
    return 0x20 if name == 'space' else GLYPHS.get(name, 0)


def core(cp):
    # what the core fonts hold: Latin-1, Latin Extended-A, spacing accents,
    # punctuation, the euro, math signs, fi/fl (URW has Greek and Cyrillic too)
    return 0 < cp < 0x180 or 0x2C6 <= cp <= 0x2DD or 0x2013 <= cp <= 0x2265 or \
        cp in (0x192, 0x218, 0x219, 0x21A, 0x21B, 0x25CA, 0xFB01, 0xFB02)


def afm(name):
    out = []
    for line in open(D + name + '.afm', encoding='latin-1'):
        m = re.match(r'C (-?\d+) ; WX (\d+) ; N (\S+) ;', line)
        if m:
            out.append((int(m.group(1)), int(m.group(2)), m.group(3)))
    return out


def latin(name):
    m = {}
    for _, w, n in afm(name):
        cp = unicode_of(n)
        if core(cp) and cp not in m:
            m[cp] = w
    return m


def main():
    latin_fonts = [('helvetica', 'NimbusSans-Regular'), ('helvetica_bold', 'NimbusSans-Bold'),
                   ('times', 'NimbusRoman-Regular'), ('times_bold', 'NimbusRoman-Bold'),
                   ('times_italic', 'NimbusRoman-Italic'), ('times_bolditalic', 'NimbusRoman-BoldItalic')]
    tables = {var: latin(f) for var, f in latin_fonts}
    # the obliques share their uprights' widths (Latin-1 at least)
    for up, ob in (('NimbusSans-Regular', 'NimbusSans-Italic'), ('NimbusSans-Bold', 'NimbusSans-BoldItalic')):
        a, b = latin(up), latin(ob)
        assert all(a[c] == b[c] for c in a if c in b and c < 0x100), (up, ob)
    keys = sorted(tables['times'])
    assert all(sorted(t) == keys for t in tables.values())
    o = ['/* Generated from the URW base35 AFM files (Debian fonts-urw-base35, metric-',
         ' * compatible with the standard 14 fonts) by scripts/gen_std14.py: do not',
         ' * edit by hand. Advance widths',
         ' * (1/1000 em) of the Latin core fonts by Unicode (%d glyphs: Latin-1, Latin' % len(keys),
         ' * Extended-A, accents, punctuation, the euro, math signs, fi, fl), sorted for',
         ' * a binary search; Symbol and ZapfDingbats by code in their built-in',
         ' * encodings. Courier is 600 throughout; obliques have their uprights\' widths. */']
    for var, _ in latin_fonts:
        items = sorted(tables[var].items())
        o.append('static const struct std14_w std14_%s[] = {' % var)
        for i in range(0, len(items), 6):
            o.append('    ' + ' '.join('{0x%04X, %d},' % kv for kv in items[i:i + 6]))
        o.append('};')
    for var, f in (('symbol', 'StandardSymbolsPS'), ('dingbats', 'D050000L')):
        w = [0] * 256
        for c, wx, _ in afm(f):
            if 0 <= c < 256:
                w[c] = wx
        o.append('static const uint16_t std14_%s[256] = {' % var)
        for i in range(0, 256, 16):
            o.append('    ' + ' '.join('%d,' % x for x in w[i:i + 16]))
        o.append('};')
    open('src/extract/pdf_std14.h', 'w').write('\n'.join(o) + '\n')


if __name__ == '__main__':
    main()
