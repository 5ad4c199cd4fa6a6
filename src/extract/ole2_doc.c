/*
 * Word 97-2003 text ([MS-DOC]): the File Information Block (2.5.1) at the
 * start of the WordDocument stream names the table stream (fWhichTblStm:
 * 0Table/1Table) and the CLX (fcClx/lcbClx, FibRgFcLcb97); the CLX's
 * piece table (2.9.38 Clx, 2.9.177 PlcPcd, 2.9.73 FcCompressed) maps
 * character positions to byte ranges of WordDocument: compressed pieces
 * are Windows-1252 at fc/2 (the 0x82-0x9F slots per 2.4.1 are cp1252's),
 * the others UTF-16LE at fc. All pieces are read, so headers, footnotes,
 * comments and text boxes come along with the body.
 *
 * Special characters (2.4.1): 0x0D paragraph, 0x0B line break and 0x0C
 * page/section break become "\n", 0x07 cell/row mark becomes "\t", field
 * begin/separator/end (0x13/0x14/0x15) become spaces: the field
 * instructions are kept on purpose (a HYPERLINK "mailto:..." or an
 * INCLUDEPICTURE path is data a leak triage wants). Other control
 * characters (object anchors 0x01, 0x08, footnote marks 0x02) are dropped.
 *
 * A damaged FIB, table stream or CLX falls back to a scan of WordDocument
 * for runs of printable cp1252 and UTF-16LE text (noted parse_error).
 * fEncrypted / fObfuscated: reported encrypted, nothing read. Word 6/95
 * files (wIdent 0xA5DC, nFib <= 0x68) are read as one range, fcMin to
 * fcMac, in the code page their SummaryInformation names (else the one
 * charset their font table uses besides ANSI, else cp1252; UTF-16LE
 * when fExtChar says a Far East edition wrote it);
 * fast-saved ones (fComplex) through their piece table, then what of
 * fcMin..fcMac no piece uses.
 * List numbers (Word 97+): a paragraph whose PAPX (PlcBtePapx FKPs) has
 * sprmPIlfo / sprmPIlvl is numbered by the list its LFO (PlfLfo, 2.9.197)
 * names, whose levels (PlfLst's LSTF and the LVLs after it, 2.9.150,
 * 2.9.131: iStartAt, nfc, fLegal, the xst with its level placeholders)
 * make its label ("1.", "a)", "2.1"); counted per list, an LFO's
 * fStartAt levels restarting once; a paragraph without its own
 * sprmPIlfo takes its paragraph style's (the STSH's UpxPapx, through
 * istdBase: Word's numbered heading styles); a level's fNoRestart and
 * ilvlRestartLim (which shallower levels restart it); an LFOLVL's own
 * level (fFormatting: the LFO's LVL shows the list's count).
 * Attacker-controlled: every FIB field, the CLX, every CP and fc.
 */
#include "extract/ole2.h"

#include "extract/docpart.h"

#include <stdlib.h>
#include <string.h>

#define DOC_WIDENT 0xA5EC
#define DOC_WIDENT_W6 0xA5DC /* Word 6.0 and Word 95 */
/* Far East Word 6/95 (POI reads them as old documents by nFib alone;
 * POI's Bug51944.doc, a Traditional Chinese Word 6 file, says 0xA699). */
#define DOC_WIDENT_W6_FE1 0xA697
#define DOC_WIDENT_W6_FE2 0xA699
#define DOC_NFIB_W95 0x0068 /* Word 6.0 writes 0x65, Word 95 0x68, Word 97+ 0xC1 */
#define DOC_F_COMPLEX 0x0004u /* fast-saved: the text is in pieces */
/* fExtChar: a Far East Word 6/95 (Chinese, Japanese, Korean editions)
 * keeps its text as UTF-16LE, two bytes a character, pieces included;
 * Word 97+ sets it always (its pieces say how they are stored). */
#define DOC_F_EXTCHAR 0x1000u
#define DOC_F_ENCRYPTED 0x0100u
#define DOC_F_WHICHTBL 0x0200u
#define DOC_F_OBFUSCATED 0x8000u
#define DOC_OFF_FCCLX 0x01A2
#define DOC_OFF_LCBCLX 0x01A6
/* Pieces followed: Word splits text into at most a few thousand. */
#define DOC_MAX_PIECES (1u << 20)
/* Fallback scan: the shortest run kept. */
#define DOC_MIN_RUN 5u

/* *prev is the previous character: a cell mark right after a cell mark
 * ends a table row, written as a newline. */
static ls_err doc_char(struct ole2_job *j, uint32_t ch, uint32_t *prev)
{
    uint32_t p = *prev;
    *prev = ch;
    switch (ch) {
    case 0x0D: case 0x0B: case 0x0C: return ole2_put(j, "\n");
    case 0x07: return ole2_put(j, p == 0x07 ? "\n" : "\t");
    case 0x09: return ole2_put(j, "\t");
    case 0x13: case 0x14: case 0x15: return ole2_put(j, " ");
    case 0x1E: return ole2_put(j, "-");
    case 0xA0: return ole2_put(j, " ");
    default: break;
    }
    if (ch < 0x20) return LS_OK;
    return ole2_put_cp(j, ch);
}

/* ---- tracked changes: revision marks in the CHPX FKPs ---------------- */

static bool doc_fclcb(struct ls_slice wd, unsigned idx, uint32_t *fc, uint32_t *lcb);

/* [MS-DOC] 2.6.1: sprmCFRMarkDel, sprmCFRMarkIns (ToggleOperand, 1 = on). */
#define DOC_SPRM_RMARKDEL 0x0800u
#define DOC_SPRM_RMARKINS 0x0801u
#define DOC_MARK_DEL 1u
#define DOC_MARK_INS 2u
#define DOC_MARK_DROPCAP 4u
/* [MS-DOC] 2.6.2 sprmPDcs: a DCS, fdct in its low 3 bits (1 drop, 2 in
 * the margin) */
#define DOC_SPRM_PDCS 0x442Cu
#define DOC_MAX_MARKS (1u << 20)
/* [MS-DOC] 2.6.2 sprmPIlfo (an LFO index, 1-based), sprmPIlvl */
#define DOC_SPRM_PILFO 0x460Bu
#define DOC_SPRM_PILVL 0x260Au
#define DOC_FCLCB_PLFLST 73u
#define DOC_FCLCB_PLFLFO 74u
#define DOC_MAX_LISTS 4096u /* LSTFs read */
#define DOC_MAX_LFOS 8192u  /* LFOs read */
#define DOC_FCLCB_STSHF 1u
#define DOC_MAX_STYLES 4096u /* styles looked at for a list */
#define DOC_NO_LEVEL 0xFFu
#define DOC_BEFORE_MAX (64u * 1024u)

/* The byte ranges of WordDocument whose characters a tracked change
 * deleted or inserted, sorted by start; and the paragraph being read as it
 * was before its changes. Text reads as the document now shows it
 * (deleted characters left out: a digit replaced inside "536-22-1874"
 * leaves the number whole); after each paragraph (or table row) that lost
 * text, "before tracked changes: ..." with deleted characters in place and
 * insertions left out. */
struct doc_rev {
    struct doc_mark {
        uint32_t a, b; /* [a, b) */
        uint8_t kind;
    } *v;
    size_t n, cap;
    struct ls_buf before;
    bool para_del;
    struct doc_mark *dc; /* paragraphs that are drop caps (PAPX sprmPDcs) */
    size_t dcn, dccap;
    struct doc_lists *dl; /* list numbering, or NULL */
};

/* Lists (PlfLst), list instances (PlfLfo) and the numbered paragraphs. */
struct doc_lists {
    struct doc_list {
        int32_t lsid;
        struct ls_listlvl lv[LS_LIST_LEVELS];
        struct ls_listctr ctr;
    } *l;
    size_t nl;
    struct doc_lfo {
        uint32_t list; /* index into l, or UINT32_MAX */
        uint32_t start[LS_LIST_LEVELS];
        uint16_t mask; /* levels an LFOLVL restarts (fStartAt) */
        uint16_t lvmask; /* levels an LFOLVL redefines (fFormatting) */
        bool used;
        struct doc_lfolv { /* those levels */
            struct ls_listlvl lv[LS_LIST_LEVELS];
        } *own;
    } *f;
    size_t nf;
    struct doc_lpara {
        uint32_t a, b; /* the paragraph's bytes [a, b) */
        uint16_t ilfo;
        uint8_t ilvl;
    } *p;
    size_t np, cap;
    bool para_start; /* the next character starts a paragraph */
    struct doc_sty {
        uint16_t base;  /* istdBase, 0x0FFF for none */
        uint16_t ilfo;  /* 0: no list of its own */
        uint8_t ilvl;   /* DOC_NO_LEVEL: none of its own */
    } *st;
    size_t nst;
};

