#!/usr/bin/env bash
# Outpost release procedure: turns a folder of built installers into a signed release folder.
#
#   packaging/release.sh DIST_DIR OUT_DIR
#
# DIST_DIR holds what the packaging built: outpost_*.deb, outpost-*.rpm, *.msi, *.dmg, *.pkg, outpost-VERSION.cdx.json (the CycloneDX SBOM; any subset).
# OUT_DIR (created; must be empty or an earlier output of this script, which is then replaced) receives:
#   every artifact, SHA256SUMS, a detached ASCII-armoured OpenPGP signature per artifact (X.asc), SHA256SUMS.asc,
#   outpost-release-key.asc (public key, armoured) and outpost.gpg (the same key, binary, for apt's signed-by);
#   apt/  a flat apt repository: the .deb, Packages, Packages.gz, Release, InRelease (clearsigned), Release.gpg;
#   rpm/  the .rpm signed with rpmsign, repodata/ (createrepo_c) with repomd.xml.asc, outpost.repo, the public key.
#
# Environment (never stored in the repository, never printed):
#   OUTPOST_SIGNING_KEY         ASCII-armoured OpenPGP secret key, or the path of a file holding one (required)
#   OUTPOST_SIGNING_PASSPHRASE  its passphrase (optional)
#   OUTPOST_REPO_BASEURL        baseurl written into rpm/outpost.repo (default file:///media/outpost/rpm)
# Windows (run under Git Bash/MSYS on the Windows build machine), when OUTPOST_WIN_CERT is set:
#   OUTPOST_WIN_CERT            path of the code-signing certificate (.pfx)
#   OUTPOST_WIN_CERT_PASSWORD   its password
#   OUTPOST_TIMESTAMP_URL       RFC 3161 timestamp server (default http://timestamp.digicert.com)
#   each .msi is signed with: signtool sign /fd SHA256 /tr URL /td SHA256 /f CERT /p PASSWORD FILE
# macOS, when OUTPOST_MAC_IDENTITY is set:
#   OUTPOST_MAC_IDENTITY        "Developer ID Application: ..." identity in the keychain (codesign of the .dmg)
#   OUTPOST_MAC_INSTALLER_IDENTITY  "Developer ID Installer: ..." identity (productsign of the .pkg; optional)
#   OUTPOST_NOTARY_PROFILE      notarytool keychain profile (xcrun notarytool store-credentials); when set, each
#                               .dmg/.pkg is submitted with notarytool submit --wait and stapled with stapler staple
# Windows/macOS signing happens before checksums and OpenPGP signatures, so those cover the signed installers.
set -euo pipefail
umask 022

