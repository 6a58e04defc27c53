#!/usr/bin/env bash
# Smoke journey through the PACKAGED app, run the way a clinic runs it.
#
#   smoke/run.sh [APP_IMAGE]       (default: packaging/target/dist/Outpost, built by ./outpost package)
#
# 1. makes a demo database with the packaged admin command line (it-admin, clinician, pharmacist);
# 2. starts the packaged launcher (APP_IMAGE/bin/Outpost) under Xvfb, with the smoke agent
#    (smoke/target/outpost-smoke-agent.jar) added through JAVA_TOOL_OPTIONS: the journey in
#    org.outpost.smoke.SmokeJourney signs in as each role, opens charts, orders through the autocompletion,
#    records vitals, opens the review queue and verifies the audit log;
# 3. fails unless the journey passed, the app exited normally, and neither its output nor its log file
#    (DATA/logs/outpost.log) holds an exception, error or warning line (the only line allowed that is not
#    ours is the JVM's "Picked up JAVA_TOOL_OPTIONS").
# Needs: xvfb-run (Debian xvfb, xauth) and GTK 3 (libgtk-3-0), as the installed .deb does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=${1:-$root/packaging/target/dist/Outpost}
agent=$root/smoke/target/outpost-smoke-agent.jar
launcher=$image/bin/Outpost
[[ -x $launcher ]] || { echo "smoke: no app image at $image (run ./outpost package first)" >&2; exit 2; }
[[ -f $agent ]] || { echo "smoke: no agent at $agent (run ./outpost package first)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "smoke: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 2; }

work=${OUTPOST_SMOKE_DIR:-$(mktemp -d -t outpost-smoke.XXXXXX)}
mkdir -p "$work"
data=$work/data
rm -rf "$data"
export OUTPOST_SMOKE_PASSWORD='smoke journey 2026'

admin() { printf '%s\n%s\n' "$OUTPOST_SMOKE_PASSWORD" "$OUTPOST_SMOKE_PASSWORD" | "$launcher" admin "$@"; }
echo "smoke: demo database in $data (packaged admin command line)"
admin init --data-dir "$data" --admin-user it-admin --display-name "Smoke IT" --password-stdin
admin demo --data-dir "$data" --user it-admin --password-stdin --patients 20 >/dev/null
admin user add --data-dir "$data" --user it-admin --password-stdin --name clinician --role clinician --display-name "Dr Smoke"
admin user add --data-dir "$data" --user it-admin --password-stdin --name pharmacist --role pharmacist --display-name "Smoke Pharmacist"
# demo patient 1 is the CYP2C19 *2/*2 poor metaboliser, so clopidogrel raises the CPIC alert
mrn=OP-000001

# The rest of the packaged admin command line, each command checked for its exit status and for any
# exception, error or warning in what it prints (a class-path-only assumption shows up here too).
cli_problems=0
check_cli() { # check_cli EXPECTED_STATUS EXPECTED_TEXT -- ARGS...
  local want=$1 text=$2 got out
  shift 3
  set +e
  out=$(admin "$@" 2>&1)
  got=$?
  set -e
  if ((got != want)) || ! grep -q -- "$text" <<<"$out" \
     || grep -q -i -E 'exception|^\s+at |IllegalAccess|warning' <<<"$out"; then
    echo "smoke: 'admin $*' exited $got (expected $want), printed:" >&2
    head -20 <<<"$out" >&2
    cli_problems=1
  fi
}
check_cli 0 "clinician" -- user list --data-dir "$data" --user it-admin --password-stdin
check_cli 0 "$mrn" -- patients --data-dir "$data" --user it-admin --password-stdin --search "$mrn"
check_cli 0 "intact" -- verify-audit --data-dir "$data" --user it-admin --password-stdin
check_cli 0 "" -- backup --data-dir "$data" --user it-admin --password-stdin --to "$work/backup.zip"
check_cli 0 "CPIC" -- content --data-dir "$data"
check_cli 0 "pce-2013" -- calc --list
# Signed content in the packaged runtime (Ed25519 is in java.base): a new key signs a folder, and verify refuses it
# because this build does not trust that key (only keys a release ships are trusted)
rm -rf "$work/content-key" "$work/bundle"
check_cli 0 "key id" -- content keygen --out "$work/content-key"
mkdir -p "$work/bundle" && printf 'smoke\n' >"$work/bundle/renal-dose-rules.tsv"
check_cli 0 "signed bundle" -- content sign "$work/bundle" --key "$work/content-key/content-signing.key" --signer "Smoke test" \
  --version 1 --source smoke
check_cli 1 "does not trust" -- content verify "$work/bundle"
check_cli 3 "wrong user name or password" -- patients --data-dir "$data" --user it-admin-typo --password-stdin
echo '{"age":55,"sex":"male","race":"white","totalCholesterol":"5.5 mmol/L","hdl":50,"systolicBp":120,"bpTreated":false,"smoker":false,"diabetes":false}' \
  >"$work/pce.json"
