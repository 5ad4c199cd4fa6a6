#!/bin/sh
# Install the Debian packages leaksift needs to build and test
# (scripts/deps-debian.txt). Idempotent and quiet when everything is there;
# works as root, or as a user with sudo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
list="$here/deps-debian.txt"

missing=""
for pkg in $(grep -v '^[[:space:]]*#' "$list" | tr -s ' \t' '\n\n' | grep -v '^$'); do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "bootstrap: missing packages:$missing" >&2
    echo "bootstrap: run this script as root or install sudo" >&2
    exit 2
fi

echo "bootstrap: installing:$missing" >&2
log=$(mktemp "${TMPDIR:-/tmp}/leaksift-bootstrap.XXXXXX")
trap 'rm -f "$log"' EXIT
run() {
    if ! "$@" >>"$log" 2>&1; then
        tail -20 "$log" >&2
        echo "bootstrap: failed: $*" >&2
        exit 2
    fi
}
run $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
run $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
echo "bootstrap: done" >&2
