#!/usr/bin/env bash
# scripts/deps/deb-src-entry (what scripts/bootstrap writes as its deb-src entry) takes the URIs of the machine's own
# Debian `deb` entries, in both formats, and names no mirror of its own; with none configured it fails and says why.
# Usage: bash tests/cli/deb_src_entry.sh NAVIGATOR SOURCE_DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
entry=$src/scripts/deps/deb-src-entry

# machine NAME: a fake root with an os-release for bookworm; files are then written under $tmp/NAME/etc/apt.
machine() { mkdir -p "$tmp/$1/etc/apt/sources.list.d" && echo 'VERSION_CODENAME=bookworm' >"$tmp/$1/etc/os-release"; }
# expect NAME WANT: the script's output for machine NAME is exactly WANT.
expect() {
  local got
  got=$("$entry" --root "$tmp/$1" 2>"$tmp/err") || { fail "$1: exit status $? ($(cat "$tmp/err"))"; return; }
  [[ $got == "$2" ]] || fail "$1: got
$got
expected
$2"
}

# A one-line sources.list behind a proxy, with options; the updates and security suites and a third-party
# repository are not the release's main archive.
machine proxy
cat >"$tmp/proxy/etc/apt/sources.list" <<'EOF'
# the office's apt proxy
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://apt-proxy.internal:3142/debian bookworm main contrib
deb http://apt-proxy.internal:3142/debian bookworm-updates main
deb http://apt-proxy.internal:3142/debian-security bookworm-security main
# deb http://commented.example/debian bookworm main
deb-src http://already-src.example/debian bookworm main
EOF
echo 'deb https://download.example.com/linux/debian bookworm stable' >"$tmp/proxy/etc/apt/sources.list.d/vendor.list"
expect proxy 'Types: deb-src
URIs: http://apt-proxy.internal:3142/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg'

# deb822 files: two URIs in one stanza, a disabled stanza, a stanza with an inline key (not copied), a file with
# another suffix (ignored), several suites.
machine deb822
cat >"$tmp/deb822/etc/apt/sources.list.d/debian.sources" <<'EOF'
Types: deb
# a comment inside the stanza
URIs: https://mirror-a.example/debian https://mirror-b.example/debian
Suites: bookworm bookworm-updates
Components: main non-free-firmware
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: https://disabled.example/debian
Suites: bookworm
Components: main
Enabled: no

types: deb deb-src
uris: http://inline-key.example/debian
suites: bookworm
components: main
signed-by:
 -----BEGIN PGP PUBLIC KEY BLOCK-----
 .
 -----END PGP PUBLIC KEY BLOCK-----
EOF
printf 'Types: deb\nURIs: http://ignored.example/debian\nSuites: bookworm\nComponents: main\n' \
  >"$tmp/deb822/etc/apt/sources.list.d/old.sources.disabled"
expect deb822 'Types: deb-src
URIs: https://mirror-a.example/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: https://mirror-b.example/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://inline-key.example/debian
Suites: bookworm
Components: main'

# Nothing for this release's main archive: exit status 1 and a message that says what to add.
machine none
printf 'deb http://mirror.example/debian bullseye main\ndeb-src http://mirror.example/debian bookworm main\n' \
  >"$tmp/none/etc/apt/sources.list"
printf 'Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n' \
  >"$tmp/none/etc/apt/sources.list.d/debian.sources"
if out=$("$entry" --root "$tmp/none" 2>"$tmp/err"); then
  fail "none: exit status 0 with no Debian source configured (printed: $out)"
else
  grep -q 'no Debian source for "bookworm main" is configured' "$tmp/err" || fail "none: unclear message: $(cat "$tmp/err")"
  [[ -z $out ]] || fail "none: printed an entry anyway: $out"
fi
# No sources at all, and a release named on the command line.
machine empty
"$entry" --root "$tmp/empty" >/dev/null 2>&1 && fail "empty: exit status 0"
out=$("$entry" --root "$tmp/proxy" --codename bullseye 2>/dev/null) && fail "proxy/bullseye: exit status 0 ($out)"

# The script itself names no mirror: every URI it prints came from the sources above.
grep -v '^\s*#\|URIs: http://deb.debian.org/debian$' "$entry" | grep -q 'deb\.debian\.org' \
  && fail "scripts/deps/deb-src-entry names deb.debian.org outside its help text"
grep -q 'deb\.debian\.org' "$src/scripts/bootstrap" && fail "scripts/bootstrap names deb.debian.org"
finish
