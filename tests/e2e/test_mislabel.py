#!/usr/bin/env python3
"""HTML and XML labelled windows-1252 or ISO-8859-1 (src/extract/html.c,
xml.c, markup.c): read as Windows-1252 unless the bytes are clearly another
script's page. A Russian staff page a template labelled windows-1252 reads
in windows-1251 (its labels and names were mojibake: "Òåëåôîí"); a French
page so labelled stays Windows-1252."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

RU = ("Сотрудники отдела кадров. Фамилия: Иванова, имя: Мария, отчество: Петровна. "
      "Телефон: +7 495 123-45-67, дата рождения: 1975-03-14. Адрес: Москва, улица Тверская, "
      "дом 7. Электронная почта: m.ivanova@example-corp.ru. Должность: главный бухгалтер. ")
FR = ("Liste du personnel. Nom : Dupont, prénom : Hélène. Téléphone : 01 42 68 53 00. "
      "Adresse électronique : h.dupont@example-corp.fr. Né le : 14 mars 1975, à Besançon. ")


def page(label, text, codec):
    return ("<html><head><meta charset=\"%s\"><title>Staff</title></head><body><p>%s</p></body></html>"
            % (label, text * 3)).encode(codec)


def xml(label, text, codec):
    return ("<?xml version=\"1.0\" encoding=\"%s\"?><staff><note>%s</note></staff>" % (label, text * 3)).encode(codec)


class Mislabel(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.files = {
            "ru_as_1252.html": page("windows-1252", RU, "cp1251"),
            "ru_as_latin1.xml": xml("ISO-8859-1", RU, "cp1251"),
            "fr_as_1252.html": page("windows-1252", FR, "cp1252"),
            "fr_as_latin1.xml": xml("ISO-8859-1", FR, "cp1252"),
            # saved from a quoted-printable mail body without decoding it
            "ru_qp_label.html": ("<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; "
                                 "charset=3Dkoi8-r\"></head><body><p>%s</p></body></html>" % RU).encode("koi8_r"),
            "ru_qp_label2.html": page("koi8-r", RU, "koi8_r").replace(b'charset="', b'charset=3D"'),
        }
        for name, data in cls.files.items():
            with open(os.path.join(cls.tmp.name, name), "wb") as f:
                f.write(data)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def text(self, name):
        return lsutil.run(["text", os.path.join(self.tmp.name, name)]).stdout.decode("utf-8")

    def test_mislabelled_cyrillic(self):
        for name in ("ru_as_1252.html", "ru_as_latin1.xml"):
            t = self.text(name)
            with self.subTest(name=name):
                self.assertIn("Телефон: +7 495 123-45-67", t)
                self.assertIn("Иванова", t)

    def test_quoted_printable_label(self):
        for name in ("ru_qp_label.html", "ru_qp_label2.html"):
            with self.subTest(name=name):
                self.assertIn("Телефон: +7 495 123-45-67", self.text(name))
                proc, m = lsutil.scan(self.tmp.name, [os.path.join(self.tmp.name, name)])
                o = m.obj(os.path.join(self.tmp.name, name))
                self.assertEqual(o["coverage"], "full", o["errors"])

    def test_western_stays_1252(self):
        for name in ("fr_as_1252.html", "fr_as_latin1.xml"):
            t = self.text(name)
            with self.subTest(name=name):
                self.assertIn("Téléphone : 01 42 68 53 00", t)
                self.assertIn("Hélène", t)
                self.assertIn("Besançon", t)


if __name__ == "__main__":
    unittest.main()
