/*
 * Candidate validation, normalisation and redaction.
 *
 * YARA finds candidates; this decides whether a match is a real value,
 * locates the value inside the match (rules may match context words such as
 * "SSN:" around the value), normalises it for the fingerprint exactly as
 * DESIGN.md says, and produces the redacted form written in the manifest.
 * Pure functions on bytes: no allocation, no global state; fuzzed by
 * fuzz/fuzz_validate.c.
 */
#ifndef LS_VALIDATE_H
#define LS_VALIDATE_H

#include "core/ls_core.h"

/* One candidate: the rule's meta fields and the matched bytes. */
struct ls_candidate {
    const char *entity;    /* meta "entity": ssn, credit_card, iban, email, ... */
    const char *validator; /* meta "validator", or NULL for none */
    const char *redact;    /* meta "redact", or NULL for the entity's default */
    struct ls_slice match; /* the bytes YARA matched */
};

#define LS_VALUE_NORM_MAX 256
#define LS_VALUE_REDACT_MAX 128

struct ls_value {
    size_t off, len;                   /* the value within match */
    char norm[LS_VALUE_NORM_MAX];      /* normalised value (fingerprint input), NUL-ended */
    char redacted[LS_VALUE_REDACT_MAX];/* what the manifest shows, NUL-ended */
    bool veto;                         /* the match's own context says the value is not the entity
                                        * (Part No. 212-867-5309): no finding, and the value's
                                        * evidence of the entity is dropped from the object */
    bool national;                     /* a phone in a national form whose first digit 1 is no
                                        * North American country code (China's 138 0013 8000) */
    char cc[4];                        /* a national phone form that names its country (China's
                                        * 138 0013 8000, Russia's 8 (916) 123-45-67, Brazil's and
                                        * India's mobiles): the country code the fingerprint is
                                        * given in front, so it is one value with the +86/+7/+55/+91
                                        * form; "" otherwise */
    bool drop_trunk;                   /* with cc: the first digit is a trunk prefix (Russia's 8) */
    bool trunk0;                       /* a national form with its trunk 0 and no country named
                                        * (020 7946 0958: norm 02079460958): the engine joins it to
                                        * a +CC form of the same number in the object, if any */
    unsigned date;                     /* a date of birth whose written form says the order of its
                                        * fields (ISO, YYYYMMDD, a month word, CJK, a day > 12, a
                                        * DD/MM label): YYYYMMDD, fingerprinted as YYYY-MM-DD so
                                        * that one person's date is one value; 0 when ambiguous
                                        * (03/04/1975) and fingerprinted as written */
};

/* Returns true if the candidate is a valid value (out filled), false if
 * rejected (the caller counts it as rejected). */
bool ls_value_check(const struct ls_candidate *cand, struct ls_value *out);

/* Individual validators, exposed for unit tests and fuzzing. Inputs are the
 * value bytes (separators allowed where the format has them). */
bool ls_valid_luhn_card(struct ls_slice v);   /* Luhn + brand prefix/length table */
bool ls_valid_iban(struct ls_slice v);        /* country length + mod-97 */
bool ls_valid_ssn(struct ls_slice v);         /* post-2011 SSA rules, known fakes */
bool ls_valid_nanp(struct ls_slice v);        /* NANP area/exchange rules */
bool ls_valid_email(struct ls_slice v);       /* shape, TLD, not an asset name */
bool ls_valid_mrz(struct ls_slice v);         /* TD3 passport MRZ line 2 check digits */
bool ls_valid_aws_key_id(struct ls_slice v);  /* AKIA/ASIA... shape */

#endif
