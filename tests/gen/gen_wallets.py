#!/usr/bin/env python3
"""Cryptocurrency keys and wallet files, computed with hashlib (Python
standard library only): Bitcoin WIF keys (base58check, version 0x80/0xEF,
compressed and not), BIP32 extended private keys (78 bytes, xprv/tprv/zprv
versions), labelled 256-bit hex keys, seed phrases after their label, in
.env, JSON, notes and CSV; wallet files: a Bitcoin Core wallet.dat shaped
Berkeley DB (btree magic at offset 12, mkey/ckey records), an Electrum
wallet, an Ethereum keystore V3 and a MetaMask vault. Decoys that must
stay clean: xpub keys, transaction hashes, SHA-256 digests, Git SHAs, IPFS
CIDs (Qm...), random base58 of WIF and xprv shape with a wrong checksum,
hex keys with no label or a placeholder, prose after "seed:", a Berkeley
DB file that is no wallet.

    python3 gen_wallets.py OUTDIR   # writes the files, prints the key (JSON):
    {file: {rule: [redacted evidence, sorted]}}; a file absent from a rule
    has no finding of it.
"""
import hashlib
import json
import os
import random
import struct
import sys

RND = random.Random(20261201)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
# a sample of BIP39 English words (test data, not the list)
WORDS = ("abandon ability able about above absent absorb abstract absurd abuse access accident "
         "bacon badge balance bamboo banana banner cabin cable cactus canal candy canvas damage "
         "dance danger daring dash daughter eager eagle earth easily east echo fabric face faculty "
         "fade faint faith galaxy gallery garden garlic gather gauge habit hammer harbor harvest "
         "zebra zero zone zoo").split()


def b58(b):
    n = int.from_bytes(b, "big")
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = B58[r] + s
    return "1" * (len(b) - len(b.lstrip(b"\0"))) + s


def check(payload):
    return b58(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])


def scalar():
    return RND.randrange(1, N).to_bytes(32, "big")


def wif(testnet=False, compressed=True):
    return check(bytes([0xEF if testnet else 0x80]) + scalar() + (b"\x01" if compressed else b""))


def xkey(version, private=True):
    body = struct.pack(">IB", version, 3) + RND.randbytes(4) + struct.pack(">I", 0x80000000)
    body += RND.randbytes(32)
    body += b"\x00" + scalar() if private else bytes([2 + RND.randrange(2)]) + RND.randbytes(32)
    return check(body)


def hexkey():
    while True:
        h = scalar().hex()
        if sum(c.isdigit() for c in h) >= 8 and sum(c.isalpha() for c in h) >= 8:
            return h


def phrase(n):
    return " ".join(RND.sample(WORDS, n))


def bad_checksum(s):
    """The same shape with the last character changed: base58check fails."""
    return s[:-1] + ("2" if s[-1] != "2" else "3")


def bdb(records, wallet=True):
    """A Berkeley DB btree file shaped like Bitcoin Core's wallet.dat: the
    meta page (LSN, page number, magic 0x00053162 at 12, version 9, page
    size 4096, a 20-byte file id at 52) and one leaf page holding the
    serialized key/value records."""
    meta = bytearray(4096)
    struct.pack_into("<QIIII", meta, 0, 1, 0, 0x00053162, 9, 4096)
    meta[52:72] = RND.randbytes(20)
    leaf = bytearray(4096)
    pos = 26
    for k, v in records:
        for item in (k, v):
            leaf[pos:pos + 3] = struct.pack("<HB", len(item), 1)
            leaf[pos + 3:pos + 3 + len(item)] = item
            pos += 3 + len(item)
    return bytes(meta + leaf)


def ser(s):
    return bytes([len(s)]) + s


