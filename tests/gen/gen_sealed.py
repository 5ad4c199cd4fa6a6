#!/usr/bin/env python3
"""Generate encrypted envelopes and look-alikes for the sealed handler
(tests/e2e/test_sealed.py, fuzz/corpus/sealed/).

    python3 gen_sealed.py OUTDIR          # fixtures + expect.json
    python3 gen_sealed.py --seed DIR      # small fuzz seeds

The envelopes are built by their specifications with the standard library
(OpenPGP: RFC 4880 / RFC 9580 packets and armor with its CRC-24; CMS: RFC
5652 DER ContentInfo; the others by their published headers); the
ciphertext is random bytes, which is all ciphertext is to a reader without
the key. When `gpg` or `openssl` are installed, files made by them are
added (gpg_*.gpg, gpg_*.asc, openssl_*.enc, openssl_smime.eml).

expect.json: {file: {"sealed": bool, "partial": bool, "unsupported": bool,
"decoded": bool, "bomb": bool}}
- sealed: handler "sealed", coverage none, reason encrypted; partial: an
e-mail or text whose body carries an encrypted PGP block (reason
encrypted, coverage partial); decoded: a signed (not clear-signed) PGP
message, binary or armored, whose literal data (holding an SSN) becomes a
child; unsupported: one whose compression (BZip2) is not read (reason
unsupported, not encrypted); none: a look-alike that must not be called
encrypted.
"""
import base64
import bz2
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zlib

RND = random.Random(20261129)
SSN_TEXT = b"Payroll correction: SSN 536-22-1874, account 4539 1488 0343 6467\n"


def rnd(n):
    return bytes(RND.getrandbits(8) for _ in range(n))


# ---- OpenPGP ----

def new_packet(tag, body):
    """New-format packet (RFC 4880 4.2.2), one-, two- or five-octet length."""
    n = len(body)
    if n < 192:
        ln = bytes([n])
    elif n < 8384:
        n2 = n - 192
        ln = bytes([(n2 >> 8) + 192, n2 & 0xFF])
    else:
        ln = b"\xff" + n.to_bytes(4, "big")
    return bytes([0xC0 | tag]) + ln + body


def old_packet(tag, body):
    """Old-format packet with a two-octet length (what GnuPG writes for ESKs)."""
    return bytes([0x80 | (tag << 2) | 1]) + len(body).to_bytes(2, "big") + body


def skesk_v4():
    # version 4, AES-256 (9), iterated+salted S2K (3), SHA-256 (8), salt, count
    return old_packet(3, bytes([4, 9, 3, 8]) + rnd(8) + bytes([0xEE]))


def pkesk_v3():
    # version 3, key id, RSA (1), one MPI of 2048 bits
    return old_packet(1, bytes([3]) + rnd(8) + bytes([1]) + (2048).to_bytes(2, "big") + rnd(256))


def seipd(n=400):
    return new_packet(18, bytes([1]) + rnd(n))


def pgp_sym():
    return skesk_v4() + seipd()


def pgp_pub():
    return pkesk_v3() + seipd()


def crc24(data):
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def armor(data, kind="MESSAGE", headers=("Version: GnuPG v2",)):
    b64 = base64.b64encode(data).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    out = ["-----BEGIN PGP %s-----" % kind] + list(headers) + [""] + lines
    out.append("=" + base64.b64encode(crc24(data).to_bytes(3, "big")).decode())
    out.append("-----END PGP %s-----" % kind)
    return ("\n".join(out) + "\n").encode()


def pgp_signed():
    """A signed, not encrypted message: one-pass signature, literal data,
    signature (RFC 4880 11.3)."""
    ops = new_packet(4, bytes([3, 0, 8, 1]) + rnd(8) + bytes([1]))
    lit = new_packet(11, b"b" + bytes([4]) + b"note" + (0).to_bytes(4, "big") + SSN_TEXT)
    sig = new_packet(2, bytes([4, 0, 1, 8]) + rnd(60))
    return ops + lit + sig


