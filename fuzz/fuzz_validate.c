/*
 * Fuzz the validators (src/scan/validate.c): every validator name the rule
 * pack uses, under every entity's normalisation and every redaction style,
 * on the same input; plus the exported ls_valid_* functions. Checks the
 * contract on every accepted value: the value lies inside the match, norm
 * and redacted are NUL-terminated and non-empty, and the redacted form of a
 * digit value never holds all of its digits. Does not use fuzz_run_handler:
 * validators are pure functions.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "scan/validate.h"

static const char *const validators[] = {
    NULL, "none", "luhn", "iban", "ssn", "ssn_context", "nanp", "e164", "email", "mrz",
    "passport", "dob", "drivers_license", "aws_key_id", "aws_secret", "gcp_key_id", "token",
    "jwt", "password", "url_password", "crypt", "private_key", "org", "no_such_validator",
    "ppk", "hex_key", "sas", "azure_secret", "discord", "uuid_or_token", "env_value_token",
    "env_password", "bearer", "netrc", "basic_auth", "cli_password", "prose_password",
    "csv_password", "ntlm", "marking", "password_quoted", "mailgun", "token_assignment",
    "card_id_column", "store", "ssh2_key", "bare_assignment", "phone_national", "quoted_salt",
    "wif", "bip32_xprv", "hex_privkey", "seed_phrase", "wallet_json",
};
static const char *const entities[] = {"ssn", "credit_card", "phone", "iban", "passport", "email",
                                       "dob", "token", "private_key", "credential_store", "custom"};
static const char *const redacts[] = {NULL, "last4", "last2", "email", "prefix4", "keytype",
                                      "password", "hash", "none", "mask", "label", "bogus"};

static void check_value(const struct ls_candidate *c, const struct ls_value *v)
{
    if (v->off > c->match.len || v->len > c->match.len - v->off) abort();
    if (memchr(v->norm, 0, sizeof v->norm) == NULL || v->norm[0] == '\0') abort();
    if (memchr(v->redacted, 0, sizeof v->redacted) == NULL) abort();
    /* digit entities: the redacted text never carries the whole number */
    if ((!strcmp(c->entity, "ssn") || !strcmp(c->entity, "credit_card")) && strlen(v->norm) >= 8) {
        char digits[LS_VALUE_REDACT_MAX];
        size_t n = 0;
        for (size_t i = 0; v->redacted[i] && n + 1 < sizeof digits; i++)
            if (v->redacted[i] >= '0' && v->redacted[i] <= '9') digits[n++] = v->redacted[i];
        digits[n] = '\0';
        if (strcmp(digits, v->norm) == 0 && c->redact && strcmp(c->redact, "none") != 0) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_slice s = ls_slice_make(data, size);
    (void)ls_valid_luhn_card(s);
    (void)ls_valid_iban(s);
    (void)ls_valid_ssn(s);
    (void)ls_valid_nanp(s);
    (void)ls_valid_email(s);
    (void)ls_valid_mrz(s);
    (void)ls_valid_aws_key_id(s);
    for (size_t i = 0; i < sizeof validators / sizeof validators[0]; i++) {
        for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++) {
            const char *r = redacts[(i + e) % (sizeof redacts / sizeof redacts[0])];
            struct ls_candidate c = {entities[e], validators[i], r, s};
            struct ls_value v;
            if (ls_value_check(&c, &v)) check_value(&c, &v);
        }
    }
    return 0;
}
