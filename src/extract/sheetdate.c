/*
 * Spreadsheet number formats and date serials (see sheetdate.h for the
 * specs followed). Pure functions: no allocation, no global state.
 */
#include "core/ls_date.h"
#include "extract/sheetdate.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days from 1970-01-01 to the day before serial 1 of each system. */
#define SD_1900_BEFORE_DAY1 (-25568) /* 1899-12-31 */
#define SD_1900_AFTER_BUG (-25569)   /* 1899-12-30: serials from 61 on */
#define SD_1904_DAY0 (-24107)        /* 1904-01-01 is serial 0 */
#define SD_1900_MAX 2958465.0        /* 9999-12-31 */
#define SD_1904_MAX 2957003.0        /* 9999-12-31 */
#define SD_NUM_MAX 63u

unsigned ls_sheet_builtin_fmt(unsigned id)
{
    if (id >= 14 && id <= 17) return LS_SHEET_DATE;
    if (id >= 18 && id <= 21) return LS_SHEET_TIME;
    if (id == 22) return LS_SHEET_DATE | LS_SHEET_TIME;
    if (id == 32 || id == 33) return LS_SHEET_TIME; /* h"時"mm"分" and kin */
    if (id >= 27 && id <= 36) return LS_SHEET_DATE; /* East Asian dates */
    if (id >= 45 && id <= 47) return LS_SHEET_TIME; /* mm:ss, [h]:mm:ss */
    if (id >= 50 && id <= 58) return LS_SHEET_DATE;
    return 0;
}

static int sd_lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Case-insensitive: does s hold word at i? */
static bool sd_word_at(struct ls_slice s, size_t i, const char *word)
{
    for (size_t k = 0; word[k]; k++)
        if (sd_lower(ls_slice_at(s, i + k)) != word[k]) return false;
    return true;
}

/* Index just past the closing ch of a run opened at i (or the end). */
static size_t sd_skip_to(struct ls_slice s, size_t i, int ch)
{
    i++;
    while (i < s.len && ls_slice_at(s, i) != ch) i++;
    return i < s.len ? i + 1 : s.len;
}

/* ---- digit layouts ("000-00-0000", "[<=9999999]###-####;(###) ###-####") ---- */

#define SD_SECTIONS 4u
#define SD_LAYOUT_MAX 1e15 /* whole numbers only below this: doubles stay exact */

/* One section of a format code: bytes [a, b), and its [condition] if any. */
struct sd_section {
    size_t a, b;
    bool cond;
    int op; /* '<', 'l' (<=), '>', 'g' (>=), '=', 'n' (<>) */
    double lim;
};

/* The condition "[<=9999999]" whose bracket opens at i, if it is one. */
static void sd_condition(struct ls_slice code, size_t i, size_t end, struct sd_section *s)
{
    size_t k = i + 1;
    int c0 = ls_slice_at(code, k), c1 = ls_slice_at(code, k + 1);
    int op = 0;
    if (c0 == '<' && c1 == '=') op = 'l';
    else if (c0 == '>' && c1 == '=') op = 'g';
    else if (c0 == '<' && c1 == '>') op = 'n';
    else if (c0 == '<' || c0 == '>' || c0 == '=') op = c0;
    if (!op) return;
    k += (op == c0) ? 1 : 2;
    size_t close = end > k ? end - 1 : k; /* end is just past ']' */
    double v;
    struct ls_slice num;
    if (close > k && ls_slice_sub(code, k, close - k, &num) && ls_sheet_parse_num(num, &v)) {
        s->cond = true;
        s->op = op;
        s->lim = v;
    }
}

/* Split code at ';' outside quotes, escapes and brackets. */
static size_t sd_sections(struct ls_slice code, struct sd_section *s)
{
    size_t n = 0, i = 0;
    s[0] = (struct sd_section){0, 0, false, 0, 0};
    while (i < code.len) {
        int ch = ls_slice_at(code, i);
        if (ch == '"' || ch == '[') {
            size_t end = sd_skip_to(code, i, ch == '"' ? '"' : ']');
            if (ch == '[') sd_condition(code, i, end, &s[n]);
            i = end;
            continue;
        }
        if (ch == '\\' || ch == '_' || ch == '*') {
            i += 2;
            continue;
        }
        if (ch == ';') {
            s[n].b = i;
            if (++n == SD_SECTIONS) return n;
            s[n] = (struct sd_section){i + 1, i + 1, false, 0, 0};
        }
        i++;
    }
    s[n].b = code.len < s[n].a ? s[n].a : code.len;
    return n + 1;
}

