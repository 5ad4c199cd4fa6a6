#!/usr/bin/env python3
"""Credential stores, SSH2/PuTTY keys, bare Discord tokens and secrets under
bare names, with an answer key.

    gen_secrets_stores.py OUTDIR [--seed N]

Writes OUTDIR/key.json:

    {"planted": [{"file": rel, "entity": e, "norm": n, "kind": k}, ...],
     "decoys": [{"file": rel, "kind": k}, ...]}

`norm` is what leaksift fingerprints (docs/rules.md): for a binary
credential store (entity credential_store) the hex SHA-256 of its first 256
bytes (for a PKCS#12: its header up to the
ContentInfo type, then 234 bytes), or all of it if shorter; for SSH2 and PuTTY keys the base64 of the
key body (first 255 characters); for tokens the value. `file` is the root
file (a store may be a member of a zip). Decoy files hold look-alikes that
must not be reported: a JKS trust store and a PKCS#12 of certificates only,
an SSH2 public key, random bytes, a JPEG, a zip, a DER certificate, three-
segment strings that are no Discord token, placeholders, identifiers,
variables, UUIDs and public keys under secret-looking names.

Binary layouts (written by hand, stdlib only):
 - KeePass 2.x: signature 03D9A29A 67FB4BB5, minor/major version (3.1, 4.0),
   TLV header fields (id, 2-byte length in KDBX 3, 4-byte in KDBX 4): cipher
   UUID, compression, master seed, ... end; KeePass 1.x: 03D9A29A 65FB4BB5,
   flags, version 0x00030003, seeds, counts, hash.
 - JKS: FEEDFEED, version 2, entry count, entries (tag 1 private key with the
   Sun KeyProtector OID 1.3.6.1.4.1.42.2.17.1.1, tag 2 trusted certificate);
   JCEKS: CECECECE with the JCE protector OID 1.3.6.1.4.1.42.2.19.1.
 - PKCS#12 (RFC 7292): PFX { version 3, ContentInfo pkcs7-data { AuthSafe {
   ContentInfo data { SafeContents { SafeBag pkcs8ShroudedKeyBag } } } },
   MacData }.
 - GnuPG 2.1+ private-keys-v1.d/*.key: canonical S-expression
   (21:protected-private-key(3:rsa(...))), and the extended format
   (Created: ... / Key: (protected-private-key (rsa ...))).
 - RFC 4716: ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----, Comment header, base64
   of a blob starting with the ssh.com magic 3f6ff9eb.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import random
import string
import struct
import zipfile

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
AN = UP + LO + DI
URLSAFE = AN + "_-"


class Gen:
    def __init__(self, out, seed):
        self.out = out
        self.r = random.Random(seed)
        self.planted = []
        self.decoys = []

    def rb(self, n):
        return bytes(self.r.randrange(256) for _ in range(n))

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet, n):
        while True:
            v = self.s(alphabet, n)
            if any(c in UP for c in v) and any(c in LO for c in v) and any(c in DI for c in v):
                return v

    def write(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)

    def plant(self, rel, entity, norm, kind):
        self.planted.append({"file": rel, "entity": entity, "norm": norm, "kind": kind})

    def store(self, rel, data, kind, root=None):
        self.plant(root or rel, "credential_store", hashlib.sha256(data[:matched(data)]).hexdigest(), kind)
        if root is None:
            self.write(rel, data)
        return data

    def decoy(self, rel, kind, data):
        self.decoys.append({"file": rel, "kind": kind})
        self.write(rel, data)


def matched(data):
    """Bytes of header the rule takes: 256, or for a PKCS#12 the two
    SEQUENCE headers, version and ContentInfo OID, then 234 more."""
    if data[:1] != b"\x30":
        return 256
    i = 0
    for _ in range(2):
        ln = data[i + 1]
        i += 2 + (0 if ln == 0x80 else ln & 0x7F)
        if _ == 0:
            i += 3
    return i + 11 + 234


# ---- DER ------------------------------------------------------------------------

def der(tag, body):
    n = len(body)
    if n < 0x80:
        ln = bytes([n])
    elif n < 0x100:
        ln = bytes([0x81, n])
    elif n < 0x10000:
        ln = bytes([0x82]) + struct.pack(">H", n)
    else:
        ln = bytes([0x83]) + n.to_bytes(3, "big")
    return bytes([tag]) + ln + body


def seq(*xs):
    return der(0x30, b"".join(xs))


def oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    out = bytes([parts[0] * 40 + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7F]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7F))
            p >>= 7
        out += bytes(reversed(enc))
    return der(0x06, out)


def octets(b):
    return der(0x04, b)


def integer(n):
    return der(0x02, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big"))


def explicit0(b):
    return der(0xA0, b)


DATA = "1.2.840.113549.1.7.1"
ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"
CERT_BAG = "1.2.840.113549.1.12.10.1.3"
X509_CERT = "1.2.840.113549.1.9.22.1"
PBE_3DES = "1.2.840.113549.1.12.1.3"
SHA1 = "1.3.14.3.2.26"


def fake_cert(g):
    """A DER blob shaped like an X.509 certificate (SEQUENCE { SEQUENCE {
    [0] version, serial, ...}, algorithm, signature })."""
    tbs = seq(explicit0(integer(2)), integer(g.r.getrandbits(64)), seq(oid("1.2.840.113549.1.1.11")),
              octets(g.rb(300)))
    return seq(tbs, seq(oid("1.2.840.113549.1.1.11")), der(0x03, b"\x00" + g.rb(256)))


def pkcs12(g, with_key):
    bags = []
    if with_key:
        epki = seq(seq(oid(PBE_3DES), seq(octets(g.rb(8)), integer(2048))), octets(g.rb(1232)))
        bags.append(seq(oid(SHROUDED_KEY_BAG), explicit0(epki)))
    cert_bag = seq(oid(CERT_BAG), explicit0(seq(oid(X509_CERT), explicit0(octets(fake_cert(g))))))
    if with_key:
        bags.append(cert_bag)
        safe = seq(oid(DATA), explicit0(octets(seq(*bags))))
    else:  # Java/OpenSSL put certificates in an encryptedData ContentInfo
        safe = seq(oid(ENCRYPTED_DATA), explicit0(seq(integer(0), seq(oid(DATA), seq(oid(PBE_3DES), seq(
            octets(g.rb(8)), integer(2048))), der(0x80, g.rb(len(cert_bag) + 7))))))
    auth = seq(oid(DATA), explicit0(octets(seq(safe))))
    mac = seq(seq(seq(oid(SHA1), der(0x05, b"")), octets(g.rb(20))), octets(g.rb(8)), integer(2048))
    return seq(integer(3), auth, mac)


# ---- Java key stores -----------------------------------------------------------------

def utf(s):
    b = s.encode()
    return struct.pack(">H", len(b)) + b


def jks(g, magic, entries):
    out = struct.pack(">II", magic, 2) + struct.pack(">I", len(entries))
    for e in entries:
        out += e
    return out + g.rb(20)


def jks_key_entry(g, alias, protector):
    key = seq(seq(oid(protector), der(0x05, b"")), octets(g.rb(1240)))
    cert = fake_cert(g)
    return (struct.pack(">I", 1) + utf(alias) + struct.pack(">Q", g.r.randrange(1_500_000_000_000, 1_750_000_000_000))
            + struct.pack(">I", len(key)) + key + struct.pack(">I", 1) + utf("X.509")
            + struct.pack(">I", len(cert)) + cert)


def jks_cert_entry(g, alias):
    cert = fake_cert(g)
    return (struct.pack(">I", 2) + utf(alias) + struct.pack(">Q", g.r.randrange(1_500_000_000_000, 1_750_000_000_000))
            + utf("X.509") + struct.pack(">I", len(cert)) + cert)


# ---- KeePass -----------------------------------------------------------------------------

KDB2 = bytes.fromhex("03d9a29a67fb4bb5")
KDB1 = bytes.fromhex("03d9a29a65fb4bb5")
AES_UUID = bytes.fromhex("31c1f2e6bf714350be5805216afc5aff")


def kdbx3(g):
    h = KDB2 + struct.pack("<HH", 1, 3)
    fields = [(2, AES_UUID), (3, struct.pack("<I", 1)), (4, g.rb(32)), (5, g.rb(32)),
              (6, struct.pack("<Q", 60000)), (7, g.rb(16)), (8, g.rb(32)), (9, g.rb(32)),
              (10, struct.pack("<I", 2)), (0, b"\r\n\r\n")]
    for fid, data in fields:
        h += struct.pack("<BH", fid, len(data)) + data
    return h + g.rb(3000)


def kdbx4(g):
    h = KDB2 + struct.pack("<HH", 1, 4)
    kdf = b"\x00\x01" + g.rb(120) + b"\x00"  # a VariantDictionary: version 1.0, items, end
    fields = [(2, AES_UUID), (3, struct.pack("<I", 1)), (4, g.rb(32)), (7, g.rb(16)), (11, kdf),
              (0, b"\r\n\r\n")]
    for fid, data in fields:
        h += struct.pack("<BI", fid, len(data)) + data
    return h + g.rb(32) + g.rb(32) + g.rb(4000)


def kdb1(g):
    return (KDB1 + struct.pack("<II", 3, 0x00030003) + g.rb(16) + g.rb(16) + struct.pack("<II", 4, 12)
            + g.rb(32) + g.rb(32) + struct.pack("<I", 50000) + g.rb(2000))


# ---- text keys -------------------------------------------------------------------------------

def wrap(s, n=70):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def ssh2_private(g):
    body = base64.b64encode(bytes.fromhex("3f6ff9eb") + struct.pack(">I", 700) + g.rb(692)).decode()
    text = ("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n"
            "Comment: \"rsa-key-20240311\"\n%s\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n" % wrap(body))
    return text, body[:255]


def ppk_ed25519(g, encrypted):
    pub = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + g.rb(32)).decode()
    priv = base64.b64encode(g.rb(48) if encrypted else b"\x00\x00\x00\x20" + g.rb(32)).decode()
    head = "PuTTY-User-Key-File-3: ssh-ed25519\n"
    if encrypted:
        head += ("Encryption: aes256-cbc\nComment: eddsa-key-20240502\nPublic-Lines: 2\n%s\n"
                 "Key-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 13\nArgon2-Parallelism: 1\n"
                 "Argon2-Salt: %s\n" % (wrap(pub, 64), g.s("0123456789abcdef", 32)))
    else:
        head += "Encryption: none\nComment: eddsa-key-20240502\nPublic-Lines: 2\n%s\n" % wrap(pub, 64)
    text = head + "Private-Lines: 1\n%s\nPrivate-MAC: %s\n" % (priv, g.s("0123456789abcdef", 64))
    return text, priv


def discord_token(g):
    uid = str(g.r.randrange(8 * 10 ** 16, 14 * 10 ** 17))
    first = base64.b64encode(uid.encode()).decode().rstrip("=")
    return "%s.%s.%s" % (first, g.mixed(URLSAFE, 6), g.mixed(URLSAFE, 38))


def not_discord(g):
    """Three segments of the token's shape whose first does not decode to digits."""
    while True:
        first = g.r.choice(["MT", "Mj", "Nz", "OD"]) + g.mixed(AN, 22)
        try:
            dec = base64.b64decode(first + "=" * (-len(first) % 4))
        except ValueError:
            dec = b"x"
        if not dec.isdigit():
            return "%s.%s.%s" % (first, g.mixed(URLSAFE, 6), g.mixed(URLSAFE, 38))


