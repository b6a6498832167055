#!/usr/bin/env bash
# Prints the path of the core jar of a released version, building it once from git: the baseline
# the API check (japicmp, profile api-check in core/pom.xml) compares the current jar with.
# Usage: scripts/api-baseline.sh [REF]   REF defaults to the newest tag named v* (a release).
# Prints nothing and exits 0 when there is no such tag yet. Needs git, Maven and a JDK 21+ (found
# as ./run-tests finds it). Jars are kept in ${XDG_CACHE_HOME:-~/.cache}/newsindex/api-baseline,
# one per commit, so only the first check after a release pays for the build (about a minute).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
ref=${1:-}
if [ -z "$ref" ]; then
  ref=$(git -C "$root" describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null) || exit 0
fi
commit=$(git -C "$root" rev-parse --verify --quiet "$ref^{commit}") || {
  echo "newsindex: api-baseline: no commit named '$ref'" >&2
  exit 2
}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/newsindex/api-baseline
jar=$cache/newsindex-core-$commit.jar
if [ ! -s "$jar" ]; then
  . "$root/scripts/find-jdk.sh"
  newsindex_find_jdk || exit 2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # The tree of the release, outside this checkout: its pom and the core module are enough.
  git -C "$root" archive "$commit" pom.xml core | tar -x -C "$work"
  sed -i 's|<module>[a-z-]*</module>||g; s|<modules>|<modules><module>core</module>|' \
    "$work/pom.xml"
  export JAVA_HOME=$NEWSINDEX_JAVA_HOME
  if [ "$(newsindex_java_version "$JAVA_HOME")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  mvn -B -ntp -q -o -f "$work/pom.xml" -pl core package -DskipTests -Dmaven.javadoc.skip \
    -Dexec.skip >&2
  mkdir -p "$cache"
  cp "$(ls "$work"/core/target/newsindex-core-*.jar | grep -v -e sources -e javadoc | head -1)" \
    "$jar.tmp"
  mv "$jar.tmp" "$jar"
fi
printf '%s\n' "$jar"
