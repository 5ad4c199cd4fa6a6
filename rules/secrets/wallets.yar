/*
 * Cryptocurrency keys and wallet files: namespace secrets (docs/rules.md,
 * "Cryptocurrency keys and wallets"). Every key is checked in C
 * (src/scan/validate_crypto.c): base58check with its double-SHA-256
 * checksum, version bytes, a secp256k1 scalar in range; random base58 or
 * hex never passes. Every string must compile without YARA's "slow down
 * scanning" warning (tests/e2e/test_rules_pack.py).
 */

rule secret_bitcoin_wif
{
    meta:
        category = "secret"
        entity = "private_key"
        severity = "critical"
        validator = "wif"
        redact = "prefix4"
        description = "Bitcoin private key in Wallet Import Format (dumpprivkey, paper wallets): base58check, version 0x80 (mainnet 5H/5J/5K, compressed K/L) or 0xEF (testnet 9, c), 32 key bytes and the optional compression flag 0x01, checksum verified"
    strings:
        $wif = /(^|[^1-9A-Za-z])(5H|5J|5K|91|92|93)[1-9A-HJ-NP-Za-km-z]{49}([^1-9A-Za-z]|$)/
        $wifc = /(^|[^1-9A-Za-z])(Kw|Kx|Ky|Kz|L1|L2|L3|L4|L5|cM|cN|cP|cQ|cR|cS|cT|cU|cV|cW)[1-9A-HJ-NP-Za-km-z]{50}([^1-9A-Za-z]|$)/
    condition:
        any of them
}

rule secret_bip32_extended_private_key
{
    meta:
        category = "secret"
        entity = "private_key"
        severity = "critical"
        validator = "bip32_xprv"
        redact = "prefix4"
        description = "BIP32 extended private key (xprv, tprv; BIP49/84 yprv, zprv, uprv, vprv; SLIP-132 Yprv, Zprv, Uprv, Vprv): base58check of 78 bytes with a private version and the 0x00 key prefix, checksum verified; extended public keys (xpub, ypub, zpub ...) are not secrets and not reported"
    strings:
        $xprv = /(^|[^1-9A-Za-z])(xprv|tprv|yprv|zprv|uprv|vprv|Yprv|Zprv|Uprv|Vprv)[1-9A-HJ-NP-Za-km-z]{107}([^1-9A-Za-z]|$)/
    condition:
        any of them
}

