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
};

struct opaque_sig {
    size_t at;        /* offset from the start; SIZE_MAX: 512 bytes before the end */
    const char *magic;
    size_t len;
    const char *what;
};

static const struct opaque_sig opaque_sigs[] = {
    {0, "ALZ\x01", 4, "ALZip archive"},
    {0, "EGGA", 4, "EGG archive"},
    {0, "zPQ\x01", 4, "ZPAQ archive"},
    {0, "zPQ\x02", 4, "ZPAQ archive"},
    {0, "BZ3v1", 5, "bzip3 stream"},
    {0, "RZIP", 4, "rzip stream"},
    /* compressors libarchive reads only through an external program, which
     * the sandbox never runs */
    {0, "\x89LZO\0\r\n\x1a\n", 9, "lzop stream"},
    {0, "LRZI", 4, "lrzip stream"},
    {0, "GRZipII\0\x02\x04:)", 12, "GRZip stream"},
    {0, "hsqs", 4, "squashfs image"},
    {0, "KDMV", 4, "VMware disk image"},
    {0, "vhdxfile", 8, "VHDX disk image"},
    {0, "conectix", 8, "Virtual PC / Hyper-V disk image"},
    {SIZE_MAX, "conectix", 8, "Virtual PC / Hyper-V disk image"},
    {64, "\x7f\x10\xda\xbe", 4, "VirtualBox disk image"},
    {0, "QFI\xfb", 4, "QEMU disk image"},
    {0, "MSWIM\0\0\0", 8, "Windows imaging (WIM) image"},
    {SIZE_MAX, "koly", 4, "Apple disk image"},
    {0, "ITSF\x03\0\0\0", 8, "Microsoft Compiled HTML Help (CHM)"},
    /* libmagic calls it a FoxPro memo, and libarchive then fails on it */
    {0, "\x1a\0\0\x04\0\0", 6, "Lotus Notes database (NSF)"},
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
        if (ls_slice_from(o->data, at, &from) && from.len > s->len && ls_slice_starts(from, s->magic, s->len))
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