static bool sd_cond_holds(const struct sd_section *s, double v)
{
    switch (s->op) {
    case '<': return v < s->lim;
    case 'l': return v <= s->lim;
    case '>': return v > s->lim;
    case 'g': return v >= s->lim;
    case '=': return v == s->lim;
    case 'n': return v != s->lim;
    default: return false;
    }
}

/* A literal a layout shows as it stands (Excel needs no quotes for these). */
static bool sd_plain_literal(int ch)
{
    return ch >= 0x80 || (ch != 0 && strchr(" $-+():^'{}<>=!&~", ch) != NULL);
}

/* Where a layout walk writes: digits fill the placeholders right-aligned,
 * as Excel fills them; with out == NULL the walk only counts. */
struct sd_lay {
    const char *digits; /* the whole number's digits ("" for 0) */
    size_t nd;
    size_t ph, zeros, lits; /* counts of the section */
    size_t k;               /* placeholders written so far */
    char *out;
    size_t cap, len;
    bool room;
};

static void sd_lay_put(struct sd_lay *l, const char *p, size_t n)
{
    if (!l->out) return;
    if (l->len + n >= l->cap) {
        l->room = false;
        return;
    }
    memcpy(&l->out[l->len], p, n);
    l->len += n;
}

static void sd_lay_placeholder(struct sd_lay *l, int ch)
{
    /* placeholder k takes digit nd - ph + k; the first also takes every
     * digit the layout has no room for */
    size_t k = l->k++;
    size_t lead = l->nd > l->ph ? l->nd - l->ph : 0;
    if (l->nd + k >= l->ph) {
        size_t j = l->nd + k - l->ph;
        if (k == 0) sd_lay_put(l, l->digits, lead + 1);
        else sd_lay_put(l, &l->digits[j], 1);
    } else if (ch == '0') {
        sd_lay_put(l, "0", 1);
    } else if (ch == '?') {
        sd_lay_put(l, " ", 1);
    }
}

/* Walk section s: placeholders 0 # ?, literals ("quoted", \x, _x as a
 * space, *x fill dropped, [brackets] dropped, plain literal bytes).
 * false when the section holds anything else: a decimal point, a
 * thousands comma, %, E+, @, a fraction's /, a letter. */
static bool sd_lay_walk(struct ls_slice code, const struct sd_section *s, struct sd_lay *l)
{
    size_t i = s->a;
    while (i < s->b) {
        int ch = ls_slice_at(code, i);
        if (ch == '0' || ch == '#' || ch == '?') {
            l->ph += !l->out;
            l->zeros += !l->out && ch == '0';
            if (l->out) sd_lay_placeholder(l, ch);
            i++;
        } else if (ch == '"') {
            size_t end = sd_skip_to(code, i, '"'); /* past the closing quote */
            bool closed = end - 1 > i && ls_slice_at(code, end - 1) == '"';
            size_t inner = end - i - (closed ? 2 : 1);
            if (end > s->b) return false;
            l->lits += inner;
            sd_lay_put(l, (const char *)code.ptr + i + 1, inner);
            i = end;
        } else if (ch == '[') {
            i = sd_skip_to(code, i, ']');
        } else if (ch == '\\' || ch == '_' || ch == '*') {
            if (i + 1 >= s->b) return false;
            if (ch != '*') {
                l->lits++;
                sd_lay_put(l, ch == '_' ? " " : (const char *)code.ptr + i + 1, 1);
            }
            i += 2;
        } else if (sd_plain_literal(ch)) {
            l->lits++;
            sd_lay_put(l, (const char *)code.ptr + i, 1);
            i++;
        } else {
            return false;
        }
    }
    return true;
}

/* Does section s lay out digits in a way General does not show: literals
 * between them or zero padding ("0" or "#" alone are General's digits)? */
static bool sd_section_layout(struct ls_slice code, const struct sd_section *s, struct sd_lay *l)
{
    *l = (struct sd_lay){0};
    if (!sd_lay_walk(code, s, l) || l->ph == 0 || l->ph > 30) return false;
    return l->lits > 0 || l->zeros >= 2;
}

