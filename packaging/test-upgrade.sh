#!/usr/bin/env bash
# Issue 16: an upgrade keeps the data. Installs the built .deb (v1), creates a database with patients through the
# INSTALLED admin command line, then installs a v2 .deb that carries a new Flyway migration, and checks that every
# patient is still there, the audit chain and every sealed row verify, and the new migration ran; then removes the
# package and checks the data directory is untouched. Needs root (dpkg/apt) and packaging/target/dist from
# `./outpost package`. v2 is the same app image with one extra jar holding db/migration/V9999__upgrade_probe.sql on
# its class path (jpackage repackages it as 0.2.0), so the test does not need a second Maven build.
# Usage: packaging/test-upgrade.sh   (CI runs it after the smoke journey)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dist="$here/target/dist"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ $(id -u) == 0 ]] || { echo "test-upgrade.sh: needs root (installs and removes the .deb)" >&2; exit 1; }
v1=$(ls "$dist"/outpost_*_amd64.deb)
work=$(mktemp -d /tmp/outpost-upgrade.XXXXXX)
trap 'rm -rf "$work"' EXIT
data=$work/data
pw='upgrade test password 2026'
admin() { printf '%s\n%s\n' "$pw" "$pw" | outpost admin "$@"; }
step() { echo "== $*"; }

step "v1: install $(basename "$v1")"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q outpost >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$v1" >/dev/null 2>&1
v1_version=$(dpkg-query -W -f '${Version}' outpost)
admin init --data-dir "$data" --admin-user it-admin --display-name "Upgrade IT" --password-stdin >/dev/null
admin demo --data-dir "$data" --user it-admin --password-stdin --patients 25 >/dev/null
admin patients --data-dir "$data" --user it-admin --password-stdin >"$work/patients-v1.tsv"
admin backup --data-dir "$data" --user it-admin --password-stdin --to "$work/v1.backup" >/dev/null
schema_v1=$(unzip -p "$work/v1.backup" outpost-backup.properties | sed -n 's/^schema=//p')
echo "   $v1_version: $(wc -l <"$work/patients-v1.tsv") patients, schema $schema_v1"
(cd "$data" && find . -type f ! -name '*.lock.db' ! -name '*.trace.db' -printf '%p\n' | sort) >"$work/files-v1"

step "v2: the same app image with a new migration, as 0.2.0"
image=$work/image
cp -a "$dist/Outpost" "$image"
mkdir -p "$work/probe/db/migration"
cat >"$work/probe/db/migration/V9999__upgrade_probe.sql" <<'SQL'
-- test-upgrade.sh: a migration only the v2 package carries
CREATE TABLE upgrade_probe (id INT PRIMARY KEY, note VARCHAR(40));
INSERT INTO upgrade_probe VALUES (2, 'added by the v2 package');
SQL
"$JAVA_HOME/bin/jar" --create --file "$image/lib/app/upgrade-probe.jar" -C "$work/probe" .
sed -i 's#^app.mainclass=#app.classpath=$APPDIR/upgrade-probe.jar\napp.mainclass=#' "$image/lib/app/Outpost.cfg"
# v2's class path differs from v1's, so v1's AOT cache does not fit it (the JVM would refuse it, with errors, at every
# start); a real v2 build trains its own (package.sh). Here v2 runs without one.
rm -f "$image/lib/app/outpost.aot"
sed -i '/^java-options=-XX:AOTCache=/d' "$image/lib/app/Outpost.cfg"
mkdir -p "$work/v2"
"$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-linux.args" --name Outpost --type deb --app-version 0.2.0 \
  --app-image "$image" --dest "$work/v2" --resource-dir "$here/src/linux-resources" \
  --license-file "$here/../LICENSE" --linux-package-deps libgtk-3-0,libxtst6 >"$work/jpackage.log" 2>&1 \
  || { echo "FAIL: jpackage could not build v2:" >&2; cat "$work/jpackage.log" >&2; exit 1; }
