/* Validators for credential stores by file magic (store), RFC 4716 SSH2
 * keys (ssh2_key), bare Discord bot tokens (discord) and secrets under bare
 * names (bare_assignment), in src/scan/validate.c; the "label" redaction and
 * the SHA-256 fingerprint input of binary headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "scan/validate.h"

static struct ls_slice S(const char *s) { return ls_slice_make(s, strlen(s)); }

static bool check_bytes(const char *entity, const char *validator, const char *redact, const void *p, size_t n,
                        struct ls_value *v)
{
    struct ls_candidate c = {entity, validator, redact, ls_slice_make(p, n)};
    return ls_value_check(&c, v);
}

static bool check(const char *entity, const char *validator, const char *redact, const char *text,
                  struct ls_value *v)
{
    return check_bytes(entity, validator, redact, text, strlen(text), v);
}

static bool store(const uint8_t *p, size_t n, struct ls_value *v)
{
    return check_bytes("credential_store", "store", "label", p, n, v);
}

/* ---- binary stores ---- */

static const uint8_t kdbx4[] = {0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0x01, 0x00, 0x04, 0x00,
                                0x02, 0x10, 0x00, 0x00, 0x00, 0x31, 0xc1, 0xf2, 0xe6, 0xbf, 0x71, 0x43};

static void kdbx4_labelled_and_hashed(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(store(kdbx4, sizeof kdbx4, &v));
    assert_string_equal(v.redacted, "[KeePass 2.x database (KDBX 4)]");
    assert_int_equal(strlen(v.norm), 64); /* hex SHA-256 of the header */
    struct ls_value w;
    uint8_t other[sizeof kdbx4];
    memcpy(other, kdbx4, sizeof other);
    other[sizeof other - 1] ^= 1; /* another database: another fingerprint */
    assert_true(store(other, sizeof other, &w));
    assert_string_not_equal(v.norm, w.norm);
}

static void kdbx_bad_version_rejected(void **st)
{
    (void)st;
    uint8_t b[sizeof kdbx4];
    memcpy(b, kdbx4, sizeof b);
    b[10] = 9;
    struct ls_value v;
    assert_false(store(b, sizeof b, &v));
    memcpy(b, kdbx4, sizeof b);
    b[12] = 0x40; /* no header field id */
    assert_false(store(b, sizeof b, &v));
    assert_false(store(kdbx4, 11, &v)); /* truncated before the version */
}

static void kdb1_labelled(void **st)
{
    (void)st;
    const uint8_t b[] = {0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5, 0x03, 0, 0, 0, 0x03, 0x00, 0x03, 0x00, 0xaa};
    struct ls_value v;
    assert_true(store(b, sizeof b, &v));
    assert_string_equal(v.redacted, "[KeePass 1.x database]");
}

static void jks_and_jceks_labelled(void **st)
{
    (void)st;
    const uint8_t jks[] = {0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 'm', 'y', 'k', 'e', 'y'};
    const uint8_t jce[] = {0xce, 0xce, 0xce, 0xce, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 0, 1, 'k'};
    struct ls_value v;
    assert_true(store(jks, sizeof jks, &v));
    assert_string_equal(v.redacted, "[Java KeyStore (JKS)]");
    assert_true(store(jce, sizeof jce, &v));
    assert_string_equal(v.redacted, "[Java KeyStore (JCEKS)]");
}

static void jks_bad_count_or_tag_rejected(void **st)
{
    (void)st;
    const uint8_t zero[] = {0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1};
    const uint8_t tag[] = {0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 7};
    const uint8_t shrt[] = {0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1};
    struct ls_value v;
    assert_false(store(zero, sizeof zero, &v));
    assert_false(store(tag, sizeof tag, &v));
    assert_false(store(shrt, sizeof shrt, &v));
}

static void pkcs12_labelled(void **st)
{
    (void)st;
    const uint8_t p12[] = {0x30, 0x82, 0x09, 0x00, 0x02, 0x01, 0x03, 0x30, 0x82, 0x08, 0x00, 0x06, 0x09,
                           0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x82};
    const uint8_t ber[] = {0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48,
                           0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x80};
    struct ls_value v;
    assert_true(store(p12, sizeof p12, &v));
    assert_string_equal(v.redacted, "[PKCS#12 key bundle]");
    assert_true(store(ber, sizeof ber, &v));
}

