/*
 * "opaque": containers leaksift has no reader for. An ACE or StuffIt
 * archive, a squashfs or WIM image, a VMware or QEMU disk, a CHM help file:
 * their members are compressed or laid out in a way the raw-byte scan does
 * not see through, so such a file must not look clean because nothing was
 * found in its bytes. The handler names the container in `errors` and notes
 * `unsupported` (coverage partial: the raw bytes are still scanned, which
 * finds what an uncompressed disk image stores as it is; verdict
 * incomplete).
 *
 * The same for documents in formats leaksift has no reader for whose bytes
 * do not hold their text as it is: eBooks whose text is compressed
 * (Microsoft Reader LIT, Sony BBeB LRF, Mobipocket and PalmDOC with PalmDOC
 * or HUFF/CDIC compression), IBM DCA-RFT / DisplayWrite documents (EBCDIC)
 * and Microsoft Works for DOS spreadsheets (cells are binary numbers; 1-2-3
 * files the lotus handler reads start with another BOF). Formats whose
 * text sits in the bytes as it is (FrameMaker binary, Word for DOS, Write,
 * Ami Pro) stay with the raw scan, `full`.
 *
 * Recognised by libmagic's MIME type where libmagic has one, otherwise by
 * the format's signature (docs/formats.md, "opaque"). Formats libarchive
 * reads (zip, 7z, rar, tar, cpio, iso9660, cab, lha, xar, ar, the
 * compressors) are the archive handler's; libarchive formats that fail are
 * noted by it. Executables, including installers and self-extractors that
 * libarchive cannot open, are not containers here.
 *
 * Attacker-controlled: every byte; only fixed offsets are compared.
 */
#include <string.h>

#include "core/handler.h"

struct opaque_mime {
    const char *mime;
    const char *what;
};

static const struct opaque_mime opaque_mimes[] = {
    {"application/x-ace-compressed", "ACE archive"},
    {"application/x-stuffit", "StuffIt archive"},
    {"application/x-stuffitx", "StuffIt X archive"},
    {"application/x-arc", "ARC archive"},
    {"application/x-zoo", "Zoo archive"},
    {"application/x-arj", "ARJ archive"},
    {"application/x-qemu-disk", "QEMU disk image"},
    {"application/x-ms-wim", "Windows imaging (WIM) image"},
    {"application/x-virtualbox-vdi", "VirtualBox disk image"},
    {"application/x-virtualbox-vmdk", "VMware disk image"},
    {"application/x-vhd", "Virtual PC / Hyper-V disk image"},
    {"application/x-apple-diskimage", "Apple disk image"},
    {"application/vnd.ms-htmlhelp", "Microsoft Compiled HTML Help (CHM)"},
    {"application/x-chm", "Microsoft Compiled HTML Help (CHM)"},
    {"application/x-lzop", "lzop stream"},
    {"application/x-lrzip", "lrzip stream"},
    {"application/x-snappy-framed", "Snappy framed stream"},
    {"application/x-ms-reader", "Microsoft Reader eBook (LIT)"},
};

struct opaque_sig {
    size_t at;        /* offset from the start; SIZE_MAX: 512 bytes before the end */
    const char *magic;
    size_t len;
    const char *what;
    /* NULL, or true when this file's text is in its bytes as it is */
    bool (*plain)(struct ls_slice data);
};

/* A Palm database (PalmDOC, Mobipocket): record 0's first u16 is the
 * compression, 1 none (the text records are the text), 2 PalmDOC LZ77,
 * 17480 HUFF/CDIC. */
static bool opaque_palm_plain(struct ls_slice d)
{
    struct ls_cursor c = ls_cur_make(d);
    uint32_t rec0 = 0;
    uint16_t comp = 0;
    if (ls_cur_seek(&c, 78) != LS_OK || ls_cur_u32be(&c, &rec0) != LS_OK) return false;
    if (ls_cur_seek(&c, rec0) != LS_OK || ls_cur_u16be(&c, &comp) != LS_OK) return false;
    return comp == 1;
}