v2=$(ls "$work"/v2/outpost_0.2.0_amd64.deb)

step "upgrade to $(basename "$v2")"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$v2" >/dev/null 2>&1
[[ $(dpkg-query -W -f '${Version}' outpost) == 0.2.0 ]] || { echo "FAIL: outpost is not 0.2.0 after the upgrade" >&2; exit 1; }
[[ $(readlink /usr/bin/outpost) == /opt/outpost/bin/Outpost ]] || { echo "FAIL: no outpost command after the upgrade" >&2; exit 1; }
admin patients --data-dir "$data" --user it-admin --password-stdin >"$work/patients-v2.tsv"
cmp -s "$work/patients-v1.tsv" "$work/patients-v2.tsv" || { echo "FAIL: the patients differ after the upgrade" >&2; diff "$work/patients-v1.tsv" "$work/patients-v2.tsv" | head >&2; exit 1; }
admin verify-audit --data-dir "$data" --user it-admin --password-stdin >/dev/null \
  || { echo "FAIL: the audit chain does not verify after the upgrade" >&2; exit 1; }
admin verify --data-dir "$data" --user it-admin --password-stdin >"$work/verify.txt" \
  || { echo "FAIL: verify found damage after the upgrade" >&2; cat "$work/verify.txt" >&2; exit 1; }
admin backup --data-dir "$data" --user it-admin --password-stdin --to "$work/v2.backup" >/dev/null
schema_v2=$(unzip -p "$work/v2.backup" outpost-backup.properties | sed -n 's/^schema=//p')
[[ $schema_v2 == 9999 ]] || { echo "FAIL: the v2 migration did not run (schema $schema_v2)" >&2; exit 1; }
echo "   0.2.0: the same $(wc -l <"$work/patients-v2.tsv") patients, audit chain and every row verify, schema $schema_v1 -> $schema_v2"

step "remove the package: the data stays"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q outpost >/dev/null 2>&1
[[ ! -e /opt/outpost/bin/Outpost && ! -e /usr/bin/outpost ]] || { echo "FAIL: the program is still installed" >&2; exit 1; }
(cd "$data" && find . -type f ! -name '*.lock.db' ! -name '*.trace.db' -printf '%p\n' | sort) >"$work/files-after"
comm -23 "$work/files-v1" "$work/files-after" | grep -q . && { echo "FAIL: files of the data directory went with the package:" >&2; comm -23 "$work/files-v1" "$work/files-after" >&2; exit 1; }
echo "   removed; the data directory keeps all $(wc -l <"$work/files-after") files"

step "reinstall v1's version over the data? refused by the database itself, not lost"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades "$v1" >/dev/null 2>&1
if admin patients --data-dir "$data" --user it-admin --password-stdin >/dev/null 2>"$work/downgrade.err"; then
  echo "FAIL: v1 opened a database migrated by v2 without a word" >&2; exit 1
fi
echo "   v1 refuses: $(head -c 200 "$work/downgrade.err" | head -1)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "$v1" >/dev/null 2>&1

