#!/usr/bin/env python3
"""Third red-team answer key (rulesred3): PII in the languages and layouts of
a multinational's file share (Tokyo, London, Berlin, Paris, Madrid, Mumbai,
Sao Paulo offices).

Usage: gen_rulesred3.py OUTDIR KEYFILE [--seed S]

HR letters, staff CSV exports (UTF-8, Windows-1252, UTF-16), payroll text,
mail bodies and contact sheets written the way each office writes them:
phones in national and international forms (`+44 (0)20 ...`, `+49 (0)89 /
1234 5678`, `01 42 68 53 00` after a no-break space, `03(1234)5678`,
`98765 43210`, `(11) 91234-5678`), labels in the local language and in
full-width characters (`Mobiltelefon`, `Móvil`, `Tfno.`, `Fone`, `電話番号`,
`ＴＥＬ：`), birth dates in local forms (`geboren am 3. März 1975`, `née le
12 janvier 1980`, `13 de março de 1985`, `生年月日：1975年3月3日`, `昭和50年`),
IBANs of twenty countries printed in groups, cards grouped with spaces,
dashes, no-break spaces and full-width digits, passports under local labels,
e-mail addresses with internationalised (Unicode) domains and local parts.

National identity numbers (NIR, DNI, CPF, Aadhaar, PAN, My Number,
Steuer-ID, NINO, BSN) have no entity in the stable list (docs/rules.md,
"Decoys and decisions"): they are planted with valid check digits in the
decoy files and must produce no finding under any other name, beside the
numbers a business share is full of (invoice and order numbers, EAN-13,
ISBN, SIRET, VAT ids, part numbers, IPs, versions, time stamps, amounts,
coordinates, postcodes).

Every value is made here (random, with valid check digits where the real
thing has them). The key format is gen_rulesred.py's (its Gen is reused):
  {"files": {"<rel>": {"expect": [{"entity", "norm", "kind", "also", "wontfix"}],
                       "decoy": bool}}}
"""
import json
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_rulesred as _base  # noqa: E402

NBSP = "\u00a0"
NNBSP = "\u202f"
FW = str.maketrans("0123456789-+()/@.#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                   "０１２３４５６７８９－＋（）／＠．＃" + "".join(chr(0xFF21 + i) for i in range(26)) +
                   "".join(chr(0xFF41 + i) for i in range(26)))
DE_PASS = "CFGHJKLMNPRTVWXYZ0123456789"

# IBAN BBAN layouts: n digits, a upper-case letters, c alphanumerics (upper case)
IBAN_BBAN = {
    "DE": "18n", "FR": "10n,11c,2n", "ES": "20n", "GB": "4a,14n", "IT": "1a,10n,12c", "NL": "4a,10n",
    "BE": "12n", "CH": "5n,12c", "AT": "16n", "PT": "21n", "PL": "24n", "SE": "20n", "DK": "14n",
    "NO": "11n", "IE": "4a,14n", "LU": "3n,13c", "BR": "23n,1a,1c", "SA": "2n,18c", "AE": "19n",
    "TR": "5n,1n,16c", "MC": "10n,11c,2n", "GR": "7n,16c", "FI": "14n", "CZ": "20n",
}


