#!/usr/bin/env python3
"""Cryptocurrency keys and wallet files (tests/gen/gen_wallets.py): WIF
keys, BIP32 extended private keys, labelled hex keys and seed phrases are
private_key findings, wallet files credential_store findings, each with
the evidence the key lists (no key in the manifest beyond four
characters); extended public keys, hashes, CIDs, random base58 of a key's
shape and prose after "seed:" stay clean."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

WALLET_RULES = {"secret_bitcoin_wif", "secret_bip32_extended_private_key", "secret_labelled_hex_private_key",
                "secret_bip39_seed_phrase", "secret_bitcoin_core_wallet", "secret_electrum_wallet",
                "secret_ethereum_keystore", "secret_metamask_vault"}


class WalletTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "dump")
        out = subprocess.run([sys.executable, os.path.join(HERE, "..", "gen", "gen_wallets.py"), cls.dir],
                             stdout=subprocess.PIPE, check=True).stdout
        cls.key = json.loads(out)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def found(self, name):
        o = self.m.obj(os.path.join(self.dir, name), [])
        got = {}
        for f in o["findings"]:
            if f["rule"] in WALLET_RULES:
                got[f["rule"]] = sorted(e["redacted"] for e in f["evidence"])
                self.assertEqual(f["distinct"], len(f["evidence"]), (name, f["rule"]))
        return got, o

    def test_every_file(self):
        for name, expect in self.key.items():
            with self.subTest(name=name):
                got, o = self.found(name)
                self.assertEqual(got, expect)
                if not expect:
                    self.assertNotIn("private_key", lsutil.entities(o))
                    self.assertNotIn("credential_store", lsutil.entities(o))

    def test_severity_and_verdict(self):
        _, o = self.found("wallet.env")
        self.assertEqual(lsutil.entities(o)["private_key"]["severity"], "critical")
        self.assertEqual(o["verdict"], "sensitive")

    def test_no_key_in_the_manifest(self):
        with open(os.path.join(self.dir, "wallet.env")) as f:
            values = [line.split("=", 1)[1].strip('"\n').removeprefix("0x") for line in f if "=" in line]
        for v in values:
            self.assertNotIn(v[4:20], self.m.text)


if __name__ == "__main__":
    unittest.main()
