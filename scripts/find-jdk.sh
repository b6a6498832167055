# Sourced by ./newsindex, ./run-tests and .ci/run: sets NEWSINDEX_JAVA_HOME to a JDK >= 21.
# Looks at $JAVA_HOME, then the java on PATH, then the usual install locations; a candidate that
# is too old is passed over. When none fits, prints one line saying what to do and returns 1.
# NEWSINDEX_JDK_DIRS (colon-separated globs) replaces the usual install locations (for tests).

newsindex_min_java=21

# The feature version (e.g. 25) of the JDK in directory $1, or nothing.
newsindex_java_version() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -r "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9.]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  fi
  v=${v#1.}            # 1.8 -> 8
  printf '%s' "${v%%.*}"
}

newsindex_find_jdk() {
  local candidates=() dir v java_on_path seen=""
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if java_on_path=$(command -v java 2>/dev/null); then
    java_on_path=$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")
    candidates+=("${java_on_path%/bin/java}")
  fi
  local globs=${NEWSINDEX_JDK_DIRS-/usr/lib/jvm/*:/usr/local/lib/jvm/*:/opt/java/*:/opt/jdk*:/usr/java/*:$HOME/.sdkman/candidates/java/*:$HOME/.jdks/*:/Library/Java/JavaVirtualMachines/*/Contents/Home}
  local patterns pattern
  IFS=: read -r -a patterns <<< "$globs"
  for pattern in "${patterns[@]}"; do
    # Newest first: the pattern's matches sorted by version, descending.
    for dir in $(ls -d $pattern 2>/dev/null | sort -rV); do
      candidates+=("$dir")
    done
  done
  for dir in "${candidates[@]}"; do
    case " $seen " in *" $dir "*) continue ;; esac
    seen="$seen $dir"
    v=$(newsindex_java_version "$dir")
    if [ -n "$v" ] && [ "$v" -ge "$newsindex_min_java" ]; then
      NEWSINDEX_JAVA_HOME=$dir
      return 0
    fi
  done
  local found="none found"
  if [ -n "${JAVA_HOME:-}" ]; then
    found="JAVA_HOME=$JAVA_HOME is Java $(newsindex_java_version "$JAVA_HOME")"
  fi
  echo "newsindex: needs Java $newsindex_min_java or newer ($found); install a JDK $newsindex_min_java+ and set JAVA_HOME to it" >&2
  return 1
}
