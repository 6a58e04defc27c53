#!/usr/bin/env bash
# Builds Outpost's runtime (jlink), app image (jpackage) and, on Linux, a .deb.
# Called by `./mvnw -Ppackage package` after Maven has copied the jars to target/input and target/javafx.
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
module_path=$(ls "$target"/javafx/*-"$platform".jar | paste -sd "$( [[ $platform == win ]] && echo ';' || echo ':')")

rm -rf "$target/runtime" "$target/dist"
echo "jlink: building runtime"
"$JAVA_HOME/bin/jlink" @"$here/src/jlink.args" --module-path "$module_path" --output "$target/runtime"

main_jar=$(cd "$target/input" && ls outpost-ui-*.jar)
echo "jpackage: building app image"
"$JAVA_HOME/bin/jpackage" @"$here/src/jpackage.args" --type app-image --app-version "$version" \
  --runtime-image "$target/runtime" --input "$target/input" --main-jar "$main_jar" --dest "$target/dist"

if [[ $platform == linux ]] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  echo "jpackage: building .deb"
  "$JAVA_HOME/bin/jpackage" @"$here/src/jpackage-linux.args" --name Outpost --type deb --app-version "$version" \
    --app-image "$target/dist/Outpost" --dest "$target/dist"
fi
ls -l "$target/dist"
