"""Database dumps split over two files: the rows in a header-less data
file, the column names in a sibling schema file of the same directory
(src/pipeline/sibling.c; tests/e2e/test_sibling.py).

gen_sibling.py OUT -> OUT/... ; generate(out) returns {relative path: the
SSNs planted in it as bare digits (found only through the column name)}.

Each file is written from scratch in its tool's layout (all PII fake, SSN
areas 6xx):
- pg_dump -Fd: toc.dat (archive 1.14, format 5: the header, the TOC with
  TABLE and TABLE DATA entries whose file names are N.dat and whose COPY
  statements list the columns, pg_backup_archiver.c) beside N.dat.gz
  (gzip) and N.dat (-Z0), COPY text rows with \\N and escapes;
- mysqldump --tab=DIR: TABLE.sql (CREATE TABLE `TABLE`) and TABLE.txt
  (tab-separated, \\N), and one written with --fields-terminated-by=,
  --fields-optionally-enclosed-by='"'; the same directory in a tar, a
  tar.gz and a zip (the schema member first, as mysqldump writes it);
- SQL Server bcp: a non-XML format file (version line, field count, one
  line per field) beside a tab-separated .dat, an XML one
  (<BCPFORMAT><RECORD><FIELD/>...<ROW><COLUMN/>) beside a comma-separated
  .bcp, and a -w (UTF-16LE) data file with SQLNCHAR fields;
- PostgreSQL COPY patients TO 'patients.csv' (CSV) beside pg_dump -s
  output patients.sql;
- Oracle SQL*Loader: payroll.ctl (LOAD DATA INFILE 'payroll.dat' ...
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' (...)) beside
  payroll.dat;
- pairs that must not be made: a .sql whose CREATE TABLE names another
  table, a .ctl whose INFILE names another file, a schema with more
  columns than the rows have, and a 9-digit column that is no SSN.
"""
import gzip
import io
import os
import struct
import sys
import tarfile
import zipfile

FIXED_TIME = 1700000000


def ssn(n):
    """A fake SSN as 9 digits: area 6xx (never 666), group and serial non-zero."""
    area = 601 + n % 60
    return "%03d%02d%04d" % (area, 11 + n % 80, 1000 + 37 * n)


# ---------------------------------------------------------------- pg_dump -Fd
def pg_int(v):
    return struct.pack("<BI", 1 if v < 0 else 0, abs(v))


def pg_str(s):
    if s is None:
        return pg_int(-1)
    b = s.encode()
    return pg_int(len(b)) + b


def pg_toc_dat(tables):
    """toc.dat of a directory-format archive (archive version 1.14, intSize 4,
    offSize 8, format 5), uncompressed level 0; tables: (dump id of the
    TABLE entry, name, [(column, type)])."""
    head = b"PGDMP" + bytes([1, 14, 0, 4, 8, 5]) + pg_int(0)
    for v in (0, 30, 12, 14, 10, 123, 0):  # sec min hour mday mon year isdst
        head += pg_int(v)
    head += pg_str("hr") + pg_str("15.4") + pg_str("15.4")
    ents = []
    for tid, name, cols in tables:
        ddl = "CREATE TABLE public.%s (\n%s\n);\n" % (name, ",\n".join("    %s %s" % c for c in cols))
        ents.append((tid, "TABLE", name, ddl, None, [], None))
        copy = "COPY public.%s (%s) FROM stdin;\n" % (name, ", ".join(c for c, _ in cols))
        ents.append((tid + 1000, "TABLE DATA", name, "", copy, [str(tid)], "%d.dat" % (tid + 1000)))
    toc = pg_int(len(ents))
    for did, desc, tag, defn, copy, deps, fname in ents:
        toc += pg_int(did) + pg_int(1 if desc == "TABLE DATA" else 0)
        toc += pg_str("1259") + pg_str(str(16384 + did)) + pg_str(tag) + pg_str(desc)
        toc += pg_int(3 if desc == "TABLE DATA" else 2)  # section: data / pre-data
        toc += pg_str(defn) + pg_str("DROP TABLE public.%s;\n" % tag if desc == "TABLE" else "")
        toc += pg_str(copy) + pg_str("public") + pg_str("") + pg_str("heap" if desc == "TABLE" else "")
        toc += pg_str("postgres") + pg_str("false")
        for d in deps:
            toc += pg_str(d)
        toc += pg_str(None)
        toc += pg_str(fname)  # WriteExtraToc of the directory format: the data's file
    return head + toc