static bool sd_is_layout(struct ls_slice code)
{
    struct sd_section s[SD_SECTIONS];
    struct sd_lay l;
    (void)sd_sections(code, s);
    return sd_section_layout(code, &s[0], &l);
}

/* The section Excel uses for v >= 0: the first whose condition holds (a
 * section without one takes the rest), else by sign: the third for zero
 * when there is one, the first otherwise. */
static const struct sd_section *sd_pick(const struct sd_section *s, size_t n, double v)
{
    bool conditional = false;
    for (size_t i = 0; i < n; i++) conditional |= s[i].cond;
    if (!conditional) return v == 0 && n >= 3 ? &s[2] : &s[0];
    for (size_t i = 0; i < n; i++)
        if (!s[i].cond || sd_cond_holds(&s[i], v)) return &s[i];
    return NULL;
}

/* ---- percent ("0.00%") and fractions ("# ?/?") ---- */

#define SD_PCT_MAX 1000.0 /* |v| shown as a percent below this (100000%): an
                           * identifier under a percent format stays digits */
#define SD_FRAC_MAX 1e9   /* |v| shown as a fraction below this */

/* Section s is a percent: digits (0 # ,), an optional point and decimals,
 * one %, and padding ([colours], _x, *x, spaces). Its decimals in *dec. */
static bool sd_is_pct(struct ls_slice code, const struct sd_section *s, unsigned *dec)
{
    unsigned pct = 0, digits = 0;
    bool point = false;
    *dec = 0;
    for (size_t i = s->a; i < s->b;) {
        int ch = ls_slice_at(code, i);
        if (ch == '[') {
            i = sd_skip_to(code, i, ']');
            continue;
        }
        if (ch == '_' || ch == '*') {
            i += 2;
            continue;
        }
        if (ch == '0' || ch == '#') {
            digits++;
            if (point) (*dec)++;
        } else if (ch == '.' && !point) {
            point = true;
        } else if (ch == '%') {
            pct++;
        } else if (ch != ',' && ch != ' ') {
            return false;
        }
        i++;
    }
    if (*dec > 10) *dec = 10;
    return pct == 1 && digits > 0;
}

/* Section s is a fraction: an optional whole part ("#", "0") and spaces,
 * then a numerator of ? # 0, '/', and a denominator of ? # 0 (its digits
 * the most it may have) or a fixed one ("# ?/8", "# ??/100"). */
static bool sd_is_frac(struct ls_slice code, const struct sd_section *s, bool *whole,
                       unsigned *maxden, unsigned *fixed)
{
    size_t i = s->a;
    unsigned w = 0, num = 0, den = 0, fix = 0;
    bool slash = false, gap = false;
    for (; i < s->b; i++) {
        int ch = ls_slice_at(code, i);
        bool ph = ch == '?' || ch == '#' || ch == '0';
        if (ch == '[') {
            i = sd_skip_to(code, i, ']') - 1;
        } else if (ch == ' ' && !slash && (w || num)) {
            if (num) return false;
            gap = true;
        } else if (ph && !slash && !gap) {
            w++;
        } else if (ph && !slash) {
            num++;
        } else if (ch == '/' && !slash && (num || w)) {
            slash = true;
        } else if (slash && ph && !fix) {
            den++;
        } else if (slash && ch >= '1' + (fix == 0 ? 0 : -1) && ch <= '9' && !den && fix < 100000) {
            fix = fix * 10 + (unsigned)(ch - '0');
        } else if (ch != ' ' && ch != ',') {
            return false;
        }
    }
    if (!gap) { /* "?/?": no whole part, the numerator's placeholders came first */
        num = w;
        w = 0;
    }
    if (!slash || !num || (!den && !fix) || den > 3) return false;
    *whole = w > 0;
    *maxden = den == 1 ? 9 : den == 2 ? 99 : 999;
    *fixed = fix;
    return true;
}

/* The fraction nearest f (0 <= f < 1) with a denominator up to maxden, or
 * exactly fixed. */
