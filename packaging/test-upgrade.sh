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
echo "== upgrade keeps the data: passed"
