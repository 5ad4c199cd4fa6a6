#!/usr/bin/env python3
"""Plain text in the legacy encodings real shares hold, with no BOM and no
charset label: the staff lists, CSV exports and notes of a Russian,
Chinese, Korean, Greek, Hebrew, Arabic or Thai office (realsweep9). Each
file is written from scratch with Python's codecs; every name, number and
address is fake.

    python3 gen_realsweep9.py OUTDIR

Read as Windows-1252 (what the text handler did with every such file),
their labels (Телефон, 电话, 電話, 주민등록번호) and names were lost; only
ASCII survived. The key (what generate returns) maps each file to the
words its text must hold.

- staff_cp1251.csv: a Russian staff export (Excel's "CSV (разделители -
  точка с запятой)", Windows-1251).
- memo_koi8r.txt: a Russian memo in KOI8-R (Unix mail and old sites).
- list_cp866.txt: a DOS-era list in cp866 with a box-drawn table.
- zakaz_iso8859_5.txt: a short order note in ISO-8859-5.
- staff_gbk.csv: a Chinese (simplified) staff export in GBK.
- staff_big5.txt: a Taiwanese staff card in Big5; its phone number sits
  after 電話 (a phone label the rules know), so it is found only when the
  text is decoded.
- staff_euckr.txt: a Korean staff card in EUC-KR (cp949).
- staff_cp1253.txt, staff_cp1255.txt, staff_cp1256.txt, staff_tis620.txt:
  Greek, Hebrew, Arabic and Thai cards.
- western_cp1252.txt: French, German and Spanish text in Windows-1252,
  which must stay Windows-1252 (its accented letters sit inside ASCII
  words).
- short_cp1251.txt: a two-line note; short Cyrillic text is still judged.
- labels_*.txt: staff cards whose phone numbers and birth dates are in
  national forms (010-1234-5678, 1985年3月12日) that only a label in the
  file's own script (휴대폰, 电话, 手機, τηλέφωνο, هاتف, 生年月日's
  neighbours 出生日期, 생년월일, дата рождения) marks as such.
"""
import os
import sys

STAFF_RU = (
    "ФИО;Должность;Телефон;Дата рождения;Паспорт;E-mail\r\n"
    "Иванов Пётр Сергеевич;Главный бухгалтер;+7 495 123-45-67;12.03.1985;4509 123456;"
    "p.ivanov@example.ru\r\n"
    "Смирнова Анна Викторовна;Менеджер по персоналу;+7 812 555-01-23;07.11.1990;4011 654321;"
    "a.smirnova@example.ru\r\n"
    "Кузнецов Дмитрий Олегович;Юрист;+7 343 210-98-76;23.05.1978;6504 112233;"
    "d.kuznetsov@example.ru\r\n"
)

MEMO_RU = (
    "Служебная записка\n\n"
    "Прошу выдать пропуск новому сотруднику отдела кадров.\n"
    "Фамилия, имя, отчество: Соколова Мария Андреевна\n"
    "Телефон: +7 495 987-65-43\n"
    "Адрес: г. Москва, ул. Садовая, д. 12, кв. 34\n"
    "Электронная почта: m.sokolova@example.ru\n"
    "Паспорт серии 4512 номер 789012 выдан отделением полиции.\n"
    "Конфиденциально: не пересылать за пределы компании.\n"
)

LIST_DOS = (
    "╔══════════════════════════════════════════════╗\n"
    "║ Список сотрудников склада                    ║\n"
    "╠══════════════════════════════════════════════╣\n"
    "║ Петров Иван          тел. +7 383 222-33-44   ║\n"
    "║ Васильева Ольга      тел. +7 383 222-55-66   ║\n"
    "║ Новиков Сергей       e-mail s.novikov@example.ru ║\n"
    "╚══════════════════════════════════════════════╝\n"
    "Составил: начальник склада Морозов А. Н.\n"
)

ORDER_RU = (
    "Заказ покупателя от 14 февраля. Получатель: Лебедева Татьяна Павловна, "
    "телефон +7 913 456-78-90, доставка по адресу улица Ленина, дом 5.\n"
)

