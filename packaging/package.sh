#!/usr/bin/env bash
# Builds Outpost's runtime (jlink), app image (jpackage) and, on Linux, a .deb.
# Called by `./mvnw -Ppackage package` after Maven has copied the jars to target/input (class path) and
# target/modules (JavaFX and ControlsFX, linked into the runtime as named modules).
# Usage: package.sh VERSION
set -euo pipefail
version=${1:?usage: package.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
: "${JAVA_HOME:?JAVA_HOME must point to a JDK 25}"

case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=mac; [[ $(uname -m) == arm64 ]] && platform=mac-aarch64 ;;
  *) platform=win ;;
esac

# The platform-specific JavaFX jars are the real modules; the plain ones are empty shells.
module_path=$(ls "$target"/modules/javafx-*-"$platform".jar "$target"/modules/controlsfx-*.jar \
  | paste -sd "$( [[ $platform == win ]] && echo ';' || echo ':')")

# The launcher's JVM options: the same file ./outpost and the ui tests use (comments and blank lines dropped)
java_options=()
while read -r line; do # read trims the line
  [[ -n $line && $line != \#* ]] && java_options+=(--java-options "$line")
done < "$here/../ui/src/main/launcher/java-options"

rm -rf "$target/runtime" "$target/dist"
echo "jlink: building runtime"
"$JAVA_HOME/bin/jlink" @"$here/src/jlink.args" --module-path "$module_path" --output "$target/runtime"

# Every module the class-path jars need must be in the runtime: on the class path a missing module only
# shows when a user reaches the code that needs it, so packaging fails here instead.
needed=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$module_path" --class-path "$target/input/*" "$target"/input/*.jar 2>/dev/null | tail -n 1)
linked=$("$target/runtime/bin/java" --list-modules | sed 's/@.*//')
missing=$(tr ',' '\n' <<<"$needed" | grep -vxF -f <(echo "$linked") || true)
if [[ -n $missing ]]; then
  echo "package.sh: the class-path jars need modules the runtime lacks: $missing (add them to src/jlink.args)" >&2
  exit 1
fi
echo "jdeps: the runtime has every module the class-path jars need ($needed)"

# jars stored uncompressed so the installer's compression works across them (see src/StoreJars.java)
"$JAVA_HOME/bin/java" "$here/src/StoreJars.java" "$target"/input/*.jar

# the licence, the notice with the clinical sources, and the third-party licences from the SBOM, in every install
# (jpackage --app-content: lib/legal on Linux, Contents/legal on macOS, legal beside the app on Windows)
legal="$target/legal"
if [[ ! -f $target/bom.xml ]]; then
  echo "package.sh: no SBOM (target/bom.xml); the CycloneDX plugin skips itself in Maven's offline mode (-o): build online" >&2
  exit 1
fi
rm -rf "$legal" && mkdir -p "$legal"
cp "$here/../LICENSE" "$here/../NOTICE" "$legal/"
"$JAVA_HOME/bin/java" "$here/src/ThirdParty.java" "$target/bom.xml" >"$legal/THIRD-PARTY.txt"

main_jar=$(cd "$target/input" && ls outpost-ui-*.jar)
echo "jpackage: building app image"
"$JAVA_HOME/bin/jpackage" @"$here/src/jpackage.args" --type app-image --app-version "$version" \
  --runtime-image "$target/runtime" --input "$target/input" --main-jar "$main_jar" --dest "$target/dist" \
  --app-content "$legal" \
  "${java_options[@]}"

cp "$target/bom.json" "$target/dist/outpost-$version.cdx.json" # the SBOM, published beside the installers

# Linux: bin/Outpost becomes a script that starts the same JVM from lib/app/Outpost.cfg (src/linux-launcher.sh says
# why: jpackage's native launcher queries rpm and dpkg at every start, ≈ 140 ms). Before the training run, so the
# AOT cache is made by the launcher the installers ship.
if [[ $platform == linux ]]; then
  install -m 755 "$here/src/linux-launcher.sh" "$target/dist/Outpost/bin/Outpost"
fi

# The JDK's ahead-of-time cache (JEP 483/514/515, issue 17): a training run of the app image itself (its own launcher,
# so the class path and JVM options are exactly the installed ones) plays a first session on a throw-away synthetic
# database (sign in, search, a chart and its tabs; ui/.../TrainingRun.java) and writes lib/app/outpost.aot at exit;
# every start then maps those classes already loaded and linked instead of reading them from the jars. It replaces
# the runtime's default CDS archive (classes.jsa, 14 MB), which jlink no longer makes (src/jlink.args). Needs a display: xvfb-run on Linux without
# one. The cache is found relative to the launcher ($APPDIR), so it works wherever the image is installed.
case $platform in
  linux) cfg="$target/dist/Outpost/lib/app/Outpost.cfg"; launcher="$target/dist/Outpost/bin/Outpost" ;;
  mac*) cfg="$target/dist/Outpost.app/Contents/app/Outpost.cfg"; launcher="$target/dist/Outpost.app/Contents/MacOS/Outpost" ;;
  *) cfg="$target/dist/Outpost/app/Outpost.cfg"; launcher="$target/dist/Outpost/Outpost.exe" ;;
esac
display=()
if [[ $platform == linux && -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "package.sh: the AOT training run needs a display or xvfb-run (apt-get install xvfb)" >&2; exit 1; }
  display=(xvfb-run -a -s "-screen 0 1366x768x24")
fi
# The cache is valid only for class-path jars with the size and modification time they had when it was made, and
# jpackage copies the image into the .deb and .rpm with new times. So the jars get one fixed time before the training
# run, dpkg-deb keeps it (SOURCE_DATE_EPOCH: it clamps newer times to it), the .rpm spec sets it again, and the installers'
# scripts set it again (postinst, the spec's %post), else every start would refuse the cache (found by the smoke test).
jar_time=946684800 # 2000-01-01T00:00:00Z; the same number is in src/linux-resources/postinst and src/rpm-resources/outpost.spec
find "$(dirname "$cfg")" -name '*.jar' -exec touch -d "@$jar_time" {} +
export SOURCE_DATE_EPOCH=$jar_time
echo "AOT cache: training run"
cp "$cfg" "$target/Outpost.cfg.orig"
echo 'java-options=-XX:AOTCacheOutput=$APPDIR/outpost.aot' >>"$cfg"
training=$(mktemp -d)
if ! OUTPOST_TRAINING_RUN="$training" timeout 900 "${display[@]}" "$launcher" >"$target/aot-training.log" 2>&1 \
    || grep -q "The training run failed" "$target/aot-training.log"; then
  echo "package.sh: the AOT training run failed; its output is in $target/aot-training.log" >&2
  tail -n 30 "$target/aot-training.log" >&2
  exit 1
fi
rm -rf "$training"
cp "$target/Outpost.cfg.orig" "$cfg"
echo 'java-options=-XX:AOTCache=$APPDIR/outpost.aot' >>"$cfg"
aot=$(dirname "$cfg")/outpost.aot
[[ -s $aot ]] || { echo "package.sh: the training run wrote no AOT cache ($target/aot-training.log)" >&2; exit 1; }
echo "AOT cache: $(du -h "$aot" | cut -f1) ($(grep -c 'warning\]\[aot\] Skipping' "$target/aot-training.log" || true) classes left out)"

if [[ $platform == linux ]] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  echo "jpackage: building .deb"
  "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-linux.args" --name Outpost --type deb --app-version "$version" \
    --app-image "$target/dist/Outpost" --dest "$target/dist" --resource-dir "$here/src/linux-resources" \
    --license-file "$here/../LICENSE" --linux-package-deps libgtk-3-0,libxtst6
fi
if [[ $platform == linux ]] && command -v rpmbuild >/dev/null; then
  echo "jpackage: building .rpm"
  # rpmbuild's default payload here is gzip; xz (as Fedora uses) makes it as small as the .deb. rpmbuild reads
  # ~/.rpmmacros, so jpackage runs with a private HOME holding only that.
  rpm_home=$(mktemp -d)
  echo '%_binary_payload w6T.xzdio' >"$rpm_home/.rpmmacros"
  HOME="$rpm_home" "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-linux.args" --name Outpost --type rpm --app-version "$version" \
    --resource-dir "$here/src/rpm-resources" \
    --app-image "$target/dist/Outpost" --dest "$target/dist" --license-file "$here/../LICENSE" \
    --linux-rpm-license-type "ASL 2.0" --linux-package-deps gtk3,libXtst
  rm -rf "$rpm_home"
fi
if [[ $platform == win ]]; then # needs WiX on the PATH; not run in CI (no Windows machine there)
  echo "jpackage: building .msi"
  "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-win.args" --name Outpost --type msi --app-version "$version" \
    --app-image "$target/dist/Outpost" --dest "$target/dist" --license-file "$here/../LICENSE"
fi
if [[ $platform == mac* ]]; then # not run in CI (no Mac there)
  for type in dmg pkg; do
    echo "jpackage: building .$type"
    "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-mac.args" --name Outpost --type "$type" --app-version "$version" \
      --app-image "$target/dist/Outpost.app" --dest "$target/dist" --license-file "$here/../LICENSE"
  done
fi
ls -l "$target/dist"