static int doc_mark_cmp(const void *x, const void *y)
{
    const struct doc_mark *a = x, *b = y;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* The revision-mark kind of one CHPX's grpprl (sprms of 2-byte ids; the
 * operand size from the id's spra, [MS-DOC] 2.2.5.1). */
static uint8_t doc_grpprl_marks(struct ls_slice g)
{
    uint8_t kind = 0;
    size_t pos = 0;
    while (pos + 2 <= g.len) {
        uint16_t sprm = 0;
        (void)ls_rd_u16le(g, pos, &sprm);
        pos += 2;
        size_t len;
        switch (sprm >> 13) {
        case 0: case 1: len = 1; break;
        case 2: case 4: case 5: len = 2; break;
        case 3: len = 4; break;
        case 7: len = 3; break;
        default: { /* 6: variable, its first byte the size */
            int b = ls_slice_at(g, pos);
            if (b < 0) return kind;
            len = 1 + (size_t)b;
        }
        }
        int op = ls_slice_at(g, pos);
        if (sprm == DOC_SPRM_PDCS && op > 0 && ((unsigned)op & 7u) >= 1 && ((unsigned)op & 7u) <= 2)
            kind |= DOC_MARK_DROPCAP;
        if (op == 1 && sprm == DOC_SPRM_RMARKDEL) kind |= DOC_MARK_DEL;
        if (op == 1 && sprm == DOC_SPRM_RMARKINS) kind |= DOC_MARK_INS;
        pos += len;
    }
    return kind;
}

/* sprmPIlfo and sprmPIlvl of a PAPX's grpprl: *has_lfo says whether an
 * ilfo is given (0 takes a style's numbering off), *ilvl is DOC_NO_LEVEL
 * when absent. */
static void doc_grpprl_list(struct ls_slice g, uint16_t *ilfo, bool *has_lfo, uint8_t *ilvl)
{
    size_t pos = 0;
    *ilfo = 0;
    *has_lfo = false;
    *ilvl = DOC_NO_LEVEL;
    while (pos + 2 <= g.len) {
        uint16_t sprm = 0, v = 0;
        (void)ls_rd_u16le(g, pos, &sprm);
        pos += 2;
        size_t len;
        switch (sprm >> 13) {
        case 0: case 1: len = 1; break;
        case 2: case 4: case 5: len = 2; break;
        case 3: len = 4; break;
        case 7: len = 3; break;
        default: {
            int b = ls_slice_at(g, pos);
            if (b < 0) return;
            len = 1 + (size_t)b;
        }
        }
        if (sprm == DOC_SPRM_PILFO && ls_rd_u16le(g, pos, &v)) *ilfo = v, *has_lfo = true;
        if (sprm == DOC_SPRM_PILVL && ls_slice_at(g, pos) >= 0) *ilvl = (uint8_t)ls_slice_at(g, pos);
        pos += len;
    }
}

static int doc_lpara_cmp(const void *x, const void *y)
{
    const struct doc_lpara *a = x, *b = y;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* A numbered paragraph's bytes, its LFO and level: its own, else its
 * style's (istd, through istdBase, 8 styles deep). */
static ls_err doc_lpara_add(struct doc_lists *dl, uint32_t a, uint32_t b, struct ls_slice g,
                            uint16_t istd)
{
    uint16_t ilfo;
    uint8_t ilvl;
    bool has_lfo;
    if (!dl || !dl->nf) return LS_OK;
    doc_grpprl_list(g, &ilfo, &has_lfo, &ilvl);
    for (unsigned hop = 0; !has_lfo && istd < dl->nst && hop < 8; hop++) {
        const struct doc_sty *st = &dl->st[istd];
        if (st->ilfo) {
            ilfo = st->ilfo;
            if (ilvl == DOC_NO_LEVEL) ilvl = st->ilvl;
            break;
        }
        if (ilvl == DOC_NO_LEVEL && st->ilvl != DOC_NO_LEVEL) ilvl = st->ilvl;
        istd = st->base;
    }
    if (ilvl == DOC_NO_LEVEL) ilvl = 0;
    if (ilfo == 0 || ilfo > dl->nf || ilvl >= LS_LIST_LEVELS) return LS_OK;
    if (dl->np == dl->cap) {
        if (dl->cap >= DOC_MAX_MARKS) return LS_OK;
        size_t cap = dl->cap ? dl->cap * 2 : 64;
        struct doc_lpara *v = realloc(dl->p, cap * sizeof *v);
        if (!v) return LS_E_NOMEM;
        dl->p = v;
        dl->cap = cap;
    }
    dl->p[dl->np++] = (struct doc_lpara){a, b, ilfo, ilvl};
    return LS_OK;
}

/* A PAPX in an FKP page at word offset wo: cb, or 0 and cb', then
 * grpprlInPapx (istd, then the sprms). */
static bool doc_papx_grpprl(struct ls_slice page, int wo, struct ls_slice *g)
{
    size_t at = 2 * (size_t)wo;
    int cb = ls_slice_at(page, at);
    size_t len, start;
    if (cb < 0) return false;
    if (cb == 0) {
        int cb2 = ls_slice_at(page, at + 1);
        if (cb2 <= 0) return false;
        len = 2 * (size_t)cb2, start = at + 2;
    } else {
        len = 2 * (size_t)cb - 1, start = at + 1;
    }
    return len > 2 && ls_slice_sub(page, start + 2, len - 2, g);
}

/* The style (istd) of a PAPX: the first two bytes of grpprlInPapx. */
static bool doc_papx_istd(struct ls_slice page, int wo, uint16_t *istd)
{
    size_t at = 2 * (size_t)wo;
    int cb = ls_slice_at(page, at);
    if (cb < 0) return false;
    return ls_rd_u16le(page, cb == 0 ? at + 2 : at + 1, istd);
}

/* Read the revision marks of PlcBteChpx (FIB pair 12), or (papx) the drop
 * cap paragraphs of PlcBtePapx (pair 13): each FKP page (512 bytes at
 * PN * 512) holds crun runs, rgfc[crun + 1] then rgb[crun] (word offsets
 * of each run's CHPX: cb, grpprl) or rgbx[crun] (13 bytes, the PAPX's
 * word offset first). Damage skips a page. */
static ls_err doc_fkp_read(struct ls_ctx *c, struct doc_rev *rv, struct ls_slice wd, struct ls_slice tbl,
                           bool papx)
{
    ls_err le = LS_OK;
    uint32_t fc = 0, lcb = 0;
    struct ls_slice plc;
    if (!doc_fclcb(wd, papx ? 13 : 12, &fc, &lcb) || lcb < 12 || !ls_slice_sub(tbl, fc, lcb, &plc))
        return LS_OK;
    struct doc_mark **vp = papx ? &rv->dc : &rv->v;
    size_t *np = papx ? &rv->dcn : &rv->n, *capp = papx ? &rv->dccap : &rv->cap;
    size_t n = (plc.len - 4) / 8;
    /* each page once: a hostile table can name the same page a million
     * times (every page is up to 101 runs of 255-byte sprm lists) */
    size_t npages = wd.len / 512u;
    uint8_t *seen = calloc(npages / 8 + 1, 1);
    LS_FAIL_IF(!seen, LS_E_NOMEM);
    ls_err r = LS_OK;
    for (size_t i = 0; i < n && r == LS_OK; i++) {
        uint32_t pn = 0;
        struct ls_slice page;
        if ((i & 1023) == 1023 && ls_ctx_expired(c)) r = LS_E_TIMEOUT;
        if (r != LS_OK || !ls_rd_u32le(plc, 4 * (n + 1) + 4 * i, &pn) ||
            !ls_slice_sub(wd, (size_t)(pn & 0x3FFFFFu) * 512u, 512u, &page))
            continue;
        size_t pi = (size_t)(pn & 0x3FFFFFu);
        if (pi < npages) {
            if (seen[pi >> 3] & (1u << (pi & 7))) continue;
            seen[pi >> 3] |= (uint8_t)(1u << (pi & 7));
        }
        int crun = ls_slice_at(page, 511);
        if (crun <= 0 || crun > 101) continue;
        for (int k = 0; k < crun; k++) {
            uint32_t a = 0, b = 0;
            int wo = ls_slice_at(page, 4 * ((size_t)crun + 1) + (size_t)k * (papx ? 13u : 1u));
            if (wo <= 0 || !ls_rd_u32le(page, 4 * (size_t)k, &a) || !ls_rd_u32le(page, 4 * (size_t)k + 4, &b) ||
                b <= a)
                continue;
            struct ls_slice g;
            if (papx) {
                bool has_g = doc_papx_grpprl(page, wo, &g);
                uint16_t istd = 0x0FFF;
                if (!doc_papx_istd(page, wo, &istd)) istd = 0x0FFF; /* none: a cut PAPX */
                if (le == LS_OK) le = doc_lpara_add(rv->dl, a, b, has_g ? g : ls_slice_make(NULL, 0), istd);
                if (!has_g) continue;
            } else {
                int cb = ls_slice_at(page, 2 * (size_t)wo);
                if (cb <= 0 || !ls_slice_sub(page, 2 * (size_t)wo + 1, (size_t)cb, &g)) continue;
            }
            uint8_t kind = doc_grpprl_marks(g) & (papx ? DOC_MARK_DROPCAP : DOC_MARK_DEL | DOC_MARK_INS);
            if (!kind) continue;
            if (*np == *capp) {
                if (*capp >= DOC_MAX_MARKS) {
                    i = n; /* enough marks: stop reading pages */
                    break;
                }
                size_t cap = *capp ? *capp * 2 : 64;
                struct doc_mark *v = realloc(*vp, cap * sizeof *v);
                if (!v) {
                    r = LS_E_NOMEM;
                    break;
                }
                *vp = v;
                *capp = cap;
            }
            (*vp)[(*np)++] = (struct doc_mark){a, b, kind};
        }
    }
    free(seen);
    if (*np > 1) qsort(*vp, *np, sizeof **vp, doc_mark_cmp);
    if (papx && rv->dl && rv->dl->np > 1)
        qsort(rv->dl->p, rv->dl->np, sizeof *rv->dl->p, doc_lpara_cmp);
    return r != LS_OK ? r : le;
}

/* The marks on the character at byte pos: the last range starting at or
 * before it, if it reaches pos (FKP runs do not overlap). */
static uint8_t doc_marks_at(const struct doc_mark *v, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].a <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && pos < v[lo - 1].b ? v[lo - 1].kind : 0;
}

static uint8_t doc_rev_at(const struct doc_rev *rv, size_t pos)
{
    return doc_marks_at(rv->v, rv->n, pos);
}

static ls_err doc_rev_flush(struct ole2_job *j, struct doc_rev *rv);

/* One character into the paragraph as it read before its changes. A full
 * buffer (a deletion past 64 KiB) goes out as a before line first, so no
 * deleted text is lost. */
static ls_err doc_rev_keep(struct ole2_job *j, struct doc_rev *rv, uint32_t ch)
{
    switch (ch) {
    case 0x0D: case 0x0B: case 0x0C: ch = '\n'; break;
    case 0x07: case 0x09: ch = '\t'; break;
    case 0x13: case 0x14: case 0x15: case 0xA0: ch = ' '; break;
    case 0x1E: ch = '-'; break;
    default: if (ch < 0x20) return LS_OK;
    }
    ls_err e = ls_utf8_put(&rv->before, ch);
    if (e != LS_E_LIMIT) return e;
    bool del = rv->para_del;
    LS_TRY(doc_rev_flush(j, rv));
    rv->para_del = del;
    e = ls_utf8_put(&rv->before, ch);
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* The paragraph (or row) ended: its before line if a deletion took text. */
static ls_err doc_rev_flush(struct ole2_job *j, struct doc_rev *rv)
{
    size_t n = rv->before.len;
    while (n > 0 && (rv->before.ptr[n - 1] == '\n' || rv->before.ptr[n - 1] == '\t' || rv->before.ptr[n - 1] == ' '))
        n--;
    ls_err e = LS_OK;
    if (rv->para_del && n > 0) {
        e = ole2_put(j, "before tracked changes: ");
        if (e == LS_OK) e = ole2_put_n(j, rv->before.ptr, n);
        if (e == LS_OK) e = ole2_put(j, "\n");
    }
    ls_buf_reset(&rv->before);
    rv->para_del = false;
    return e;
}

/* One character of a piece at WordDocument byte pos, through the marks. */
static ls_err doc_list_label(struct ole2_job *j, struct doc_lists *dl, size_t pos);

static ls_err doc_rev_char(struct ole2_job *j, struct doc_rev *rv, size_t pos, uint32_t ch, uint32_t *prev)
{
    if (rv && rv->dl && rv->dl->np) {
        if (rv->dl->para_start) LS_TRY(doc_list_label(j, rv->dl, pos));
        rv->dl->para_start = ch == 0x0D || ch == 0x07 || ch == 0x0C;
    }
    /* a drop cap is a paragraph of its own holding the first letter(s) of
     * the next one: its mark joins them ("S" "imple Test Text" as one
     * word, not "S\nimple") */
    if (ch == 0x0D && rv && rv->dcn && doc_marks_at(rv->dc, rv->dcn, pos)) return LS_OK;
    if (!rv || rv->n == 0) return doc_char(j, ch, prev);
    uint8_t kind = doc_rev_at(rv, pos);
    if (kind & DOC_MARK_DEL) { /* deleted: not what the document now says */
        rv->para_del = true;
        return doc_rev_keep(j, rv, ch);
    }
    if (!(kind & DOC_MARK_INS)) LS_TRY(doc_rev_keep(j, rv, ch));
    bool row_end = ch == 0x07 && *prev == 0x07;
    LS_TRY(doc_char(j, ch, prev));
    if (ch == 0x0D || row_end) return doc_rev_flush(j, rv);
    return LS_OK;
}


/* ---- list numbers: PlfLst, PlfLfo ------------------------------------- */

static enum ls_listfmt doc_nfc(int nfc)
{
    switch (nfc) {
    case 1: return LS_LF_UPPER_ROMAN;
    case 2: return LS_LF_LOWER_ROMAN;
    case 3: return LS_LF_UPPER_LETTER;
    case 4: return LS_LF_LOWER_LETTER;
    case 5: return LS_LF_ORDINAL;
    case 22: return LS_LF_DECIMAL_ZERO;
    case 23: return LS_LF_BULLET;
    case 255: return LS_LF_NONE;
    default: return LS_LF_DECIMAL; /* 0, CJK and other scripts' numbers: in digits */
    }
}

/* An LVL at *at of tbl (LVLF, grpprlPapx, grpprlChpx, xst): lv if not
 * NULL; *at past it. The xst's characters 0-8 stand for the levels'
 * numbers. False if it does not fit. */
static bool doc_lvl(struct ls_slice tbl, size_t *at, struct ls_listlvl *lv)
{
    struct ls_slice f, xst;
    uint32_t start = 0;
    uint16_t cch = 0;
    if (!ls_slice_sub(tbl, *at, 28, &f)) return false;
    size_t skip = 28 + (size_t)ls_slice_at(f, 24) + (size_t)ls_slice_at(f, 25);
    if (!ls_rd_u16le(tbl, *at + skip, &cch) || !ls_slice_sub(tbl, *at + skip + 2, 2 * (size_t)cch, &xst))
        return false;
    *at += skip + 2 + 2 * (size_t)cch;
    if (!lv) return true;
    memset(lv, 0, sizeof *lv);
    (void)ls_rd_u32le(f, 0, &start);
    lv->start = start > 999999999u ? 0 : start;
    lv->fmt = (uint8_t)doc_nfc(ls_slice_at(f, 4));
    lv->legal = (ls_slice_at(f, 5) & 0x04) != 0;
    /* fNoRestart: only levels above ilvlRestartLim restart it (docpart.h) */
    unsigned lim = (unsigned)ls_slice_at(f, 26);
    if ((ls_slice_at(f, 5) & 0x08) && lim < LS_LIST_LEVELS) lv->restart = (uint8_t)(lim + 1);
    size_t len = 0;
    for (size_t i = 0; i + 1 < xst.len; i += 2) {
        uint16_t u = 0;
        (void)ls_rd_u16le(xst, i, &u);
        char b[4];
        size_t n = 0;
        if (u < LS_LIST_LEVELS) b[n++] = '%', b[n++] = (char)('1' + u);
        else if (u < 0x20) continue;
        else if (u < 0x80) b[n++] = (char)u;
        else if (u < 0x800) b[n++] = (char)(0xC0 | u >> 6), b[n++] = (char)(0x80 | (u & 0x3F));
        else if (u >= 0xD800 && u <= 0xDFFF) continue;
        else b[n++] = (char)(0xE0 | u >> 12), b[n++] = (char)(0x80 | ((u >> 6) & 0x3F)),
             b[n++] = (char)(0x80 | (u & 0x3F));
        if (len + n > sizeof lv->text - 1) break;
        memcpy(&lv->text[len], b, n);
        len += n;
    }
    lv->text[len] = 0;
    return true;
}

/* PlfLst (FIB pair 73): cLst LSTFs (28 bytes: lsid, tplc, rgistdPara,
 * fSimpleList in the flags), then, past lcbPlfLst, each list's LVLs (one
 * for a simple list, else nine). */
static ls_err doc_plflst(struct doc_lists *dl, struct ls_slice wd, struct ls_slice tbl)
{
    uint32_t fc = 0, lcb = 0;
    uint16_t c = 0;
    struct ls_slice plf;
    if (!doc_fclcb(wd, DOC_FCLCB_PLFLST, &fc, &lcb) || !ls_slice_sub(tbl, fc, lcb, &plf) ||
        !ls_rd_u16le(plf, 0, &c))
        return LS_OK;
    size_t n = c > DOC_MAX_LISTS ? DOC_MAX_LISTS : c;
    if (n == 0 || 2 + 28 * n > plf.len) return LS_OK;
    dl->l = calloc(n, sizeof *dl->l);
    LS_FAIL_IF(!dl->l, LS_E_NOMEM);
    size_t at = (size_t)fc + lcb;
    for (size_t i = 0; i < n; i++) {
        struct doc_list *l = &dl->l[i];
        uint32_t lsid = 0;
        (void)ls_rd_u32le(plf, 2 + 28 * i, &lsid);
        l->lsid = (int32_t)lsid;
        unsigned nlv = (ls_slice_at(plf, 2 + 28 * i + 26) & 1) ? 1u : LS_LIST_LEVELS;
        for (unsigned k = 0; k < LS_LIST_LEVELS; k++) l->lv[k].fmt = LS_LF_BULLET;
        bool ok = true;
        for (unsigned k = 0; k < nlv && ok; k++) ok = doc_lvl(tbl, &at, &l->lv[k]);
        dl->nl = i + 1;
        if (!ok) break; /* cut: the lists read so far */
    }
    return LS_OK;
}

/* An LFOLVL's LVL at *at (fFormatting): level lvl as the LFO shows it;
 * the count stays the list's, restarted only by fStartAt (Tika's
 * testWORD_override_list_numbering.doc: "1", "B", "C" ... "4", as Word
 * shows it). False if it does not fit. */
static bool doc_lfo_lvl(struct doc_lfo *f, struct ls_slice plf, size_t *at, unsigned lvl)
{
    struct ls_listlvl lv;
    if (!doc_lvl(plf, at, &lv)) return false;
    if (lvl >= LS_LIST_LEVELS) return true;
    if (!f->own && !(f->own = calloc(1, sizeof *f->own))) return true; /* read without it */
    f->own->lv[lvl] = lv;
    f->lvmask = (uint16_t)(f->lvmask | 1u << lvl);
    return true;
}

/* PlfLfo (FIB pair 74): lfoMac LFOs (16 bytes: lsid, clfolvl at 12),
 * then each one's LFOData: cp, clfolvl LFOLVLs (iStartAt, then ilvl in
 * bits 0-3, fStartAt 0x10, fFormatting 0x20: an LVL follows). */
static ls_err doc_plflfo(struct doc_lists *dl, struct ls_slice wd, struct ls_slice tbl)
{
    uint32_t fc = 0, lcb = 0, mac = 0;
    struct ls_slice plf;
    if (!dl->nl || !doc_fclcb(wd, DOC_FCLCB_PLFLFO, &fc, &lcb) || !ls_slice_sub(tbl, fc, lcb, &plf) ||
        !ls_rd_u32le(plf, 0, &mac))
        return LS_OK;
    size_t n = mac > DOC_MAX_LFOS ? DOC_MAX_LFOS : mac;
    if (n == 0 || 4 + 16 * (size_t)mac > plf.len) return LS_OK;
    dl->f = calloc(n, sizeof *dl->f);
    LS_FAIL_IF(!dl->f, LS_E_NOMEM);
    dl->nf = n;
    size_t at = 4 + 16 * (size_t)mac;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        struct doc_lfo *f = &dl->f[i];
        uint32_t lsid = 0;
        (void)ls_rd_u32le(plf, 4 + 16 * i, &lsid);
        f->list = UINT32_MAX;
        for (size_t k = 0; k < dl->nl; k++)
            if (dl->l[k].lsid == (int32_t)lsid) {
                f->list = (uint32_t)k;
                break;
            }
        int nlvl = ls_slice_at(plf, 4 + 16 * i + 12);
        if (!ok) continue;
        at += 4; /* cp */
        for (int k = 0; k < nlvl && ok; k++) {
            uint32_t st = 0, fl = 0;
            ok = ls_rd_u32le(plf, at, &st) && ls_rd_u32le(plf, at + 4, &fl);
            at += 8;
            unsigned lvl = fl & 0xFu;
            if (ok && (fl & 0x20u)) ok = doc_lfo_lvl(f, plf, &at, lvl);
            if (ok && (fl & 0x10u) && lvl < LS_LIST_LEVELS && st <= 999999999u) {
                f->start[lvl] = st;
                f->mask = (uint16_t)(f->mask | 1u << lvl);
            }
        }
    }
    return LS_OK;
}


/* The stylesheet (STSH, FIB pair 1): each paragraph style's istdBase and
 * the list its UpxPapx names (sprmPIlfo, sprmPIlvl). STD: StdfBase (stk
 * in the low 4 bits of its second word, istdBase above), StdfPost2000
 * when cbSTDBaseInFile says so, xstzName, then the UPXs (cbUpx, istd,
 * grpprl). */
static ls_err doc_stsh(struct doc_lists *dl, struct ls_slice wd, struct ls_slice tbl)
{
    uint32_t fc = 0, lcb = 0;
    uint16_t cbshi = 0, cstd = 0, cbbase = 0;
    struct ls_slice sh;
    if (!dl->nf || !doc_fclcb(wd, DOC_FCLCB_STSHF, &fc, &lcb) || !ls_slice_sub(tbl, fc, lcb, &sh) ||
        !ls_rd_u16le(sh, 0, &cbshi) || !ls_rd_u16le(sh, 2, &cstd) || !ls_rd_u16le(sh, 4, &cbbase) ||
        cbbase < 10)
        return LS_OK;
    size_t n = cstd > DOC_MAX_STYLES ? DOC_MAX_STYLES : cstd;
    if (n == 0) return LS_OK;
    dl->st = malloc(n * sizeof *dl->st);
    LS_FAIL_IF(!dl->st, LS_E_NOMEM);
    for (size_t i = 0; i < n; i++) dl->st[i] = (struct doc_sty){0x0FFF, 0, DOC_NO_LEVEL};
    dl->nst = n;
    size_t at = 2 + (size_t)cbshi;
    for (size_t i = 0; i < n; i++) {
        uint16_t cb = 0, w2 = 0, cch = 0, cbupx = 0;
        struct ls_slice std, g;
        if (!ls_rd_u16le(sh, at, &cb) || !ls_slice_sub(sh, at + 2, cb, &std)) break;
        at += 2 + (size_t)cb;
        if (cb == 0 || !ls_rd_u16le(std, 2, &w2) || (w2 & 0xF) != 1) continue; /* paragraph styles */
        dl->st[i].base = (uint16_t)(w2 >> 4);
        size_t p = (size_t)cbbase;
        if (!ls_rd_u16le(std, p, &cch)) continue;
        p += 2 + 2 * (size_t)cch + 2;
        if (!ls_rd_u16le(std, p, &cbupx) || cbupx < 2 || !ls_slice_sub(std, p + 4, cbupx - 2u, &g))
            continue;
        bool has_lfo;
        doc_grpprl_list(g, &dl->st[i].ilfo, &has_lfo, &dl->st[i].ilvl);
    }
    return LS_OK;
}

/* A paragraph starts at byte pos: its label, if it is numbered. */
static ls_err doc_list_label(struct ole2_job *j, struct doc_lists *dl, size_t pos)
{
    size_t lo = 0, hi = dl->np;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dl->p[mid].a <= pos) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0 || pos >= dl->p[lo - 1].b) return LS_OK;
    const struct doc_lpara *p = &dl->p[lo - 1];
    struct doc_lfo *f = &dl->f[p->ilfo - 1];
    if (f->list == UINT32_MAX) return LS_OK;
    struct doc_list *l = &dl->l[f->list];
    struct ls_listlvl lv[LS_LIST_LEVELS];
    struct ls_listctr *ctr = &l->ctr;
    memcpy(lv, l->lv, sizeof lv);
    for (unsigned k = 0; k < LS_LIST_LEVELS; k++) {
        if (f->own && (f->lvmask & (1u << k))) lv[k] = f->own->lv[k];
        if (!(f->mask & (1u << k))) continue;
        lv[k].start = f->start[k];
        if (!f->used) ctr->started = (uint16_t)(ctr->started & ~(1u << k));
    }
    f->used = true;
    char lab[4 * LS_LIST_TEXT];
    ls_docpart_list_fill(lv, ctr, p->ilvl);
    size_t len = ls_docpart_list_next(lv, ctr, p->ilvl, lab, sizeof lab);
    if (!len) return LS_OK;
    LS_TRY(ole2_put_n(j, lab, len));
    return ole2_put(j, " ");
}

