# Sourced by ./newsindex, ./run-tests and .ci/run: sets NEWSINDEX_JAVA_HOME to a JDK >= 21.
# Looks at $JAVA_HOME, then the java on PATH, then the usual install locations (the newest JDK
# of the first location that has one); a candidate that is too old is passed over. When none
# fits, prints one line saying what to do and returns 1.
# NEWSINDEX_JDK_DIRS (colon-separated globs) replaces the usual install locations (for tests).
# Runs on every launch, so the common case starts no process: versions come from each JDK's
# `release` file, read by bash itself.

newsindex_min_java=21

# Sets _newsindex_v to the feature version (e.g. 25) of the JDK in directory $1, or to nothing.
_newsindex_version_of() {
  local home=$1 line v=""
  _newsindex_v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -r "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
    done < "$home/release"
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  fi
  v=${v#1.}            # 1.8 -> 8
  v=${v%%[!0-9]*}
  _newsindex_v=$v
}

# The feature version (e.g. 25) of the JDK in directory $1, or nothing.
newsindex_java_version() {
  _newsindex_version_of "$1"
  printf '%s' "$_newsindex_v"
}

# Whether $1 is a JDK >= 21; if so it becomes NEWSINDEX_JAVA_HOME.
_newsindex_accept() {
  _newsindex_version_of "$1"
  if [ -n "$_newsindex_v" ] && [ "$_newsindex_v" -ge "$newsindex_min_java" ]; then
    NEWSINDEX_JAVA_HOME=$1
    return 0
  fi
  return 1
}

newsindex_find_jdk() {
  local java_on_path dir best best_v
  if [ -n "${JAVA_HOME:-}" ] && _newsindex_accept "$JAVA_HOME"; then
    return 0
  fi
  # hash looks java up on PATH without a subshell (bash 4+ lists it in BASH_CMDS; 3.2 does not).
  java_on_path=""
  if hash java 2>/dev/null; then
    java_on_path=${BASH_CMDS[java]:-}
    [ -n "$java_on_path" ] || java_on_path=$(command -v java 2>/dev/null) || java_on_path=""
  fi
  local globs=${NEWSINDEX_JDK_DIRS-/usr/lib/jvm/*:/usr/local/lib/jvm/*:/opt/java/*:/opt/jdk*:/usr/java/*:${HOME:-}/.sdkman/candidates/java/*:${HOME:-}/.jdks/*:/Library/Java/JavaVirtualMachines/*/Contents/Home}
  local patterns pattern resolved
  IFS=: read -r -a patterns <<< "$globs"
  if [ -n "$java_on_path" ]; then
    if [ -L "$java_on_path" ]; then
      # A link (e.g. /usr/bin/java -> /etc/alternatives/java -> a JDK in /usr/lib/jvm): the
      # usual install locations are searched for the same file (-ef, no process) before
      # readlink is asked.
      resolved=""
      for pattern in "${patterns[@]}"; do
        for dir in $pattern; do
          if [ ! -L "$dir" ] && [ "$java_on_path" -ef "$dir/bin/java" ]; then
            resolved=$dir/bin/java
            break 2
          fi
        done
      done
      [ -n "$resolved" ] || resolved=$(readlink -f "$java_on_path" 2>/dev/null) \
        || resolved=$java_on_path
      java_on_path=$resolved
    fi
    case $java_on_path in /*) ;; *) java_on_path=$PWD/$java_on_path ;; esac
    _newsindex_accept "${java_on_path%/bin/java}" && return 0
  fi
  for pattern in "${patterns[@]}"; do
    best="" best_v=0
    for dir in $pattern; do
      _newsindex_version_of "$dir"
      if [ -n "$_newsindex_v" ] && [ "$_newsindex_v" -ge "$newsindex_min_java" ] \
          && [ "$_newsindex_v" -gt "$best_v" ]; then
        best=$dir best_v=$_newsindex_v
      fi
    done
    if [ -n "$best" ]; then
      NEWSINDEX_JAVA_HOME=$best
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
