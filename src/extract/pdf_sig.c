/*
 * Who signed a PDF (ISO 32000-1 12.8.1, signature dictionaries): the
 * /Contents of a signature is a DER-encoded CMS / PKCS#7 SignedData (hex in
 * the file) carrying the signer's certificate chain. Their subject names
 * (a person's name, organisation, e-mail address) and the e-mail addresses
 * of their subjectAltName are written as text lines. Parsed by OpenSSL's
 * DER decoder (libcrypto), never verified: nothing is trusted, fetched or
 * checked; a blob that does not parse gives nothing.
 */
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <string.h>

#include "extract/pdf_int.h"

/* Certificates looked at per signature (a chain is 2-4). */
#define PDF_SIG_MAX_CERTS 16

/* Append "label + value\n" unless out already has that line (a chain
 * repeats its certificates across several signatures). */
static ls_err sig_line(struct ls_buf *out, const char *label, const void *v, size_t n)
{
    char line[1024];
    size_t ll = strlen(label);
    if (ll + n + 1 > sizeof line) n = sizeof line - ll - 1;
    memcpy(line, label, ll);
    memcpy(line + ll, v, n);
    line[ll + n] = '\n';
    size_t len = ll + n + 1;
    for (size_t at = 0; at + len <= out->len;) {
        const uint8_t *f = memmem(out->ptr + at, out->len - at, line, len);
        if (!f) break;
        if (f == out->ptr || f[-1] == '\n') return LS_OK;
        at = (size_t)(f - out->ptr) + 1;
    }
    return ls_buf_add(out, line, len);
}

static ls_err sig_name(X509_NAME *name, const char *label, struct ls_buf *out)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) return LS_E_NOMEM;
    ls_err e = LS_OK;
    /* RFC 2253 order, UTF-8 kept as it is (no \XX escapes of non-ASCII) */
    if (X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~(unsigned long)ASN1_STRFLGS_ESC_MSB) > 0) {
        char *p = NULL;
        long n = BIO_get_mem_data(bio, &p);
        if (n > 0 && p) e = sig_line(out, label, p, (size_t)n);
    }
    BIO_free(bio);
    return e;
}

static ls_err sig_alt_emails(X509 *cert, struct ls_buf *out)
{
    GENERAL_NAMES *alt = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (!alt) return LS_OK;
    ls_err e = LS_OK;
    for (int i = 0; i < sk_GENERAL_NAME_num(alt) && e == LS_OK; i++) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(alt, i);
        if (g->type != GEN_EMAIL) continue;
        const ASN1_IA5STRING *s = g->d.rfc822Name;
        int n = ASN1_STRING_length(s);
        if (n > 0) e = sig_line(out, "signer e-mail: ", ASN1_STRING_get0_data(s), (size_t)n);
    }
    GENERAL_NAMES_free(alt);
    return e;
}

ls_err pdf_sig_certs(struct ls_slice der, struct ls_buf *out)
{
    if (der.len == 0 || der.len > (size_t)LONG_MAX) return LS_OK;
    const unsigned char *p = der.ptr;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)der.len);
    if (!cms) return LS_OK; /* not a signature blob this decoder reads */
    STACK_OF(X509) *certs = CMS_get1_certs(cms);
    ls_err e = LS_OK;
    for (int i = 0; certs && i < sk_X509_num(certs) && i < PDF_SIG_MAX_CERTS && e == LS_OK; i++) {
        X509 *c = sk_X509_value(certs, i);
        e = sig_name(X509_get_subject_name(c), "signer certificate: ", out);
        if (e == LS_OK) e = sig_alt_emails(c, out);
    }
    sk_X509_pop_free(certs, X509_free);
    CMS_ContentInfo_free(cms);
    return e;
}
