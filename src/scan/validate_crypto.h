/*
 * Cryptocurrency key validators (rules/secrets/wallets.yar): Bitcoin WIF
 * private keys and BIP32 extended private keys (base58check, double
 * SHA-256), labelled 256-bit hex keys, BIP39-shaped seed phrases, and the
 * type labels of wallet files (Bitcoin Core wallet.dat, Electrum, Ethereum
 * keystore V3, MetaMask vault). Same contract as validate.c's locators:
 * pure functions on the matched bytes, no allocation, no global state.
 */
#ifndef LS_VALIDATE_CRYPTO_H
#define LS_VALIDATE_CRYPTO_H

#include "scan/validate.h"

bool ls_loc_wif(struct ls_slice m, struct ls_value *out);        /* validator "wif" */
bool ls_loc_xprv(struct ls_slice m, struct ls_value *out);       /* validator "bip32_xprv" */
bool ls_loc_hex_privkey(struct ls_slice m, struct ls_value *out);/* validator "hex_privkey" */
bool ls_loc_seed_phrase(struct ls_slice m, struct ls_value *out);/* validator "seed_phrase" */
bool ls_loc_wallet_json(struct ls_slice m, struct ls_value *out);/* validator "wallet_json" */

/* The label of a wallet file's matched header/record, or NULL: called by
 * validate.c's store_label() for the "store" validator and "label" style. */
const char *ls_crypto_wallet_label(struct ls_slice v);

/* base58check: decodes s (base58 alphabet only) into out (at most cap
 * bytes), checks the trailing 4-byte double-SHA-256 checksum and returns
 * the payload length without it, or 0 if invalid. Exposed for tests. */
size_t ls_base58check_decode(struct ls_slice s, uint8_t *out, size_t cap);

#endif
