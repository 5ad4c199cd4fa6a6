#!/usr/bin/env python3
"""Two shapes from the session's review of the rules:
  whois.txt     a registrar's WHOIS / EPP record (RFC 5733 phones:
                +1.7035551234, +44.2079460958) beside float decoys
                (+345678.5432, +2.00100000000, +8917758713E-19);
  sip.conf      user@host:port lines (SIP accounts): no combo list;
  service.txt   a phone written as a part number ("Part No. 212-867-5309",
                vetoed) and the same number as a phone in the next line
                (kept: a serial-shaped copy must not hide it).

    python3 gen_whois_serial.py OUTDIR
"""
import os
import sys

EPP_US = "+1.7035551234"
EPP_UK = "+44.2079460958"
SERIAL_PHONE = "212-867-5309"
SERIAL_ONLY = "312-867-5311"


def files():
    return {
        "whois.txt": ("Domain Name: CORP-EXAMPLE.COM\nRegistrant Phone: %s\nTech Phone: %s\n"
                      "Registrant Fax: \nrescale 222 +2.00100000000 -> NaN\nvalue +345678.5432 "
                      "and +8917758713E-19\n" % (EPP_US, EPP_UK)).encode(),
        # one user@host:port line in a config is no combo list (one is not a list)
        "sip.conf": b"[accounts]\nalice@atlanta.com:5060\nbob@biloxi.com:5061\n",
        "service.txt": ("Part No. %s replaced.\nIf anything breaks, call me at %s.\nS/N: %s\n"
                        % (SERIAL_PHONE, SERIAL_PHONE, SERIAL_ONLY)).encode(),
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_whois_serial.py OUTDIR\n")
        return 2
    os.makedirs(argv[1], exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(argv[1], name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
