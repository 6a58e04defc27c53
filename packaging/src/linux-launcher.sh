#!/bin/bash
# Outpost's launcher on Linux (bin/Outpost of the app image, the .deb and the .rpm), put in place of jpackage's
# native launcher by packaging/package.sh (issue 17). The native launcher asks the package managers which package
# owns it (rpm -qf and dpkg -S, through sh and bash, twice) at every start, before the JVM: ≈ 140 ms of a launch of
# ≈ 830 ms on the bench machine. This one starts the same JVM the same way: the runtime next to it, and the main
# class, class path and JVM options of lib/app/Outpost.cfg (the file jpackage writes and package.sh edits), with
# $APPDIR standing for lib/app as in jpackage's own launcher, so the AOT cache made by the training run matches.
set -euo pipefail
self=$(readlink -f "${BASH_SOURCE[0]}")
root=${self%/bin/*}
APPDIR=$root/lib/app
cfg=$APPDIR/Outpost.cfg
if [[ ! -r $cfg ]]; then
  echo "Outpost: the launcher configuration $cfg is missing; reinstall Outpost." >&2
  exit 1
fi
main=
classpath=
options=()
while IFS= read -r line || [[ -n $line ]]; do
  case $line in
    app.mainclass=*) main=${line#app.mainclass=} ;;
    app.classpath=*) entry=${line#app.classpath=}; classpath+=${classpath:+:}${entry//\$APPDIR/$APPDIR} ;;
    java-options=*) option=${line#java-options=}; options+=("${option//\$APPDIR/$APPDIR}") ;;
  esac
done <"$cfg"
exec "$root/lib/runtime/bin/java" "${options[@]}" -cp "$classpath" "$main" "$@"
