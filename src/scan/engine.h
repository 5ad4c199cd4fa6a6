/*
 * The YARA engine: compiles the rule pack once (before fork), scans bytes
 * with one scanner per worker, turns matches into validated, redacted,
 * fingerprinted findings. The only folder including <yara.h>.
 */
#ifndef LS_ENGINE_H
#define LS_ENGINE_H

#include "core/ls_core.h"
#include "core/ls_fpindex.h"

struct ls_rules;
struct ls_scanner;

/* Compile built-in rules (unless cfg->no_default_rules), cfg->rule_paths
 * (files, or folders searched recursively for *.yar / *.yara) and the
 * identifiers file. err: "file:line: message". */
ls_err ls_rules_compile(const struct ls_config *cfg, struct ls_rules **out, char *err, size_t errlen);
void ls_rules_free(struct ls_rules *r);
const char *ls_rules_hash(const struct ls_rules *r);
unsigned ls_rules_count(const struct ls_rules *r);
const char *ls_rules_warnings(const struct ls_rules *r);

ls_err ls_scanner_new(const struct ls_rules *r, unsigned timeout_s, struct ls_scanner **out);
void ls_scanner_free(struct ls_scanner *s);

/* Where a match was: the raw bytes, the extracted text, the header-row
 * labels appended to the text (ls_emit_labels; written "text"), or the
 * object's own name (a member's name, a root's path as given; written "name").
 * Counts are kept per place and an evidence counts the most of them, so a
 * value both in a table cell and in its labelled copy counts once. */
enum ls_where { LS_WHERE_RAW = 0, LS_WHERE_TEXT = 1, LS_WHERE_LABELS = 2, LS_WHERE_NAME = 3 };
#define LS_WHERE_N 4

/* Evidence: one distinct value found in an object. */
struct ls_evidence {
    uint8_t fp[32];              /* HMAC-SHA256 fingerprint */
    char redacted[128];
    uint64_t offset;             /* first offset */
    uint32_t len;                /* the value's length there */
    enum ls_where where;         /* where that first offset is */
    uint64_t count[LS_WHERE_N];  /* occurrences in raw bytes, text, labels, name */
};

/* A finding: one rule's validated matches in one object. */
struct ls_finding {
    const char *rule, *ns, *category, *entity, *severity; /* owned by the rules */
    struct ls_evidence *ev;
    size_t n_ev, cap_ev;
    struct ls_fpindex ev_ix;     /* ev by fp */
    bool truncated;              /* more distinct values than max_evidence */
    uint64_t extra_count;        /* occurrences of values past the limit */
    /* Fingerprints of the distinct values past the limit ("unlisted"): not
     * evidence, but counted, so that distinct counts stay exact (a table
     * of 100,000 SSNs is 100,000, not max_evidence); at most
     * LS_MAX_UNLISTED, then unlisted_full. */
    uint8_t (*xfp)[32];
    size_t n_xfp, cap_xfp;
    struct ls_fpindex xfp_ix;    /* xfp by fp */
    bool unlisted_full;
    /* last accepted value interval, to skip overlapping re-matches */
    uint64_t last_end[LS_WHERE_N];
    const void *last_string;
};

#define LS_MAX_UNLISTED 1000000u

struct ls_rejected {
    const char *entity;
    uint64_t count;
};

#define LS_MAX_RULE_ALERTS 4u

struct ls_findings {
    struct ls_finding *f;
    size_t n, cap;
    struct ls_rejected *rej;
    size_t n_rej, cap_rej;
    struct ls_slice key;         /* fingerprint key (borrowed) */
    size_t max_evidence;
    size_t n_evidence;           /* across all findings of the object */
    uint8_t (*gone)[32];         /* values a validator's veto took out of the raw scan: the */
    size_t n_gone, cap_gone;     /* object's text, which may lose their key, does not bring them back */
    struct ls_fpindex gone_ix;   /* gone by fp; at most LS_MAX_UNLISTED */
    struct ls_phone_form *ph;    /* the object's national trunk-0 and +CC phone values, to join */
    size_t n_ph, cap_ph;         /* one number's two forms (docs/rules.md, Fingerprints) */
    struct ls_fpindex ph_ix;     /* ph by fp */
    bool ph_new;                 /* a form added since the last join */
    /* alerts named by the meta "alert" of rules that matched the object's raw bytes or text
     * (a webshell: docs/rules.md, "Alerts from rules"): no finding, the pipeline notes each */
    const char *alert[LS_MAX_RULE_ALERTS]; /* owned by the rules */
    size_t n_alert;
};

#define LS_PHONE_DIGITS 24
struct ls_phone_form {
    uint8_t fp[32];              /* the value's own fingerprint */
    uint8_t to[32];              /* joined: the +CC form's fingerprint it counts as */
    char digits[LS_PHONE_DIGITS];/* its norm: 02079460958 (trunk0) or 442079460958 */
    uint64_t line;               /* where its first occurrence's line starts (scan base + offset) */
    int where;                   /* in which scan (enum ls_where) */
    bool trunk0, joined;
};
#define LS_MAX_PHONE_FORMS 4096u

void ls_findings_init(struct ls_findings *f, struct ls_slice key, size_t max_evidence);
void ls_findings_free(struct ls_findings *f);

/* libyara's guard around each scan (on after ls_scanner_new): it installs
 * SIGSEGV/SIGBUS handlers and saves the signal mask, ~15 system calls per
 * scan with libyara 4.2 (12 rt_sigaction, 3 rt_sigprocmask), so that a fault while reading the data fails the scan instead of
 * the process. Only memory a file mapping backs can fault (the file cut
 * short under us); bytes read into the heap cannot, and the guard is
 * turned off for them. */
void ls_scanner_guard(struct ls_scanner *s, bool on);

/* Scan data; add validated matches to f. Offsets are recorded plus base
 * (data is a part of its stream starting there). *reason is set to a
 * coverage reason (LS_R_LIMIT_TIME, LS_R_LIMIT_MATCHES) if the scan was cut
 * short. */
ls_err ls_scanner_scan(struct ls_scanner *s, struct ls_slice data, enum ls_where where,
                       uint64_t base, struct ls_findings *f, const char **reason);

/* Append the "findings" JSON array to out. */
ls_err ls_findings_json(const struct ls_findings *f, struct ls_buf *out);
/* Append the findings and rejected parts of the record's summary digest
 * (src/manifest/summary.h) to out; false: send none (a value the line's
 * JSON would not give back as is). */
bool ls_findings_digest(const struct ls_findings *f, struct ls_buf *out);
/* Append the "rejected" JSON object ({"ssn": 2}) to out. */
ls_err ls_findings_rejected_json(const struct ls_findings *f, struct ls_buf *out);
/* Number of findings (rules with at least one validated value). */
static inline size_t ls_findings_count(const struct ls_findings *f) { return f->n; }

#endif