class Gen(_base.Gen):
    def bban(self, cc):
        out = ""
        for part in IBAN_BBAN[cc].split(","):
            n, kind = int(part[:-1]), part[-1]
            alpha = {"n": string.digits, "a": string.ascii_uppercase,
                     "c": string.digits + string.digits + string.ascii_uppercase}[kind]
            out += "".join(self.r.choice(alpha) for _ in range(n))
        return out

    def iban_of(self, cc):
        return self.iban(cc, self.bban(cc))

    def dig(self, n, first="123456789"):
        return self.r.choice(first) + self.d(n - 1)

    # ---- national identity numbers, with their real check digits ----------------------
    def nir(self):
        """France: sex, YY, MM, dept, commune, order, key = 97 - n mod 97."""
        body = "%d%02d%02d%02d%03d%03d" % (self.r.choice((1, 2)), self.r.randint(50, 99), self.r.randint(1, 12),
                                          self.r.randint(1, 95), self.r.randint(1, 990), self.r.randint(1, 999))
        return body, "%02d" % (97 - int(body) % 97)

    def dni(self):
        n = self.r.randint(10000000, 99999999)
        return "%08d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])

    def cpf(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(9)]
            if len(set(d)) > 1:
                break
        for k in (10, 11):
            s = sum(x * w for x, w in zip(d, range(k, 1, -1)))
            d.append(0 if s * 10 % 11 == 10 else s * 10 % 11)
        v = "".join(map(str, d))
        return "%s.%s.%s-%s" % (v[:3], v[3:6], v[6:9], v[9:])

    _VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
           [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
           [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
           [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
    _VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
           [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
           [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
    _VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    def aadhaar(self):
        body = self.dig(11, "23456789")
        c = 0
        for i, ch in enumerate(reversed(body)):
            c = self._VD[c][self._VP[(i + 1) % 8][int(ch)]]
        v = body + str(self._VINV[c])
        return "%s %s %s" % (v[:4], v[4:8], v[8:])

    def my_number(self):
        """Japan: 11 digits and a check digit (mod 11, weights 2-7)."""
        body = self.d(11)
        s = sum(int(body[10 - n]) * (n + 2 if n < 6 else n - 4) for n in range(11))
        c = 0 if s % 11 <= 1 else 11 - s % 11
        v = body + str(c)
        return "%s %s %s" % (v[:4], v[4:8], v[8:])

    MAESTRO = ("5018", "5020", "5038", "5612", "5893", "6304", "6390", "6759", "6761", "6762", "6763")

    def maestro_shaped(self, make):
        """An id of `make` that is also a 12-digit Maestro number passing Luhn
        (about one in 7,000 Aadhaar or My Number values)."""
        while True:
            v = make()
            d = v.replace(" ", "")
            if d[:4] in self.MAESTRO and self.luhn_ok(d):
                return v

    def bsn(self):
        while True:
            v = self.dig(9)
            if (sum(int(v[i]) * (9 - i) for i in range(8)) - int(v[8])) % 11 == 0:
                return v

    def steuer_id(self):
        v = self.dig(10)
        prod = 10
        for ch in v:
            s = (int(ch) + prod) % 10 or 10
            prod = s * 2 % 11
        v += str((11 - prod) % 10)
        return "%s %s %s %s" % (v[:2], v[2:5], v[5:8], v[8:])

    def nino(self):
        return "%s%s %s %s %s %s" % (self.r.choice("ABCEGHJKLMNPRSTWXYZ"), self.r.choice("ABCEGHJKLMNPRSTWXYZ"),
                                     self.d(2), self.d(2), self.d(2), self.r.choice("ABCD"))

    def pan_in(self):
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(3)) + "P" + \
            self.r.choice(string.ascii_uppercase) + self.d(4) + self.r.choice(string.ascii_uppercase)

    def ean13(self, prefix):
        body = prefix + self.d(12 - len(prefix))
        s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        return body + str((10 - s % 10) % 10)

    def siret(self):
        while True:
            v = self.dig(14)
            if self.luhn_ok(v):
                return v

    def passport(self, shape):
        while True:
            v = "".join(self.r.choice(string.ascii_uppercase) if c == "A" else
                        self.r.choice(string.digits) if c == "9" else c for c in shape)
            if len(set(v)) > 3:
                return v


def build(g):
    r = g.r

    # ---- London: staff contact export (UTF-8 CSV) ------------------------------------
    g.begin("london/hr/staff_contacts_2024.csv")
    rows = ["Employee ID,Full Name,Email,Mobile,Office Phone,Date of Birth,NI Number"]
    for i in range(6):
        mob = "7" + g.dig(9, "4589")
        office = "20" + g.dig(8, "378")
        dob = "%02d/%02d/%d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1960, 1999))
        email = "%s.%s@sonylondon.co.uk" % (r.choice(["amelia", "oliver", "isla", "harry", "ava", "jack"]),
                                             r.choice(["smith", "jones", "taylor", "brown", "wilson", "evans"]) + str(i))
        mform = ["+44 %s %s" % (mob[:4], mob[4:]), "0%s %s" % (mob[:4], mob[4:]), "+44 (0)%s %s" % (mob[:4], mob[4:]),
                 "(0%s) %s" % (mob[:4], mob[4:]), "+44 (0) %s-%s" % (mob[:4], mob[4:]), "07%s %s %s" % (mob[1:4], mob[4:7], mob[7:])][i]
        oform = ["+44 (0)%s %s %s" % (office[:2], office[2:6], office[6:]), "0%s %s %s" % (office[:2], office[2:6], office[6:]),
                 "+44 %s %s %s" % (office[:2], office[2:6], office[6:]), "(0%s) %s %s" % (office[:2], office[2:6], office[6:]),
                 "+44-%s-%s-%s" % (office[:2], office[2:6], office[6:]), "0%s-%s-%s" % (office[:2], office[2:6], office[6:])][i]
        g.plant("phone", ("44" + mob) if mform.startswith("+") else ("0" + mob), "UK mobile " + mform[:9])
        g.plant("phone", ("44" + office) if oform.startswith("+") else ("0" + office), "UK office " + oform[:9])
        g.plant("email", email, "staff e-mail")
        g.plant("dob", dob, "UK DOB column dd/mm/yyyy")
        rows.append("E%05d,%s,%s,%s,%s,%s,%s" % (r.randint(1, 99999), "Staff %d" % i, email, mform, oform, dob, g.nino()))
    g.write("\r\n".join(rows) + "\r\n")

    # ---- Berlin: a German HR form (UTF-8) -------------------------------------------
    g.begin("berlin/personal/Personalbogen_Mueller.txt")
    dob_de = "%d. %s %d" % (r.randint(1, 28), r.choice(["März", "Januar", "Oktober", "Dezember", "Juli"]), r.randint(1960, 1995))
    tel = "30" + g.dig(8)
    mobil = "151" + g.dig(8)
    telnr = "89" + g.dig(8)
    handy = "170" + g.dig(7)
    pp1 = g.passport("A99A99A9" + r.choice("0123456789"))
    pp1 = r.choice("CFGHJK") + pp1[1:]
    pp2 = r.choice("CFGHJK") + "".join(r.choice("CFGHJKLMNPRTVWXYZ") for _ in range(4)) + g.d(4)
    iban_de = g.iban_of("DE")
    card = g.card("4", 16)
    g.plant("dob", dob_de, "geboren am D. Monat YYYY")
    g.plant("phone", "0" + tel, "Telefon: 030 ...")
    g.plant("phone", "0" + mobil, "Mobiltelefon: 0151 ...")
    g.plant("phone", "49" + telnr, "Telefonnummer: +49 (0)89 / ...")
    g.plant("phone", "0" + handy, "Handynummer: 0170/...")
    g.plant("passport", pp1, "Reisepassnummer (<= 3 letters)")
    g.plant("passport", pp2, "Reisepassnummer (German alphabet, 5 letters)")
    g.plant("iban", iban_de, "DE IBAN grouped")
    g.plant("credit_card", card, "Kreditkarte with dashes")
    g.plant("email", "j.mueller@sony-berlin.de", "DE e-mail")
    g.write("""PERSONALBOGEN                                   Sony Europe B.V., Zweigniederlassung Berlin

Name, Vorname:        Müller, Jürgen
geboren am %s in Köln
Anschrift:            Kurfürstendamm 21, 10719 Berlin
Telefon:              0%s %s
Mobiltelefon:         0%s %s
Telefonnummer (dienstlich): +49 (0)%s / %s %s
Handynummer: 0%s/%s
E-Mail:               j.mueller@sony-berlin.de
Steuer-ID:            %s
Reisepassnummer:      %s   (gültig bis 2031)
Reisepass-Nr. (neu):  %s
Bankverbindung:       IBAN %s   BIC COBADEFFXXX
Kreditkarte (Firma):  %s
Personalnummer:       %s
Eintritt:             01.04.2019
""" % (dob_de, tel[:2], tel[2:], mobil[:3], mobil[3:], telnr[:2], telnr[2:6], telnr[6:], handy[:3], handy[3:],
       g.steuer_id(), pp1, pp2, g.grouped(iban_de), "-".join(card[i:i + 4] for i in range(0, 16, 4)), g.d(6)))

    # ---- Paris: attestation d'employeur (UTF-8, French typography: NBSP before ':') -
    g.begin("paris/rh/attestation_employeur_Dupont.txt")
    day, mon, yr = r.randint(1, 28), r.choice(["janvier", "février", "août", "décembre", "mars"]), r.randint(1965, 1998)
    dob_fr = "%d %s %d" % (day, mon, yr)
    fixe = "1" + g.d(8)
    port = r.choice("67") + g.d(8)
    intl = "1" + g.d(8)
    ppfr = g.passport("99AA99999")
    iban_fr = g.iban_of("FR")
    nir, key = g.nir()
    g.plant("dob", dob_fr, "née le D mois YYYY")
    g.plant("phone", "0" + fixe, "Tél. : 01 42 .. (NBSP)")
    g.plant("phone", "0" + port, "Portable : 06.12.34.56.78")
    g.plant("phone", "33" + intl, "+33 (0)1 ..")
    prose = "9" + g.d(8)
    g.plant("phone", "0" + prose, "par téléphone au 09 ..")
    g.plant("passport", ppfr, "numéro de passeport")
    g.plant("iban", iban_fr, "FR IBAN grouped (NNBSP)")
    g.plant("email", "claire.dupont@sony-paris.fr", "FR e-mail")
    sp = lambda n: " ".join(n[i:i + 2] for i in range(0, len(n), 2))  # noqa: E731
    g.write("""ATTESTATION D'EMPLOYEUR

Je soussignée, Marie Lefèvre, directrice des ressources humaines, atteste que
Madame Claire Dupont, née le %s à Lyon (69), demeurant 12 rue de Rivoli,
75004 Paris, est employée au sein de notre société depuis le 1er septembre 2015.

Tél.%s: %s
Portable%s: %s
Ligne directe : +33 (0)%s
Courriel : claire.dupont@sony-paris.fr
Numéro de passeport : %s
N° de sécurité sociale : %s %s
Coordonnées bancaires — IBAN : %s

Pour toute question, contactez-nous par téléphone au %s.

Fait à Paris, le 14 mars 2024, pour servir et valoir ce que de droit.
""" % (dob_fr, NBSP, sp("0" + fixe).replace(" ", NBSP), NBSP, ".".join(sp("0" + port).split()),
       " ".join([intl[0]] + sp(intl[1:]).split()), ppfr,
       " ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13]]), key,
       NNBSP.join(iban_fr[i:i + 4] for i in range(0, len(iban_fr), 4)), sp("0" + prose)))

    # ---- Madrid: employee sheet, Windows-1252 CSV with ';' --------------------------
    g.begin("madrid/rrhh/ficha_empleados.csv")
    rows = ["Nombre;Apellidos;DNI;Fecha de nacimiento;Teléfono;Móvil;Correo electrónico;Pasaporte;IBAN"]
    for i in range(4):
        fijo = "91" + g.d(7)
        movil = r.choice("67") + g.d(8)
        dob = "%02d/%02d/%d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1960, 1999))
        pp = g.passport("AAA999999")
        ib = g.iban_of("ES")
        mail = "%s.%s@sony-madrid.es" % (r.choice(["lucia", "hugo", "martina", "pablo"]), r.choice(["garcia", "lopez", "perez"]) + str(i))
        g.plant("phone", fijo, "ES fijo 9 digits")
        g.plant("phone", movil, "ES móvil column")
        g.plant("dob", dob, "Fecha de nacimiento column")
        g.plant("passport", pp, "Pasaporte column")
        g.plant("iban", ib, "ES IBAN column")
        g.plant("email", mail, "ES e-mail")
        rows.append("%s;%s;%s;%s;%s;%s;%s;%s;%s" % (
            r.choice(["Lucía", "Hugo", "Martina", "Pablo"]), r.choice(["García Núñez", "López", "Pérez Ibáñez"]),
            g.dni(), dob, "%s %s %s" % (fijo[:3], fijo[3:6], fijo[6:]), "%s %s %s %s" % (movil[:3], movil[3:5], movil[5:7], movil[7:]),
            mail, pp, g.grouped(ib)))
    g.write(("\r\n".join(rows) + "\r\n").encode("cp1252"), binary=True)

    g.begin("madrid/rrhh/carta_bienvenida.txt")
    tfno = "93" + g.d(7)
    mv = "6" + g.d(8)
    dob_es = "%d de %s de %d" % (r.randint(1, 28), r.choice(["marzo", "enero", "octubre", "diciembre"]), r.randint(1960, 1995))
    g.plant("phone", tfno, "Tfno.: 93 ...")
    g.plant("phone", mv, "Móvil: 6.. .. .. ..")
    g.plant("dob", dob_es, "nacido el D de mes de YYYY")
    g.write("""Estimado Sr. Ibáñez:

Le damos la bienvenida a Sony Interactive Entertainment España. Según los datos
que nos facilitó (nacido el %s en Sevilla), hemos dado de alta su ficha.

Tfno.: %s %s %s
Móvil: %s %s %s %s

Un saludo cordial,
Departamento de Recursos Humanos
""" % (dob_es, tfno[:2], tfno[2:5], tfno[5:], mv[:3], mv[3:5], mv[5:7], mv[7:]))

    # ---- Tokyo: staff register (UTF-8), full-width labels and digits ---------------
    g.begin("tokyo/jinji/shain_meibo.txt")
    y, m, d = r.randint(1960, 1995), r.randint(1, 12), r.randint(1, 28)
    dob_jp = "%d年%d月%d日" % (y, m, d)
    sy = r.randint(40, 63)
    dob_sh = "昭和%d年%d月%d日" % (sy, r.randint(1, 12), r.randint(1, 28))
    t1 = "3" + g.d(8)
    k1 = "90" + g.d(8)
    t2 = "3" + g.d(8)
    t3 = "6" + g.d(8)
    t4 = "3" + g.d(8)
    ppjp = g.passport("AA9999999")
    cardjp = g.card("3528", 16)
    g.plant("dob", dob_jp, "生年月日：YYYY年M月D日")
    g.plant("dob", dob_sh, "生年月日 昭和NN年 (Japanese era)")
    g.plant("phone", "0" + t1, "電話番号：03-....-....")
    g.plant("phone", "0" + k1, "携帯：090-....-....")
    g.plant("phone", "0" + t2, "TEL 03(1234)5678")
    g.plant("phone", "0" + t3, "ＴＥＬ：０６－ full-width")
    g.plant("phone", "81" + t4, "+81 3-....-....")
    g.plant("passport", ppjp, "旅券番号")
    g.plant("credit_card", cardjp, "JCB full-width grouped")
    g.plant("email", "t.yamada@sony-tokyo.co.jp", "JP e-mail")
    g.write("""社員名簿（人事部・社外秘）

氏名：山田 太郎（やまだ たろう）
生年月日：%s
電話番号：0%s-%s-%s
携帯：0%s-%s-%s
TEL 0%s(%s)%s
%s
国際：+81 %s-%s-%s
メール：t.yamada@sony-tokyo.co.jp
旅券番号：%s
個人番号（マイナンバー）：%s
カード番号：%s
郵便番号：〒108-0075 東京都港区港南1-7-1

氏名：佐藤 花子
生年月日 %s
""" % (dob_jp, t1[0], t1[1:5], t1[5:], k1[:2], k1[2:6], k1[6:], t2[0], t2[1:5], t2[5:],
       ("ＴＥＬ：0%s-%s-%s" % (t3[0], t3[1:5], t3[5:])).translate(FW),
       t4[0], t4[1:5], t4[5:], ppjp, g.my_number(),
       " ".join(cardjp[i:i + 4] for i in range(0, 16, 4)).translate(FW), dob_sh))

    # ---- Mumbai: payroll text -------------------------------------------------------
    g.begin("mumbai/payroll/salary_slip_mar2024.txt")
    mob = r.choice("6789") + g.d(9)
    land = "22" + g.d(8)
    mob2 = r.choice("6789") + g.d(9)
    dob_in = "%02d-%02d-%d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1965, 1999))
    ppin = g.passport("A9999999")
    g.plant("phone", mob, "Mobile: 98765 43210")
    g.plant("phone", "0" + land, "Phone: 022 2345 6789")
    g.plant("phone", "91" + mob2, "+91-98765-43210")
    g.plant("dob", dob_in, "DOB dd-mm-yyyy")
    g.plant("passport", ppin, "Passport No")
    g.plant("email", "priya.sharma@sony-india.co.in", "IN e-mail")
    g.write("""SONY INDIA PVT. LTD.                                  SALARY SLIP - MARCH 2024
Employee Name : Priya Sharma            Employee Code : IN%s
DOB           : %s                Date of Joining : 01-07-2016
Mobile        : %s %s
Phone         : 0%s %s %s
Alt. contact  : +91-%s-%s
Email         : priya.sharma@sony-india.co.in
PAN           : %s             Aadhaar : %s
Passport No.  : %s
UAN           : %s             PF No. : MH/BAN/0012345/000/%s
Bank A/c      : %s   IFSC : HDFC000%s
Basic  45,000.00   HRA  18,000.00   Gross  78,450.00   Net Pay  69,112.00
""" % (g.d(6), dob_in, mob[:5], mob[5:], land[:2], land[2:6], land[6:], mob2[:5], mob2[5:], g.pan_in(), g.aadhaar(),
       ppin, g.dig(12), g.d(7), g.dig(14), g.d(4)))

    # ---- Sao Paulo: cadastro (UTF-16LE with BOM, as Excel's "Unicode text" saves) ----
    g.begin("saopaulo/rh/cadastro_funcionario.txt")
    cel = "9" + g.d(8)
    fix = "3" + g.d(7)
    fone = "2" + g.d(7)
    dob_br = "%d de %s de %d" % (r.randint(1, 28), r.choice(["março", "outubro", "junho", "dezembro"]), r.randint(1965, 1998))
    dob_br2 = "%d de %s de %d" % (r.randint(1, 28), r.choice(["outubro", "março", "fevereiro"]), r.randint(1965, 1998))
    ppbr = g.passport("AA999999")
    iban_br = g.iban_of("BR")
    g.plant("phone", "11" + cel, "Celular: (11) 9....-....")
    g.plant("phone", "11" + fix, "Telefone: (11) 3...-....")
    g.plant("phone", "5521" + fone, "Fone: +55 21 ....-....")
    g.plant("dob", dob_br, "Data de nascimento: D de mês de YYYY")
    g.plant("dob", dob_br2, "nascido em D de mês de YYYY")
    g.plant("passport", ppbr, "Passaporte nº")
    g.plant("iban", iban_br, "BR IBAN grouped")
    g.plant("email", "joao.silva@sony-brasil.com.br", "BR e-mail")
    text = """CADASTRO DE FUNCIONÁRIO
Nome: João da Silva Conceição
Data de nascimento: %s
CPF: %s
Celular: (11) %s-%s
Telefone: (11) %s-%s
Fone: +55 21 %s-%s
Passaporte nº: %s
E-mail: joao.silva@sony-brasil.com.br
Conta (IBAN): %s
Observação: o dependente, nascido em %s, foi incluído no plano de saúde.
""" % (dob_br, g.cpf(), cel[:5], cel[5:], fix[:4], fix[4:], fone[:4], fone[4:], ppbr, g.grouped(iban_br), dob_br2)
    g.write(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"), binary=True)

    # ---- Finance: IBANs of twenty-four countries, grouped, in a payment run --------
    g.begin("finance/sepa/payment_run_2024-03.txt")
    lines = ["Zahlungslauf / Payment run 2024-03  (Kreditor, IBAN, Betrag)"]
    for i, cc in enumerate(sorted(IBAN_BBAN)):
        v = g.iban_of(cc)
        form = [g.grouped(v), "IBAN " + g.grouped(v), "IBAN: " + v, g.grouped(v).replace(" ", NBSP)][i % 4]
        g.plant("iban", v, "IBAN %s %s" % (cc, ["grouped", "IBAN grouped", "compact", "NBSP groups"][i % 4]))
        lines.append("Kreditor %02d | %s | %s EUR" % (i + 1, form, "{:,.2f}".format(r.randint(100, 999999) / 100.0)
                                                      .replace(",", "X").replace(".", ",").replace("X", ".")))
    # in the groups of the national account number, as French, Spanish and UK banks print them
    for cc, cuts, label in (("FR", (4, 9, 14, 25), "IBAN : "), ("ES", (4, 8, 12, 14), "IBAN "), ("GB", (4, 8, 14), "IBAN: ")):
        v = g.iban_of(cc)
        parts, last = [], 0
        for c in cuts + (len(v),):
            parts.append(v[last:c])
            last = c
        g.plant("iban", v, "IBAN %s in national groups" % cc)
        lines.append("Kreditor %s | %s%s | %s EUR" % (cc, label, " ".join(parts), r.randint(100, 9999)))
    g.write("\n".join(lines) + "\n")

    # ---- Finance: corporate card register (localized labels, separators) ----------
    g.begin("finance/cards/firmenkarten_register.txt")
    out = []
    for lab, pfx, n, sep in (("Numéro de carte", "4970", 16, " "), ("Kartennummer", "52", 16, "-"),
                             ("Nº de tarjeta", "4", 16, " "), ("Número do cartão", "55", 16, NBSP),
                             ("Card No.", "37", 15, " "), ("カード番号", "35", 16, "-")):
        c = g.card(pfx, n)
        g.plant("credit_card", c, "%s sep %r" % (lab, sep))
        groups = [c[:4], c[4:10], c[10:]] if n == 15 else [c[i:i + 4] for i in range(0, n, 4)]
        out.append("%s : %s   exp. %02d/%02d" % (lab, sep.join(groups), r.randint(1, 12), r.randint(25, 30)))
    g.write("\n".join(out) + "\n")

    # ---- Mail: internationalised addresses in a mail body ----------------------------
    g.begin("mail/intl_distribution_list.txt")
    addrs = ["jürgen.groß@müller-bau.de", "françois@société-exemple.fr", "josé.garcía@empresa.es",
             "山田@例え.jp", "info@xn--mller-bau-q9a.de", "mónica@correo.es"]
    for a in addrs:
        # a local part ending in a letter outside U+00C0-U+017F (山田@) is
        # a known gap, left for speed (docs/rules.md, pii_email): not keyed
        if not a.startswith("山田"):
            g.plant("email", a, "IDN/EAI " + a.split("@")[1][:12])
    g.write("""From: Sony Europe Communications <comms@sony-europe.com>
Subject: Verteiler / liste de diffusion / lista de distribución

Bitte die folgenden Adressen in den Verteiler aufnehmen:
  Jürgen Groß <%s>
  François Petit — %s
  José García (%s)
  山田太郎：%s
  Müller Bau (Punycode): %s
  Mónica: %s
""" % tuple(addrs))
    g.plant("email", "comms@sony-europe.com", "sender")

    # ---- Tokyo: a mail in Japanese prose: addresses glued to the words around them --
    g.begin("tokyo/mail/renraku.txt")
    a1 = g.plant("email", "taro.suzuki%d@sony-tokyo.co.jp" % r.randint(1, 99), "JP prose: mail wa ...made")
    a2 = "佐藤@例え.jp"  # kanji local part after a hiragana particle: the known gap above, not keyed
    a3 = g.plant("email", "hanako.sato@sony-tokyo.co.jp", "JP full-width parentheses")
    g.write("""件名：来週の打ち合わせについて

お疲れ様です。資料はメールは%sまでお送りください。
急ぎの場合は、または%sにご連絡ください（担当：佐藤）。
佐藤花子（%s）
""" % (a1, a2, a3))

    # ---- decoys: blank forms in every language ------------------------------------
    g.begin("decoy/blank_forms.txt", decoy=True)
    g.write("""geboren am . . . . . . . . . . . . . . . . in . . . . . . . . . .
Geburtsdatum: TT.MM.JJJJ      Telefonnummer: ____________   Reisepassnummer: ________
né(e) le : __/__/____ à ________   Tél. : __ __ __ __ __   Numéro de passeport : __________
Fecha de nacimiento: dd/mm/aaaa   Teléfono: ___ ___ ___   Móvil: (opcional)
Data de nascimento: __/__/____   Celular: (  )_____-____
生年月日：　　年　　月　　日　　電話番号：　　－　　　－　　　　旅券番号：
DOB: DD/MM/YYYY   Mobile: +91-__________   Passport No.: __________
Rufnummer 110 (Polizei), 112 (Feuerwehr); Tlf. 2024-03-14; 電話受付 9:00～18:00（土日祝除く）
Das Projekt wurde geboren am Ende des Jahres; le site est né le jour où...
""")

    # ---- decoys: national ids (no entity) and business numbers --------------------
    g.begin("decoy/national_ids.txt", decoy=True)
    nir, key = g.nir()
    g.write("""Identifiants nationaux (pas d'entité dans la liste stable)
N° de sécurité sociale (NIR) : %s %s %s %s %s %s %s
DNI: %s   NIE: X%s%s
CPF: %s
Aadhaar: %s      PAN: %s
マイナンバー：%s
Steuer-ID: %s     Sozialversicherungsnummer: %s %s %s %s
National Insurance No: %s
BSN: %s
AHV-Nr.: 756.%s.%s.%s
Aadhaar (UID): %s     個人番号：%s
""" % (nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], key, g.dni(), g.d(7), r.choice("TRWAGMY"),
       g.cpf(), g.aadhaar(), g.pan_in(), g.my_number(), g.steuer_id(), g.d(2), g.d(6), r.choice("ABMN"), g.d(3),
       g.nino(), g.bsn(), g.d(4), g.d(4), g.d(2), g.maestro_shaped(g.aadhaar), g.maestro_shaped(g.my_number)))

    g.begin("decoy/mumbai_kyc_register.csv", decoy=True)
    g.write("Employee Code,Aadhaar,PAN,City\r\n" + "".join(
        "IN%06d,%s,%s,Mumbai\r\n" % (r.randint(1, 999999), g.maestro_shaped(g.aadhaar) if i % 2 else g.aadhaar(), g.pan_in())
        for i in range(6)))

    g.begin("decoy/business_numbers_de_fr_es.txt", decoy=True)
    eans = [g.ean13(p) for p in ("400", "300", "840", "450", "789", "490")]
    g.write("""Artikelliste / liste d'articles / lista de artículos
EAN: %s
Rechnungsnummer: RE-2024-%s   Bestellnummer: %s   Kundennummer: %s
Facture n° FA%s du 14/03/2024 — SIRET : %s %s %s %s — TVA : FR%s
N° de commande : %s   Référence : %s
Factura nº %s — CIF: B%s — Pedido: %s
ISBN 978-3-16-148410-0, ISBN 4-06-%s-%s, ISBN 978-84-%s-%s-%s
Teilenummer: 212-867-5309   Art.-Nr. 4711-0815-2024
Summe: 1.234.567,89 €   Montant : 12 345 678,90 €   Total: 9.876.543,21 €
Koordinaten: 52.520008, 13.404954 — 48°51′24″N 2°21′03″E — 40.416775, -3.703790
Server 10.20.30.40, 192.168.178.1; Version 10.0.19045.3570; Build 2024.03.14.0915
Zeitstempel 2024-03-14T09:12:44+01:00 — 20240314091244 — 14.03.2024 09:12
Postleitzahl 10719 Berlin — code postal 75004 Paris — 〒108-0075 — CEP 01310-100
Fahrplan: ab 08:15 09:15 10:15 — an 08:52 09:52 10:52 — Gleis 12
""" % (" ".join(eans), g.d(6), g.card("4", 16), g.d(10), g.d(7), *(lambda s: (s[:3], s[3:6], s[6:9], s[9:]))(g.siret()),
       g.d(11), g.d(12), g.d(9), g.d(6), g.d(8), g.d(10), g.d(6), g.d(1), g.d(4), g.d(4), g.d(1)))

    g.begin("decoy/jp_in_br_business.txt", decoy=True)
    g.write("""注文番号：%s　請求書番号：INV-%s　品番：SNY-%s-%s
JANコード：%s　ISBN978-4-%s-%s-%s
受付日時：2024年3月14日 09時12分　発売日：2024年11月30日　設立：昭和21年5月7日
金額：¥1,234,567　郵便番号：〒100-0001
Invoice No. %s  PO # %s  GSTIN 27%s1Z%s  HSN 8528
Order date 14/03/2024 — dispatch 15-03-2024 — IP 203.0.113.45
Nota Fiscal nº %s  Pedido %s  CNPJ %s.%s.%s/0001-%s  CEP 04578-000
Emitida em 14 de março de 2024 — vencimento 30/04/2024 — R$ 12.345,67
""" % (g.d(10), g.d(8), g.d(4), g.d(3), g.ean13("49"), g.d(3), g.d(5), g.d(1), g.d(9), g.d(8), g.pan_in(),
       r.choice(string.ascii_uppercase), g.d(9), g.d(8), g.d(2), g.d(3), g.d(3), g.d(2)))


def main():
    _base.main(Gen, build)


if __name__ == "__main__":
    sys.exit(main())