static const struct opaque_sig opaque_sigs[] = {
    {0, "ALZ\x01", 4, "ALZip archive", NULL},
    {0, "EGGA", 4, "EGG archive", NULL},
    {0, "zPQ\x01", 4, "ZPAQ archive", NULL},
    {0, "zPQ\x02", 4, "ZPAQ archive", NULL},
    {0, "BZ3v1", 5, "bzip3 stream", NULL},
    {0, "RZIP", 4, "rzip stream", NULL},
    /* compressors libarchive reads only through an external program, which
     * the sandbox never runs */
    {0, "\x89LZO\0\r\n\x1a\n", 9, "lzop stream", NULL},
    {0, "LRZI", 4, "lrzip stream", NULL},
    {0, "GRZipII\0\x02\x04:)", 12, "GRZip stream", NULL},
    {0, "hsqs", 4, "squashfs image", NULL},
    {0, "KDMV", 4, "VMware disk image", NULL},
    {0, "vhdxfile", 8, "VHDX disk image", NULL},
    {0, "conectix", 8, "Virtual PC / Hyper-V disk image", NULL},
    {SIZE_MAX, "conectix", 8, "Virtual PC / Hyper-V disk image", NULL},
    {64, "\x7f\x10\xda\xbe", 4, "VirtualBox disk image", NULL},
    {0, "QFI\xfb", 4, "QEMU disk image", NULL},
    {0, "MSWIM\0\0\0", 8, "Windows imaging (WIM) image", NULL},
    {SIZE_MAX, "koly", 4, "Apple disk image", NULL},
    {0, "ITSF\x03\0\0\0", 8, "Microsoft Compiled HTML Help (CHM)", NULL},
    /* libmagic calls it a FoxPro memo, and libarchive then fails on it */
    {0, "\x1a\0\0\x04\0\0", 6, "Lotus Notes database (NSF)", NULL},
    {0, "\xff\x06\0\0sNaPpY", 10, "Snappy framed stream", NULL},
    /* documents whose text is compressed or encoded */
    {0, "ITOLITLS", 8, "Microsoft Reader eBook (LIT)", NULL},
    {0, "L\0R\0F\0\0\0", 8, "Sony BBeB eBook (LRF)", NULL},
    {60, "BOOKMOBI", 8, "Mobipocket eBook (compressed text)", opaque_palm_plain},
    {60, "TEXtREAd", 8, "PalmDOC eBook (compressed text)", opaque_palm_plain},
    /* a Begin Document structured field: length 5, class E1, type 03 */
    {0, "\0\x05\xe1\x03\0", 5, "IBM DCA-RFT / DisplayWrite document (EBCDIC text)", NULL},
    /* Works' BOF record (0x00FF, length 2, version 0x0404): 1-2-3's is 0x0000 */
    {0, "\xff\0\x02\0\x04\x04", 6, "Microsoft Works for DOS spreadsheet (binary cells)", NULL},
};

#define OPAQUE_TRAILER 512u

/* The signature o starts (or ends) with, or NULL. */
static const struct opaque_sig *opaque_sig(const struct ls_object *o)
{
    /* text that happens to start with a signature ("hsqs ...") is text */
    if (o->mime && strncmp(o->mime, "text/", 5) == 0) return NULL;
    for (size_t i = 0; i < sizeof opaque_sigs / sizeof opaque_sigs[0]; i++) {
        const struct opaque_sig *s = &opaque_sigs[i];
        size_t at = s->at;
        if (at == SIZE_MAX) {
            if (o->data.len < OPAQUE_TRAILER) continue;
            at = o->data.len - OPAQUE_TRAILER;
        }
        struct ls_slice from;
        /* a signature alone is no container: something must follow it */
        if (ls_slice_from(o->data, at, &from) && from.len > s->len && ls_slice_starts(from, s->magic, s->len) &&
            !(s->plain && s->plain(o->data)))
            return s;
    }
    return NULL;
}

static const char *opaque_kind(const struct ls_object *o)
{
    if (o->mime)
        for (size_t i = 0; i < sizeof opaque_mimes / sizeof opaque_mimes[0]; i++)
            if (strcmp(o->mime, opaque_mimes[i].mime) == 0) return opaque_mimes[i].what;
    const struct opaque_sig *s = opaque_sig(o);
    return s ? s->what : NULL;
}

static int opaque_probe(const struct ls_object *o)
{
    /* below every handler that reads a format: a reader always wins; but
     * a signature of six bytes or more at its place beats a weak guess
     * (lzma_alone's 30: a Lotus Notes database's header reads as one) */
    if (!opaque_kind(o)) return 0;
    const struct opaque_sig *s = opaque_sig(o);
    return s && s->len >= 6 ? 35 : 20;
}

static ls_err opaque_extract(struct ls_ctx *c, struct ls_object *o)
{
    const char *what = opaque_kind(o);
    if (what)
        ls_note(c, o, LS_R_UNSUPPORTED, "opaque: %s: leaksift has no reader for it; only its raw bytes were scanned",
                what);
    return LS_OK;
}

const struct ls_handler ls_handler_opaque = {
    .name = "opaque",
    .probe = opaque_probe,
    .extract = opaque_extract,
};