def copy_rows(rows):
    def esc(v):
        if v is None:
            return "\\N"
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return "".join("\t".join(esc(v) for v in r) + "\n" for r in rows).encode()


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=FIXED_TIME, filename="") as f:
        f.write(data)
    return buf.getvalue()


# ---------------------------------------------------------------- writers
def mysql_create(name, cols):
    return ("--\n-- Table structure for table `%s`\n--\n\nDROP TABLE IF EXISTS `%s`;\n"
            "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
            "CREATE TABLE `%s` (\n%s,\n  PRIMARY KEY (`%s`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
            % (name, name, name, ",\n".join("  `%s` %s" % c for c in cols), cols[0][0])).encode()


def bcp_plain_fmt(cols, term, wide=False):
    """Non-XML format file (bcp ... format nul -c -f, -w: SQLNCHAR)."""
    typ = "SQLNCHAR" if wide else "SQLCHAR"
    out = "14.0\n%d\n" % len(cols)
    for i, (c, ln) in enumerate(cols, 1):
        t = term if i < len(cols) else "\\r\\n"
        out += '%-8d%-20s%-8d%-8d"%s"%s%-6d%-20s%s\n' % (
            i, typ, 0, ln * (2 if wide else 1), t, " " * (8 - len(t)), i, c, "SQL_Latin1_General_CP1_CI_AS")
    return out.encode()


def bcp_xml_fmt(cols, term):
    rec = "".join('  <FIELD ID="%d" xsi:type="CharTerm" TERMINATOR="%s" MAX_LENGTH="%d" '
                  'COLLATION="SQL_Latin1_General_CP1_CI_AS"/>\n' % (i, term if i < len(cols) else "\\r\\n", ln)
                  for i, (c, ln) in enumerate(cols, 1))
    row = "".join('  <COLUMN SOURCE="%d" NAME="%s" xsi:type="SQLVARYCHAR"/>\n' % (i, c)
                  for i, (c, ln) in enumerate(cols, 1))
    return ('<?xml version="1.0"?>\n<BCPFORMAT xmlns="http://schemas.microsoft.com/sqlserver/2004/bulkload/format" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n <RECORD>\n%s </RECORD>\n <ROW>\n%s </ROW>\n'
            '</BCPFORMAT>\n' % (rec, row)).encode()


def tar_of(members, mode="w"):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = FIXED_TIME
            ti.mode = 0o644
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def zip_of(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2023, 11, 14, 22, 13, 20)), data)
    return buf.getvalue()


