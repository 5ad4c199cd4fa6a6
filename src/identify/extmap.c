/*
 * Extension vs. content: a file whose name claims one type family and whose
 * bytes are another (an "invoice.pdf" that is an executable) gets the
 * ext_mismatch alert. Only families both sides know are compared, and
 * containers that legitimately share a family (docx is a zip, .doc may be
 * RTF or HTML) are allowed, so the alert stays rare and meaningful.
 */
#include <string.h>

#include "identify/identify.h"

enum fam {
    F_NONE = 0,
    F_PDF = 1u << 0,
    F_ZIP = 1u << 1,
    F_OOXML = 1u << 2,
    F_ODF = 1u << 3,
    F_OLE = 1u << 4,
    F_EXE = 1u << 5,
    F_IMAGE = 1u << 6,
    F_AV = 1u << 7,
    F_GZIP = 1u << 8,
    F_BZIP2 = 1u << 9,
    F_XZ = 1u << 10,
    F_7Z = 1u << 11,
    F_RAR = 1u << 12,
    F_TAR = 1u << 13,
    F_TEXT = 1u << 14,
    F_RTF = 1u << 15,
};

struct ext_fam {
    const char *ext;
    unsigned fams;
};

static const struct ext_fam ext_table[] = {
    {"pdf", F_PDF},
    {"zip", F_ZIP | F_OOXML | F_ODF}, {"jar", F_ZIP},     {"apk", F_ZIP},
    /* A password-protected OOXML file is a compound file (EncryptedPackage,
     * [MS-OFFCRYPTO]) under its usual .docx/.xlsx/.pptx name. */
    {"docx", F_OOXML | F_ZIP | F_OLE}, {"docm", F_OOXML | F_ZIP | F_OLE},
    {"dotx", F_OOXML | F_ZIP | F_OLE}, {"xlsx", F_OOXML | F_ZIP | F_OLE},
    {"xlsm", F_OOXML | F_ZIP | F_OLE}, {"pptx", F_OOXML | F_ZIP | F_OLE},
    {"pptm", F_OOXML | F_ZIP | F_OLE}, {"ppsx", F_OOXML | F_ZIP | F_OLE},
    {"odt", F_ODF | F_ZIP},   {"ods", F_ODF | F_ZIP},   {"odp", F_ODF | F_ZIP},
    /* The legacy names also hold their OOXML successors: a .docx renamed
     * .doc (mail systems and web apps serve them so) is no disguise. */
    {"doc", F_OLE | F_RTF | F_TEXT | F_OOXML | F_ZIP},
    {"dot", F_OLE | F_RTF | F_TEXT | F_OOXML | F_ZIP},
    {"xls", F_OLE | F_TEXT | F_OOXML | F_ZIP}, {"ppt", F_OLE | F_OOXML | F_ZIP},
    {"pps", F_OLE | F_OOXML | F_ZIP},
    /* .msg is Outlook's compound file, and also what mail tools (mime4j,
     * MH-style exports, saved Usenet articles) call an RFC 822 message. */
    {"msg", F_OLE | F_TEXT},  {"vsd", F_OLE},
    /* an Outlook store: libmagic names PST and OST application/vnd.ms-outlook
     * (a zip or a document named archive.pst is a disguise) */
    {"pst", F_OLE},           {"ost", F_OLE},
    /* .pub: a Publisher document, and every SSH or PGP public key */
    {"pub", F_OLE | F_TEXT},
    {"exe", F_EXE},           {"dll", F_EXE},           {"scr", F_EXE},
    {"sys", F_EXE},
    {"jpg", F_IMAGE},         {"jpeg", F_IMAGE},        {"png", F_IMAGE},
    {"gif", F_IMAGE},         {"bmp", F_IMAGE},         {"tif", F_IMAGE},
    {"tiff", F_IMAGE},        {"webp", F_IMAGE},
    {"mp3", F_AV},            {"wav", F_AV},            {"mp4", F_AV},
    {"avi", F_AV},            {"mov", F_AV},            {"mkv", F_AV},
    /* a .tar.gz a browser saved already decompressed is a plain tar */
    {"gz", F_GZIP | F_TAR},   {"tgz", F_GZIP | F_TAR},  {"bz2", F_BZIP2},
    {"xz", F_XZ},             {"txz", F_XZ},            {"7z", F_7Z},
    {"rar", F_RAR},           {"tar", F_TAR},
    {"txt", F_TEXT},          {"csv", F_TEXT},          {"tsv", F_TEXT},
    {"json", F_TEXT},         {"xml", F_TEXT},          {"html", F_TEXT},
    {"htm", F_TEXT},          {"md", F_TEXT},           {"log", F_TEXT},
    {"ini", F_TEXT},          {"cfg", F_TEXT},          {"conf", F_TEXT},
    {"yaml", F_TEXT},         {"yml", F_TEXT},          {"eml", F_TEXT},
    {"sql", F_TEXT},          {"rtf", F_RTF | F_TEXT},
};

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static unsigned mime_family(const char *m)
{
    static const struct ext_fam exact[] = {
        {"application/pdf", F_PDF},
        {"application/zip", F_ZIP},
        {"application/x-zip-compressed", F_ZIP},
        {"application/java-archive", F_ZIP},
        {"application/msword", F_OLE},
        {"application/vnd.ms-excel", F_OLE},
        {"application/vnd.ms-powerpoint", F_OLE},
        {"application/vnd.ms-outlook", F_OLE},
        {"application/vnd.ms-office", F_OLE},
        {"application/x-ole-storage", F_OLE},
        {"application/x-dosexec", F_EXE},
        {"application/x-executable", F_EXE},
        {"application/x-sharedlib", F_EXE},
        {"application/x-pie-executable", F_EXE},
        {"application/x-mach-binary", F_EXE},
        {"application/vnd.microsoft.portable-executable", F_EXE},
        {"application/gzip", F_GZIP},
        {"application/x-gzip", F_GZIP},
        {"application/x-bzip2", F_BZIP2},
        {"application/x-xz", F_XZ},
        {"application/x-7z-compressed", F_7Z},
        {"application/x-rar", F_RAR},
        {"application/vnd.rar", F_RAR},
        {"application/x-tar", F_TAR},
        {"application/x-gtar", F_TAR},
        {"application/json", F_TEXT},
        {"application/xml", F_TEXT},
        {"application/javascript", F_TEXT},
        {"application/csv", F_TEXT},
        {"text/rtf", F_RTF},
        {"application/rtf", F_RTF},
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strcmp(m, exact[i].ext) == 0) return exact[i].fams;
    if (strstr(m, "openxmlformats") || strstr(m, "macroEnabled")) return F_OOXML;
    if (starts(m, "application/vnd.oasis.opendocument")) return F_ODF;
    if (starts(m, "application/CDFV2")) return F_OLE;
    if (starts(m, "image/")) return F_IMAGE;
    if (starts(m, "audio/") || starts(m, "video/")) return F_AV;
    if (starts(m, "text/") || starts(m, "message/")) return F_TEXT;
    return F_NONE;
}

bool ls_ext_mismatch(const char *ext, const char *mime)
{
    if (!ext || !*ext || !mime) return false;
    unsigned want = 0;
    for (size_t i = 0; i < sizeof ext_table / sizeof ext_table[0]; i++)
        if (strcmp(ext, ext_table[i].ext) == 0) want = ext_table[i].fams;
    unsigned got = mime_family(mime);
    return want && got && !(want & got);
}

void ls_ext_of(const uint8_t *name, size_t len, char out[16])
{
    out[0] = 0;
    size_t dot = SIZE_MAX;
    for (size_t i = 0; i < len; i++) {
        if (name[i] == '/' || name[i] == '\\') dot = SIZE_MAX;
        else if (name[i] == '.') dot = i;
    }
    if (dot == SIZE_MAX || dot + 1 >= len || len - dot - 1 > 15) return;
    size_t n = len - dot - 1;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = name[dot + 1 + i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c - 'A' + 'a');
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            out[0] = 0;
            return;
        }
        out[i] = (char)c;
    }
    out[n] = 0;
}