STAFF_ZH = (
    "员工信息表（人事部，内部资料）\r\n"
    "姓名,性别,出生日期,身份证号,电话,邮箱,地址\r\n"
    "张伟,男,1985年3月12日,110105198503120017,+86 138 0013 8000,zhang.wei@example.cn,"
    "北京市朝阳区建国路88号\r\n"
    "王芳,女,1990年7月8日,310101199007080028,+86 139 1234 5678,wang.fang@example.cn,"
    "上海市黄浦区南京东路100号\r\n"
    "李娜,女,1988年11月23日,440103198811230045,+86 137 2468 1357,li.na@example.cn,"
    "广州市天河区体育西路9号\r\n"
)

STAFF_TW = (
    "員工資料卡（人事部，機密）\r\n"
    "姓名：陳美玲\r\n"
    "身分證字號：A223456789\r\n"
    "出生日期：民國七十四年三月十二日\r\n"
    "電話：02-2345-6789\r\n"
    "地址：台北市信義區松仁路100號\r\n"
    "電子郵件：meiling.chen@example.tw\r\n"
    "備註：此資料僅供人事部門使用，請勿外流。\r\n"
)

STAFF_KO = (
    "직원 명부 (인사부, 대외비)\r\n"
    "성명: 김민준\r\n"
    "주민등록번호: 850312-1234567\r\n"
    "생년월일: 1985년 3월 12일\r\n"
    "전화번호: +82 2-1234-5678\r\n"
    "주소: 서울특별시 강남구 테헤란로 123\r\n"
    "이메일: minjun.kim@example.kr\r\n"
    "비고: 이 자료는 인사부 내부용이며 외부 유출을 금지합니다.\r\n"
)

STAFF_EL = (
    "Καρτέλα υπαλλήλου (Διεύθυνση Προσωπικού, εμπιστευτικό)\r\n"
    "Ονοματεπώνυμο: Παπαδόπουλος Γιώργος\r\n"
    "Τηλέφωνο: +30 210 123 4567\r\n"
    "Διεύθυνση: οδός Ερμού 25, Αθήνα\r\n"
    "Ηλεκτρονικό ταχυδρομείο: g.papadopoulos@example.gr\r\n"
    "Σημείωση: τα στοιχεία αυτά είναι μόνο για εσωτερική χρήση της εταιρείας.\r\n"
)

STAFF_HE = (
    "כרטיס עובד (משאבי אנוש, סודי)\r\n"
    "שם מלא: כהן דוד\r\n"
    "טלפון: +972 3-123-4567\r\n"
    "כתובת: רחוב הרצל 10, תל אביב\r\n"
    "דואר אלקטרוני: david.cohen@example.co.il\r\n"
    "הערה: המידע הזה מיועד לשימוש פנימי בלבד של מחלקת משאבי אנוש.\r\n"
)

STAFF_AR = (
    "بطاقة موظف (الموارد البشرية، سري)\r\n"
    "الاسم الكامل: أحمد محمد علي\r\n"
    "الهاتف: +966 11 123 4567\r\n"
    "العنوان: شارع الملك فهد، الرياض\r\n"
    "البريد الإلكتروني: ahmed.ali@example.sa\r\n"
    "ملاحظة: هذه المعلومات للاستخدام الداخلي فقط في قسم الموارد البشرية.\r\n"
)

STAFF_TH = (
    "ข้อมูลพนักงาน (ฝ่ายบุคคล ลับ)\r\n"
    "ชื่อ นามสกุล: สมชาย ใจดี\r\n"
    "โทรศัพท์: +66 2 123 4567\r\n"
    "ที่อยู่: ถนนสุขุมวิท กรุงเทพมหานคร\r\n"
    "อีเมล: somchai.jaidee@example.co.th\r\n"
)

WESTERN = (
    "Liste du personnel — Société Générale de Transports\n"
    "Nom : Hélène Lefèvre, née à Besançon ; téléphone : +33 1 42 68 53 00\n"
    "Anschrift: Jürgen Müller, Große Straße 5, München; E-Mail: j.mueller@example.de\n"
    "Dirección: José Núñez, Calle Mayor 12, León; correo: jose.nunez@example.es\n"
    "Bemerkung: „vertraulich“ – nur für die Personalabteilung.\n"
)