def partial_packet(tag, body, chunk=512):
    """New-format packet whose body is sent in partial lengths (RFC 4880
    4.2.2.4: 0xE0 | log2 of the chunk), the last piece with a plain length."""
    out = bytes([0xC0 | tag])
    while len(body) > chunk:
        out += bytes([0xE0 | (chunk.bit_length() - 1)]) + body[:chunk]
        body = body[chunk:]
    return out + new_packet(tag, body)[1:]


def compressed(packets, algo):
    """Compressed data packet (tag 8): 0 none, 1 ZIP (raw deflate), 2 ZLIB,
    3 BZip2; old format with an indeterminate length, as GnuPG writes it."""
    if algo == 1:
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = co.compress(packets) + co.flush()
    elif algo == 2:
        data = zlib.compress(packets, 9)
    elif algo == 3:
        data = bz2.compress(packets)
    else:
        data = packets
    return bytes([0x80 | (8 << 2) | 3, algo]) + data


def pgp_signed_compressed(algo=1, name=b"payroll.txt"):
    """gpg --sign: compressed [one-pass signature, literal data, signature];
    the literal's body in partial-length chunks."""
    ops = new_packet(4, bytes([3, 0, 8, 1]) + rnd(8) + bytes([1]))
    body = b"b" + bytes([len(name)]) + name + (0).to_bytes(4, "big") + SSN_TEXT * 40
    lit = partial_packet(11, body)
    sig = new_packet(2, bytes([4, 0, 1, 8]) + rnd(60))
    return compressed(ops + lit + sig, algo)


def pgp_bomb():
    """gpg --sign over 64 MiB of zeros: a 64 KB message whose compressed
    packet expands 1000:1 (cut past the bomb floor, zip_bomb)."""
    ops = new_packet(4, bytes([3, 0, 8, 1]) + rnd(8) + bytes([1]))
    lit = new_packet(11, b"b\x08zero.bin" + (0).to_bytes(4, "big") + bytes(64 << 20))
    return compressed(ops + lit, 2)


# ---- CMS ----

def der(tag, body):
    n = len(body)
    if n < 0x80:
        ln = bytes([n])
    elif n < 0x100:
        ln = bytes([0x81, n])
    else:
        ln = bytes([0x82]) + n.to_bytes(2, "big")
    return bytes([tag]) + ln + body


OID_PKCS7 = bytes.fromhex("2a864886f70d0107")


def cms(kind):
    """ContentInfo { contentType pkcs7-<kind>, [0] content } (RFC 5652)."""
    inner = der(0x30, der(0x02, b"\x00") + der(0x31, der(0x30, rnd(120))) +
                der(0x30, der(0x06, OID_PKCS7 + b"\x01") + der(0x80, rnd(96))))
    return der(0x30, der(0x06, OID_PKCS7 + bytes([kind])) + der(0xA0, inner))


# ---- mail ----

def eml(headers, body):
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def mail_inline_pgp():
    body = b"Hi Ana,\r\n\r\nthe file you asked for:\r\n\r\n" + armor(pgp_pub()).replace(b"\n", b"\r\n")
    return eml(["From: Bo <bo@example.com>", "To: ana@example.com", "Subject: as agreed",
                "Content-Type: text/plain; charset=us-ascii"], body)


def mail_pgp_mime():
    b = "=-=sealed=-="
    body = ("--%s\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n"
            "--%s\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n" % (b, b)).encode()
    body += armor(pgp_sym()).replace(b"\n", b"\r\n") + ("\r\n--%s--\r\n" % b).encode()
    return eml(["From: bo@example.com", "To: ana@example.com", "Subject: q3",
                "MIME-Version: 1.0",
                "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"%s\"" % b],
               body)


def mail_smime():
    b64 = base64.encodebytes(cms(3)).replace(b"\n", b"\r\n")
    return eml(["From: bo@example.com", "To: ana@example.com", "Subject: salaries",
                "MIME-Version: 1.0",
                "Content-Disposition: attachment; filename=\"smime.p7m\"",
                "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"",
                "Content-Transfer-Encoding: base64"], b64)


def mail_signed_inline():
    body = b"Minutes attached as agreed.\r\n\r\n" + armor(pgp_signed()).replace(b"\n", b"\r\n")
    return eml(["From: bo@example.com", "To: ana@example.com", "Subject: minutes"], body)


