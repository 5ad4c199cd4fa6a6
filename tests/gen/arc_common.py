"""Shared pieces of the unpack generators gen_archives18, gen_archives18b
and gen_archives19: the fake PII, a memo of n lines, tars by Python's
tarfile, seeded random bytes, external compressors when installed, and
writing a set of fixtures."""
import io
import os
import random
import shutil
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unpack2 import PII, SSN  # noqa: E402,F401 (shared PII)


def memo(lines):
    return ("Quarterly staffing memo\n" + "The payroll export is attached for review.\n" * lines).encode()


def tar_bytes(members, fmt=tarfile.GNU_FORMAT, mtime=1700000000):
    """A tar (Python's tarfile: two end-of-archive blocks, padded to a
    10240-byte record) of (name, data) members, mode 0644."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = mtime
            ti.mode = 0o644
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def noise(n, seed):
    r = random.Random(seed)
    return bytes(r.getrandbits(8) for _ in range(n))


def have(tool):
    return shutil.which(tool) is not None


def tool_compress(argv, data):
    return subprocess.run(argv, input=data, stdout=subprocess.PIPE, check=True).stdout


def write_all(out, files):
    """Write {name: bytes} under out."""
    os.makedirs(out, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