/* One piece: n characters at byte offset fc, compressed or UTF-16LE. */
static ls_err doc_piece(struct ole2_job *j, struct ls_slice wd, uint32_t fc, bool compressed, uint32_t n,
                        struct doc_rev *rv)
{
    struct ls_slice s;
    size_t off = compressed ? fc / 2 : fc;
    size_t bytes = compressed ? n : 2 * (size_t)n;
    ls_err r = LS_OK;
    if (!ls_slice_sub(wd, off, bytes, &s)) {
        if (!ls_slice_from(wd, off, &s)) return LS_E_CORRUPT;
        r = LS_E_TRUNCATED;
    }
    uint32_t prev = 0;
    if (compressed) {
        for (size_t i = 0; i < s.len; i++)
            LS_TRY(doc_rev_char(j, rv, off + i, ls_cp1252((uint8_t)ls_slice_at(s, i)), &prev));
        return r;
    }
    for (size_t i = 0; i + 1 < s.len; i += 2) {
        uint16_t u = 0, lo = 0;
        (void)ls_rd_u16le(s, i, &u);
        if (u >= 0xD800 && u <= 0xDBFF && ls_rd_u16le(s, i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            LS_TRY(ole2_put_cp(j, 0x10000u + (((uint32_t)u - 0xD800u) << 10) + (lo - 0xDC00u)));
            prev = 0;
            i += 2;
            continue;
        }
        LS_TRY(doc_rev_char(j, rv, off + i, u, &prev));
    }
    return r;
}

/* Find the Pcdt (clxt 2) after any Prc entries (clxt 1). */
static ls_err doc_find_plcpcd(struct ls_slice clx, struct ls_slice *plc)
{
    struct ls_cursor c = ls_cur_make(clx);
    *plc = (struct ls_slice){0}; /* a CLX that ends before its Pcdt has none */
    for (;;) {
        uint8_t clxt;
        LS_TRY(ls_cur_u8(&c, &clxt));
        if (clxt == 2) {
            uint32_t lcb;
            LS_TRY(ls_cur_u32le(&c, &lcb));
            if (ls_cur_take(&c, lcb, plc) == LS_OK) return LS_OK;
            return ls_cur_take(&c, ls_cur_left(&c), plc) == LS_OK ? LS_E_TRUNCATED : LS_E_CORRUPT;
        }
        LS_FAIL_IF(clxt != 1, LS_E_CORRUPT);
        uint16_t cb;
        LS_TRY(ls_cur_u16le(&c, &cb));
        LS_TRY(ls_cur_skip(&c, cb));
    }
}

/*
 * Bytes the pieces of one document may make us read: twice the WordDocument
 * stream, and at least 1 MiB. Each character of a document lies in one
 * piece, so real pieces add up to at most the stream; a hostile table can
 * make a million pieces each claim the whole stream (of control bytes, which
 * give no text, so the text budget never stops it): pieces x stream bytes.
 * Past the budget the remaining pieces are not read (parse_error); the
 * stretches no piece read are still read by the leftover pass.
 */
static bool doc_piece_budget(struct ole2_job *j, struct ls_slice wd, uint64_t *spent, size_t bytes)
{
    uint64_t cap = 2 * (uint64_t)wd.len;
    if (cap < (1u << 20)) cap = 1u << 20;
    *spent += bytes;
    if (*spent <= cap) return true;
    ls_note(j->c, j->o, LS_R_PARSE_ERROR,
            "doc: the pieces claim more than twice the WordDocument stream (%zu bytes); the rest are not read",
            wd.len);
    return false;
}

static ls_err doc_pieces(struct ole2_job *j, struct ls_slice wd, struct ls_slice plc, struct doc_rev *rv)
{
    LS_FAIL_IF(plc.len < 16 || (plc.len - 4) % 12 != 0, LS_E_CORRUPT);
    uint32_t n = (uint32_t)((plc.len - 4) / 12);
    LS_FAIL_IF(n > DOC_MAX_PIECES, LS_E_CORRUPT);
    ls_err r = LS_OK;
    uint64_t spent = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t cp0 = 0, cp1 = 0, fcv = 0;
        size_t pcd = 4 * ((size_t)n + 1) + 8 * (size_t)i;
        (void)ls_rd_u32le(plc, 4 * (size_t)i, &cp0);
        (void)ls_rd_u32le(plc, 4 * ((size_t)i + 1), &cp1);
        (void)ls_rd_u32le(plc, pcd + 2, &fcv);
        if (cp1 < cp0) {
            r = LS_E_CORRUPT;
            continue;
        }
        bool compressed = (fcv & 0x40000000u) != 0;
        if (!doc_piece_budget(j, wd, &spent, (compressed ? 1u : 2u) * (size_t)(cp1 - cp0))) break;
        ls_err e = doc_piece(j, wd, fcv & 0x3FFFFFFFu, compressed, cp1 - cp0, rv);
        if (e == LS_E_LIMIT || e == LS_E_NOMEM) return e;
        if (e != LS_OK) r = e;
        if (ls_ctx_expired(j->c)) return LS_E_TIMEOUT;
    }
    return r;
}