# ---- the rest ----

def fixtures():
    """{name: (bytes, sealed, partial)}"""
    f = {}
    f["sym.gpg"] = (pgp_sym(), True, False)
    f["pub.gpg"] = (pgp_pub(), True, False)
    f["pub.asc"] = (armor(pgp_pub()), True, False)
    f["noheaders.asc"] = (b"\n  " + armor(pgp_sym(), headers=()), True, False)
    f["enveloped.p7m"] = (cms(3), True, False)
    f["encrypted_data.der"] = (cms(6), True, False)
    f["salted.enc"] = (b"Salted__" + rnd(8) + rnd(64), True, False)
    f["secret.age"] = (b"age-encryption.org/v1\n-> X25519 " + base64.b64encode(rnd(32)).rstrip(b"=") +
                       b"\n" + base64.b64encode(rnd(32)).rstrip(b"=") + b"\n--- " +
                       base64.b64encode(rnd(32)).rstrip(b"=") + b"\n" + rnd(200), True, False)
    f["armored.age"] = (b"-----BEGIN AGE ENCRYPTED FILE-----\n" + base64.encodebytes(rnd(180)) +
                        b"-----END AGE ENCRYPTED FILE-----\n", True, False)
    f["vault.yml"] = (b"$ANSIBLE_VAULT;1.1;AES256\n" + b"\n".join(
        rnd(40).hex().encode() for _ in range(8)) + b"\n", True, False)
    f["notes.txt"] = (b"VimCrypt~03!" + rnd(300), True, False)
    f["disk.img"] = (b"LUKS\xba\xbe\x00\x02" + rnd(1016), True, False)
    f["usb.bek"] = (b"\xeb\x58\x90-FVE-FS-" + rnd(500), True, False)
    f["archive.dmg"] = (b"encrcdsa" + rnd(500), True, False)
    f["inline.eml"] = (mail_inline_pgp(), False, True)
    f["pgpmime.eml"] = (mail_pgp_mime(), False, False)  # its part is sealed
    f["smime.eml"] = (mail_smime(), False, False)        # its part is sealed
    f["reply.txt"] = (b"> earlier message\nplease use the key below\n\n" + armor(pgp_sym()), False, True)
    # look-alikes: signed (readable) messages, keys, text about envelopes,
    # a certificate's DER, binary that only resembles encrypted data
    # signed, not encrypted: decoded (pgp handler / armored blocks in text)
    f["signed.asc"] = (armor(pgp_signed()), False, "decoded")
    f["signed.eml"] = (mail_signed_inline(), False, "decoded")
    f["signed_zip.gpg"] = (pgp_signed_compressed(1), False, "decoded")
    f["signed_zlib.gpg"] = (pgp_signed_compressed(2), False, "decoded")
    f["signed_zip.asc"] = (armor(pgp_signed_compressed(1)), False, "decoded")
    f["signed_bzip2.asc"] = (armor(pgp_signed_compressed(3)), False, "unsupported")
    f["bomb.gpg"] = (pgp_bomb(), False, "bomb")
    f["key.asc"] = (armor(new_packet(6, bytes([4]) + rnd(4) + bytes([1]) + rnd(140)), kind="PUBLIC KEY BLOCK"),
                    False, False)
    f["howto.txt"] = (b"To encrypt, run ansible-vault; the file then starts with $ANSIBLE_VAULT;1.1;AES256\n"
                      b"and openssl enc files start with Salted__ (8 bytes).\n" + SSN_TEXT, False, False)
    f["cert.der"] = (der(0x30, der(0x30, der(0x02, b"\x01") + der(0x06, bytes.fromhex("2a864886f70d01010b"))) +
                         rnd(200)), False, False)
    f["seipd_first.bin"] = (seipd(), False, False)  # encrypted data with no session key first
    f["short.enc"] = (b"Salted__" + rnd(4), False, False)
    # no signature at all: a VeraCrypt/TrueCrypt volume is random bytes
    # (the pipeline's random-data check, not the sealed handler)
    f["volume.hc"] = (RND.randbytes(320 << 10), False, "random")  # named as a volume: 64 KiB+
    f["backup.dat"] = (RND.randbytes(3 << 20), False, "random")  # 1 MiB+; head and middle sampled
    # look-alikes of random data: too small, too even, biased, random then text
    f["keyfile.tc"] = (RND.randbytes(40 << 10), False, False)
    f["noise.bin"] = (RND.randbytes(600 << 10), False, False)  # not named as a volume, under 1 MiB
    # later parts of split archives: compressed data, no header, random too
    f["backup.7z.002"] = (RND.randbytes(1100 << 10), False, "split")
    f["mail.z01"] = (RND.randbytes(1100 << 10), False, "split")
    f["counter.bin"] = (bytes(i % 256 for i in range(300000)), False, False)
    f["biased.bin"] = (bytes(b & 0x7F for b in RND.randbytes(300000)), False, False)
    f["half.bin"] = (RND.randbytes(1 << 20) + (SSN_TEXT * 40000)[:2 << 20], False, False)
    # an encrypted SQLite database (SQLCipher) has no header in the clear: random
    # bytes in whole pages, named as a database; not so when not in whole pages,
    # under four 1 KiB pages, or not named as a database
    f["secure.db"] = (RND.randbytes(4096 * 4), False, "randomdb")
    f["Contacts.SQLITE3"] = (RND.randbytes(1024 * 5), False, "randomdb")
    f["cache.db"] = (RND.randbytes(4096 * 4 + 100), False, False)
    f["tiny.db"] = (RND.randbytes(2048), False, False)
    f["pages.bin"] = (RND.randbytes(4096 * 4), False, False)
    return f


