#!/usr/bin/env python3
"""Files for review12's findings on the last session's code (the legacy
code-page guess of text.c, unpack, the pipeline); tests/e2e/test_review12.py.

    gen_review12.py OUTDIR

Written from scratch with Python's standard library (all values fake):
- softhyphen_de.txt: three lines of German in Windows-1252 whose words
  carry soft hyphens (0xAD, what a page's &shy; becomes when saved as text:
  "Pri\\xadvat\\xadper\\xadso\\xadnen"); Big5 pairs each with the ASCII
  letter after it, and "\\xadn" is its common character for "want";
- caps_ru_cp1251.txt: a Russian phone list in capitals (surnames and
  names, as registers write them) in Windows-1251, which TIS-620 reads as
  Thai consonants and vowels (and KOI8-R as small letters): it is read in
  windows-1251;
- caps_el_iso8859_7.txt: a Greek notice in capitals without accents (as
  Greek offices type them) in ISO-8859-7, whose capitals KOI8-R reads as
  Russian small letters.
- lower_ru_cp1251.txt: a chat log in small letters only (cp1251, as ICQ
  clients kept their history), nicks in Latin letters: it is Russian,
  whatever KOI8-R's capitals would make of its bytes.
- staff_cp1251.slk: a SYLK sheet as a Russian Excel writes it (its ANSI
  code page, windows-1251): its cells must read as rows, not records.
- staff_pl_cp1250.txt, staff_pl_iso8859_2.txt: a Polish staff note (its
  labels and names: Imię i nazwisko, Łódź, Wiśniewska) in windows-1250 and
  ISO-8859-2, which Windows-1252 read as "Imiê i nazwisko", "£ódŸ";
- kadry_sk_iso8859_2.txt: a Slovak list in ISO-8859-2 (š, ž, ť: "¹", "¾",
  "»" in Windows-1252), no byte 0x80-0x9F;
- western_signs_cp1252.txt: Spanish, French and German text in
  Windows-1252 with the signs that sit next to words ("¿Qué", "¡Está",
  "«mot»", "25 m³", "Pri\\xadvat" with a soft hyphen, "Müller",
  "S.ª"): it stays Windows-1252.
- titles_he_cp1255.txt: three short Hebrew product titles (windows-1255)
  between markup: too few letters for their frequencies, and windows-1251
  reads them as Russian small letters; the final letters (ף) ending words
  say Hebrew.
- folders.zip: a folder tree zipped with no file in it (a share's skeleton:
  folders named by a person's address and a payroll id); its names are its
  text, and its raw bytes (each name twice: local header and directory)
  were scanned too, each value counted again.
The key maps each file to the words its text must hold and the script its
text must not hold.
"""
import os
import sys
import zipfile

SOFT = "\u00ad"


def softhyphen_de():
    words = ["Pri-vat-per-so-nen", "Rei-sen in-ner-halb der EU", "Rei-sen in ei-nen Dritt-staat"]
    return "".join(w.replace("-", SOFT) + "\r\n" for w in words)


CAPS_RU = [
    ("ИВАНОВ", "ПЁТР СЕРГЕЕВИЧ", "ГЛАВНЫЙ БУХГАЛТЕР"),
    ("СМИРНОВА", "АННА ВИКТОРОВНА", "МЕНЕДЖЕР ПО ПЕРСОНАЛУ"),
    ("КУЗНЕЦОВ", "ДМИТРИЙ ОЛЕГОВИЧ", "ЮРИСКОНСУЛЬТ"),
    ("ПОПОВ", "АЛЕКСЕЙ ИГОРЕВИЧ", "ИНЖЕНЕР"),
    ("ВАСИЛЬЕВА", "ЕЛЕНА НИКОЛАЕВНА", "СЕКРЕТАРЬ"),
    ("СОКОЛОВ", "МИХАИЛ ПЕТРОВИЧ", "ВОДИТЕЛЬ"),
    ("МИХАЙЛОВА", "ОЛЬГА СЕРГЕЕВНА", "ЭКОНОМИСТ"),
    ("НОВИКОВ", "АНДРЕЙ ВИКТОРОВИЧ", "НАЧАЛЬНИК ОТДЕЛА"),
]


