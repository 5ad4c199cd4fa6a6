#!/usr/bin/env python3
"""XML entity declarations, harmless and hostile (standard library only).

Harmless: what Adobe Illustrator writes into every SVG it saves (namespace
URIs as internal entities) and a DocBook article's version entities: plain
text values, nothing to expand. Hostile: a quadratic blow-up (one long
value referenced many times), an entity whose value nests references, a
SYSTEM entity, more than 64 declarations, and a plain entity inside a
docx part (Word never writes a DOCTYPE).

    python3 gen_xml_entities.py OUTDIR   # prints {name: expected alerts} as JSON
"""
import json
import os
import sys
import zipfile

EMAIL = "art.director@corp-example.com"

ILLUSTRATOR = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
\t<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
\t<!ENTITY ns_graphs "http://ns.adobe.com/Graphs/1.0/">
\t<!ENTITY ns_vars "http://ns.adobe.com/Variables/1.0/">
\t<!ENTITY ns_imrep "http://ns.adobe.com/ImageReplacement/1.0/">
\t<!ENTITY ns_sfw "http://ns.adobe.com/SaveForWeb/1.0/">
\t<!ENTITY ns_custom "http://ns.adobe.com/GenericCustomNamespace/1.0/">
\t<!ENTITY ns_adobe_xpath "http://ns.adobe.com/XPath/1.0/">
]>
<svg version="1.1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns:graph="&ns_graphs;"
\t xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
\t width="200px" height="80px" viewBox="0 0 200 80" xml:space="preserve">
<text transform="matrix(1 0 0 1 10 40)" font-family="'MyriadPro-Regular'" font-size="12">Contact %s</text>
</svg>
""" % EMAIL

DOCBOOK = """<?xml version="1.0" standalone="no"?>
<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN"
"http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd" [
  <!ENTITY updated "2 October 2018">
  <!ENTITY version "0.21">
]>
<article id="index"><title>Spec &version;</title><para>Maintained by %s, updated &updated;.</para></article>
""" % EMAIL


def hostile(decls, body="<r>%s</r>" % EMAIL):
    return '<?xml version="1.0"?>\n<!DOCTYPE r [%s]>\n%s\n' % (decls, body)


def docx_with(part_xml):
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", part_xml)
    return buf.getvalue()


def files():
    """name -> (bytes, expected alerts)."""
    many = "".join('<!ENTITY e%d "v%d">' % (i, i) for i in range(70))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return {
        "logo.svg": (ILLUSTRATOR.encode(), []),
        "spec.xml": (DOCBOOK.encode(), []),
        "quadratic.xml": (hostile('<!ENTITY a "%s">' % ("x" * 50000), "<r>%s %s</r>" % ("&a;" * 1000, EMAIL)).encode(),
                          ["xml_entity"]),
        "nested.xml": (hostile('<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">').encode(), ["xml_entity"]),
        "system.xml": (hostile('<!ENTITY x SYSTEM "file:///etc/hostname">').encode(), ["xml_entity"]),
        "many.xml": (hostile(many).encode(), ["xml_entity"]),
        "plain_in_part.docx": (docx_with('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY v "1.0">]>'
                                         '<w:document %s><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body>'
                                         '</w:document>' % (w, EMAIL)), ["xml_entity"]),
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_xml_entities.py OUTDIR\n")
        return 2
    os.makedirs(argv[1], exist_ok=True)
    exp = {}
    for name, (data, alerts) in files().items():
        with open(os.path.join(argv[1], name), "wb") as f:
            f.write(data)
        exp[name] = alerts
    print(json.dumps(exp, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