def generate(out):
    planted = {}
    n = [0]

    def s9():
        n[0] += 1
        return ssn(n[0])

    def put(rel, data, ssns=()):
        p = os.path.join(out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        planted[rel] = list(ssns)

    # pg_dump -Fd hr -f pgdir: toc.dat + 4001.dat.gz (+ 4002.dat with -Z0's layout)
    staff_cols = [("emp_id", "integer"), ("full_name", "text"), ("ssn", "character(9)"), ("hired", "date")]
    vend_cols = [("vendor_id", "integer"), ("contact", "text"), ("tax_ssn", "character(9)")]
    put("pgdir/toc.dat", pg_toc_dat([(3001, "staff", staff_cols), (3002, "vendors", vend_cols)]))
    a, b = s9(), s9()
    put("pgdir/4001.dat.gz", gz(copy_rows([["11", "Ada Moss", a, "2019-04-01"], ["12", "Bob\\Lee", b, None]])),
        [a, b])
    c = s9()
    put("pgdir/4002.dat", copy_rows([["501", "Cy Park", c]]) + b"\\.\n\n", [c])

    # mysqldump --tab=tab hr staff clients
    cols = [("id", "int NOT NULL"), ("full_name", "varchar(80)"), ("email", "varchar(120)"), ("ssn", "char(9)")]
    rows_tab = []
    d, e = s9(), s9()
    for i, (nm, v) in enumerate((("Dee Ross", d), ("Eve Hart", e))):
        rows_tab.append([str(i + 1), nm, "%s@corp.example" % nm.split()[0].lower(), v])
    staff_sql, staff_txt = mysql_create("staff", cols), copy_rows(rows_tab)
    put("tab/staff.sql", staff_sql)
    put("tab/staff.txt", staff_txt, [d, e])
    f_ = s9()
    put("tab/clients.sql", mysql_create("clients", [("client_no", "int"), ("name", "varchar(80)"),
                                                      ("social_security_number", "char(9)")]))
    put("tab/clients.txt", ('7,"Moss, Ada",%s\n' % f_).encode(), [f_])
    # the same --tab directory in archives: tar adds a directory's files in
    # readdir order, so the rows come before their schema as often as after
    g, h, i_, i2 = s9(), s9(), s9(), s9()
    put("arch/tab.tar", tar_of([("tab/staff.txt", copy_rows([["1", "Fay Lund", "fay@corp.example", g]])),
                                ("tab/staff.sql", staff_sql)]), [g])
    put("arch/tab.tar.gz", gz(tar_of([("staff.txt", copy_rows([["2", "Gus Kerr", "gus@corp.example", h]])),
                                      ("staff.sql", staff_sql)])), [h])
    put("arch/tab.zip", zip_of([("hr/staff.sql", staff_sql),
                                ("hr/staff.txt", copy_rows([["3", "Hal Oak", "hal@corp.example", i_]]))]), [i_])
    put("arch/late.zip", zip_of([("hr/staff.txt", copy_rows([["4", "Ian Roe", "ian@corp.example", i2]])),
                                 ("hr/staff.sql", staff_sql), ("other/staff.txt", copy_rows([["5", "x", "y", s9()]]))]),
        [i2])

    # bcp hr.dbo.emp out emp.dat -c -T ; bcp ... format nul -c -f emp.fmt
    j, k = s9(), s9()
    put("bcp/emp.fmt", bcp_plain_fmt([("EmpID", 12), ("LastName", 50), ("SSN", 9), ("HireDate", 24)], "\\t"))
    put("bcp/emp.dat", ("1001\tMoss\t%s\t2015-06-01 00:00:00.000\r\n1002\tLee\t%s\t2016-02-29 00:00:00.000\r\n"
                        % (j, k)).encode(), [j, k])
    m_ = s9()
    put("bcp/vendor.fmt", bcp_xml_fmt([("VendorID", 12), ("Contact", 60), ("owner_ssn", 9)], ","))
    put("bcp/vendor.bcp", ("77,Ivy North,%s\r\n" % m_).encode(), [m_])
    w_ = s9()
    put("bcp/wide.fmt", bcp_plain_fmt([("ID", 12), ("Name", 50), ("SSN", 9)], "\\t", wide=True))
    put("bcp/wide.dat", ("1\tJo Quinn\t%s\r\n" % w_).encode("utf-16-le"), [w_])

    u_ = s9()  # a Windows export: upper-case names
    put("bcp/PAYEE.FMT", bcp_plain_fmt([("PayeeID", 12), ("TaxSSN", 9)], ","))
    put("bcp/PAYEE.DAT", ("31,%s\r\n32,%s\r\n" % (u_, u_)).encode(), [u_])

    # COPY patients TO '/exp/patients.csv' (FORMAT csv); pg_dump -s -t patients > patients.sql
    p1, p2 = s9(), s9()
    put("pgcsv/patients.sql", ("--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n\n"
                               "CREATE TABLE public.patients (\n    mrn integer NOT NULL,\n    name text,\n"
                               "    ssn character varying(11),\n    notes text\n);\n\n"
                               "ALTER TABLE public.patients OWNER TO clinic;\n").encode())
    put("pgcsv/patients.csv", ('4410,Kim Vo,%s,"follow-up, 2 weeks"\n4411,Lou Ma,%s,\n' % (p1, p2)).encode(),
        [p1, p2])

    # COPY visits TO ... (FORMAT csv, HEADER): the file has its own header
    v1 = s9()
    put("pgcsv/visits.sql", b"CREATE TABLE public.visits (\n    mrn integer,\n    ssn text\n);\n")
    put("pgcsv/visits.csv", ("mrn,ssn\n4412,%s\n" % v1).encode(), [v1])

    # SQL*Loader
    q1 = s9()
    put("sqlldr/payroll.ctl", b"-- load the payroll extract\nOPTIONS (ERRORS=50)\nLOAD DATA\nCHARACTERSET UTF8\n"
        b"INFILE 'payroll.dat'\nBADFILE 'payroll.bad'\nAPPEND\nINTO TABLE hr.payroll\n"
        b"WHEN (status = 'A')\nFIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'\nTRAILING NULLCOLS\n(\n"
        b"  emp_no,\n  emp_name CHAR(60),\n  emp_ssn,\n  status,\n  load_date SYSDATE,\n"
        b"  pay_date DATE \"YYYY-MM-DD\"\n)\n")
    put("sqlldr/payroll.dat", ('9001,"Mo Diaz",%s,A,2023-10-31\n' % q1).encode(), [q1])

    q2 = s9()  # INFILE without an extension names bonus.dat; a Windows path; X'09' separator
    put("sqlldr/bonus.ctl", b"LOAD DATA\r\nINFILE 'C:\\loads\\bonus'\r\nREPLACE INTO TABLE bonus\r\n"
        b"FIELDS TERMINATED BY X'09'\r\n(batch_id CONSTANT '7', emp_ssn, amount)\r\n")
    put("sqlldr/bonus.dat", ("%s\t1500.00\r\n" % q2).encode(), [q2])

    q3 = s9()  # INFILE *: the rows inside the control file, after BEGINDATA
    put("sqlldr/inline.ctl", ("LOAD DATA\nINFILE *\nINTO TABLE contacts\nFIELDS TERMINATED BY '|'\n"
                              "(contact_id, contact_name, contact_ssn)\nBEGINDATA\n71|Pat Ng|%s\n" % q3).encode(),
        [q3])

    # camel-case column names read as words by the header labels (any table)
    put("misc/camel.csv", b"EmployeeID,DateOfBirth,DoB,eMail,IDNumber\nE1,1975-03-14,1975-03-14,x,12345678\n")

    # pairs that must not be made
    put("neg/orders.sql", mysql_create("customers", [("id", "int"), ("ssn", "char(9)")]))
    put("neg/orders.txt", ("1\t%s\n" % s9()).encode())  # the schema names another table
    put("neg/batch.ctl", b"LOAD DATA\nINFILE 'other.dat'\nINTO TABLE t\nFIELDS TERMINATED BY ','\n(id, ssn)\n")
    put("neg/batch.dat", ("1,%s\n" % s9()).encode())  # INFILE names another file
    put("neg/parts.sql", mysql_create("parts", [("id", "int"), ("ssn", "char(9)"), ("bin", "int")]))
    put("neg/parts.txt", ("1\t%s\n2\t%s\n" % (s9(), s9())).encode())  # 2 fields, 3 columns
    put("neg/shipments.sql", mysql_create("shipments", [("id", "int"), ("tracking_no", "char(9)")]))
    put("neg/shipments.txt", ("1\t%s\n" % s9()).encode())  # labelled, but no SSN column
    return planted


if __name__ == "__main__":
    generate(sys.argv[1])
