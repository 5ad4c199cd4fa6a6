#!/usr/bin/env python3
"""An HR export with more distinct SSNs than --max-evidence lists per
object, a copy of it, and a second export sharing half its people: the
distinct counts a breach notification needs must stay exact.

    python3 gen_distinct.py OUTDIR N   # N distinct SSNs in the export
"""
import os
import random
import sys


def ssns(n, seed=1):
    """n distinct valid SSNs (area 001-665, 667-899; group 01-99; serial
    0001-9999), formatted."""
    rnd = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        area = rnd.choice([a for a in range(1, 900) if a != 666])
        v = "%03d-%02d-%04d" % (area, rnd.randrange(1, 100), rnd.randrange(1, 10000))
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def export(values):
    rows = ["employee_id,name,ssn"]
    rows += ["E%06d,Employee %d,%s" % (i, i, v) for i, v in enumerate(values)]
    return ("\n".join(rows) + "\n").encode()


def generate(outdir, n):
    os.makedirs(outdir, exist_ok=True)
    a = ssns(n)
    b = a[: n // 2] + ssns(n // 2, seed=2)  # half shared, half new
    for name, data in (("hr_export.csv", export(a)), ("hr_export_copy.csv", export(a)),
                       ("payroll_2014.csv", export(b))):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return len(set(a) | set(b))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(generate(sys.argv[1], int(sys.argv[2])))
