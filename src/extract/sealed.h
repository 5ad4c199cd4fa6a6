/*
 * Encrypted envelopes (sealed.c): whole files that are ciphertext, and
 * encrypted OpenPGP blocks inside text.
 */
#ifndef LS_SEALED_H
#define LS_SEALED_H

#include "core/handler.h"

/* What sealed envelope data is ("OpenPGP message encrypted to a public
 * key", "Ansible Vault", ...), or NULL if it is none. */
const char *ls_sealed_kind(struct ls_slice data);

/* Note `encrypted` on o (coverage partial) if text holds an encrypted
 * OpenPGP message block ("-----BEGIN PGP MESSAGE-----" whose first packet
 * is an encrypted session key or encrypted data): an e-mail body or a note
 * that carries one was not read in full. Other PGP MESSAGE blocks (signed
 * or compressed, not clear-signed: the text is inside the base64) are
 * decoded, their literal data handed over as children; one that does not
 * decode is noted `unsupported`. */
void ls_sealed_note_blocks(struct ls_ctx *c, struct ls_object *o, struct ls_slice text);

#endif