def caps_ru():
    rows = ["%s %s;+7 495 123-45-%02d" % (sur, name, 10 + i) for i, (sur, name, _) in enumerate(CAPS_RU)]
    return "\r\n".join(rows) + "\r\n"


CAPS_EL = (
    "ΑΝΑΚΟΙΝΩΣΗ ΠΡΟΣ ΤΟ ΠΡΟΣΩΠΙΚΟ\r\n"
    "ΣΑΣ ΕΝΗΜΕΡΩΝΟΥΜΕ ΟΤΙ ΑΠΟ ΤΗ ΔΕΥΤΕΡΑ ΤΑ ΓΡΑΦΕΙΑ ΤΗΣ ΕΤΑΙΡΕΙΑΣ ΘΑ ΛΕΙΤΟΥΡΓΟΥΝ ΑΠΟ ΤΙΣ "
    "ΟΚΤΩ ΤΟ ΠΡΩΙ ΕΩΣ ΤΙΣ ΤΕΣΣΕΡΙΣ ΤΟ ΑΠΟΓΕΥΜΑ.\r\n"
    "ΓΙΑ ΚΑΘΕ ΠΛΗΡΟΦΟΡΙΑ ΕΠΙΚΟΙΝΩΝΗΣΤΕ ΜΕ ΤΟ ΤΜΗΜΑ ΠΡΟΣΩΠΙΚΟΥ ΣΤΟ ΤΗΛΕΦΩΝΟ 210 123 4567.\r\n"
    "ΥΠΕΥΘΥΝΟΣ: ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ, ΔΙΕΥΘΥΝΤΗΣ ΔΙΟΙΚΗΤΙΚΩΝ ΥΠΗΡΕΣΙΩΝ.\r\n"
)


CHAT_RU = [
    ("vasya", "привет, ты завтра будешь в офисе? нужно подписать договор с поставщиком"),
    ("lena_k", "да, буду с утра. пришли мне номер договора и телефон их бухгалтера"),
    ("vasya", "номер договора 45/2009, бухгалтер ольга, телефон 8 916 555 12 34"),
    ("lena_k", "спасибо, позвоню ей после обеда. паспортные данные директора у тебя есть?"),
    ("vasya", "есть, пришлю вечером по почте, сейчас нет доступа к компьютеру"),
]


def chat_ru():
    return "".join("%s (12:%02d:05 14/03/2009)\r\n%s\r\n\r\n" % (nick, 10 + i, msg)
                   for i, (nick, msg) in enumerate(CHAT_RU))


SYLK_RU = [("ФИО", "Телефон", "Должность"),
           ("Иванов Пётр Сергеевич", "+7 495 123-45-67", "Главный бухгалтер"),
           ("Смирнова Анна Викторовна", "+7 812 555-01-23", "Менеджер по персоналу")]


def sylk_ru():
    recs = ["ID;PWXL;N;E"]
    for y, row in enumerate(SYLK_RU, 1):
        for x, v in enumerate(row, 1):
            recs.append("C;%sX%d;K\"%s\"" % ("Y%d;" % y if x == 1 else "", x, v))
    return "\r\n".join(recs + ["E", ""])


STAFF_PL = (
    "Notatka służbowa - dział kadr\r\n"
    "Imię i nazwisko: Agnieszka Wiśniewska\r\n"
    "Stanowisko: główna księgowa, oddział w Łodzi\r\n"
    "Adres: ul. Żeromskiego 15/3, 90-001 Łódź\r\n"
    "Telefon służbowy: +48 42 123 45 67, e-mail: a.wisniewska@example.pl\r\n"
    "Uwagi: proszę o przesłanie zaświadczenia o zatrudnieniu do piątku.\r\n"
)

