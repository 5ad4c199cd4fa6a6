#!/usr/bin/env python3
"""OOXML packages encrypted as Office does ([MS-OFFCRYPTO] Agile
Encryption: AES-256-CBC, SHA-512, spin count 100,000; Standard
Encryption: AES-128-ECB, SHA-1, 50,000 rounds), written with
Python's hashlib and gen_pdf's AES (tests/e2e/test_agile.py, fuzz seeds).
Excel opens a package encrypted with its built-in password
"VelvetSweatshop" without asking; any other password must be typed.

  default.xlsx        a workbook (an SSN cell) under "VelvetSweatshop"
  default.docx        a document (an e-mail address) under "VelvetSweatshop"
  password.xlsx       the same workbook under another password
  default_damaged.xlsx default.xlsx with its encrypted package zeroed after 1 KiB
  default_sha1.xlsx   "VelvetSweatshop", AES-128 and SHA-1, spin count 5,000
  standard.xlsx       Standard Encryption (Office 2007: AES-128-ECB, SHA-1)
                      under "VelvetSweatshop"
  standard256.docx    the same with AES-256
  standard_password.xlsx  Standard Encryption under another password

Usage: gen_agile.py OUTDIR
"""
import base64
import hashlib
import io
import os
import random
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_pdf import aes_cbc_raw, aes_encrypt_block  # noqa: E402

DEFAULT_PW = "VelvetSweatshop"
SSN = "536-22-1877"
EMAIL = "velvet.leak@example.org"

BK_VHI = bytes.fromhex("fea7d2763b4b9e79")
BK_VHV = bytes.fromhex("d7aa0f6d3061344e")
BK_KV = bytes.fromhex("146e0be7abacd0d6")


def xlsx(ssn=SSN):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                   '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
                   '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                   'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
                   'workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="Payroll" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                   'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                   'sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SSN</t>'
                   '</is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>' + ssn + '</t></is></c></row>'
                   '</sheetData></worksheet>')
    return b.getvalue()


def docx(email=EMAIL):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                   '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                   'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/'
                   'document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.'
                   'org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Send the list to ' + email +
                   '</w:t></w:r></w:p></w:body></w:document>')
    return b.getvalue()


def _key(h, salt, pw, spin, bk, key_len):
    x = h(salt + pw.encode("utf-16-le")).digest()
    for i in range(spin):
        x = h(struct.pack("<I", i) + x).digest()
    k = h(x + bk).digest()
    return (k + b"\x36" * key_len)[:key_len]


def _pad(b):
    return b + b"\0" * (-len(b) % 16)


def encrypt(package, password, hash_name="SHA512", key_bits=256, spin=100000, seed=1):
    """The compound file Office writes: EncryptionInfo + EncryptedPackage."""
    rnd = random.Random(seed)
    h = getattr(hashlib, hash_name.lower())
    hlen = h().digest_size
    klen = key_bits // 8
    key_salt = rnd.randbytes(16)
    pw_salt = rnd.randbytes(16)
    pkg_key = rnd.randbytes(klen)
    verifier = rnd.randbytes(16)
    vhi = aes_cbc_raw(_key(h, pw_salt, password, spin, BK_VHI, klen), verifier, pw_salt)
    vhv = aes_cbc_raw(_key(h, pw_salt, password, spin, BK_VHV, klen), _pad(h(verifier).digest()), pw_salt)
    kv = aes_cbc_raw(_key(h, pw_salt, password, spin, BK_KV, klen), _pad(pkg_key), pw_salt)
    data = bytearray(struct.pack("<Q", len(package)))
    for seg, at in enumerate(range(0, len(package), 4096)):
        iv = h(key_salt + struct.pack("<I", seg)).digest()[:16]
        data += aes_cbc_raw(pkg_key, _pad(package[at:at + 4096]), iv)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    common = ('saltSize="16" blockSize="16" keyBits="%d" hashSize="%d" cipherAlgorithm="AES" '
              'cipherChaining="ChainingModeCBC" hashAlgorithm="%s"' % (key_bits, hlen, hash_name))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
           'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
           '<keyData %s saltValue="%s"/>'
           '<dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<p:encryptedKey spinCount="%d" %s saltValue="%s" encryptedVerifierHashInput="%s" '
           'encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/></keyEncryptor></keyEncryptors>'
           '</encryption>') % (common, b64(key_salt), b64(rnd.randbytes(hlen)), b64(rnd.randbytes(hlen)),
                               spin, common, b64(pw_salt), b64(vhi), b64(vhv), b64(kv))
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    w = CFBWriter()
    w.add_stream("EncryptionInfo", info)
    w.add_stream("EncryptedPackage", bytes(data))
    return w.build()[0]


def encrypt_standard(package, password, key_bits=128, seed=7):
    """Standard Encryption (Office 2007): EncryptionInfo 3.2, AES-ECB,
    SHA-1, 50,000 rounds."""
    rnd = random.Random(seed)
    salt = rnd.randbytes(16)
    h = hashlib.sha1(salt + password.encode("utf-16-le")).digest()
    for i in range(50000):
        h = hashlib.sha1(struct.pack("<I", i) + h).digest()
    hf = hashlib.sha1(h + struct.pack("<I", 0)).digest()
    x1 = hashlib.sha1(bytes(b ^ 0x36 for b in hf.ljust(64, b"\0")[:20]) + b"\x36" * 44).digest()
    x2 = hashlib.sha1(bytes(b ^ 0x5C for b in hf.ljust(64, b"\0")[:20]) + b"\x5c" * 44).digest()
    key = (x1 + x2)[:key_bits // 8]
    ecb = lambda d: b"".join(aes_encrypt_block(key, d[i:i + 16]) for i in range(0, len(d), 16))  # noqa: E731
    verifier = rnd.randbytes(16)
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16-le")
    header = struct.pack("<IIIIIIII", 0x24, 0, 0x660E if key_bits == 128 else 0x6610, 0x8004, key_bits,
                         0x18, 0, 0) + csp
    ver = (struct.pack("<I", 16) + salt + ecb(verifier) + struct.pack("<I", 20) +
           ecb(_pad(hashlib.sha1(verifier).digest())))
    info = struct.pack("<HHII", 3, 2, 0x24, len(header)) + header + ver
    data = struct.pack("<Q", len(package)) + ecb(_pad(package))
    w = CFBWriter()
    w.add_stream("EncryptionInfo", info)
    w.add_stream("EncryptedPackage", data)
    return w.build()[0]


def fixtures():
    book = encrypt(xlsx(), DEFAULT_PW)
    pkg_at = book.find(struct.pack("<Q", len(xlsx())))
    enc_len = len(_pad(xlsx()))
    return {
        "default.xlsx": book,
        "default.docx": encrypt(docx(), DEFAULT_PW, seed=2),
        "password.xlsx": encrypt(xlsx(), "Summer2014!", seed=3),
        # the encrypted package zeroed after its first KiB (the compound file stays whole)
        "default_damaged.xlsx": book[:pkg_at + 8 + 1024] + b"\0" * (enc_len - 1024) + book[pkg_at + 8 + enc_len:],
        "default_sha1.xlsx": encrypt(xlsx(), DEFAULT_PW, hash_name="SHA1", key_bits=128, spin=5000, seed=4),
        "standard.xlsx": encrypt_standard(xlsx(), DEFAULT_PW),
        "standard256.docx": encrypt_standard(docx(), DEFAULT_PW, key_bits=256, seed=8),
        "standard_password.xlsx": encrypt_standard(xlsx(), "Summer2014!", seed=9),
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in fixtures().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
