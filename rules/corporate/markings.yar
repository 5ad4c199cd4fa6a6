/*
 * Corporate rules: namespace corporate.
 * Generated layout, hand-tuned regexes: see docs/rules.md. Every string
 * must compile without YARA's "slow down scanning" warning
 * (tests/e2e/test_rules_pack.py).
 */

rule corporate_marking
{
    meta:
        category = "corporate"
        entity = "marking"
        severity = "medium"
        redact = "none"
        description = "Classification or handling marking (CONFIDENTIAL, INTERNAL (USE) ONLY, ATTORNEY-CLIENT PRIVILEGED, ATTORNEY WORK PRODUCT, DO NOT DISTRIBUTE, ...) in any case"
    strings:
        $marking = /\b((strictly |company |highly |privileged (and|&) |proprietary (and|&) )?confidential|(for )?internal (use )?only|attorney[- ]client privileged?|attorney work product|do not distribute|not for (external )?distribution|top secret|for official use only|secret\/\/noforn)\b/ nocase
    condition:
        $marking
}