/* Fallback: printable runs of cp1252 bytes and of UTF-16LE characters. */
static bool doc_printable(uint32_t ch) { return (ch >= 0x20 && ch != 0x7F) || ch == 0x0D || ch == 0x09; }

static ls_err doc_run8(struct ole2_job *j, struct ls_slice wd)
{
    size_t start = 0;
    for (size_t i = 0; i <= wd.len; i++) {
        int b = ls_slice_at(wd, i);
        if (b >= 0 && doc_printable((uint32_t)b) && b < 0x80) continue;
        if (i - start >= DOC_MIN_RUN) {
            struct ls_slice run;
            (void)ls_slice_sub(wd, start, i - start, &run);
            uint32_t prev = 0;
            for (size_t k = 0; k < run.len; k++) LS_TRY(doc_char(j, (uint8_t)ls_slice_at(run, k), &prev));
            LS_TRY(ole2_put(j, "\n"));
        }
        start = i + 1;
    }
    return LS_OK;
}

/* UTF-16LE runs limited to Latin, Greek and Cyrillic: pairs of ASCII
 * bytes read as UTF-16 land above U+2000 and must not count as text. */
static bool doc_text16(uint16_t u) { return (u >= 0x20 && u < 0x0530 && u != 0x7F) || u == 0x0D || u == 0x09; }

