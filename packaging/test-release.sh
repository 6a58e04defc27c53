#!/usr/bin/env bash
# Tests packaging/release.sh end to end, as IT would check a release, with a throw-away key made here.
#
#   packaging/test-release.sh [DIST_DIR]     (default packaging/target/dist; built with ./outpost package when it
#                                             holds no .deb)
#
# Installs what it needs with apt-get when missing (gnupg, apt-utils, rpm, createrepo-c; needs root or sudo).
# Positive checks: sha256sum -c; gpg --verify of every .asc with only the public key in a fresh keyring; gpgv on
# InRelease and Release.gpg; apt-get update/policy/download against the flat repo through a signed-by entry (own
# lists, cache, status and trusted dirs: the system's apt state is untouched); rpm -K with the key in a temporary
# rpmdb; the signed repomd.xml.
# Negative checks (each must fail the way it should): a flipped byte in the .deb fails sha256sum and gpg --verify
# and apt-get download (hash mismatch); InRelease edited after signing -> apt BADSIG; Release edited after signing
# (no InRelease) -> apt BADSIG via Release.gpg; a repo signed-by another key -> NO_PUBKEY; a flipped byte in the rpm
# fails rpm -K.
# When the dist folder has no .rpm (the .rpm build is not there yet), a tiny stand-in outpost-selftest rpm is built
# with rpmbuild so the rpm signing path is still exercised; it never leaves the temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$root/packaging/target/dist}

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "   ok: $*"; }
step() { echo "== $*"; }

