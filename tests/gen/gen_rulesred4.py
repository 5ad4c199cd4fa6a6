#!/usr/bin/env python3
"""Fourth red-team answer key (rulesred4): precision on the clean content a
company share is full of -- JavaScript and TypeScript packages (minified
bundles, type declarations, API docs), Debian data files (shared-mime-info,
Unicode test files, glibc's stroke table, man pages) -- with true values
beside the look-alikes.

Usage: gen_rulesred4.py OUTDIR KEYFILE [--seed S]

Every decoy line is the shape of a false positive seen in a real file
(docs/rules.md, "rulesred4"), re-made here with our own names and numbers:
code around a password key (a ternary's "password" : "text", a camelCase
variable, a subscript, a TypeScript member or union type, `function`, an
error-code constant, an error string, a dependency's version in a
package.json or pnpm lock file, a Java field copied from another object,
C's cpio->passphrase = cpio->argument, Haskell's pass = manyChar (...),
Rust's InvalidPassword => write!(...)), TypeScript members typed like
secrets (apiKey: SensitiveString2048;) and parameters typed Uint8Array,
the Azure Storage Emulator's published account key, a command after "passphrase:", a
private-key header in a list of file magics and an elided key in an API's
docs, MD5's constants summed in minified code and the digits of decimal
fractions (read as cards), signed ranges and numbers
between the control bytes of bitmaps and fonts read as phone numbers, a
change log's "+4572/-3446", Unicode code points and CJK
stroke-order codes read as cards. The files beside them hold real-shaped
values in the same syntax (a connection string's Password=...;, a YAML
password with digits, a TypeScript-looking key that is a quoted value, an
Ed25519 key of 64 base64 characters, grouped and ungrouped phones, a
phone in a firmware's strings, cards),
which must still be found.

The key format is gen_rulesred.py's (its Gen is reused):
  {"files": {"<rel>": {"expect": [{"entity", "norm", "kind", "also", "wontfix"}],
                       "decoy": bool}}}
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_rulesred as _base  # noqa: E402


class Gen(_base.Gen):
    def stroke_card(self, prefix, length):
        """A number of the digits 1-5 only (four or more distinct) that is
        Luhn-valid: the shape of a CJK stroke-order code (no group of four
        of one digit, which the test numbers are made of)."""
        while True:
            body = prefix + "".join(self.r.choice("12345") for _ in range(length - len(prefix) - 1))
            for c in "12345":
                n = body + c
                if self.luhn_ok(n) and len(set(n)) >= 3 and \
                        not any(len(set(n[i:i + 4])) == 1 for i in range(0, len(n) - 3, 4)):
                    return n

    def code_point_card(self):
        """Four groups of four digits, two starting 00, Luhn-valid with a
        Mastercard 2-series prefix: Unicode code points."""
        while True:
            g = ["26%02d" % self.r.randint(0, 99), "00%s" % self.d(2), "2%s" % self.d(3), "00%s" % self.d(2)]
            if self.luhn_ok("".join(g)) and 2221 <= int(g[0]) <= 2720:
                return " ".join(g)


def build(g):
    r = g.r

    # ---- JavaScript bundle: code around password keys ------------------------------
    g.begin("decoy/viewer.min.js", decoy=True)
    g.write("".join([
        'else{i=document.createElement("input");i.type=this.data.password?"password":"text";'
        'i.setAttribute("value",a??s);}\n',
        "function encode(bundles) {\n",
        "\t\t\t\t\t\tconst bundleEncoder = device.createRenderBundleEncoder(d);\n",
        "\t\t\t\t\t\tpass = bundleEncoder;\n",
        "\t\t\t\t\t\tsets = bundleSets;\n}\n",
        "      user = _auth$split2[0],\n      password = _auth$split2[1];\n",
        "  getPassword: function () {\n    return this.password;\n  },\n",
        "  var _password = function (length, memorable, pattern, prefix) {\n",
        "      const authPassword = authIsObject && utils$1.hasOwnProp(proxyAuth, 'password') ? proxyAuth.password : undefined;\n",
        "    password = utils$1.getSafeProp(configAuth, 'password');\n",
        "    const urlPassword = decodeURIComponentSafe$1(parsed.password);\n",
        'const AuthErrorCode = {INVALID_PASSWORD:"auth/wrong-password",WEAK_PASSWORD:"auth/weak-password"};\n',
        "exports.ER_NOT_VALID_PASSWORD = 1819;\nexports.ER_MUST_CHANGE_PASSWORD = 1820;\n",
        "n=new PdfManager({source:t.document,handler:h,password:t.password??null,evaluatorOptions:o});\n",
        "try{const{password:n}=await h.sendWithPromise(\"PasswordRequest\",t);e.updatePassword(n)}catch{r=!1}\n",
    ]))

    g.begin("decoy/src/records.java", decoy=True)
    g.write("    public SharingRecord(SharingRecord other) {\n        super(other);\n"
            "        field_1_readonly = other.field_1_readonly;\n        field_2_password = other.field_2_password;\n    }\n")
    g.begin("decoy/src/cli.c", decoy=True)
    g.write("\t\tcase OPTION_PASSPHRASE:\n\t\t\tcpio->passphrase = cpio->argument;\n\t\t\tbreak;\n")
    g.begin("decoy/src/Reader.hs", decoy=True)
    g.write("    login = alphaNum <|> oneOf \"_.-\"\n    pass = manyChar (noneOf \" @\")\n")
    g.begin("decoy/src/error.rs", decoy=True)
    g.write("            PdfError::InvalidPassword => write!(f, \"Invalid password provided\"),\n")
    g.begin("decoy/pnpm-lock.yaml", decoy=True)
    g.write("      '@inquirer/number': 4.0.2(@types/node@25.0.1)\n"
            "      '@inquirer/password': 5.0.2(@types/node@25.0.1)\n")
    g.begin("decoy/package.json", decoy=True)
    g.write('{\n  "name": "crm-portal",\n  "version": "4.2.0",\n  "dependencies": {\n'
            '    "@inquirer/password": "^2.1.22",\n    "pgpass": "1.0.5",\n    "password-prompt": "~1.1.3",\n'
            '    "keytar-password": ">=7.9.0",\n    "express": "^4.21.2"\n  }\n}\n')

    # ---- TypeScript declarations of an SDK ----------------------------------------
    g.begin("decoy/clients.d.ts", decoy=True)
    g.write("".join([
        "  export interface KerberosAttributes {\n",
        "    /**\n     * The password used within the cluster for the kadmin service.\n     */\n",
        "    KdcAdminPassword: XmlStringMaxLen256;\n  }\n",
        "  export type MqttPassword = Buffer|Uint8Array|Blob|string;\n",
        "  export interface ApiKeyCredential {\n    apiKey: SensitiveString2048;\n    clientSecret: SensitiveString2048;\n  }\n",
        "  export interface SessionCreateResponse {\n    client_secret: SessionCreateResponse.ClientSecret;\n  }\n",
        "export declare function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): string;\n",
        "export function scrypt(passwd: Uint8Array | string, salt: BytesLike): Promise<string>;\n",
        "export const StorageEmulator = {\n  DevConnection: \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\"\n};\n",
        "    /**\n     * Use the following command to generate an RSA 2048 bit key with no passphrase:"
        '  ssh-keygen -t rsa -b 2048 -N "" -m PEM -f my-new-server-key.\n     */\n',
        "    /**\n     * The passphrase of the client certificate, as in\n",
        "     * `https://user@password:www.example.org/` below.\n     */\n",
        "    'clientCertificate.passphrase': 'placeholder-value',\n",
        "    /** [APN only] The URL encoded representation of the private key. For example,"
        " `-----BEGIN RSA PRIVATE KEY----- MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fG... -----END RSA PRIVATE KEY-----` */\n",
        "    /** For example, `-----BEGIN RSA PRIVATE KEY----- "
        "MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fGgvCI1l9s+cmBY3WIz+cUDqmxiieR. -----END RSA PRIVATE KEY-----` */\n",
    ]))

    # ---- minified hashing code and a change log -------------------------------------
    g.begin("decoy/md5.min.js", decoy=True)
    g.write("var h=e.g[3],d=i+(h^s&(_^h))+o[0]+3614090360&4294967295;"
            "d=s+(i^t&(n^i))+r[1]+3905402710&4294967295;d=i+(n^s&(t^n))+r[2]+606105819&4294967295;"
            "a=n+(t^i&(s^t))+r[3]+3250441966&4294967295;\n"
            "d=H[a+8>>2];e=(d|0)<(e|0)?d:e;nb(i,b,g,h,e,O(-.%s));l=i+32|0;\n"
            "var weights=[0.%s,-0.%s];\n" % (g.card("44", 16), g.card("51", 16), g.card("4", 16)))
    g.begin("decoy/CHANGELOG.md", decoy=True)
    g.write("### Contributors to this release\n\n"
            "- [Jay](https://github.com/jay '+4572/-3446 (#6238 )')\n"
            "- [Dmitriy](https://github.com/dm '+312/-95 (#6210 )')\n")

    # ---- Debian data files ---------------------------------------------------------
    g.begin("decoy/freedesktop.org.xml", decoy=True)
    g.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
            '  <mime-type type="application/pgp-keys">\n    <comment>PGP keys</comment>\n'
            '    <magic priority="50">\n'
            '      <match type="string" value="-----BEGIN PGP PUBLIC KEY BLOCK-----" offset="0"/>\n'
            '      <match type="string" value="-----BEGIN PGP PRIVATE KEY BLOCK-----" offset="0"/>\n'
            '      <match type="big16" value="0x9501" offset="0"/>\n'
            '      <match type="big16" value="0x9500" offset="0"/>\n'
            '      <match type="big16" value="0x9900" offset="0"/>\n'
            '      <match type="big16" value="0x9901" offset="0"/>\n'
            '      <match type="big16" value="0x9902" offset="0"/>\n'
            '    </magic>\n    <glob pattern="*.skr"/>\n    <glob pattern="*.pkr"/>\n  </mime-type>\n</mime-info>\n')
    g.begin("decoy/adjtimex.2", decoy=True)
    g.write(".TP\n.I freq\nFrequency offset; see NOTES for units.\n"
            "Since Linux 2.6.26,\nthe supplied value is clamped to the range (\\-32768000, +32768000).\n"
            "In older kernels, an\n.B EINVAL\nerror occurs if the supplied value is out of range.\n"
            ".TP\n.B EINVAL\nAn attempt was made to set\n.I buf.freq\n"
            "to a value outside the range (\\-33554432, +33554432).\n")
    g.begin("decoy/BidiCharacterTest.txt", decoy=True)
    lines = ["# BidiCharacterTest-15.0.0.txt", "# ON, ON and ()"]
    for _ in range(6):
        cp = g.code_point_card()
        lines.append("%s;0;0;0 0 0 0;0 1 2 3" % cp)
        lines.append("%s;1;1;1 1 1 1;3 2 1 0" % cp)
    g.write("\n".join(lines) + "\n")
    g.begin("decoy/cns11643_stroke", decoy=True)
    lines = ["% Stroke-order codes of CJK characters (1 horizontal, 2 vertical, 3 left-falling,",
             "% 4 right-falling or dot, 5 turning)", "LC_COLLATE"]
    for i in range(40):
        pfx, n = r.choice([("4", 16), ("51", 16), ("52", 16), ("4", 13), ("4", 19), ("55", 16)])
        lines.append("<U000%05X> <U000%05X>;IGNORE;IGNORE;IGNORE # %s" % (0x23400 + i, 0x23400 + i, g.stroke_card(pfx, n)))
    lines.append("END LC_COLLATE")
    g.write("\n".join(lines) + "\n")

    # ---- binary: bitmap rows and font tables --------------------------------------
    g.begin("decoy/glyphs.bin", decoy=True)
    noise = lambda n: bytes(r.choice(b"\x80\x91\xa2\xb3\xc4\xd5\xe6\xf7\x01\x02\x06\x17") for _ in range(n))
    g.write(noise(300) + b"\x1f\x1f\x00+33333331\x00\x00\x1d" + noise(200) +
            b"\x06\x06\x04\x0b\x00\x00+333333333339\x00\x00\x0043333333311\x00\x04" + noise(200) +
            b"\x00\x03+20171122334\x00\x01" + noise(100), binary=True)

    # ---- the true values beside them ----------------------------------------------
    g.begin("firmware/modem.bin")
    fw = "4930" + g.d(8)
    g.plant("phone", fw, "international number in a firmware's strings")
    g.write(noise(200) + b"\x00Support hotline: +" + fw.encode() + b"\x00" + noise(100), binary=True)
    g.begin("config/app.config")
    words = ["harbor", "maple", "quartz", "falcon", "ember", "cobalt", "juniper", "orbit"]
    pw1 = r.choice(words) + r.choice(words).capitalize() + g.d(4)   # camelCase, as a variable is written
    pw2 = g.password()
    pw3 = "Summer" + g.d(4)
    g.plant("password", pw1, "connection string Password=camelCase;")
    g.plant("password", pw2, "quoted JS assignment")
    g.plant("password", pw3, "YAML password with digits")
    api = "A" + g.rand("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 30) + "7x"
    g.plant("token", api, "quoted apiKey in a TS object")
    g.write("<connectionStrings>\n  <add name=\"crm\" connectionString=\"Server=db01;Database=crm;"
            "User Id=svc_crm;Password=%s;\" />\n</connectionStrings>\n"
            "// app.js\nconst password = \"%s\";\n"
            "# settings.yml\ndatabase:\n  password: %s\n"
            "// client.ts\nconst client = new Client({ apiKey: \"%s\" });\n" % (pw1, pw2, pw3, api))
    g.begin("keys/id_ed25519.pem")
    body = base64.b64encode(bytes.fromhex("302e020100300506032b657004220420") +
                            bytes(r.getrandbits(8) for _ in range(32))).decode()
    g.plant("private_key", body, "Ed25519 PKCS#8, 64 base64 characters")
    g.write("-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n" % body)
    g.begin("contacts/office.txt")
    cards = [g.card("4", 16), g.card("51", 16)]
    for c in cards:
        g.plant("credit_card", c, "card beside the decoys")
    g.plant("credit_card", "4444333322221111", "a network test number of the digits 1-4")
    g.plant("credit_card", "5555341244441115", "a payment provider's test number of the digits 1-5")
    g.plant("credit_card", "4111111145551142", "a payment provider's test number of the digits 1-5")
    hu = "3630" + g.d(7)
    uk = "44207946" + g.d(4)
    g.plant("phone", hu, "ungrouped +36 mobile")
    g.plant("phone", uk, "grouped +44")
    g.write("Card on file: %s\nCorporate card: %s\nTest card: 4444 3333 2222 1111\n"
            "Sandbox cards: 5555 3412 4444 1115, 4111 1111 4555 1142\n"
            "Mobile: +%s\nOffice (+%s %s %s %s)\n"
            % (g.grouped(cards[0]), cards[1], hu, uk[:2], uk[2:4], uk[4:8], uk[8:]))


def main():
    _base.main(Gen, build)


if __name__ == "__main__":
    sys.exit(main())