static ls_err doc_run16(struct ole2_job *j, struct ls_slice wd)
{
    for (size_t phase = 0; phase < 2; phase++) {
        size_t start = phase;
        for (size_t i = phase; i < wd.len + 2; i += 2) {
            uint16_t u = 0;
            if (ls_rd_u16le(wd, i, &u) && doc_text16(u)) continue;
            if (i > start && i - start >= 2 * DOC_MIN_RUN) {
                struct ls_slice run;
                if (ls_slice_sub(wd, start, i - start, &run)) {
                    LS_TRY(ole2_put_utf16(j, run));
                    LS_TRY(ole2_put(j, "\n"));
                }
            }
            start = i + 2;
        }
    }
    return LS_OK;
}

ls_err ole2_raw_text(struct ole2_job *j, struct ls_slice s)
{
    LS_TRY(doc_run8(j, s));
    return doc_run16(j, s);
}

static ls_err doc_fallback(struct ole2_job *j, struct ls_slice wd, const char *why)
{
    ls_note(j->c, j->o, LS_R_PARSE_ERROR, "doc: %s; text recovered by a raw scan", why);
    LS_TRY(doc_run8(j, wd));
    LS_TRY(doc_run16(j, wd));
    return LS_E_CORRUPT;
}

/* The code page of a Word 6/95 document's text: PIDSI_CODEPAGE of the
 * SummaryInformation property set (the ANSI code page of the system that
 * saved it: 1251 for a Russian Windows) when it is a single-byte page the
 * core has; else NULL (Windows-1252). The FIB's lid names Word's UI
 * language, not the text's. */
#define DOC_SI_MAX_PROPS 256u
static const struct ls_codepage *doc_word6_codepage(struct ole2_job *j, uint32_t st)
{
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    const struct ls_codepage *cp = NULL;
    if (ole2_read_named(j, st, "\005SummaryInformation", &b) == LS_OK) {
        struct ls_slice si = ls_buf_slice(&b);
        uint32_t sec = 0, n = 0;
        if (ls_rd_u32le(si, 44, &sec) && ls_rd_u32le(si, (size_t)sec + 4, &n)) {
            for (uint32_t i = 0; i < n && i < DOC_SI_MAX_PROPS; i++) {
                uint32_t pid = 0, off = 0;
                uint16_t type = 0, val = 0;
                size_t at = (size_t)sec + 8 + (size_t)i * 8;
                if (!ls_rd_u32le(si, at, &pid) || !ls_rd_u32le(si, at + 4, &off)) break;
                if (pid != 1) continue;
                if (ls_rd_u16le(si, (size_t)sec + off, &type) && type == 2 &&
                    ls_rd_u16le(si, (size_t)sec + off + 4, &val))
                    cp = ls_codepage_by_number(val);
                break;
            }
        }
    }
    ls_buf_free(&b);
    return cp;
}

/* The code page of a Word 6/95 document whose SummaryInformation names
 * none the core has (POI writes 65001 there): the charset of its fonts
 * (STTBFFFN at fcSttbfffn 0xD0 in the Word 6 FIB; an FFN is cbFfnM1, flags,
 * wWeight, chs, ...) when exactly one charset other than ANSI, DEFAULT,
 * SYMBOL, Mac and OEM appears (a Russian document: Times New Roman Cyr,
 * chs 204 -> 1251). A table of several such charsets decides nothing. */
#define DOC_OFF_FCFFN_W6 0x00D0
#define DOC_MAX_FONTS 1024u
unsigned ole2_charset_cp(uint8_t chs)
{
    switch (chs) {
    case 161: return 1253;
    case 162: return 1254;
    case 163: return 1258;
    case 177: case 181: return 1255;
    case 178: case 179: case 180: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    case 128: return 932;
    case 134: return 936;
    case 129: return 949;
    case 136: return 950;
    default: return 0;
    }
}

static const struct ls_codepage *doc_word6_font_codepage(struct ls_slice wd)
{
    uint32_t fc = 0, lcb = 0;
    struct ls_slice t;
    if (!ls_rd_u32le(wd, DOC_OFF_FCFFN_W6, &fc) || !ls_rd_u32le(wd, DOC_OFF_FCFFN_W6 + 4, &lcb) ||
        !ls_slice_sub(wd, fc, lcb, &t))
        return NULL;
    unsigned found = 0;
    size_t p = 2;
    for (unsigned n = 0; n < DOC_MAX_FONTS && p < t.len; n++) {
        int cb = ls_slice_at(t, p), chs = ls_slice_at(t, p + 4);
        if (cb < 0 || chs < 0) break;
        unsigned cp = ole2_charset_cp((uint8_t)chs);
        if (cp && found && cp != found) return NULL;
        if (cp) found = cp;
        p += (size_t)cb + 1;
    }
    return found ? ls_codepage_by_number(found) : NULL;
}

/* Word 6/95 text of a Far East edition (fExtChar): UTF-16LE units. */
static ls_err doc_w6_utf16(struct ole2_job *j, struct ls_slice t, uint32_t *prev)
{
    for (size_t i = 0; i + 1 < t.len; i += 2) {
        uint16_t u = 0, lo = 0;
        (void)ls_rd_u16le(t, i, &u);
        if (u >= 0xD800 && u <= 0xDBFF && ls_rd_u16le(t, i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            LS_TRY(ole2_put_cp(j, 0x10000u + (((uint32_t)u - 0xD800u) << 10) + (lo - 0xDC00u)));
            *prev = 0;
            i += 2;
            continue;
        }
        LS_TRY(doc_char(j, u, prev));
    }
    return LS_OK;
}

/* Bytes of Word 6/95 text in the document's code page (cp932 pairs when
 * multibyte). */
static ls_err doc_w6_bytes(struct ole2_job *j, const struct ls_codepage *cp, struct ls_slice t, uint32_t *prev)
{
    bool multi = ls_codepage_multibyte(cp); /* a Japanese Word 95 file: cp932 pairs */
    for (size_t i = 0; i < t.len; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(t, i);
        int trail = ls_slice_at(t, i + 1);
        if (multi && ls_codepage_lead(cp, ch) && trail >= 0x40) {
            LS_TRY(doc_char(j, ls_codepage_map2(cp, ch, (uint8_t)trail), prev));
            i++;
            continue;
        }
        LS_TRY(doc_char(j, ls_codepage_map(cp, ch), prev));
    }
    return LS_OK;
}

/* ---- fast saves: the bytes no piece uses ----------------------------- */

/* Byte ranges of WordDocument something else owns (Word 97+: the FIB, the
 * pieces, the FKP pages; Word 6/95: the pieces), sorted and walked for the
 * gaps between them: the cost is the number of ranges (sorted) plus the
 * bytes of the gaps, however many ranges overlap. */
struct doc_ranges {
    struct doc_range {
        uint64_t a, b; /* [a, b) */
    } *v;
    size_t n, cap;
};

static ls_err doc_range_add(struct doc_ranges *r, uint64_t a, uint64_t n)
{
    if (n == 0) return LS_OK;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        struct doc_range *p = realloc(r->v, cap * sizeof *p);
        LS_FAIL_IF(!p, LS_E_NOMEM);
        r->v = p;
        r->cap = cap;
    }
    r->v[r->n++] = (struct doc_range){a, a + n};
    return LS_OK;
}