die() { echo "release.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

[[ $# -eq 2 ]] || die "usage: release.sh DIST_DIR OUT_DIR"
dist=$(cd "$1" 2>/dev/null && pwd) || die "no such folder: $1"
out=$2
os=$(uname -s)
platform_signing=no
if [[ $os == MINGW* || $os == MSYS* || $os == CYGWIN* || ${OS:-} == Windows_NT ]] && [[ -n ${OUTPOST_WIN_CERT:-} ]]; then
  platform_signing=windows
elif [[ $os == Darwin && -n ${OUTPOST_MAC_IDENTITY:-} ]]; then
  platform_signing=mac
fi
if [[ -z ${OUTPOST_SIGNING_KEY:-} && $platform_signing == no ]]; then
  die "OUTPOST_SIGNING_KEY is not set (an ASCII-armoured secret key or a path to one)"
fi
if [[ -n ${OUTPOST_SIGNING_KEY:-} ]]; then
  for tool in gpg sha256sum gzip; do command -v "$tool" >/dev/null || die "$tool is missing"; done
fi

shopt -s nullglob
artifacts=()
for f in "$dist"/outpost_*.deb "$dist"/outpost-*.rpm "$dist"/*.msi "$dist"/*.dmg "$dist"/*.pkg "$dist"/*.cdx.json; do
  [[ -f $f ]] && artifacts+=("$f")
done
(( ${#artifacts[@]} > 0 )) || die "no artifacts (outpost_*.deb, outpost-*.rpm, *.msi, *.dmg, *.pkg, *.cdx.json) in $dist"

sign() { gpg --quiet --local-user "$fpr" --digest-algo SHA512 "$@"; }
# Sets up a temporary GNUPGHOME with the release key and checks it can sign (before anything is copied).
import_key() {
  # A throw-away GNUPGHOME (mode 700), wiped on exit with its agent.
  GNUPGHOME=$(mktemp -d "${TMPDIR:-/tmp}/outpost-gnupg.XXXXXX")
  export GNUPGHOME
  chmod 700 "$GNUPGHOME"
  cleanup() {
    gpgconf --kill all >/dev/null 2>&1 || true
    rm -rf "$GNUPGHOME"
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  # gpg.conf makes every gpg call (ours and rpmsign's) non-interactive; the passphrase sits in a 600 file in the
  # temporary home, never on a command line.
  {
    echo "batch"
    echo "no-tty"
    echo "pinentry-mode loopback"
    echo "personal-digest-preferences SHA512 SHA384 SHA256"
    echo "cert-digest-algo SHA512"
  } > "$GNUPGHOME/gpg.conf"
  echo "allow-loopback-pinentry" > "$GNUPGHOME/gpg-agent.conf"
  if [[ -n ${OUTPOST_SIGNING_PASSPHRASE:-} ]]; then
    (umask 077; printf '%s' "$OUTPOST_SIGNING_PASSPHRASE" > "$GNUPGHOME/passphrase")
    echo "passphrase-file $GNUPGHOME/passphrase" >> "$GNUPGHOME/gpg.conf"
  fi

  step "importing the signing key"
  if [[ $OUTPOST_SIGNING_KEY == *"-----BEGIN PGP PRIVATE KEY BLOCK-----"* ]]; then
    printf '%s\n' "$OUTPOST_SIGNING_KEY" | gpg --quiet --import 2>/dev/null || die "OUTPOST_SIGNING_KEY could not be imported"
  elif [[ -f $OUTPOST_SIGNING_KEY ]]; then
    gpg --quiet --import "$OUTPOST_SIGNING_KEY" 2>/dev/null || die "the key file in OUTPOST_SIGNING_KEY could not be imported"
  else
    die "OUTPOST_SIGNING_KEY is neither an ASCII-armoured secret key nor a readable file"
  fi
  fpr=$(gpg --with-colons --list-secret-keys | awk -F: '/^fpr:/ {print $10; exit}')
  [[ -n $fpr ]] || die "OUTPOST_SIGNING_KEY holds no secret key"
  echo "   key $fpr ($(gpg --with-colons --list-keys "$fpr" | awk -F: '/^uid:/ {print $10; exit}'))"
  # Fail early (and clearly) on a wrong passphrase rather than half-way through.
  echo probe | sign --detach-sign >/dev/null 2>&1 || die "cannot sign with the key (wrong or missing OUTPOST_SIGNING_PASSPHRASE?)"
}
fpr=
[[ -z ${OUTPOST_SIGNING_KEY:-} ]] || import_key

# The output folder: fresh, or an earlier release.sh output (marked) that is replaced.
marker=.outpost-release
if [[ -e $out ]]; then
  [[ -d $out ]] || die "$out exists and is not a folder"
  if [[ -n $(ls -A "$out") && ! -e $out/$marker ]]; then die "$out is not empty and was not made by release.sh"; fi
  rm -rf "${out:?}"/* "${out:?}/$marker"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
touch "$out/$marker"

step "copying ${#artifacts[@]} artifact(s)"
cp -p "${artifacts[@]}" "$out/"

# Platform signing of the installers (only on their own OS, only when configured). Without OUTPOST_SIGNING_KEY
# this is all release.sh does there: the signed installers are then carried to the Linux release machine and put
# in its DIST_DIR, so one SHA256SUMS and one OpenPGP key cover every installer.
if [[ $platform_signing == windows ]]; then
  step "signtool: signing the .msi installers"
  for f in "$out"/*.msi; do
    signtool sign /fd SHA256 /tr "${OUTPOST_TIMESTAMP_URL:-http://timestamp.digicert.com}" /td SHA256 \
      /f "$OUTPOST_WIN_CERT" /p "${OUTPOST_WIN_CERT_PASSWORD:-}" "$f" >/dev/null
    signtool verify /pa "$f" >/dev/null
    echo "   signed $(basename "$f")"
  done
fi
if [[ $platform_signing == mac ]]; then
  step "codesign/productsign + notarytool: the macOS installers"
  for f in "$out"/*.pkg; do
    [[ -n ${OUTPOST_MAC_INSTALLER_IDENTITY:-} ]] || { echo "   $(basename "$f"): OUTPOST_MAC_INSTALLER_IDENTITY unset, not signed"; continue; }
    productsign --timestamp --sign "$OUTPOST_MAC_INSTALLER_IDENTITY" "$f" "$f.signed" && mv "$f.signed" "$f"
  done
  for f in "$out"/*.dmg; do
    codesign --force --timestamp --options runtime -s "$OUTPOST_MAC_IDENTITY" "$f"
    codesign --verify --strict "$f"
  done
  if [[ -n ${OUTPOST_NOTARY_PROFILE:-} ]]; then
    for f in "$out"/*.dmg "$out"/*.pkg; do
      xcrun notarytool submit "$f" --keychain-profile "$OUTPOST_NOTARY_PROFILE" --wait
      xcrun stapler staple "$f"
    done
  fi
fi

if [[ -z ${OUTPOST_SIGNING_KEY:-} ]]; then
  step "platform-signed installers in $out (no OUTPOST_SIGNING_KEY: checksums, OpenPGP and repositories are made on Linux)"
  exit 0
fi


gpg --armor --export "$fpr" > "$out/outpost-release-key.asc"
gpg --export "$fpr" > "$out/outpost.gpg"

# rpm: signed in place before the checksums, so SHA256SUMS covers the signed package.
rpms=("$out"/outpost-*.rpm)
rpm_part=no
if (( ${#rpms[@]} == 0 )); then
  step "rpm: skipped (no outpost-*.rpm in $dist)"
elif ! command -v rpmsign >/dev/null || ! { command -v createrepo_c >/dev/null || command -v createrepo >/dev/null; }; then
  step "rpm: skipped (rpmsign and createrepo_c/createrepo are needed: apt-get install rpm createrepo-c)"
else
  rpm_part=yes
  step "rpm: rpmsign --addsign"
  for f in "${rpms[@]}"; do
    # rpm's own macros may name gpg2 (Debian): point it at the gpg found here. stdin is not a tty (batch).
    if ! rpmsign --addsign --define "__gpg $(command -v gpg)" --define "_gpg_name $fpr" \
      --define "_gpg_path $GNUPGHOME" "$f" </dev/null >"$GNUPGHOME/rpmsign.log" 2>&1; then
      grep -v GPG_TTY "$GNUPGHOME/rpmsign.log" >&2 || true
      die "rpmsign failed on $(basename "$f")"
    fi
    echo "   signed $(basename "$f")"
  done
fi

step "SHA256SUMS and detached signatures"
(
  cd "$out"
  names=()
  for f in "${artifacts[@]}"; do names+=("$(basename "$f")"); done
  sha256sum "${names[@]}" > SHA256SUMS
  for n in "${names[@]}" SHA256SUMS; do sign --armor --detach-sign --output "$n.asc" "$n"; done
  echo "   ${#names[@]} artifact(s) + SHA256SUMS signed"
)

debs=("$out"/outpost_*.deb)
if (( ${#debs[@]} == 0 )); then
  step "apt: skipped (no outpost_*.deb)"
elif ! command -v apt-ftparchive >/dev/null; then
  step "apt: skipped (apt-ftparchive is needed: apt-get install apt-utils)"
else
  step "apt: flat repository in apt/"
  mkdir "$out/apt"
  cp -pl "${debs[@]}" "$out/apt/" 2>/dev/null || cp -p "${debs[@]}" "$out/apt/" # a hard link where possible
  (
    cd "$out/apt"
    apt-ftparchive packages . > Packages 2>/dev/null
    gzip -9 -n -k Packages
    arches=$(awk '/^Architecture:/ {print $2}' Packages | sort -u | paste -sd' ')
    apt-ftparchive \
      -o APT::FTPArchive::Release::Origin=Outpost -o APT::FTPArchive::Release::Label=Outpost \
      -o APT::FTPArchive::Release::Suite=stable -o APT::FTPArchive::Release::Codename=outpost \
      -o "APT::FTPArchive::Release::Architectures=$arches" \
      -o "APT::FTPArchive::Release::Description=Outpost release repository" \
      release . > ../Release.tmp
    mv ../Release.tmp Release
    sign --clearsign --output InRelease Release
    sign --armor --detach-sign --output Release.gpg Release
  )
  echo "   $(cd "$out/apt" && echo *)"
fi

if [[ $rpm_part == yes ]]; then
  step "rpm: repository in rpm/"
  mkdir "$out/rpm"
  cp -pl "${rpms[@]}" "$out/rpm/" 2>/dev/null || cp -p "${rpms[@]}" "$out/rpm/"
  cp "$out/outpost-release-key.asc" "$out/rpm/RPM-GPG-KEY-outpost"
  if command -v createrepo_c >/dev/null; then createrepo_c --quiet "$out/rpm" >/dev/null
  else createrepo --quiet "$out/rpm" >/dev/null; fi
  sign --armor --detach-sign --output "$out/rpm/repodata/repomd.xml.asc" "$out/rpm/repodata/repomd.xml"
  cat > "$out/rpm/outpost.repo" <<EOF
# Outpost repository. Copy to /etc/yum.repos.d/outpost.repo; set baseurl to where this rpm/ folder is
# (e.g. file:///run/media/\$USER/STICK/outpost/rpm) and copy RPM-GPG-KEY-outpost to /etc/pki/rpm-gpg/ after
# checking its fingerprint: $fpr
[outpost]
name=Outpost
baseurl=${OUTPOST_REPO_BASEURL:-file:///media/outpost/rpm}
enabled=1
gpgcheck=1
repo_gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-outpost
EOF
  echo "   $(cd "$out/rpm" && echo *)"
fi

echo "$fpr" > "$out/outpost-release-key.fingerprint"
step "release in $out, signed by $fpr"