def gpg_files(out, expect):
    if not shutil.which("gpg"):
        return
    with tempfile.TemporaryDirectory() as home:
        src = os.path.join(home, "in.txt")
        with open(src, "wb") as fh:
            fh.write(SSN_TEXT)
        for name, extra in (("gpg_sym.gpg", []), ("gpg_sym.asc", ["-a"])):
            dst = os.path.join(out, name)
            r = subprocess.run(["gpg", "--homedir", home, "--batch", "--yes", "--passphrase", "x",
                                "--pinentry-mode", "loopback", "-c"] + extra + ["-o", dst, src],
                               capture_output=True)
            if r.returncode == 0:
                expect[name] = {"sealed": True, "partial": False, "unsupported": False, "decoded": False}


def openssl_files(out, expect):
    if not shutil.which("openssl"):
        return
    with tempfile.TemporaryDirectory() as t:
        src = os.path.join(t, "in.txt")
        with open(src, "wb") as fh:
            fh.write(SSN_TEXT)
        dst = os.path.join(out, "openssl_aes.enc")
        r = subprocess.run(["openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-salt", "-pass", "pass:x",
                            "-in", src, "-out", dst], capture_output=True)
        if r.returncode == 0:
            expect["openssl_aes.enc"] = {"sealed": True, "partial": False, "unsupported": False,
                                          "decoded": False}


def generate(out):
    os.makedirs(out, exist_ok=True)
    expect = {}
    for name, (data, sealed, partial) in fixtures().items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        expect[name] = {"sealed": sealed, "partial": partial is True,
                        "unsupported": partial == "unsupported", "decoded": partial == "decoded",
                        "bomb": partial == "bomb", "random": partial == "random", "split": partial == "split",
                        "randomdb": partial == "randomdb"}
    gpg_files(out, expect)
    openssl_files(out, expect)
    with open(os.path.join(out, "expect.json"), "w") as fh:
        json.dump(expect, fh, indent=1, sort_keys=True)
    return expect


def seeds(out):
    os.makedirs(out, exist_ok=True)
    f = fixtures()
    for name in ("sym.gpg", "pub.asc", "enveloped.p7m", "salted.enc", "vault.yml", "disk.img",
                 "reply.txt", "signed.asc", "signed_zip.gpg", "signed_zlib.gpg"):
        data = f[name][0]
        with open(os.path.join(out, name.replace(".", "_")), "wb") as fh:
            fh.write(data[:4096])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
    else:
        sys.exit(__doc__)