static void sd_frac_near(double f, unsigned maxden, unsigned fixed, unsigned *pn, unsigned *pd)
{
    if (fixed) {
        *pn = (unsigned)floor(f * fixed + 0.5);
        *pd = fixed;
        return;
    }
    double best = 2.0;
    *pn = 0;
    *pd = 1;
    for (unsigned d = 1; d <= maxden; d++) {
        unsigned n = (unsigned)floor(f * d + 0.5);
        double err = fabs(f - (double)n / d);
        if (err < best - 1e-12) {
            best = err;
            *pn = n;
            *pd = d;
        }
    }
}

static size_t sd_put_frac(double v, bool whole, unsigned maxden, unsigned fixed, char *out,
                          size_t cap)
{
    const char *sign = v < 0 ? "-" : "";
    double a = fabs(v), w = whole ? floor(a) : 0;
    unsigned n, d;
    sd_frac_near(a - w, maxden, fixed, &n, &d);
    if (n == d && whole) {
        w += 1;
        n = 0;
    }
    if (!whole) { /* an improper fraction: 1.5 under "?/?" is 3/2 */
        n = (unsigned)floor(a * d + 0.5);
    }
    int k;
    if (n == 0) k = snprintf(out, cap, "%s%.0f", sign, w);
    else if (whole && w > 0) k = snprintf(out, cap, "%s%.0f %u/%u", sign, w, n, d);
    else k = snprintf(out, cap, "%s%u/%u", sign, n, d);
    return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

/* v under a percent or fraction section as Excel shows it, or 0. */
static size_t sd_show_ratio(struct ls_slice code, const struct sd_section *s, double v, bool neg_sec,
                            char *out, size_t cap)
{
    unsigned dec, maxden, fixed;
    bool whole;
    if (v < 0 && neg_sec) v = -v; /* the section's own literals say the sign */
    if (sd_is_pct(code, s, &dec) && fabs(v) < SD_PCT_MAX) {
        int k = snprintf(out, cap, "%.*f%%", (int)dec, v * 100.0);
        return k > 0 && (size_t)k < cap ? (size_t)k : 0;
    }
    if (sd_is_frac(code, s, &whole, &maxden, &fixed) && fabs(v) < SD_FRAC_MAX)
        return sd_put_frac(v, whole, maxden, fixed, out, cap);
    return 0;
}

size_t ls_sheet_layout(struct ls_slice code, double v, char *out, size_t cap)
{
    struct sd_section s[SD_SECTIONS];
    struct sd_lay l;
    char digits[24];
    if (cap == 0 || !isfinite(v)) return 0;
    size_t ns = sd_sections(code, s);
    if (v < 0 && ns >= 2 && !s[0].cond && !s[1].cond) { /* the negative section */
        size_t k = sd_show_ratio(code, &s[1], v, true, out, cap);
        if (k) return k;
    } else if (!(v < 0 && ns >= 2)) {
        const struct sd_section *r = v < 0 ? &s[0] : sd_pick(s, ns, v);
        size_t k = r ? sd_show_ratio(code, r, v, false, out, cap) : 0;
        if (k) return k;
    }
    if (v < 0 || v >= SD_LAYOUT_MAX) return 0;
    /* past 1e11 a fraction is kept as General shows it (see ls_sheet_number) */
    if (v != floor(v) && v >= 1e11) return 0;
    const struct sd_section *p = sd_pick(s, ns, v);
    if (!p || !sd_section_layout(code, p, &l)) return 0;
    double r = floor(v + 0.5);
    int nd = r == 0 ? 0 : snprintf(digits, sizeof digits, "%.0f", r);
    if (nd < 0 || (size_t)nd >= sizeof digits) return 0;
    digits[nd] = 0;
    l.digits = digits;
    l.nd = (size_t)nd;
    l.out = out;
    l.cap = cap;
    l.room = true;
    if (!sd_lay_walk(code, p, &l) || !l.room) return 0;
    /* alignment padding at the ends ("0_)", "??0") is layout, not text:
     * dropped, or the text separator after the cell would be lost and its
     * digits would run into the next cell's */
    size_t a = 0, b = l.len;
    while (a < b && out[a] == ' ') a++;
    while (b > a && out[b - 1] == ' ') b--;
    memmove(out, out + a, b - a);
    out[b - a] = 0;
    return b - a;
}

/* The letter of an elapsed-time bracket opening at i ("[h]", "[hh]",
 * "[mm]", "[ss]": one of h, m, s repeated), else 0; "[Magenta]" is a colour. */
static int sd_elapsed_at(struct ls_slice code, size_t i)
{
    int c1 = sd_lower(ls_slice_at(code, i + 1));
    if (c1 != 'h' && c1 != 'm' && c1 != 's') return 0;
    size_t k = i + 2;
    while (sd_lower(ls_slice_at(code, k)) == c1) k++;
    return ls_slice_at(code, k) == ']' ? c1 : 0;
}

bool ls_sheet_fmt_elapsed(struct ls_slice code)
{
    size_t i = 0;
    while (i < code.len) {
        int ch = ls_slice_at(code, i);
        if (ch == ';') break;
        if (ch == '[' && sd_elapsed_at(code, i)) return true;
        if (ch == '"' || ch == '[') {
            i = sd_skip_to(code, i, ch == '"' ? '"' : ']');
            continue;
        }
        i += (ch == '\\' || ch == '_' || ch == '*') ? 2 : 1;
    }
    return false;
}

size_t ls_sheet_elapsed(double v, char *out, size_t cap)
{
    if (!isfinite(v) || v < 0 || v >= 1e7 || cap == 0) return 0;
    double t = round(v * 86400.0);
    uint64_t sec = (uint64_t)t;
    int n = snprintf(out, cap, "%02llu:%02u:%02u", (unsigned long long)(sec / 3600),
                     (unsigned)(sec / 60 % 60), (unsigned)(sec % 60));
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

unsigned ls_sheet_fmt_code(struct ls_slice code)
{
    bool d = false, y = false, m = false, h = false, sec = false;
    size_t i = 0;
    while (i < code.len) {
        int ch = ls_slice_at(code, i);
        if (ch == ';') break; /* only the first (positive numbers) section */
        if (ch == '[') { /* elapsed time ("[h]:mm", "[mm]:ss") is a time */
            int e = sd_elapsed_at(code, i);
            if (e == 'h') h = true;
            if (e == 'm' || e == 's') sec = true; /* its "m" are minutes */
        }
        if (ch == '"' || ch == '[') {
            i = sd_skip_to(code, i, ch == '"' ? '"' : ']');
            continue;
        }
        if (ch == '\\' || ch == '_' || ch == '*') { /* escape, padding, fill */
            i += 2;
            continue;
        }
        if (sd_word_at(code, i, "am/pm") || sd_word_at(code, i, "a/p")) {
            i += sd_word_at(code, i, "am/pm") ? 5 : 3;
            continue;
        }
        switch (sd_lower(ch)) {
        case 'd': d = true; break;
        case 'y': y = true; break;
        case 'm': m = true; break;
        case 'h': h = true; break;
        case 's': sec = true; break;
        default: break;
        }
        i++;
    }
    unsigned f = 0;
    /* "m" is minutes next to h or s, months otherwise ("mmm-yy", "mmmm") */
    if (d || y || (m && !h && !sec)) f |= LS_SHEET_DATE;
    if (h || sec) f |= LS_SHEET_TIME;
    if (f == 0 && sd_is_layout(code)) f = LS_SHEET_DIGITS;
    if (f == 0) { /* a percent or a fraction: shown as such (ls_sheet_layout) */
        struct sd_section sc[SD_SECTIONS];
        unsigned dec, maxden, fixed;
        bool whole;
        (void)sd_sections(code, sc);
        if (sd_is_pct(code, &sc[0], &dec) || sd_is_frac(code, &sc[0], &whole, &maxden, &fixed))
            f = LS_SHEET_DIGITS;
    }
    return f;
}

static bool sd_put_time(char *out, size_t cap, unsigned sec)
{
    int n = snprintf(out, cap, "%02u:%02u:%02u", sec / 3600, sec / 60 % 60, sec % 60);
    return n > 0 && (size_t)n < cap;
}

/* The date of whole serial day (>= 1, or >= 0 in 1904) into out. */
static bool sd_put_day(char *out, size_t cap, int64_t day, bool date1904)
{
    int64_t y;
    unsigned mo, d;
    if (!date1904 && day == 60) {
        y = 1900, mo = 2, d = 29; /* Lotus 1-2-3's leap day, kept by Excel */
    } else {
        int64_t base = date1904 ? SD_1904_DAY0 : day < 60 ? SD_1900_BEFORE_DAY1 : SD_1900_AFTER_BUG;
        ls_civil_from_days(day + base, &y, &mo, &d);
    }
    int n = snprintf(out, cap, "%04lld-%02u-%02u", (long long)y, mo, d);
    return n > 0 && (size_t)n < cap;
}

bool ls_sheet_date(double v, bool date1904, unsigned flags, char *out, size_t cap)
{
    char tmp[LS_SHEET_DATE_MAX + 8];
    bool time = (flags & LS_SHEET_TIME) != 0;
    if (!(flags & (LS_SHEET_DATE | LS_SHEET_TIME)) || !isfinite(v) || v < 0) return false;
    if (v > (date1904 ? SD_1904_MAX : SD_1900_MAX) + 1.0) return false;
    /* a date-only format shows the day the serial falls in; a time rounds
     * to the second, which may carry into the next day */
    double t = time ? round(v * 86400.0) : floor(v) * 86400.0;
    int64_t day = (int64_t)(t / 86400.0);
    unsigned sec = (unsigned)(t - (double)day * 86400.0);
    if (day > (int64_t)(date1904 ? SD_1904_MAX : SD_1900_MAX)) return false;
    if (!(flags & LS_SHEET_DATE) || (day == 0 && !date1904)) {
        /* a time of day; "1900-01-00" and durations past a day are not dates */
        if (!time || day != 0 || !sd_put_time(tmp, sizeof tmp, sec)) return false;
    } else {
        char hms[16];
        if (!sd_put_day(tmp, sizeof tmp, day, date1904)) return false;
        if (time && sec != 0) {
            size_t n = strlen(tmp);
            if (!sd_put_time(hms, sizeof hms, sec) || n + 1 + strlen(hms) >= sizeof tmp) return false;
            tmp[n] = ' ';
            memcpy(&tmp[n + 1], hms, strlen(hms) + 1);
        }
    }
    size_t len = strlen(tmp);
    if (len + 1 > cap) return false;
    memcpy(out, tmp, len + 1);
    return true;
}

size_t ls_sheet_iso(struct ls_slice v, char *out, size_t cap)
{
    static const char midnight[] = " 00:00:00";
    const size_t m = sizeof midnight - 1;
    size_t n = 0;
    if (cap < LS_SHEET_DATE_MAX) return 0;
    for (size_t i = 0; i < v.len && n < LS_SHEET_DATE_MAX - 1; i++) {
        int ch = ls_slice_at(v, i);
        if (ch == '.' || ch == 'Z' || (ch == '+' && n > 0) || ch < 0x20 || ch > 0x7E) break;
        out[n] = (char)(ch == 'T' && n >= 8 ? ' ' : ch);
        n++;
    }
    if (n > m && memcmp(&out[n - m], midnight, m) == 0) n -= m;
    out[n] = 0;
    return n;
}

bool ls_sheet_parse_num(struct ls_slice s, double *v)
{
    char tmp[SD_NUM_MAX + 1];
    if (s.len == 0 || s.len > SD_NUM_MAX) return false;
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        bool ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' ||
                  ch == 'E';
        if (!ok) return false;
        tmp[i] = (char)ch;
    }
    tmp[s.len] = 0;
    char *end = NULL;
    double d = strtod(tmp, &end);
    if (end != &tmp[s.len] || !isfinite(d)) return false;
    *v = d;
    return true;
}

size_t ls_sheet_number(double v, char *out, size_t cap)
{
    int n;
    if (cap == 0) return 0;
    if (!isfinite(v))
        n = snprintf(out, cap, "%s", isnan(v) ? "NaN" : (v < 0 ? "-Inf" : "Inf"));
    else if (v == floor(v) && fabs(v) < 1e17)
        n = snprintf(out, cap, "%.0f", v == 0 ? 0.0 : v);
    else
        n = snprintf(out, cap, "%.15g", v);
    /* a fraction rounded away past 1e11 reads as an integer (299810781654207.19
     * as 299810781654207, a Luhn-valid "Amex"): shown with its fraction */
    if (n >= 12 && (size_t)n < cap && v != floor(v) && strspn(out, "-0123456789") == (size_t)n)
        n = snprintf(out, cap, "%.17g", v);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}