static int doc_range_cmp(const void *x, const void *y)
{
    const struct doc_range *a = x, *b = y;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* Each stretch of wd[lo, hi) no range of r owns, in order, to gap(j,
 * stretch, arg); r is sorted. hi <= wd.len. */
typedef ls_err (*doc_gap_fn)(struct ole2_job *j, struct ls_slice gap, void *arg);
static ls_err doc_gaps(struct ole2_job *j, struct doc_ranges *r, struct ls_slice wd, uint64_t lo, uint64_t hi,
                       doc_gap_fn gap, void *arg)
{
    if (r->n > 1) qsort(r->v, r->n, sizeof *r->v, doc_range_cmp);
    uint64_t covered = lo; /* every byte of [lo, covered) is owned */
    for (size_t i = 0; i <= r->n && covered < hi; i++) {
        uint64_t next = i < r->n ? r->v[i].a : hi; /* a gap [covered, next) */
        if (next > hi) next = hi;
        if (next > covered) {
            struct ls_slice g;
            (void)ls_slice_sub(wd, (size_t)covered, (size_t)(next - covered), &g);
            LS_TRY(gap(j, g, arg));
            if (ls_ctx_expired(j->c)) return LS_E_TIMEOUT;
        }
        if (i < r->n && r->v[i].b > covered) covered = r->v[i].b;
    }
    return LS_OK;
}

struct doc_w6_gap {
    const struct ls_codepage *cp;
    bool wide; /* fExtChar: UTF-16LE */
    uint32_t *prev;
};

/* A stretch of fcMin..fcMac no piece uses, on a line of its own. */
static ls_err doc_w6_gap(struct ole2_job *j, struct ls_slice gap, void *arg)
{
    const struct doc_w6_gap *g = arg;
    LS_TRY(ole2_put(j, "\n"));
    return g->wide ? doc_w6_utf16(j, gap, g->prev) : doc_w6_bytes(j, g->cp, gap, g->prev);
}

/* A fast-saved (fComplex) Word 6/95 file keeps its text in pieces: edits
 * are appended after fcMac and the CLX (at fcClx in WordDocument itself:
 * Word 6 has no table stream) maps CPs to 8-bit runs anywhere in the
 * stream. The pieces are read in CP order, then every stretch of fcMin..
 * fcMac no piece uses (text the edits deleted: still leaked). Returns
 * LS_E_CORRUPT when there is no usable piece table (the caller reads the
 * fcMin..fcMac range alone). */
#define DOC_OFF_FCCLX_W6 0x0160
#define DOC_OFF_LCBCLX_W6 0x0164
static ls_err doc_w6_pieces(struct ole2_job *j, const struct ls_codepage *cp, bool wide, struct ls_slice wd,
                            uint32_t fcmin, uint32_t fcmac)
{
    uint32_t fc = 0, lcb = 0;
    struct ls_slice clx, plc;
    if (!ls_rd_u32le(wd, DOC_OFF_FCCLX_W6, &fc) || !ls_rd_u32le(wd, DOC_OFF_LCBCLX_W6, &lcb) ||
        !ls_slice_sub(wd, fc, lcb, &clx) || doc_find_plcpcd(clx, &plc) != LS_OK || plc.len < 16 ||
        (plc.len - 4) % 12 != 0)
        return LS_E_CORRUPT;
    uint32_t n = (uint32_t)((plc.len - 4) / 12), prev = 0;
    LS_FAIL_IF(n > DOC_MAX_PIECES, LS_E_CORRUPT);
    struct doc_ranges used = {NULL, 0, 0};
    ls_err r = LS_OK;
    uint64_t spent = 0;
    for (uint32_t i = 0; i < n && r == LS_OK; i++) {
        uint32_t cp0 = 0, cp1 = 0, pfc = 0;
        struct ls_slice t;
        (void)ls_rd_u32le(plc, 4 * (size_t)i, &cp0);
        (void)ls_rd_u32le(plc, 4 * ((size_t)i + 1), &cp1);
        (void)ls_rd_u32le(plc, 4 * ((size_t)n + 1) + 8 * (size_t)i + 2, &pfc);
        size_t bytes = cp1 < cp0 ? 0 : (wide ? 2 * (size_t)(cp1 - cp0) : cp1 - cp0);
        if (cp1 < cp0 || !ls_slice_sub(wd, pfc, bytes, &t)) continue; /* the fcMin..fcMac pass has it */
        if (!doc_piece_budget(j, wd, &spent, t.len)) break;
        r = doc_range_add(&used, pfc, t.len);
        if (r == LS_OK) r = wide ? doc_w6_utf16(j, t, &prev) : doc_w6_bytes(j, cp, t, &prev);
        if (r == LS_OK && ls_ctx_expired(j->c)) r = LS_E_TIMEOUT;
    }
    struct doc_w6_gap g = {cp, wide, &prev};
    if (r == LS_OK) r = doc_gaps(j, &used, wd, fcmin, fcmac, doc_w6_gap, &g);
    free(used.v);
    return r == LS_E_CORRUPT ? LS_OK : r;
}

/* Word 6/95 (nFib below Word 97's; wIdent 0xA5DC, or 0xA5EC from some
 * writers): the text runs from fcMin to fcMac in the document's code page
 * (doc_word6_codepage); a fast-saved file's through its piece table
 * (doc_w6_pieces). */
static ls_err doc_word6(struct ole2_job *j, uint32_t st, struct ls_slice wd, uint16_t flags)
{
    uint32_t fcmin = 0, fcmac = 0, prev = 0;
    struct ls_slice t;
    if (!ls_rd_u32le(wd, 0x18, &fcmin) || !ls_rd_u32le(wd, 0x1C, &fcmac) || fcmac < fcmin ||
        !ls_slice_sub(wd, fcmin, fcmac - fcmin, &t))
        return doc_fallback(j, wd, "Word 6/95 text range damaged");
    const struct ls_codepage *cp = doc_word6_codepage(j, st);
    if (!cp) cp = doc_word6_font_codepage(wd);
    bool wide = (flags & DOC_F_EXTCHAR) != 0;
    if (flags & DOC_F_COMPLEX) {
        ls_err e = doc_w6_pieces(j, cp, wide, wd, fcmin, fcmac);
        if (e != LS_E_CORRUPT) return e;
    }
    return wide ? doc_w6_utf16(j, t, &prev) : doc_w6_bytes(j, cp, t, &prev);
}

/* ---- who edited it: the table stream's name lists -------------------- */

/* FibRgFcLcb97 pair numbers ([MS-DOC] 2.5.6): fcSttbfAssoc, fcGrpXstAtnOwners,
 * fcSttbfRMark, fcSttbSavedBy. */
#define DOC_FCLCB_ASSOC 32u
#define DOC_FCLCB_ATNOWNERS 36u
#define DOC_FCLCB_RMARK 51u
#define DOC_FCLCB_SAVEDBY 71u
/* Strings read from one list: Word keeps the last 10 saves, 18 associated
 * strings; comment and revision authors are few. */
#define DOC_MAX_NAMES 4096u

/* The fc/lcb pair number idx of the FIB (its csw and cslw say where the
 * pairs start); false when the FIB has fewer pairs. */
/* Where the FIB's fc/lcb pairs start and how many there are (its csw and
 * cslw say how much comes before them); false when the FIB is cut. */
static bool doc_fib_pairs(struct ls_slice wd, size_t *at, uint16_t *npairs)
{
    uint16_t csw = 0, cslw = 0;
    if (!ls_rd_u16le(wd, 32, &csw)) return false;
    size_t p = 34 + (size_t)csw * 2;
    if (!ls_rd_u16le(wd, p, &cslw)) return false;
    p += 2 + (size_t)cslw * 4;
    if (!ls_rd_u16le(wd, p, npairs)) return false;
    *at = p + 2;
    return true;
}

static bool doc_fclcb(struct ls_slice wd, unsigned idx, uint32_t *fc, uint32_t *lcb)
{
    size_t p;
    uint16_t npairs = 0;
    if (!doc_fib_pairs(wd, &p, &npairs) || idx >= npairs) return false;
    p += (size_t)idx * 8;
    return ls_rd_u32le(wd, p, fc) && ls_rd_u32le(wd, p + 4, lcb);
}

/* One string of cch units at *at (UTF-16, or 8-bit Windows-1252), as
 * "label: text\n"; label NULL for a pair's second half ("Saved to"). */
static ls_err doc_name(struct ole2_job *j, const char *label, struct ls_slice v, size_t *at, size_t cch,
                       bool wide)
{
    struct ls_slice t;
    if (!ls_slice_sub(v, *at, wide ? cch * 2 : cch, &t)) return LS_E_TRUNCATED;
    *at += t.len;
    return ole2_put_field(j, label, t, wide);
}

/* An STTB ([MS-DOC] 2.2.4): extended (0xFFFF, cData, cbExtra, then cch +
 * UTF-16 strings) or not (cData, cbExtra, then one-byte cch + 8-bit
 * strings), each string followed by cbExtra bytes; one line per string.
 * A SttbSavedBy holds (author, path) pairs. */
static ls_err doc_sttb(struct ole2_job *j, const char *label, struct ls_slice v, bool pairs)
{
    uint16_t first = 0, n = 0, extra = 0;
    if (!ls_rd_u16le(v, 0, &first)) return v.len ? LS_E_TRUNCATED : LS_OK;
    bool wide = first == 0xFFFF;
    size_t at = wide ? 2 : 0;
    if (!ls_rd_u16le(v, at, &n) || !ls_rd_u16le(v, at + 2, &extra)) return LS_E_TRUNCATED;
    at += 4;
    for (unsigned i = 0; i < n && i < DOC_MAX_NAMES; i++) {
        uint16_t cch = 0;
        int c8 = ls_slice_at(v, at);
        if (wide ? !ls_rd_u16le(v, at, &cch) : c8 < 0) return LS_E_TRUNCATED;
        at += wide ? 2 : 1;
        const char *what = pairs && (i & 1u) ? "Saved to" : label;
        LS_TRY(doc_name(j, what, v, &at, wide ? cch : (size_t)c8, wide));
        at += extra;
    }
    return LS_OK;
}

/* GrpXstAtnOwners: comment authors, cch + UTF-16 strings to the end. */
static ls_err doc_xsts(struct ole2_job *j, const char *label, struct ls_slice v)
{
    size_t at = 0;
    for (unsigned i = 0; at < v.len && i < DOC_MAX_NAMES; i++) {
        uint16_t cch = 0;
        if (!ls_rd_u16le(v, at, &cch)) return LS_E_TRUNCATED;
        at += 2;
        LS_TRY(doc_name(j, label, v, &at, cch, true));
    }
    return LS_OK;
}

/* The lists Word keeps of who edited a document and where it lived: the
 * last ten saves (author and path: user names, file servers, folders),
 * revision-mark and comment authors, the template and mail-merge source
 * paths. Property sets do not hold them. Damage here is parse_error;
 * the text read before it stays. */
static ls_err doc_names(struct ole2_job *j, struct ls_slice wd, struct ls_slice tbl)
{
    static const struct {
        unsigned idx;
        const char *label;
        int kind; /* 0 STTB, 1 STTB of pairs, 2 Xst group */
    } lists[] = {
        {DOC_FCLCB_SAVEDBY, "Saved by", 1},
        {DOC_FCLCB_RMARK, "Revision author", 0},
        {DOC_FCLCB_ATNOWNERS, "Comment author", 2},
        {DOC_FCLCB_ASSOC, "Associated", 0},
    };
    bool damaged = false;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        uint32_t fc = 0, lcb = 0;
        struct ls_slice v;
        if (!doc_fclcb(wd, lists[i].idx, &fc, &lcb) || lcb == 0) continue;
        if (!ls_slice_sub(tbl, fc, lcb, &v)) {
            damaged = true;
            continue;
        }
        ls_err e = lists[i].kind == 2 ? doc_xsts(j, lists[i].label, v)
                                      : doc_sttb(j, lists[i].label, v, lists[i].kind == 1);
        if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) damaged = true;
        else if (e != LS_OK) return e;
    }
    if (damaged) ls_note(j->c, j->o, LS_R_PARSE_ERROR, "doc: a name list of the table stream is damaged");
    return LS_OK;
}

/* ---- fast-saved Word 97+ files: text no piece uses ------------------- */

/* A fast save appends the edits to WordDocument and rewrites the piece
 * table; the text the edits deleted stays in the stream where no piece
 * points (the Word 6/95 path reads it between fcMin and fcMac). For Word
 * 97+ the bytes outside the FIB, the pieces and the formatting pages
 * (FKPs of PlcBteChpx and PlcBtePapx, FIB pairs 12 and 13) are scanned
 * for runs of text, 8-bit and UTF-16LE, under one marker line. */
#define DOC_FCLCB_BTECHPX 12u
#define DOC_FCLCB_BTEPAPX 13u
#define DOC_LEFT_MIN 6u      /* characters a leftover run needs */
#define DOC_LEFT_LETTERS 3u  /* letters among them */
#define DOC_LEFT_MAX (256u << 20) /* WordDocument streams scanned */

static bool doc_letter(uint32_t u)
{
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= 0xC0 && u < 0x530 && u != 0xD7 && u != 0xF7);
}

/* The end of the FIB: its fc/lcb pairs, then cswNew and its array. */
static size_t doc_fib_end(struct ls_slice wd)
{
    size_t p;
    uint16_t npairs = 0, cswnew = 0;
    if (!doc_fib_pairs(wd, &p, &npairs)) return wd.len;
    p += (size_t)npairs * 8;
    if (ls_rd_u16le(wd, p, &cswnew)) p += 2 + (size_t)cswnew * 2;
    return p < wd.len ? p : wd.len;
}