# The same for the .rpm, where rpm is available, in a throw-away root tree (`rpm --root`): Debian CI has rpm but is
# not an rpm system, so the package's scriptlets (menu entry, /usr/bin/outpost) are not run there (--noscripts) and
# its dependencies are not checked (--nodeps); the installed program runs from that tree.
rpm1=$(ls "$dist"/outpost-*.x86_64.rpm 2>/dev/null || true)
if [[ -n $rpm1 ]] && command -v rpm >/dev/null && command -v rpmbuild >/dev/null; then
  step "rpm: install $(basename "$rpm1") into a throw-away root"
  # Debian's rpm warns on every install unless told it is meant
  rpmq() { if rpm --help 2>/dev/null | grep -q -- --force-debian; then rpm --force-debian "$@"; else rpm "$@"; fi; }
  root=$work/rpmroot
  rdata=$work/rpm-data
  mkdir -p "$root"
  rpm --root "$root" --initdb # rpmdb, which takes no --force-debian
  rpmq --root "$root" -i --nodeps --noscripts "$rpm1"
  radmin() { printf '%s\n%s\n' "$pw" "$pw" | "$root/opt/outpost/bin/Outpost" admin "$@"; }
  radmin init --data-dir "$rdata" --admin-user it-admin --display-name "Upgrade IT" --password-stdin >/dev/null
  radmin demo --data-dir "$rdata" --user it-admin --password-stdin --patients 25 >/dev/null
  radmin patients --data-dir "$rdata" --user it-admin --password-stdin >"$work/rpm-patients-v1.tsv"
  (cd "$rdata" && find . -type f ! -name '*.lock.db' ! -name '*.trace.db' -printf '%p\n' | sort) >"$work/rpm-files-v1"

  step "rpm: upgrade to 0.2.0 (the same v2 image)"
  rpm_home=$(mktemp -d)
  echo '%_binary_payload w6T.xzdio' >"$rpm_home/.rpmmacros"
  HOME="$rpm_home" "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-linux.args" --name Outpost --type rpm \
    --app-version 0.2.0 --app-image "$image" --dest "$work/v2" --resource-dir "$here/src/rpm-resources" \
    --license-file "$here/../LICENSE" --linux-rpm-license-type "ASL 2.0" --linux-package-deps gtk3,libXtst \
    >"$work/jpackage-rpm.log" 2>&1 || { echo "FAIL: jpackage could not build the v2 rpm:" >&2; cat "$work/jpackage-rpm.log" >&2; exit 1; }
  rm -rf "$rpm_home"
  rpmq --root "$root" -U --nodeps --noscripts "$work"/v2/outpost-0.2.0-1.x86_64.rpm
  [[ $(rpm --root "$root" -q --qf '%{VERSION}' outpost) == 0.2.0 ]] || { echo "FAIL: the rpm is not 0.2.0" >&2; exit 1; }
  radmin patients --data-dir "$rdata" --user it-admin --password-stdin >"$work/rpm-patients-v2.tsv"
  cmp -s "$work/rpm-patients-v1.tsv" "$work/rpm-patients-v2.tsv" || { echo "FAIL: rpm upgrade changed the patients" >&2; exit 1; }
  radmin verify-audit --data-dir "$rdata" --user it-admin --password-stdin >/dev/null || { echo "FAIL: rpm: audit chain" >&2; exit 1; }
  radmin verify --data-dir "$rdata" --user it-admin --password-stdin >/dev/null || { echo "FAIL: rpm: verify" >&2; exit 1; }
  radmin backup --data-dir "$rdata" --user it-admin --password-stdin --to "$work/rpm.backup" >/dev/null
  [[ $(unzip -p "$work/rpm.backup" outpost-backup.properties | sed -n 's/^schema=//p') == 9999 ]] \
    || { echo "FAIL: rpm: the v2 migration did not run" >&2; exit 1; }
  echo "   0.2.0: the same $(wc -l <"$work/rpm-patients-v2.tsv") patients, audit chain and every row verify, schema 9999"
  rpmq --root "$root" -e --noscripts outpost
  [[ ! -e $root/opt/outpost/bin/Outpost ]] || { echo "FAIL: rpm -e left the program" >&2; exit 1; }
  (cd "$rdata" && find . -type f ! -name '*.lock.db' ! -name '*.trace.db' -printf '%p\n' | sort) >"$work/rpm-files-after"
  comm -23 "$work/rpm-files-v1" "$work/rpm-files-after" | grep -q . && { echo "FAIL: rpm -e took data files" >&2; exit 1; }
  echo "   rpm -e: removed; the data directory keeps all $(wc -l <"$work/rpm-files-after") files"
else
  echo "== rpm: skipped (no .rpm built, or rpm/rpmbuild missing)"
fi
echo "== upgrade keeps the data: passed"