static void der_not_pkcs12_rejected(void **st)
{
    (void)st;
    /* version 2, and an X.509 certificate (SEQUENCE, SEQUENCE, [0]) */
    const uint8_t v2[] = {0x30, 0x82, 0x09, 0x00, 0x02, 0x01, 0x02, 0x30, 0x82, 0x08, 0x00, 0x06, 0x09,
                          0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};
    const uint8_t cert[] = {0x30, 0x82, 0x03, 0x00, 0x30, 0x82, 0x02, 0x00, 0xa0, 0x03, 0x02, 0x01, 0x02};
    const uint8_t shortlen[] = {0x30, 0x10, 0x02, 0x01, 0x03, 0x30, 0x0a, 0x06, 0x09, 0x2a, 0x86, 0x48,
                                0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};
    struct ls_value v;
    assert_false(store(v2, sizeof v2, &v));
    assert_false(store(cert, sizeof cert, &v));
    assert_false(store(shortlen, sizeof shortlen, &v));
    assert_false(store((const uint8_t *)"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00", 14, &v));
    assert_false(store((const uint8_t *)"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00", 16, &v));
}

static void gnupg_key_files_labelled(void **st)
{
    (void)st;
    struct ls_value v;
    const char *sexp = "(21:protected-private-key(3:rsa(1:n385:\x00\xc5\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff";
    const char *ext = "\nKey: (protected-private-key (rsa (n #00C5A1B2C3D4E5F60718293A4B5C6D7E8F#)";
    const char *stub = "(20:shadowed-private-key(3:rsa(1:n257:\x00\xc5\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa";
    assert_true(check("credential_store", "store", "label", sexp, &v));
    assert_string_equal(v.redacted, "[GnuPG private key]");
    assert_true(check("credential_store", "store", "label", ext, &v));
    assert_string_equal(v.redacted, "[GnuPG private key]");
    assert_false(check("credential_store", "store", "label", stub, &v)); /* a smartcard stub */
}

/* ---- SSH2 ---- */

static void ssh2_key_body_and_label(void **st)
{
    (void)st;
    struct ls_value v;
    const char *k = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240311\"\n"
                    "P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS1wa2NzMXYyLW9hZXB9fQ\n";
    assert_true(check("private_key", "ssh2_key", "label", k, &v));
    assert_string_equal(v.redacted, "[SSH2 private key (RFC 4716)]");
    assert_true(strncmp(v.norm, "P2/56wAAAi4AAAA3", 16) == 0);
    assert_null(strchr(v.norm, '\n'));
    const char *pub = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: x\n"
                      "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA0123456789abcdefghijkl\n";
    assert_false(check("private_key", "ssh2_key", "label", pub, &v)); /* no ssh.com magic */
}

static void ppk_short_key_stops_before_mac(void **st)
{
    (void)st;
    struct ls_value v;
    const char *m = "Private-Lines: 1\nAAAAIBx2bWlK9aQd3Yx7Lq0pWcRt5NvE8sHjUo1Zk4Mf6GiT\nPrivate";
    assert_true(check("private_key", "ppk", "prefix4", m, &v));
    assert_string_equal(v.norm, "AAAAIBx2bWlK9aQd3Yx7Lq0pWcRt5NvE8sHjUo1Zk4Mf6GiT");
}

/* ---- Discord ---- */

static void discord_bare_snowflake(void **st)
{
    (void)st;
    struct ls_value v;
    /* base64("1086619453467398174") */
    assert_true(check("token", "discord", "keytype", " MTA4NjYxOTQ1MzQ2NzM5ODE3NA.GkX2aB.Zq9rT3uVwX8yZ1aB2cD3eF4gH5iJ6kL7mN8oP9", &v));
    assert_true(strncmp(v.redacted, "MTA4", 4) == 0);
    /* not digits inside: a random three-segment string */
    assert_false(check("token", "discord", "keytype", " MTxQ9rT3uVwX8yZ1aB2cD3eF4g.GkX2aB.Zq9rT3uVwX8yZ1aB2cD3eF4gH5iJ6kL7mN8oP9", &v));
    /* leading zero, and too few digits */
    assert_false(check("token", "discord", "keytype", " MDg2NjE5NDUzNDY3Mzk4MTc0.GkX2aB.Zq9rT3uVwX8yZ1aB2cD3eF4gH5iJ6kL7mN8oP9", &v));
    assert_false(check("token", "discord", "keytype", " MTA4NjYxOTQ1MzQ2.GkX2aB.Zq9rT3uVwX8yZ1aB2cD3eF4gH5iJ6kL7mN8oP9", &v));
}