/* The FKP pages a PlcBte (FIB pair idx) names: 512 bytes at PN * 512. */
static ls_err doc_fkps(struct doc_ranges *r, struct ls_slice wd, struct ls_slice tbl, unsigned idx)
{
    uint32_t fc = 0, lcb = 0;
    struct ls_slice plc;
    if (!doc_fclcb(wd, idx, &fc, &lcb) || lcb < 12 || !ls_slice_sub(tbl, fc, lcb, &plc)) return LS_OK;
    size_t n = (plc.len - 4) / 8;
    for (size_t i = 0; i < n; i++) {
        uint32_t pn = 0;
        if (ls_rd_u32le(plc, 4 * (n + 1) + 4 * i, &pn))
            LS_TRY(doc_range_add(r, (uint64_t)(pn & 0x3FFFFFu) * 512u, 512u));
    }
    return LS_OK;
}

/* One leftover run (8-bit: n bytes at s; wide: n UTF-16 units) if it has
 * enough characters and letters; *said tells whether the marker is out. */
static ls_err doc_left_run(struct ole2_job *j, struct ls_slice s, size_t a, size_t n, bool wide, bool *said)
{
    if (n < DOC_LEFT_MIN) return LS_OK;
    /* Not text: a table of offsets or sizes (bytes in steps, "zupkgb"), or
     * 8-bit bytes mostly above ASCII (compressed pieces hold Western text;
     * other scripts are UTF-16). */
    unsigned letters = 0, high = 0;
    bool steps = true;
    int32_t first = 0, last = 0;
    for (size_t k = 0; k < n; k++) {
        uint16_t u = 0;
        if (wide) (void)ls_rd_u16le(s, a + 2 * k, &u);
        else u = (uint8_t)ls_slice_at(s, a + k);
        if (!wide && u >= 0x80) high++;
        if (doc_letter(wide ? u : ls_cp1252((uint8_t)u))) letters++;
        if (k == 1) first = (int32_t)u - last;
        else if (k > 1 && (int32_t)u - last != first) steps = false;
        last = u;
    }
    if (letters < DOC_LEFT_LETTERS || steps || high * 4 > n) return LS_OK;
    if (!*said) {
        *said = true;
        LS_TRY(ole2_put(j, "\n[text outside the document's pieces (fast save)]\n"));
    }
    struct ls_slice run;
    (void)ls_slice_sub(s, a, wide ? 2 * n : n, &run);
    if (wide) {
        LS_TRY(ole2_put_utf16(j, run));
    } else {
        uint32_t prev = 0;
        for (size_t k = 0; k < run.len; k++) LS_TRY(doc_char(j, ls_cp1252((uint8_t)ls_slice_at(run, k)), &prev));
    }
    return ole2_put(j, "\n");
}

/* Runs of text in one unused stretch: 8-bit (cp1252 printable) and
 * UTF-16LE (Latin, Greek, Cyrillic), as the fallback scan reads them. */
static ls_err doc_left_stretch(struct ole2_job *j, struct ls_slice s, bool *said)
{
    size_t start = 0;
    for (size_t i = 0; i <= s.len; i++) {
        int b = ls_slice_at(s, i);
        if (b >= 0 && (b >= 0x20 ? b != 0x7F && (b < 0x80 || b >= 0xA0) : b == 0x0D || b == 0x09)) continue;
        LS_TRY(doc_left_run(j, s, start, i - start, false, said));
        start = i + 1;
    }
    for (size_t phase = 0; phase < 2; phase++) {
        size_t from = phase;
        for (size_t i = phase; i + 1 < s.len + 2; i += 2) {
            uint16_t u = 0;
            if (ls_rd_u16le(s, i, &u) && doc_text16(u)) continue;
            if (i > from) LS_TRY(doc_left_run(j, s, from, (i - from) / 2, true, said));
            from = i + 2;
        }
    }
    return LS_OK;
}

static ls_err doc_left_gap(struct ole2_job *j, struct ls_slice gap, void *said)
{
    return doc_left_stretch(j, gap, said);
}

static ls_err doc_leftover(struct ole2_job *j, struct ls_slice wd, struct ls_slice tbl, struct ls_slice plc)
{
    if (wd.len == 0 || wd.len > DOC_LEFT_MAX || plc.len < 16 || (plc.len - 4) % 12 != 0) return LS_OK;
    struct doc_ranges r = {NULL, 0, 0};
    ls_err e = doc_range_add(&r, 0, doc_fib_end(wd));
    uint32_t n = (uint32_t)((plc.len - 4) / 12);
    for (uint32_t i = 0; i < n && i < DOC_MAX_PIECES && e == LS_OK; i++) {
        uint32_t cp0 = 0, cp1 = 0, fcv = 0;
        (void)ls_rd_u32le(plc, 4 * (size_t)i, &cp0);
        (void)ls_rd_u32le(plc, 4 * ((size_t)i + 1), &cp1);
        (void)ls_rd_u32le(plc, 4 * ((size_t)n + 1) + 8 * (size_t)i + 2, &fcv);
        if (cp1 < cp0) continue;
        bool compressed = (fcv & 0x40000000u) != 0;
        uint32_t fc = fcv & 0x3FFFFFFFu;
        e = doc_range_add(&r, compressed ? fc / 2 : fc, (uint64_t)(cp1 - cp0) * (compressed ? 1u : 2u));
    }
    if (e == LS_OK) e = doc_fkps(&r, wd, tbl, DOC_FCLCB_BTECHPX);
    if (e == LS_OK) e = doc_fkps(&r, wd, tbl, DOC_FCLCB_BTEPAPX);
    bool said = false;
    if (e == LS_OK) e = doc_gaps(j, &r, wd, 0, wd.len, doc_left_gap, &said);
    free(r.v);
    return e;
}

/* ---- legacy form fields: FFData in the Data stream ------------------- */

/* One Xstz ([MS-DOC] 2.9.350: cch, cch UTF-16 characters, a NUL) at *at;
 * written as "label: text\n" when not empty. false when it does not fit. */
static bool doc_xstz(struct ole2_job *j, struct ls_slice ff, size_t *at, const char *label, ls_err *e)
{
    uint16_t cch = 0;
    struct ls_slice t;
    if (!ls_rd_u16le(ff, *at, &cch) || !ls_slice_sub(ff, *at + 2, 2 * (size_t)cch, &t)) return false;
    *at += 2 + 2 * (size_t)cch + 2;
    if (cch && label && *e == LS_OK) {
        *e = ole2_put(j, label);
        if (*e == LS_OK) *e = ole2_put_utf16(j, t);
        if (*e == LS_OK) *e = ole2_put(j, "\n");
    }
    return true;
}

/*
 * One FFData ([MS-DOC] 2.9.78): a legacy form field's name, default text,
 * help and status-bar texts and a drop-down's entries. A text field's hint
 * and a drop-down's entries are in no run of the document: an input form
 * made in Word 97-2003 (or by LibreOffice) keeps "Enter your SSN
 * (536-22-...)" and its choice lists only here.
 */
static ls_err doc_ffdata(struct ole2_job *j, struct ls_slice ff)
{
    uint16_t bits = 0;
    if (!ls_rd_u16le(ff, 4, &bits)) return LS_OK;
    unsigned type = bits & 3u; /* 0 text, 1 check box, 2 drop-down */
    size_t at = 10;
    ls_err e = LS_OK;
    if (!doc_xstz(j, ff, &at, "form field: ", &e)) return e;
    if (type == 0 && !doc_xstz(j, ff, &at, "form field default: ", &e)) return e;
    if (type != 0) at += 2; /* wDef */
    static const char *const labels[] = {NULL /* format */, "form field help: ", "form field status: ",
                                         NULL /* entry macro */, NULL /* exit macro */};
    for (size_t i = 0; i < 5; i++)
        if (!doc_xstz(j, ff, &at, labels[i], &e)) return e;
    uint16_t ext = 0, n = 0, extra = 0;
    if (type != 2 || !ls_rd_u16le(ff, at, &ext) || ext != 0xFFFF || !ls_rd_u16le(ff, at + 2, &n) ||
        !ls_rd_u16le(ff, at + 4, &extra))
        return e;
    at += 6;
    for (uint16_t i = 0; i < n && e == LS_OK; i++) {
        uint16_t cch = 0;
        struct ls_slice t;
        if (!ls_rd_u16le(ff, at, &cch) || !ls_slice_sub(ff, at + 2, 2 * (size_t)cch, &t)) break;
        e = ole2_put(j, i ? ", " : "form field entries: ");
        if (e == LS_OK) e = ole2_put_utf16(j, t);
        at += 2 + 2 * (size_t)cch + extra;
    }
    if (n && e == LS_OK) e = ole2_put(j, "\n");
    return e;
}

/*
 * Form fields' data: the Data stream holds, where a field's character
 * properties point (sprmCPicLocation), a NilPICFAndBinData (lcb, cbHeader
 * 0x44, 62 ignored bytes) whose binary data is an FFData starting with the
 * version 0xFFFFFFFF. Rather than walk every run's properties, the stream
 * is searched for that shape (pictures live in it too, as PICF headers of
 * other sizes).
 */
#define DOC_MAX_FFDATA 4096u
static ls_err doc_form_fields(struct ole2_job *j, uint32_t st)
{
    struct ls_buf data;
    ls_buf_init(&data, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "Data", &data);
    struct ls_slice d = ls_buf_slice(&data);
    unsigned found = 0;
    if (e == LS_OK || e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
        e = LS_OK;
        for (size_t off = 0; off + 0x44 + 4 <= d.len && found < DOC_MAX_FFDATA && e == LS_OK; off++) {
            uint32_t lcb = 0, ver = 0;
            uint16_t cbh = 0;
            struct ls_slice ff;
            if (d.ptr[off + 4] != 0x44 || !ls_rd_u16le(d, off + 4, &cbh) || cbh != 0x44 ||
                !ls_rd_u32le(d, off + 0x44, &ver) || ver != 0xFFFFFFFFu || !ls_rd_u32le(d, off, &lcb) ||
                lcb < 0x44 + 16 || !ls_slice_sub(d, off + 0x44, lcb - 0x44, &ff))
                continue;
            if (found++ == 0) e = ole2_put(j, "[form fields]\n");
            if (e == LS_OK) e = doc_ffdata(j, ff);
            off += lcb - 1;
            if (e == LS_OK && ls_ctx_expired(j->c)) e = LS_E_TIMEOUT;
        }
        unsigned pics = 0; /* the inline pictures' metafiles (PICFAndOfficeArtData) */
        if (e == LS_OK) e = ole2_blip_scan(j, d, "Data", &pics);
    } else if (e == LS_E_ARG) {
        e = LS_OK; /* no Data stream */
    }
    ls_buf_free(&data);
    return e;
}

