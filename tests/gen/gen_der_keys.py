#!/usr/bin/env python3
"""Private keys in binary DER form, built field by field (Python standard
library only; random integers stand in for key material, which the
detector does not check): what `openssl ... -outform DER` writes for
PKCS#1 RSA, OpenSSL DSA, PKCS#8 PrivateKeyInfo (RSA, EC, Ed25519), SEC1 EC
and PKCS#8 EncryptedPrivateKeyInfo (PBES2), plus look-alikes that must not
be reported: public keys, a certificate-shaped SEQUENCE, a PKCS#12 trust
store header, a key embedded past byte 0 of another file.

    python3 gen_der_keys.py OUTDIR    # writes the files, prints the key (JSON)
"""
import io
import json
import os
import random
import sys
import zipfile

RND = random.Random(20261129)


def tlv(tag, body):
    n = len(body)
    if n < 0x80:
        head = bytes([tag, n])
    elif n < 0x100:
        head = bytes([tag, 0x81, n])
    elif n < 0x10000:
        head = bytes([tag, 0x82, n >> 8, n & 0xFF])
    else:
        head = bytes([tag, 0x83, n >> 16, (n >> 8) & 0xFF, n & 0xFF])
    return head + body


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def integer(nbytes=None, value=None):
    if value is not None:
        return tlv(0x02, bytes([value]))
    b = bytes([0x80 | RND.randrange(128)]) + bytes(RND.randrange(256) for _ in range(nbytes - 1))
    return tlv(0x02, b"\x00" + b)  # positive: a leading zero before the high bit


def octets(n):
    return tlv(0x04, bytes(RND.randrange(256) for _ in range(n)))


def oid(hexs):
    return tlv(0x06, bytes.fromhex(hexs))


RSA = "2a864886f70d010101"
EC = "2a8648ce3d0201"
P256 = "2a8648ce3d030107"
ED25519 = "2b6570"
PBES2 = "2a864886f70d01050d"


def pkcs1_rsa(bits=2048):
    n = bits // 8
    return seq(integer(value=0), integer(n), tlv(0x02, b"\x01\x00\x01"), integer(n), integer(n // 2),
               integer(n // 2), integer(n // 2), integer(n // 2), integer(n // 2))


def openssl_dsa():
    return seq(integer(value=0), integer(256), integer(32), integer(256), integer(256), integer(32))


def sec1_ec():
    return seq(integer(value=1), octets(32), tlv(0xA0, oid(P256)), tlv(0xA1, tlv(0x03, b"\x00\x04" + bytes(64))))


def pkcs8(alg, key, params=b""):
    return seq(integer(value=0), seq(oid(alg), params), tlv(0x04, key))


def encrypted_pkcs8():
    pbkdf2 = seq(oid("2a864886f70d01050c"), seq(octets(8), tlv(0x02, b"\x08\x00")))
    aes256cbc = seq(oid("608648016503040102"), octets(16))
    return seq(seq(oid(PBES2), seq(pbkdf2, aes256cbc)), octets(1232))


def spki_rsa():
    return seq(seq(oid(RSA), b"\x05\x00"), tlv(0x03, b"\x00" + seq(integer(256), tlv(0x02, b"\x01\x00\x01"))))


def cert_shape():
    tbs = seq(tlv(0xA0, tlv(0x02, b"\x02")), integer(16), seq(oid("2a864886f70d01010b"), b"\x05\x00"))
    return seq(tbs, seq(oid("2a864886f70d01010b"), b"\x05\x00"), tlv(0x03, b"\x00" + bytes(256)))


def p12_truststore():
    return seq(tlv(0x02, b"\x03"), seq(oid("2a864886f70d010701"), tlv(0xA0, tlv(0x04, bytes(300)))))


def files():
    """name -> (bytes, expected label or None)."""
    rsa = pkcs1_rsa()
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr("backup/server.key", pkcs1_rsa())
    return {
        "server_rsa.der": (rsa, "[DER private key (PKCS#1 RSA or DSA)]"),
        "legacy_dsa.key": (openssl_dsa(), "[DER private key (PKCS#1 RSA or DSA)]"),
        "server_pkcs8.p8": (pkcs8(RSA, rsa, b"\x05\x00"), "[DER private key (PKCS#8 RSA)]"),
        "ec_sec1.der": (sec1_ec(), "[DER private key (SEC1 EC)]"),
        "ec_pkcs8.der": (pkcs8(EC, sec1_ec(), oid(P256)), "[DER private key (PKCS#8 EC)]"),
        "ed25519.der": (pkcs8(ED25519, tlv(0x04, bytes(RND.randrange(256) for _ in range(32)))),
                        "[DER private key (PKCS#8 Ed25519/Ed448/X25519/X448)]"),
        "encrypted.p8": (encrypted_pkcs8(), "[DER encrypted private key (PKCS#8)]"),
        "keys.zip": (zbuf.getvalue(), None),  # its member backup/server.key: PKCS#1
        # look-alikes
        "public_rsa.der": (spki_rsa(), None),
        "cert.der": (cert_shape(), None),
        "trust.p12": (p12_truststore(), None),
        "blob_with_key.bin": (bytes(100) + pkcs1_rsa(), None),  # not at byte 0: not a key file
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_der_keys.py OUTDIR\n")
        return 2
    os.makedirs(argv[1], exist_ok=True)
    key = {}
    for name, (data, label) in files().items():
        with open(os.path.join(argv[1], name), "wb") as f:
            f.write(data)
        key[name] = label
    print(json.dumps(key, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