static void discord_named_keeps_old_check(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("token", "discord", "keytype",
                      "DISCORD_TOKEN=MTxQ9rT3uVwX8yZ1aB2cD3eF4g.GkX2aB.Zq9rT3uVwX8yZ1aB2cD3eF4gH5iJ6kL7mN8oP9", &v));
}

/* ---- bare assignments ---- */

static bool bare(const char *m)
{
    struct ls_value v;
    return check("token", "bare_assignment", "mask", m, &v);
}

static void bare_random_values_accepted(void **st)
{
    (void)st;
    assert_true(bare("\ntoken = q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8"));
    assert_true(bare("\n  secret: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"));
    assert_true(bare("\nKEY=kP3xW9mQ+7vR2tL5nB8cF1hJ4gD6sA0zY3eU9iO2wQE="));
    assert_true(bare("\nMYSERVICE_TOKEN=Xa9_kL2mQ7-vB4nR8tW1zC5pF3hJ6dG0"));
    assert_true(bare("\"auth\": \"Zx7Qm2Lp9Kw4Rt8Vn3Bc6Hd1Jf5Gs0Ay\""));
}

static void bare_placeholders_and_words_rejected(void **st)
{
    (void)st;
    assert_false(bare("\ntoken = xxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    assert_false(bare("\nkey = value_name_for_lookup"));
    assert_false(bare("\nkey: MyApp_Prod_Key_2024"));
    assert_false(bare("\ntoken = getUserById2024Handler"));
    assert_false(bare("\nkey = 123e4567-e89b-12d3-a456-426614174000"));
    assert_false(bare("\nkey: release-2024-01-15-build7"));
    assert_false(bare("\nsecret = TestSecretValue123456"));
    assert_false(bare("(GnuPG key: 0x7EC2DBB6F4DBF434)"));
    assert_false(bare("?key=0Ao1yRmX6PQQzdG5wSFlrZl9HRWNET3ZyN0hnaGo5ZFE"));
    assert_false(bare(" token = eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6Ik5FRTFRVVJC"));
    assert_false(bare("\nauth = /etc/service/credentials2024.json"));
    assert_false(bare("\nSTRIPE_KEY=pk_live_r4Y9OJFLJOqOAf1lLQSAJaiX")); /* publishable */
    assert_false(bare("\nMAILGUN_SECRET=key-4l1vfz3zfkkibj3j4wj99ibag7i1mnbq")); /* the mailgun rule's */
}

static void bare_names_owned_elsewhere_rejected(void **st)
{
    (void)st;
    assert_false(bare("\nPUBLIC_KEY=q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8"));
    assert_false(bare("\nRECAPTCHA_SITE_KEY=6Lcq8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8"));
    assert_false(bare("\nSTRIPE_SECRET_KEY=q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8")); /* secret_key_assignment's */
    assert_false(bare("\nGITHUB_ACCESS_TOKEN=q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8"));
    assert_false(bare("\nAWS_SECRET_ACCESS_KEY=ors/6ILi8IHn5kxsC7tVO/HbkQfyy/KV5zjR3j1t")); /* aws_secret's */
}

static void bare_value_masked(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("token", "bare_assignment", "mask", "\ntoken = q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8", &v));
    assert_string_equal(v.norm, "q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8");
    assert_null(strstr(v.redacted, "q8Vt"));
    (void)S;
}

#define T(f) cmocka_unit_test(f)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(kdbx4_labelled_and_hashed), T(kdbx_bad_version_rejected), T(kdb1_labelled),
        T(jks_and_jceks_labelled), T(jks_bad_count_or_tag_rejected), T(pkcs12_labelled),
        T(der_not_pkcs12_rejected), T(gnupg_key_files_labelled), T(ssh2_key_body_and_label), T(ppk_short_key_stops_before_mac),
        T(discord_bare_snowflake), T(discord_named_keeps_old_check), T(bare_random_values_accepted),
        T(bare_placeholders_and_words_rejected), T(bare_names_owned_elsewhere_rejected), T(bare_value_masked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
