"""End-to-end: the fifteenth hostile dump (tests/gen/make_hostile14.py) against its answer key.

What leaks when a software company's source, build artefacts, CI and
cloud state are dumped: git repositories (loose objects, a pack with a
delta and its index, refs, a stash, a bare repository, bundles, a cut
pack; secrets committed then deleted), a `docker save` image and an OCI
layout (whiteouts, a member that climbs), npm, wheel, sdist, JAR, WAR,
APK and Electron asar packages, Terraform state and variables, a
kubeconfig, Kubernetes Secrets, Helm values, compose files, .env files,
Ansible Vault, Jenkins credentials, developer dotfiles and cloud CLI
credentials, SSH keys and key stores, CI logs (and their masked twins),
a Jupyter notebook, a source map, an app's SQLite database, a symlink out
of the tree and a zip bomb among the build artefacts.

Checked as lsutil.KeyedDumpTests says: scanned twice with a known
fingerprint key (two workers, one), the key's entries against both.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import make_hostile14  # noqa: E402


class Hostile14(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile14
    NAME = "hostile14"


if __name__ == "__main__":
    unittest.main()