STAFF_SK = (
    "Zoznam zamestnancov - oddelenie účtovníctva\r\n"
    "Meno: Ľubomír Šťastný, funkcia: hlavný účtovník, telefón: +421 2 1234 5678\r\n"
    "Meno: Zuzana Kováčová, funkcia: mzdová účtovníčka, telefón: +421 2 1234 5679\r\n"
    "Poznámka: výplatné pásky sa posielajú poštou, nie e-mailom. Ďakujeme za pochopenie.\r\n"
    "Každý zamestnanec musí do piatku odovzdať mesačný výkaz; ďalšie pokyny pošle mzdová učtáreň.\r\n"
    "Adresa: Štúrova 12, 811 02 Bratislava, tel. ústredňa: +421 2 5555 0000\r\n"
)

WESTERN = (
    "¿Qué hora es? ¡Está bien! La S.ª Pérez llega mañana a las 9.\r\n"
    "Il a dit «mot» et «très bien», puis il est parti à la gare.\r\n"
    "Wohnfläche 25 m³, Keller 10 m², Miete 800 € pro Monat.\r\n"
    "Pri\u00advat\u00adper\u00adso\u00adnen: Frau Müller, Straße 4, Köln.\r\n"
)


TITLES_HE = ("<title>סט אחורי לגולף 98-04, עגול כסף</title>\n"
             "<title>סט קדמי לגולף 98-04, עגול זהב</title>\n"
             "<title>סט אחורי לפולו, עגול כסף</title>\n")


def generate(out):
    os.makedirs(out, exist_ok=True)
    key = {}

    def put(name, data, words, not_script):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = {"words": words, "not": not_script}

    put("softhyphen_de.txt", softhyphen_de().encode("cp1252"),
        ["Privatpersonen", "innerhalb", "einen Drittstaat"],  # the text drops soft hyphens
        [0x2E80, 0x9FFF])
    put("caps_ru_cp1251.txt", caps_ru().encode("cp1251"), ["ИВАНОВ ПЁТР СЕРГЕЕВИЧ", "НОВИКОВ"],
        [0x0E00, 0x0E7F])
    put("caps_el_iso8859_7.txt", CAPS_EL.encode("iso8859_7"), [], [0x0400, 0x04FF])
    put("lower_ru_cp1251.txt", chat_ru().encode("cp1251"), ["договора", "бухгалтер ольга"],
        [0x2500, 0x25FF])  # KOI8-R's capitals would have none of these words
    put("staff_cp1251.slk", sylk_ru().encode("cp1251"),
        ["\t".join(SYLK_RU[0]) + "\t\n" + "\t".join(SYLK_RU[1])], [0x0E00, 0x0E7F])
    put("staff_pl_cp1250.txt", STAFF_PL.encode("cp1250"), ["Wiśniewska", "Łódź", "Imię"], [0xB0, 0xBF])
    put("staff_pl_iso8859_2.txt", STAFF_PL.encode("iso8859_2"), ["Wiśniewska", "Łódź", "Imię"],
        [0xB0, 0xBF])
    put("kadry_sk_iso8859_2.txt", STAFF_SK.encode("iso8859_2"), ["Ľubomír Šťastný", "Štúrova"],
        [0xB0, 0xBF])
    put("western_signs_cp1252.txt", WESTERN.encode("cp1252"),
        ["¿Qué", "¡Está", "«mot»", "25 m³", "Privatpersonen", "S.ª Pérez"], [0x100, 0x17F])
    put("titles_he_cp1255.txt", TITLES_HE.encode("cp1255"), ["98-04"], [0x0400, 0x04FF])
    with zipfile.ZipFile(os.path.join(out, "folders.zip"), "w") as z:
        for d in ("staff/jane.roe@example.com/", "payroll/SSN 536-22-1874/"):
            z.writestr(zipfile.ZipInfo(d), b"")
    return key


if __name__ == "__main__":
    generate(sys.argv[1])