# --- tools ---------------------------------------------------------------------------------------------------
need=()
command -v gpg >/dev/null && command -v gpgv >/dev/null || need+=(gnupg gpgv)
command -v apt-ftparchive >/dev/null || need+=(apt-utils)
command -v rpmsign >/dev/null && command -v rpmbuild >/dev/null || need+=(rpm)
command -v createrepo_c >/dev/null || command -v createrepo >/dev/null || need+=(createrepo-c)
if (( ${#need[@]} > 0 )); then
  step "installing ${need[*]}"
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -q "${need[@]}" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -q >/dev/null 2>&1 && "${sudo[@]}" apt-get install -y -q "${need[@]}" >/dev/null; } \
    || fail "could not install ${need[*]}"
fi

# --- the .deb ------------------------------------------------------------------------------------------------
shopt -s nullglob
debs=("$dist"/outpost_*.deb)
if (( ${#debs[@]} == 0 )); then
  step "no .deb in $dist: building it (./outpost package -q, ~5 min)"
  (cd "$root" && ./outpost package -q) || fail "./outpost package failed"
  debs=("$dist"/outpost_*.deb)
  (( ${#debs[@]} > 0 )) || fail "./outpost package made no .deb in $dist"
fi
deb_version=$(dpkg-deb -f "${debs[0]}" Version)

work=$(mktemp -d "${TMPDIR:-/tmp}/outpost-release-test.XXXXXX")
homes=()
cleanup() {
  for h in "${homes[@]}"; do GNUPGHOME=$h gpgconf --kill all >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
newhome() { # a fresh GNUPGHOME (mode 700) under $work
  local h="$work/gnupg-$1"; mkdir -m 700 "$h"; homes+=("$h"); echo "$h"
}
flip_byte() { # FILE [OFFSET]: XOR one byte (default: in the middle of the file), in place
  local f=$1 size off byte
  size=$(stat -c %s "$f"); off=${2:-$((size / 2))}
  (( off < 0 )) && off=$((size + off))
  byte=$(od -An -tu1 -j "$off" -N1 "$f" | tr -d ' ')
  printf '%b' "\\0$(printf '%03o' $(( byte ^ 0xff )))" | dd of="$f" bs=1 seek="$off" conv=notrunc status=none
}

# --- a throw-away signing key (with a test passphrase, so the passphrase path is exercised) -------------------
step "throw-away signing key"
keyhome=$(newhome key)
passphrase="throw-away-$RANDOM$RANDOM"
GNUPGHOME=$keyhome gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
  --quick-gen-key "Outpost release TEST key (throw-away) <release-test@outpost.invalid>" rsa3072 sign 1d 2>/dev/null
fpr=$(GNUPGHOME=$keyhome gpg --with-colons --list-secret-keys 2>/dev/null | awk -F: '/^fpr:/ {print $10; exit}')
GNUPGHOME=$keyhome gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
  --armor --export-secret-keys "$fpr" > "$work/secret.asc" 2>/dev/null
ok "rsa3072 key $fpr"

# --- the input folder: the real artifacts (+ a stand-in rpm when none was built) ----------------------------
mkdir "$work/dist"
for f in "$dist"/outpost_*.deb "$dist"/outpost-*.rpm "$dist"/*.msi "$dist"/*.dmg "$dist"/*.pkg "$dist"/*.cdx.json; do
  [[ -f $f ]] || continue
  ln "$f" "$work/dist/" 2>/dev/null || cp -p "$f" "$work/dist/"
done
rpms=("$work"/dist/outpost-*.rpm)
if (( ${#rpms[@]} == 0 )); then
  step "no .rpm in $dist: building a stand-in outpost-selftest rpm to exercise rpmsign"
  mkdir -p "$work/rpmbuild/SPECS"
  cat > "$work/rpmbuild/SPECS/selftest.spec" <<EOF
Name: outpost-selftest
Version: $deb_version
Release: 1
Summary: Stand-in package for the Outpost release test
License: Proprietary
BuildArch: noarch
%description
Stand-in package used only by packaging/test-release.sh to test rpm signing.
%files
EOF
  rpmbuild --quiet --define "_topdir $work/rpmbuild" -bb "$work/rpmbuild/SPECS/selftest.spec" >/dev/null 2>&1 \
    || fail "rpmbuild of the stand-in failed"
  cp "$work"/rpmbuild/RPMS/noarch/*.rpm "$work/dist/"
  ok "$(basename "$work"/dist/outpost-*.rpm)"
fi

# --- release.sh (the key passed inline, as CI secrets are) --------------------------------------------------
step "release.sh $work/dist -> $work/release"
rel=$work/release
OUTPOST_SIGNING_KEY=$(cat "$work/secret.asc") OUTPOST_SIGNING_PASSPHRASE=$passphrase \
  "$root/packaging/release.sh" "$work/dist" "$rel" > "$work/release.log" 2>&1 \
  || { sed 's/^/   | /' "$work/release.log"; fail "release.sh failed"; }
sed 's/^/   | /' "$work/release.log"
grep -qF -- "$passphrase" "$work/release.log" && fail "release.sh printed the passphrase"
grep -qF -- "PRIVATE KEY" "$work/release.log" && fail "release.sh printed the secret key"
# Run twice: the second run must replace the first cleanly (idempotent), with the key given as a file path.
OUTPOST_SIGNING_KEY=$work/secret.asc OUTPOST_SIGNING_PASSPHRASE=$passphrase \
  "$root/packaging/release.sh" "$work/dist" "$rel" >/dev/null || fail "release.sh failed on its second run"
ok "second run (key as a file path) replaced the first"
# A wrong passphrase must stop it before anything is signed.
if OUTPOST_SIGNING_KEY=$work/secret.asc OUTPOST_SIGNING_PASSPHRASE=wrong \
  "$root/packaging/release.sh" "$work/dist" "$work/wrong" >/dev/null 2>"$work/wrong.err"; then
  fail "release.sh signed with a wrong passphrase"
fi
grep -q "cannot sign" "$work/wrong.err" || fail "wrong passphrase: unexpected message: $(cat "$work/wrong.err")"
[[ ! -e $work/wrong ]] || fail "release.sh made its output folder before checking the key"
ok "a wrong passphrase is refused before any output: $(cat "$work/wrong.err")"
# No key: refused (on Linux there is no platform signing to do instead).
if OUTPOST_SIGNING_KEY='' "$root/packaging/release.sh" "$work/dist" "$work/nokey" >/dev/null 2>"$work/nokey.err"; then
  fail "release.sh ran without OUTPOST_SIGNING_KEY"
fi
ok "no OUTPOST_SIGNING_KEY is refused: $(cat "$work/nokey.err")"
# A folder it did not make is never wiped.
mkdir "$work/foreign"; touch "$work/foreign/keep"
if OUTPOST_SIGNING_KEY=$work/secret.asc OUTPOST_SIGNING_PASSPHRASE=$passphrase \
  "$root/packaging/release.sh" "$work/dist" "$work/foreign" >/dev/null 2>"$work/foreign.err"; then
  fail "release.sh wrote into a non-empty folder it did not make"
fi
[[ -e $work/foreign/keep ]] || fail "release.sh deleted a file in a folder it did not make"
ok "a non-empty folder it did not make is refused and left alone"
grep -rqF -- "$passphrase" "$rel" && fail "the passphrase leaked into the release folder"
grep -rqF -- "PRIVATE KEY" "$rel" && fail "a secret key leaked into the release folder"
ok "no secret key or passphrase in the release folder"

# --- checksums and signatures, as IT checks them ------------------------------------------------------------
step "sha256sum -c and gpg --verify with only the public key"
(cd "$rel" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c SHA256SUMS"
ok "sha256sum -c SHA256SUMS: $(wc -l < "$rel/SHA256SUMS") file(s)"
vhome=$(newhome verify)
GNUPGHOME=$vhome gpg --batch --quiet --import "$rel/outpost-release-key.asc" 2>/dev/null
got=$(GNUPGHOME=$vhome gpg --with-colons --list-keys | awk -F: '/^fpr:/ {print $10; exit}')
[[ $got == "$fpr" ]] || fail "the published key is $got, not the signing key $fpr"
[[ $(cat "$rel/outpost-release-key.fingerprint") == "$fpr" ]] || fail "outpost-release-key.fingerprint is wrong"
GNUPGHOME=$vhome gpg --with-colons --list-secret-keys | grep -q . && fail "the verifying keyring holds a secret key"
n=0
for sig in "$rel"/*.asc; do
  [[ $sig == */outpost-release-key.asc ]] && continue
  GNUPGHOME=$vhome gpg --batch --status-fd 1 --verify "$sig" "${sig%.asc}" 2>/dev/null \
    | grep -q "VALIDSIG $fpr" || fail "gpg --verify $(basename "$sig")"
  n=$((n + 1))
done
ok "gpg --verify: $n detached signature(s) good, made by $fpr"
gpgv --quiet --keyring "$rel/outpost.gpg" "$rel/apt/InRelease" 2>/dev/null || fail "gpgv InRelease"
gpgv --quiet --keyring "$rel/outpost.gpg" "$rel/apt/Release.gpg" "$rel/apt/Release" 2>/dev/null || fail "gpgv Release.gpg"
ok "gpgv (binary keyring outpost.gpg): apt/InRelease and apt/Release.gpg good"

# --- apt against the flat repository, with its own state ---------------------------------------------------
# apt_run NAME KEYRING REPO_DIR CMD...: apt-get/apt-cache with a signed-by sources entry and private state dirs.
apt_run() {
  local name=$1 keyring=$2 repo=$3; shift 3
  local a="$work/apt-$name"
  if [[ ! -d $a ]]; then
    mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/empty" "$a/download"
    : > "$a/status"
    echo "deb [signed-by=$keyring] file:$repo ./" > "$a/sources.list"
  fi
  local tool=$1; shift
  (cd "$a/download" && "$tool" -q -o Dir::Etc::sourcelist="$a/sources.list" -o Dir::Etc::sourceparts="$a/empty" \
    -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" -o Dir::State::status="$a/status" \
    -o Dir::Etc::trusted="$a/empty/none.gpg" -o Dir::Etc::trustedparts="$a/empty" \
    -o Dir::Etc::preferencesparts="$a/empty" -o Dir::Etc::preferences="$a/empty/none" \
    -o APT::Sandbox::User=root -o Debug::NoLocking=1 "$@")
}
step "apt-get update / apt-cache policy / apt-get download through signed-by=outpost.gpg"
apt_run good "$rel/outpost.gpg" "$rel/apt" apt-get --error-on=any update > "$work/apt-good.log" 2>&1 \
  || { cat "$work/apt-good.log"; fail "apt-get update against the flat repo"; }
ok "apt-get update --error-on=any: $(grep -c '^Get:' "$work/apt-good.log") file(s) fetched, no warning"
candidate=$(apt_run good "$rel/outpost.gpg" "$rel/apt" apt-cache policy outpost | awk '/Candidate:/ {print $2}')
[[ $candidate == "$deb_version" ]] || fail "apt-cache policy outpost: candidate '$candidate', expected $deb_version"
ok "apt-cache policy outpost: candidate $candidate from file:$rel/apt"
apt_run good "$rel/outpost.gpg" "$rel/apt" apt-get download outpost >/dev/null 2>&1 || fail "apt-get download outpost"
cmp -s "$work"/apt-good/download/outpost_*.deb "${debs[0]}" || fail "the downloaded .deb differs from the built one"
ok "apt-get download outpost: identical to the built .deb"

# --- rpm -K with the public key in a temporary rpmdb ------------------------------------------------------
rpm_signed=("$rel"/rpm/outpost-*.rpm)
if (( ${#rpm_signed[@]} > 0 )); then
  step "rpm -K (key imported into a temporary rpmdb) and the signed repo metadata"
  rpmdb=$work/rpmdb; mkdir "$rpmdb"
  rpm --dbpath "$rpmdb" -K "${rpm_signed[0]}" 2>/dev/null | grep -q "signatures OK" \
    && fail "rpm -K passed before the key was imported (the check proves nothing)"
  rpm --dbpath "$rpmdb" --import "$rel/outpost-release-key.asc" || fail "rpm --import of the public key"
  out=$(rpm --dbpath "$rpmdb" -K "${rpm_signed[0]}") || fail "rpm -K: $out"
  [[ $out == *"digests signatures OK" ]] || fail "rpm -K: $out"
  ok "rpm -K: $out"
  cmp -s "${rpm_signed[0]}" "$rel/$(basename "${rpm_signed[0]}")" || fail "rpm/ and the top-level rpm differ"
  GNUPGHOME=$vhome gpg --batch --status-fd 1 --verify "$rel/rpm/repodata/repomd.xml.asc" \
    "$rel/rpm/repodata/repomd.xml" 2>/dev/null | grep -q "VALIDSIG $fpr" || fail "repomd.xml.asc"
  ok "gpg --verify rpm/repodata/repomd.xml.asc good"
  # The metadata must describe the SIGNED rpm (createrepo after rpmsign), or dnf rejects the download.
  primary=$(awk -F'"' '/primary.xml/ && /href/ {for (i = 1; i <= NF; i++) if ($i ~ /primary\.xml/) print $i}' \
    "$rel/rpm/repodata/repomd.xml" | head -n 1)
  listed=$(zcat -f "$rel/rpm/$primary" | tr -d '\n' \
    | grep -o '<checksum type="sha256" pkgid="YES">[0-9a-f]*</checksum>' | head -n 1 | sed 's/<[^>]*>//g')
  [[ -n $listed ]] || fail "no sha256 package checksum in rpm/$primary"
  [[ $listed == "$(sha256sum < "${rpm_signed[0]}" | cut -d' ' -f1)" ]] \
    || fail "rpm/repodata lists a checksum that is not the signed rpm's (createrepo ran before rpmsign?)"
  ok "rpm/repodata describes the signed rpm (sha256 ${listed:0:16}...)"
  for k in gpgcheck=1 repo_gpgcheck=1 gpgkey=file://; do
    grep -q "^$k" "$rel/rpm/outpost.repo" || fail "outpost.repo lacks $k"
  done
  ok "outpost.repo: gpgcheck=1 repo_gpgcheck=1 gpgkey=file://..."
else
  step "rpm: no signed rpm in the release (release.sh skipped it)"
fi

# --- negative checks -------------------------------------------------------------------------------------
step "negative: a flipped byte in the .deb"
bad=$work/tampered; mkdir "$bad"
deb_name=$(basename "${debs[0]}")
cp "$rel/$deb_name" "$rel/$deb_name.asc" "$rel/SHA256SUMS" "$bad/"
grep -F " $deb_name" "$rel/SHA256SUMS" > "$bad/SHA256SUMS"
flip_byte "$bad/$deb_name"
if msg=$(cd "$bad" && sha256sum -c SHA256SUMS 2>&1); then fail "sha256sum -c accepted a flipped byte"; fi
ok "sha256sum -c fails: $(head -n 1 <<<"$msg")"
if GNUPGHOME=$vhome gpg --batch --verify "$bad/$deb_name.asc" "$bad/$deb_name" > "$work/bad.log" 2>&1; then
  fail "gpg --verify accepted a flipped byte"
fi
grep -q "BAD signature" "$work/bad.log" || fail "gpg --verify: unexpected output: $(cat "$work/bad.log")"
ok "gpg --verify fails: $(grep -o 'BAD signature.*' "$work/bad.log")"

# A copy of the apt repository to tamper with (copies, never hard links to the release).
tamper_repo() { # NAME -> a fresh copy of apt/ under $work
  local d="$work/repo-$1"; mkdir "$d"; cp "$rel"/apt/* "$d/"; echo "$d"
}
expect_apt_refusal() { # NAME REPO KEYRING PATTERN WHAT
  local name=$1 repo=$2 keyring=$3 pattern=$4 what=$5
  if apt_run "$name" "$keyring" "$repo" apt-get --error-on=any update > "$work/apt-$name.log" 2>&1; then
    cat "$work/apt-$name.log"; fail "apt-get update accepted $what"
  fi
  grep -qE "$pattern" "$work/apt-$name.log" || { cat "$work/apt-$name.log"; fail "apt: unexpected refusal of $what"; }
  if apt_run "$name" "$keyring" "$repo" apt-cache policy outpost 2>/dev/null | grep -q "Candidate: $deb_version"; then
    fail "apt offers outpost from a repository with $what"
  fi
  ok "apt refuses $what: $(grep -oE "$pattern.*" "$work/apt-$name.log" | head -n 1 | cut -c1-110)"
}

step "negative: apt with a tampered repository"
repo=$(tamper_repo deb)
flip_byte "$repo/$deb_name"
apt_run debflip "$rel/outpost.gpg" "$repo" apt-get --error-on=any update >/dev/null 2>&1 \
  || fail "apt-get update (the indexes are intact; only the .deb was changed)"
if apt_run debflip "$rel/outpost.gpg" "$repo" apt-get download outpost > "$work/apt-debflip.log" 2>&1; then
  fail "apt-get download accepted a .deb with a flipped byte"
fi
grep -qiE "hash sum mismatch|Hashes of expected file" "$work/apt-debflip.log" \
  || { cat "$work/apt-debflip.log"; fail "apt-get download: unexpected failure"; }
ok "apt-get download refuses the flipped .deb: Hash Sum mismatch"

repo=$(tamper_repo inrelease)
sed -i 's/^Label: Outpost$/Label: Outpost (edited)/' "$repo/InRelease"
grep -q "edited" "$repo/InRelease" || fail "could not edit InRelease"
expect_apt_refusal inrelease "$repo" "$rel/outpost.gpg" "BADSIG|not signed|invalid" "an InRelease edited after signing"

repo=$(tamper_repo release)
rm "$repo/InRelease"
sed -i 's/^Suite: stable$/Suite: edited/' "$repo/Release"
grep -q "edited" "$repo/Release" || fail "could not edit Release"
expect_apt_refusal release "$repo" "$rel/outpost.gpg" "BADSIG|not signed|invalid" \
  "a Release edited after signing (no InRelease; checked against Release.gpg)"

repo=$(tamper_repo packages)
rm "$repo/Packages.gz"  # so apt fetches the plain Packages
sed -i 's/^Version: .*/Version: 99.0/' "$repo/Packages"
expect_apt_refusal packages "$repo" "$rel/outpost.gpg" "Hash Sum mismatch|Hashes of expected file|File has unexpected size" \
  "a Packages index edited after signing"

otherhome=$(newhome other)
GNUPGHOME=$otherhome gpg --batch --quiet --pinentry-mode loopback --passphrase "" \
  --quick-gen-key "Not Outpost <other@outpost.invalid>" ed25519 sign 1d 2>/dev/null
GNUPGHOME=$otherhome gpg --export > "$work/other.gpg"
expect_apt_refusal otherkey "$rel/apt" "$work/other.gpg" "NO_PUBKEY" "a repository checked against another key (signed-by)"

if (( ${#rpm_signed[@]} > 0 )); then
  step "negative: rpm repository and package"
  cp "$rel/rpm/repodata/repomd.xml" "$work/repomd.xml"
  sed -i '0,/<revision>/s/<revision>[0-9]*/<revision>1/' "$work/repomd.xml"
  cmp -s "$work/repomd.xml" "$rel/rpm/repodata/repomd.xml" && fail "could not edit repomd.xml"
  if GNUPGHOME=$vhome gpg --batch --verify "$rel/rpm/repodata/repomd.xml.asc" "$work/repomd.xml" >/dev/null 2>&1; then
    fail "gpg --verify accepted an edited repomd.xml"
  fi
  ok "an edited repodata/repomd.xml fails its signature (what repo_gpgcheck=1 checks)"
  cp "${rpm_signed[0]}" "$work/bad.rpm"
  # Near the end: in the payload. (The middle of a small rpm can be the signature header's reserved space,
  # which rpmsign fills in place and no digest covers.)
  flip_byte "$work/bad.rpm" -8
  if out=$(rpm --dbpath "$rpmdb" -K "$work/bad.rpm" 2>&1); then fail "rpm -K accepted a flipped byte: $out"; fi
  [[ $out == *"NOT OK"* ]] || fail "rpm -K: unexpected failure: $out"
  ok "rpm -K fails: ${out##*/}"
fi

step "all release checks passed (key $fpr, outpost $deb_version)"
