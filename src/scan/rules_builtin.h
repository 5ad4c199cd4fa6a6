/* The built-in rule pack, generated at build time from rules/ (see
 * scripts/embed_rules.cmake). */
#ifndef LS_RULES_BUILTIN_H
#define LS_RULES_BUILTIN_H
#include <stddef.h>
struct ls_builtin_rule {
    const char *path; /* relative to the source tree, e.g. "rules/pii/ssn.yar" */
    const char *text;
    size_t len;
};
extern const struct ls_builtin_rule ls_builtin_rules[]; /* ends with {NULL} */
extern const size_t ls_builtin_rule_count;
#endif