static ls_err doc_with_stream(struct ole2_job *j, uint32_t st, struct ls_slice wd)
{
    uint16_t ident = 0, flags = 0;
    uint32_t fc = 0, lcb = 0;
    uint16_t nfib = 0;
    if (!ls_rd_u16le(wd, 0, &ident) ||
        (ident != DOC_WIDENT && ident != DOC_WIDENT_W6 && ident != DOC_WIDENT_W6_FE1 &&
         ident != DOC_WIDENT_W6_FE2) ||
        !ls_rd_u16le(wd, 2, &nfib) || !ls_rd_u16le(wd, 10, &flags))
        return doc_fallback(j, wd, "no Word FIB");
    bool fe = ident == DOC_WIDENT_W6_FE1 || ident == DOC_WIDENT_W6_FE2;
    if (fe && (nfib == 0 || nfib > DOC_NFIB_W95)) return doc_fallback(j, wd, "no Word FIB");
    if (flags & (DOC_F_ENCRYPTED | DOC_F_OBFUSCATED)) {
        ls_note(j->c, j->o, LS_R_ENCRYPTED, "doc: document is encrypted (%s)",
                (flags & DOC_F_OBFUSCATED) ? "XOR obfuscation" : "RC4/CryptoAPI");
        return LS_E_ENCRYPTED;
    }
    if (nfib != 0 && nfib <= DOC_NFIB_W95) return doc_word6(j, st, wd, flags);
    if (ident == DOC_WIDENT_W6) return doc_fallback(j, wd, "Word 6/95 identifier with a later FIB");
    if (!ls_rd_u32le(wd, DOC_OFF_FCCLX, &fc) || !ls_rd_u32le(wd, DOC_OFF_LCBCLX, &lcb))
        return doc_fallback(j, wd, "FIB too short");
    struct ls_buf tbl;
    ls_buf_init(&tbl, j->f->data.len);
    const char *tname = (flags & DOC_F_WHICHTBL) ? "1Table" : "0Table";
    ls_err e = ole2_read_named(j, st, tname, &tbl);
    struct ls_slice clx, plc;
    if (e == LS_E_NOMEM) goto out;
    if (!ls_slice_sub(ls_buf_slice(&tbl), fc, lcb, &clx)) {
        e = doc_fallback(j, wd, "CLX outside the table stream");
        goto out;
    }
    e = doc_find_plcpcd(clx, &plc);
    if (e != LS_OK && e != LS_E_TRUNCATED) {
        e = doc_fallback(j, wd, "piece table damaged");
        goto out;
    }
    struct doc_rev rv;
    struct doc_lists dl;
    memset(&rv, 0, sizeof rv);
    memset(&dl, 0, sizeof dl);
    dl.para_start = true;
    rv.dl = &dl;
    ls_buf_init(&rv.before, DOC_BEFORE_MAX);
    e = doc_plflst(&dl, wd, ls_buf_slice(&tbl));
    if (e == LS_OK) e = doc_plflfo(&dl, wd, ls_buf_slice(&tbl));
    if (e == LS_OK) e = doc_stsh(&dl, wd, ls_buf_slice(&tbl));
    if (e == LS_OK) e = doc_fkp_read(j->c, &rv, wd, ls_buf_slice(&tbl), false);
    if (e == LS_OK) e = doc_fkp_read(j->c, &rv, wd, ls_buf_slice(&tbl), true);
    if (e == LS_OK) e = doc_pieces(j, wd, plc, &rv);
    if (e == LS_OK && rv.n) e = doc_rev_flush(j, &rv); /* a last paragraph with no mark */
    free(rv.v);
    free(rv.dc);
    free(dl.l);
    for (size_t k = 0; dl.f && k < dl.nf; k++) free(dl.f[k].own);
    free(dl.f);
    free(dl.p);
    free(dl.st);
    ls_buf_free(&rv.before);
    if (e == LS_E_CORRUPT || e == LS_E_TRUNCATED)
        ls_note(j->c, j->o, LS_R_PARSE_ERROR, "doc: some pieces point outside WordDocument");
    if (e == LS_OK || e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
        ls_err n = ole2_put(j, "\n");
        if (n == LS_OK && (flags & DOC_F_COMPLEX)) n = doc_leftover(j, wd, ls_buf_slice(&tbl), plc);
        if (n == LS_OK) n = doc_names(j, wd, ls_buf_slice(&tbl));
        if (n == LS_OK) n = doc_form_fields(j, st);
        if (n != LS_OK) e = n;
    }
out:
    ls_buf_free(&tbl);
    return e;
}

/* The FIB's cbMac (Word 97+: FibRgLw97's first field, after fibRgW;
 * Word 6/95: at 0x20) counts the bytes of WordDocument that mean
 * something: a stream shorter than that was cut. */
static bool doc_stream_cut(struct ls_slice wd)
{
    uint16_t ident = 0, nfib = 0, csw = 0, cslw = 0;
    uint32_t cbmac = 0;
    if (!ls_rd_u16le(wd, 0, &ident) || !ls_rd_u16le(wd, 2, &nfib)) return false;
    if (ident == DOC_WIDENT_W6 || ident == DOC_WIDENT_W6_FE1 || ident == DOC_WIDENT_W6_FE2 ||
        (ident == DOC_WIDENT && nfib != 0 && nfib <= DOC_NFIB_W95))
        return ls_rd_u32le(wd, 0x20, &cbmac) && cbmac > wd.len;
    if (ident != DOC_WIDENT || !ls_rd_u16le(wd, 32, &csw)) return false;
    size_t lw = 34 + 2 * (size_t)csw;
    return ls_rd_u16le(wd, lw, &cslw) && cslw >= 1 && ls_rd_u32le(wd, lw + 2, &cbmac) && cbmac > wd.len;
}

ls_err ole2_doc_extract(struct ole2_job *j, uint32_t st)
{
    struct ls_buf wd;
    ls_buf_init(&wd, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "WordDocument", &wd);
    if (e != LS_E_NOMEM && e != LS_E_ARG) {
        ls_err r = doc_with_stream(j, st, ls_buf_slice(&wd));
        if (r != LS_OK) e = r;
        /* floating pictures: the BStore's blips sit in WordDocument (foDelay) */
        unsigned pics = 0;
        if (r == LS_OK || r == LS_E_TRUNCATED || r == LS_E_CORRUPT) {
            ls_err p = ole2_blip_scan(j, ls_buf_slice(&wd), "WordDocument", &pics);
            if (p == LS_E_NOMEM || p == LS_E_TIMEOUT) e = p;
        }
        if (e != LS_E_NOMEM && e != LS_E_TIMEOUT && e != LS_E_ENCRYPTED && doc_stream_cut(ls_buf_slice(&wd))) {
            ls_note(j->c, j->o, LS_R_TRUNCATED,
                    "doc: WordDocument is shorter than its FIB's cbMac (cut short)");
            if (e == LS_OK) e = LS_E_TRUNCATED;
        }
    }
    ls_buf_free(&wd);
    if (e == LS_OK) e = ole2_put(j, "\n");
    return e;
}

/* ---- Word for Windows 1.x and 2.0: no compound file ------------------ *
 *
 * The file is the WordDocument stream itself: a FIB whose wIdent is 0xA59B
 * (Word 1.x) or 0xA5DB (Word 2.0), the text from fcMin to fcMac in the
 * ANSI code page (Windows-1252), the same special characters as later
 * Word. format-corpus's NEWSSLID.DOC ("Old Word file") had no handler: its
 * text was left to the raw scan, `leaksift text` gave nothing. A fast save
 * (fComplex) is read from fcMin to fcMac all the same; an encrypted file
 * (fEncrypted) is reported, not read. */
#define DOC_WIDENT_W1 0xA59B
#define DOC_WIDENT_W2 0xA5DB
#define DOC_W2_FIB_MIN 0x20u /* fcMin past the FIB fields read here */

static bool word2_fib(struct ls_slice d, uint32_t *fcmin, uint32_t *fcmac, uint16_t *flags)
{
    uint16_t id = 0;
    if (!ls_rd_u16le(d, 0, &id) || (id != DOC_WIDENT_W1 && id != DOC_WIDENT_W2)) return false;
    if (!ls_rd_u16le(d, 0x0A, flags) || !ls_rd_u32le(d, 0x18, fcmin) || !ls_rd_u32le(d, 0x1C, fcmac))
        return false;
    return *fcmin >= DOC_W2_FIB_MIN && *fcmin < d.len && *fcmac >= *fcmin;
}

static int word2_probe(const struct ls_object *o)
{
    uint32_t a, b;
    uint16_t f;
    return word2_fib(o->data, &a, &b, &f) ? 85 : 0;
}

static ls_err word2_extract(struct ls_ctx *c, struct ls_object *o)
{
    uint32_t fcmin = 0, fcmac = 0, prev = 0;
    uint16_t flags = 0;
    if (!word2_fib(o->data, &fcmin, &fcmac, &flags)) return LS_E_CORRUPT;
    if (flags & DOC_F_ENCRYPTED) {
        ls_note(c, o, LS_R_ENCRYPTED, "doc: Word 1.x/2.0 document is encrypted");
        return LS_E_ENCRYPTED;
    }
    bool cut = fcmac > o->data.len;
    struct ls_slice t = ls_slice_make(o->data.ptr + fcmin, (cut ? o->data.len : fcmac) - fcmin);
    struct ole2_job j;
    ole2_job_init(&j, c, o, NULL);
    ls_err e = doc_w6_bytes(&j, NULL, t, &prev);
    if (e == LS_OK) e = ole2_put(&j, "\n");
    ls_err f = ole2_job_finish(&j);
    if (e == LS_OK) e = f;
    if (e == LS_E_LIMIT) e = LS_OK; /* the pipeline noted limit:text */
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "doc: the text runs past the end of the file");
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_word2 = {
    .name = "word2",
    .probe = word2_probe,
    .extract = word2_extract,
};