rule secret_labelled_hex_private_key
{
    meta:
        category = "secret"
        entity = "private_key"
        severity = "critical"
        validator = "hex_privkey"
        redact = "prefix4"
        description = "256-bit private key in hex (Ethereum and other secp256k1 chains) after a private-key label: private key, private_key, PRIVATE_KEY=, privkey, priv_key, \"privateKey\": (optionally 0x); a valid secp256k1 scalar of mixed digits and letters. A bare 64-hex value (a SHA-256 digest, a transaction hash) is not reported"
    strings:
        $hex = /(^|[^A-Za-z0-9])[A-Za-z_]{0,16}(private[ _-]?key|privkey|priv_key)\\?["']?[ \t]*(:|=|=>|: \|)[ \t]*\\?["']?(0x)?[0-9a-fA-F]{64}([^0-9a-zA-Z]|$)/ nocase
    condition:
        any of them
}

rule secret_bip39_seed_phrase
{
    meta:
        category = "secret"
        entity = "private_key"
        severity = "critical"
        validator = "seed_phrase"
        redact = "prefix4"
        description = "BIP39 mnemonic seed phrase after its label (seed, seed phrase, mnemonic, recovery phrase, secret recovery phrase, backup phrase, seed words): 12, 15, 18, 21 or 24 words of 3-8 lower-case letters ending the line or the quoted value, at least 9 distinct, no English function word outside the BIP39 list (the, and, with ...); it is the wallet's master private key"
    strings:
        $seed = /(seed|mnemonic|recovery[ _-]phrase|backup[ _-]phrase)([ _-]?(phrase|words))?\\?["']?[ \t]*[:=][ \t]*\\?["']?[a-z]{3,8}( |, ?)[a-z]{3,8}( |, ?)[a-z ,]{40,220}/ nocase
    condition:
        any of them
}

rule secret_bitcoin_core_wallet
{
    meta:
        category = "secret"
        entity = "credential_store"
        severity = "critical"
        validator = "store"
        redact = "label"
        anchor = "start"
        description = "Bitcoin Core wallet file: wallet.dat (Berkeley DB btree, magic 0x00053162 at offset 12, with key, ckey, mkey or hdchain records) or a descriptor wallet (SQLite with walletdescriptorkey/walletdescriptorckey records)"
    strings:
        $bdb = /[\x00-\xff]{12}(\x62\x31\x05\x00|\x00\x05\x31\x62)[\x00-\xff]{56}/
        $sqlite = /SQLite format 3\x00[\x00-\xff]{84}/
        $ctx_mkey = "\x04mkey\x01\x00\x00\x00"
        $ctx_ckey = /\x04ckey(\x21[\x02\x03]|\x41\x04)/
        $ctx_key = /\x03key(\x21[\x02\x03]|\x41\x04)/
        $ctx_hdchain = "\x07hdchain"
        $ctx_desc = /(\x13walletdescriptorkey|\x14walletdescriptorckey)/
    condition:
        ($bdb at 0 and any of ($ctx_mkey, $ctx_ckey, $ctx_key, $ctx_hdchain)) or ($sqlite at 0 and $ctx_desc)
}

rule secret_electrum_wallet
{
    meta:
        category = "secret"
        entity = "credential_store"
        severity = "critical"
        validator = "store"
        redact = "label"
        description = "Electrum wallet file: the JSON storage (seed_version with a keystore's xprv, seed or imported keypairs) or an encrypted wallet (base64 of the BIE1 envelope at byte 0)"
    strings:
        $json = /"seed_version" ?: ?[0-9]{1,3}/
        $bie1 = /QklFMQ[A-Za-z0-9+\/]{58}/
        $ctx_secret = /"(xprv|seed|keypairs)" ?: ?["{]/
    condition:
        ($json and $ctx_secret) or $bie1 at 0
}

rule secret_ethereum_keystore
{
    meta:
        category = "secret"
        entity = "credential_store"
        severity = "critical"
        validator = "wallet_json"
        redact = "label"
        description = "Ethereum keystore V3 (Web3 Secret Storage: geth, Parity, MyEtherWallet UTC--... files): crypto.ciphertext with kdf scrypt or pbkdf2 and a mac; the key opens with the wallet password"
    strings:
        $ct = /\\?"ciphertext\\?" ?: ?\\?"[0-9a-f]{64}/
        $ctx_kdf = /\\?"kdf\\?" ?: ?\\?"(scrypt|pbkdf2)/
        $ctx_mac = /\\?"mac\\?" ?: ?\\?"[0-9a-f]{64}/
    condition:
        $ct and $ctx_kdf and $ctx_mac
}

rule secret_metamask_vault
{
    meta:
        category = "secret"
        entity = "credential_store"
        severity = "critical"
        validator = "wallet_json"
        redact = "label"
        description = "MetaMask (browser-passworder) vault: the encrypted seed phrase and keys as {\"data\", \"iv\", \"salt\"} (a 16-byte iv, a 32-byte salt), alone or escaped inside the extension's storage"
    strings:
        $vault = /\\?"iv\\?" ?: ?\\?"[A-Za-z0-9+\/]{22}==\\?" ?, ?\\?"salt\\?" ?: ?\\?"[A-Za-z0-9+\/]{43}=/
        $ctx_data = /\\?"data\\?" ?: ?\\?"[A-Za-z0-9+\/]{64}/
    condition:
        $vault and $ctx_data
}