# 5.37 with the ACC/AHA estimator's coefficient set (pce-2013 1.1.0; Goff 2013 Table A's rounded set gave 5.38)
check_cli 0 '"value":5.37' -- calc pce-2013 --input "$work/pce.json"
printf 'id,age,sex,race,totalCholesterol,hdl,systolicBp,bpTreated,smoker,diabetes\n1,55,male,white,213,50,120,false,false,false\n' \
  >"$work/cohort.csv"
check_cli 0 "" -- calc pce-2013 --csv "$work/cohort.csv" --out "$work/cohort-out.csv" --keep-column id
# The learned model in the packaged runtime (Tribuo, protobuf and liblinear on the class path, the runtime's JDK
# modules): an answer with its range, and no number beyond what it has seen
echo '{"age":63,"sex":"male","chestPain":"typical_angina","systolicBp":145,"totalCholesterol":233,"fastingGlucoseOver120":true,"restingEcg":"lv_hypertrophy","maxHeartRate":150,"exerciseAngina":false,"stDepression":2.3,"stSlope":"downsloping","vesselsColoured":0,"thallium":"fixed_defect"}' \
  >"$work/cad.json"
check_cli 0 '"spread"' -- calc cad-cleveland-learned --input "$work/cad.json"
sed 's/"maxHeartRate":150/"maxHeartRate":230/' "$work/cad.json" >"$work/cad-unseen.json"
check_cli 0 'outside what this model has seen' -- calc cad-cleveland-learned --input "$work/cad-unseen.json"
# Sync in the packaged runtime (HAPI FHIR on the class path, the runtime's JDK modules): point it at a server
# that is not there, preview what would leave for a consenting demo patient (a de-identified FHIR bundle, built
# by HAPI), and a run that reports "not confirmed" in words (exit 1) instead of failing
(umask 077; printf 'smoke-token-2026\n' >"$work/sync-token")
check_cli 0 "" -- sync config --data-dir "$data" --user it-admin --password-stdin --url http://127.0.0.1:9/fhir \
  --token-file "$work/sync-token" --k 2
check_cli 0 "127.0.0.1" -- sync status --data-dir "$data" --user it-admin --password-stdin
previewed=0
for n in $(seq 1 20); do
  if out=$(admin sync preview --data-dir "$data" --user it-admin --password-stdin "$(printf 'OP-%06d' "$n")" 2>/dev/null) \
     && grep -q '"resourceType": "Bundle"' <<<"$out" && grep -q "urn:outpost:pseudonym" <<<"$out"; then
    previewed=1
    break
  fi
done
((previewed)) || { echo "smoke: 'admin sync preview' showed no de-identified bundle for any demo patient" >&2; cli_problems=1; }
check_cli 1 "not confirmed" -- sync run --data-dir "$data" --user it-admin --password-stdin
if ((cli_problems)); then
  echo "smoke: FAILED (the packaged admin command line)" >&2
  exit 1
fi
echo "smoke: the packaged admin command line answers (users, patients, audit, backup, content, signed content, calc, learned model, sync)"

echo "smoke: starting $launcher under Xvfb"
set +e
JAVA_TOOL_OPTIONS="-javaagent:$agent=mrn=$mrn,out=$work" \
  timeout 600 xvfb-run -a -s "-screen 0 1400x900x24" "$launcher" --data-dir="$data" \
  >"$work/stdout.log" 2>"$work/stderr.log"
status=$?
set -e

cat "$work/stdout.log"
failed=0
if ((status != 0)); then
  echo "smoke: the app exited with status $status" >&2
  failed=1
fi
if ! grep -q '^SMOKE PASSED$' "$work/stdout.log"; then
  echo "smoke: the journey did not pass" >&2
  failed=1
fi
# anything the app logged beyond the JVM's note about the agent is a finding
problems=$(grep -v -E '^Picked up JAVA_TOOL_OPTIONS:' "$work/stderr.log" \
  | grep -i -E 'exception|error|warn|^\s+at |IllegalAccess|Something went wrong' || true)
# the installed app logs to a file in the data directory (its launcher drops standard error)
log=$data/logs/outpost.log
if [[ ! -s $log ]]; then
  echo "smoke: the app wrote no log file at $log" >&2
  failed=1
else
  problems+=$(grep -i -E ' (ERROR|WARN) |exception|^\s+at ' "$log" || true)
fi
if [[ -n $problems ]]; then
  echo "smoke: the app logged problems:" >&2
  echo "$problems" | head -40 >&2
  failed=1
fi
if ((failed)); then
  echo "smoke: FAILED (logs and screenshots in $work)" >&2
  echo "--- stderr ---" >&2
  head -80 "$work/stderr.log" >&2
  exit 1
fi
echo "smoke: passed (logs in $work)"