def build(g):
    # ---- binary stores, alone and inside a zip ----
    g.store("vault/Passwords.kdbx", kdbx3(g), "kdbx3")
    g.store("vault/team.kdbx", kdbx4(g), "kdbx4")
    g.store("old/accounts.kdb", kdb1(g), "kdb1")
    g.store("java/server.jks", jks(g, 0xFEEDFEED, [jks_cert_entry(g, "rootca"), jks_key_entry(
        g, "tomcat", "1.3.6.1.4.1.42.2.17.1.1")]), "jks")
    g.store("java/app.jceks", jks(g, 0xCECECECE, [jks_key_entry(g, "signer", "1.3.6.1.4.1.42.2.19.1")]), "jceks")
    g.store("certs/client.p12", pkcs12(g, True), "pkcs12")
    g.store("certs/IIS-export.pfx", pkcs12(g, True), "pfx")
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("home/jdoe/Documents/Database.kdbx", g.store("", kdbx4(g), "kdbx4_in_zip", "backup.zip"))
        zf.writestr("home/jdoe/keys/jdoe.pfx", g.store("", pkcs12(g, True), "pfx_in_zip", "backup.zip"))
        zf.writestr("home/jdoe/notes.txt", "nothing to see here\n")
    g.write("backup.zip", z.getvalue())

    # ---- GnuPG 2.1+ private-keys-v1.d ----
    n = b"\x00" + g.rb(384)
    sexp = (b"(21:protected-private-key(3:rsa(1:n%d:" % len(n) + n + b")(1:e3:\x01\x00\x01)(9:protected25:openpgp-s2k3-ocb-aes((4:sha18:"
            + g.rb(8) + b"8:65011712)16:" + g.rb(16) + b")%d:" % 1200 + g.rb(1200) + b")))")
    rel = "home/.gnupg/private-keys-v1.d/%s.key" % g.s("0123456789ABCDEF", 40)
    g.write(rel, sexp)
    head = sexp.index(b"(1:n") + 1  # the rule: the header through the algorithm's "(", then 16-200 bytes
    g.plant(rel, "credential_store", hashlib.sha256(sexp[:head + 200]).hexdigest(), "gnupg_sexp")
    ext = ("Created: 20240311T101112\nKey: (protected-private-key (rsa (n #00%s#)(e #010001#)\n"
           " (protected openpgp-s2k3-ocb-aes ((sha1 #%s# \"65011712\")#%s#)#%s#)))\n"
           % (g.s("0123456789ABCDEF", 768), g.s("0123456789ABCDEF", 16), g.s("0123456789ABCDEF", 24),
              g.s("0123456789ABCDEF", 600))).encode()
    rel = "home/.gnupg/private-keys-v1.d/%s.key" % g.s("0123456789ABCDEF", 40)
    g.write(rel, ext)
    at = ext.index(b"\nKey: ")
    g.plant(rel, "credential_store", hashlib.sha256(ext[at:at + len(b"\nKey: (protected-private-key (rsa ") + 200]).hexdigest(),
            "gnupg_extended")

    # ---- SSH2 and PuTTY keys ----
    text, norm = ssh2_private(g)
    g.write("keys/id_rsa_ssh2.key", text)
    g.plant("keys/id_rsa_ssh2.key", "private_key", norm, "ssh2_rfc4716")
    for enc, name in ((False, "keys/ed25519.ppk"), (True, "keys/ed25519-enc.ppk")):
        text, norm = ppk_ed25519(g, enc)
        g.write(name, text)
        g.plant(name, "private_key", norm, "ppk3_ed25519_enc" if enc else "ppk3_ed25519")

    # ---- Discord bot tokens without a name ----
    t1, t2, t3 = discord_token(g), discord_token(g), discord_token(g)
    g.write("bot/index.js", "const { Client } = require('discord.js');\nconst client = new Client();\n"
            "client.login('%s');\n" % t1)
    g.plant("bot/index.js", "token", t1, "discord_bare")
    g.write("bot/config.json", json.dumps({"prefix": "!", "owner": "118273645501923328", "bot": t2}, indent=2))
    g.plant("bot/config.json", "token", t2, "discord_bare")
    g.write("bot/run.log", "2024-05-02 10:11:12 INFO starting shard 0 with %s\n" % t3)
    g.plant("bot/run.log", "token", t3, "discord_bare")

    # ---- secrets under bare names ----
    bare = [
        ("conf/service.ini", "[upstream]\nhost = api.internal\ntoken = %s\ntimeout = 30\n", g.mixed(AN, 32), "ini_token"),
        ("conf/app.yaml", "server:\n  port: 8080\nauth:\n  secret: %s\n", g.s("0123456789abcdef", 40), "yaml_secret_hex"),
        ("conf/.env", "APP_ENV=production\nKEY=%s\n", base64.b64encode(g.rb(33)).decode(), "env_key_b64"),
        ("conf/deploy.env", "DEPLOY_HOST=10.0.4.7\nMYSERVICE_TOKEN=%s\n", g.mixed(AN + "_-", 40), "env_suffix_token"),
        ("conf/settings.json", '{\n  "endpoint": "https://hooks.internal/x",\n  "auth": "%s"\n}\n', g.mixed(AN, 36), "json_auth"),
        ("conf/ci.yml", "env:\n  SENTRY_SECRET: %s\n", g.mixed(AN, 28), "yaml_env_secret"),
        ("conf/client.py", "credentials = \"%s\"\n", g.mixed(AN, 24), "py_credentials"),
    ]
    for rel, tpl, val, kind in bare:
        g.write(rel, tpl % val)
        g.plant(rel, "token", val, kind)

    # ---- decoys ----
    g.decoy("decoy/truststore.jks", "jks_truststore",
            jks(g, 0xFEEDFEED, [jks_cert_entry(g, "ca%d" % i) for i in range(3)]))
    g.decoy("decoy/certs-only.p12", "p12_certs_only", pkcs12(g, False))
    g.decoy("decoy/server.cer", "der_certificate", fake_cert(g))
    g.decoy("decoy/random.bin", "random", g.rb(8192))
    g.decoy("decoy/smartcard-stub.key", "gnupg_shadowed",
            b"(20:shadowed-private-key(3:rsa(1:n257:\x00" + g.rb(256) + b")(1:e3:\x01\x00\x01)(8:shadowed5:t1-v1"
            b"(16:\xd2v\x00\x01$\x01\x03\x04\x00\x06\x12\x34\x56\x78\x00\x00)1:1)))")
    g.decoy("decoy/photo.jpg", "jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + g.rb(4000) + b"\xff\xd9")
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("data.bin", g.rb(3000))
        zf.writestr("readme.txt", "KeePass export guide: File > Export > KeePass XML (2.x)\n")
    g.decoy("decoy/archive.zip", "zip", z.getvalue())
    g.decoy("decoy/id_rsa_ssh2.pub", "ssh2_public",
            "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key-20240311\"\n%s\n---- END SSH2 PUBLIC KEY ----\n"
            % wrap(base64.b64encode(b"\x00\x00\x00\x07ssh-rsa" + g.rb(270)).decode()))
    g.decoy("decoy/notes.md", "store_prose",
            "Store the KeePass file (PuTTY-User-Key-File-3 keys too) in the vault.\n"
            "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ---- marks an ssh.com key.\n")
    g.decoy("decoy/tokens.txt", "not_discord", "ids: %s\n%s\n" % (not_discord(g), not_discord(g)))
    g.decoy("decoy/config.ini", "bare_placeholders", "\n".join([
        "token = <your-token-goes-here>",
        "token = xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "secret = ${DEPLOY_SECRET_VALUE}",
        "key = value_name_for_lookup",
        "key = self.key_material_2024",
        "token: os.environ['SERVICE_TOKEN']",
        "secret=changeme-changeme-2024",
        "key: MyApp_Prod_Key_2024",
        "token = getUserById2024Handler",
        "key = 123e4567-e89b-12d3-a456-426614174000",
        "key: release-2024-01-15-build7",
        "token: \"${{ secrets.GITHUB_TOKEN }}\"",
        "auth = /etc/service/credentials2024.json",
        "key = https://example.org/keys/2024/a1",
        "secret = TestSecretValue123456",
        "credentials = FakeCredentials0987654",
        "",
    ]))
    g.decoy("decoy/changelog.txt", "real_tree_lookalikes", "\n".join([  # seen in /usr/share/doc
        "  * debian/upstream/signing-key.asc:",
        "    + Add file (GnuPG key: 0x7EC2DBB6F4DBF434).",
        "  https://docs.google.com/spreadsheet/ccc?key=0Ao1yRmX6PQQzdG5wSFlrZl9HRWNET3ZyN0hnaGo5ZFE&usp=sharing",
        '    token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6Ik5FRTFRVVJCT1RNNE16STVSa0ZETlRZeE9UVTFNRGcyT0Rnd1EwVXpNVGsx"',
        "",
    ]))
    g.decoy("decoy/public.env", "public_names", "\n".join([
        "PUBLIC_KEY=%s" % g.mixed(AN, 40),
        "NEXT_PUBLIC_STRIPE_KEY=%s" % g.mixed(AN, 32),
        "RECAPTCHA_SITE_KEY=6Lc%s" % g.mixed(AN, 37),
        "CACHE_KEY=%s" % g.mixed(AN, 24),
        "",
    ]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    g = Gen(a.out, a.seed)
    build(g)
    with open(os.path.join(a.out, "key.json"), "w", encoding="utf-8") as f:
        json.dump({"planted": g.planted, "decoys": g.decoys}, f, indent=1)


if __name__ == "__main__":
    main()