def p4(v):
    n = min(4, len(v) // 2)
    return v[:n] + "..."


def main(out):
    os.makedirs(out, exist_ok=True)
    key = {}

    def put(name, text, expect):
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(os.path.join(out, name), mode) as f:
            f.write(text)
        key[name] = {r: sorted(v) for r, v in expect.items()}

    w1, w2, x1, h1, s1 = wif(), wif(compressed=False), xkey(0x0488ADE4), hexkey(), phrase(12)
    put("wallet.env", f"BTC_WIF={w1}\nBTC_PAPER_KEY={w2}\nXPRV={x1}\nPRIVATE_KEY=0x{h1}\n"
        f"MNEMONIC=\"{s1}\"\nRPC_URL=https://mainnet.example.org\n",
        {"secret_bitcoin_wif": [p4(w1), p4(w2)], "secret_bip32_extended_private_key": [p4(x1)],
         "secret_labelled_hex_private_key": [p4(h1)], "secret_bip39_seed_phrase": [p4(s1)]})

    h2, s2, x2 = hexkey(), phrase(24), xkey(0x04B2430C)
    put("export.json", json.dumps({"address": "0x" + RND.randbytes(20).hex(), "privateKey": "0x" + h2,
                                   "mnemonic": s2, "zprv": x2, "note": "backup"}, indent=2) + "\n",
        {"secret_labelled_hex_private_key": [p4(h2)], "secret_bip39_seed_phrase": [p4(s2)],
         "secret_bip32_extended_private_key": [p4(x2)]})

    w3, s3, t1 = wif(testnet=True), phrase(18), xkey(0x04358394)
    put("notes.txt", "Cold storage, do not share.\n\nPaper wallet (printed 2019): " + w3 + "\n"
        "Secret Recovery Phrase: " + s3 + "\nTestnet account " + t1 + " for the faucet.\n",
        {"secret_bitcoin_wif": [p4(w3)], "secret_bip39_seed_phrase": [p4(s3)],
         "secret_bip32_extended_private_key": [p4(t1)]})

    rows = [(b58(RND.randbytes(25)), wif(compressed=i % 2 == 0)) for i in range(4)]
    put("keys.csv", "address,wif,label\n" + "".join(f"{a},{w},hot-{i}\n" for i, (a, w) in enumerate(rows)),
        {"secret_bitcoin_wif": [p4(w) for _, w in rows]})

    recs = [(ser(b"version"), struct.pack("<I", 169900)),
            (ser(b"mkey") + struct.pack("<I", 1), ser(RND.randbytes(48)) + ser(RND.randbytes(8))),
            (ser(b"ckey") + ser(b"\x02" + RND.randbytes(32)), ser(RND.randbytes(48))),
            (ser(b"ckey") + ser(b"\x03" + RND.randbytes(32)), ser(RND.randbytes(48))),
            (ser(b"name") + ser(b"1BoatSLRHtKNngkdXEeobR76b53LETtpyT"), ser(b"savings"))]
    put("wallet.dat", bdb(recs), {"secret_bitcoin_core_wallet": ["[Bitcoin Core wallet (wallet.dat, Berkeley DB)]"]})

    ex = xkey(0x0488ADE4)
    put("default_wallet", json.dumps({"addr_history": {}, "keystore": {"type": "bip32", "xprv": ex,
                                      "xpub": xkey(0x0488B21E, False)}, "seed_version": 18,
                                      "wallet_type": "standard"}) + "\n",
        {"secret_electrum_wallet": ["[Electrum wallet]"], "secret_bip32_extended_private_key": [p4(ex)]})

    ks = {"address": RND.randbytes(20).hex(), "crypto": {
        "cipher": "aes-128-ctr", "ciphertext": RND.randbytes(32).hex(),
        "cipherparams": {"iv": RND.randbytes(16).hex()}, "kdf": "scrypt",
        "kdfparams": {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": RND.randbytes(32).hex()},
        "mac": RND.randbytes(32).hex()}, "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3}
    put("UTC--2021-03-04T10-11-12.000Z--" + ks["address"], json.dumps(ks) + "\n",
        {"secret_ethereum_keystore": ["[Ethereum keystore (V3)]"]})

    import base64
    vault = {"data": base64.b64encode(RND.randbytes(400)).decode(), "iv": base64.b64encode(RND.randbytes(16)).decode(),
             "salt": base64.b64encode(RND.randbytes(32)).decode()}
    put("metamask_vault.json", json.dumps({"KeyringController": {"vault": json.dumps(vault)}}) + "\n",
        {"secret_metamask_vault": ["[MetaMask vault]"]})

    # decoys: nothing from the wallet rules, no private_key
    sha = hashlib.sha256(b"release-1.2.3.tar.gz").hexdigest()
    lines = [
        "xpub: " + xkey(0x0488B21E, False),
        "zpub " + xkey(0x04B24746, False),
        "txid: " + RND.randbytes(32).hex(),
        "sha256: " + sha,
        sha + "  release-1.2.3.tar.gz",
        "commit " + RND.randbytes(20).hex(),
        "ipfs://" + b58(b"\x12\x20" + RND.randbytes(32)),
        "wif: " + bad_checksum(wif()),
        "key " + bad_checksum(wif(compressed=False)),
        "xprv" + "".join(RND.choice(B58) for _ in range(107)),
        bad_checksum(xkey(0x0488ADE4)),
        "private_key: " + "0" * 64,
        "private key = " + "f" * 64,
        "PRIVATE_KEY=" + "".join(RND.choice("0123456789") for _ in range(64)),
        "seed: the quick brown fox jumps over the lazy dog and then sleeps",
        "random seed: 42",
        "mnemonic: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        "5" + "".join(RND.choice(B58) for _ in range(50)),
        "L" + "".join(RND.choice(B58) for _ in range(51)),
    ]
    put("decoys.txt", "\n".join(lines) + "\n", {})
    put("block_hashes.csv", "height,hash\n" + "".join(f"{700000 + i},{RND.randbytes(32).hex()}\n" for i in range(20)), {})
    put("other.db", bdb([(ser(b"user"), ser(b"alice")), (ser(b"pref"), ser(b"dark"))]), {})
    put("keystore_notes.json", json.dumps({"crypto": {"kdf": "scrypt"}, "note": "no ciphertext"}) + "\n", {})
    print(json.dumps(key, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