LABELS = {
    "labels_ko_euckr.txt": ("직원 명부 (인사부)\r\n성명: 김민준\r\n휴대폰: 010-1234-5678\r\n"
                            "전화: 02-123-4567\r\n생년월일: 1985-03-12\r\n", "euc_kr"),
    "labels_zh_gbk.txt": ("员工资料（人事部）\r\n姓名：张伟\r\n电话：010-62345678\r\n"
                          "出生日期：1985年3月12日\r\n", "gbk"),
    "labels_tw_big5.txt": ("員工資料（人事部）\r\n姓名：陳美玲\r\n手機：0912-345-678\r\n"
                           "出生日期：1985年3月12日\r\n", "big5"),
    "labels_ru_cp1251.txt": ("Карточка сотрудника\r\nФИО: Иванов Пётр Сергеевич\r\n"
                             "Телефон: 02 1234 5678\r\nДата рождения: 12.03.1985\r\n", "cp1251"),
    "labels_ar_cp1256.txt": ("بطاقة موظف\r\nالاسم: أحمد محمد علي\r\nهاتف: 011 123 4567\r\n"
                             "تاريخ الميلاد: 12/03/1985\r\n", "cp1256"),
}

SHORT_RU = "Телефон: +7 495 111-22-33\nДата рождения: 01.02.1980\n"

# file -> (text, Python codec, words its text must hold)
FILES = {
    "staff_cp1251.csv": (STAFF_RU, "cp1251",
                         ["ФИО", "Телефон", "Дата рождения", "Паспорт", "Иванов Пётр Сергеевич"]),
    "memo_koi8r.txt": (MEMO_RU, "koi8_r",
                       ["Телефон: +7 495 987-65-43", "Паспорт серии 4512", "Соколова Мария Андреевна"]),
    "list_cp866.txt": (LIST_DOS, "cp866",
                       ["Список сотрудников склада", "Петров Иван", "тел. +7 383 222-33-44"]),
    "zakaz_iso8859_5.txt": (ORDER_RU, "iso8859_5",
                            ["Лебедева Татьяна Павловна", "телефон +7 913 456-78-90"]),
    "staff_gbk.csv": (STAFF_ZH, "gbk",
                      ["姓名", "身份证号", "电话", "出生日期", "张伟", "北京市朝阳区建国路88号"]),
    "staff_big5.txt": (STAFF_TW, "big5",
                       ["姓名：陳美玲", "身分證字號", "電話：02-2345-6789", "台北市信義區"]),
    "staff_euckr.txt": (STAFF_KO, "euc_kr",
                        ["성명: 김민준", "주민등록번호: 850312-1234567", "생년월일", "전화번호"]),
    "staff_cp1253.txt": (STAFF_EL, "cp1253",
                         ["Τηλέφωνο: +30 210 123 4567", "Παπαδόπουλος Γιώργος"]),
    "staff_cp1255.txt": (STAFF_HE, "cp1255", ["טלפון: +972 3-123-4567", "כהן דוד"]),
    "staff_cp1256.txt": (STAFF_AR, "cp1256", ["الهاتف: +966 11 123 4567", "أحمد محمد علي"]),
    "staff_tis620.txt": (STAFF_TH, "cp874", ["โทรศัพท์: +66 2 123 4567", "สมชาย ใจดี"]),
    "western_cp1252.txt": (WESTERN, "cp1252",
                           ["Hélène Lefèvre, née à Besançon", "Jürgen Müller, Große Straße 5, München",
                            "José Núñez", "„vertraulich“ – nur für"]),
    "short_cp1251.txt": (SHORT_RU, "cp1251", ["Телефон: +7 495 111-22-33", "Дата рождения"]),
}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    key = {}
    for name, (text, codec, words) in FILES.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(text.encode(codec))
        key[name] = words
    for name, (text, codec) in LABELS.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(text.encode(codec))
    return key


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
