# Sourced by ./newsindex and by the distribution's bin/newsindex (after find-jdk.sh): runs the
# command line on $NEWSINDEX_JAVA_HOME with a JVM set up for a fast start.
#
#   newsindex_launch CLASSPATH CACHE_DIR [JVM_OPTION...] -- [NEWSINDEX_ARG...]
#
# Short commands (search, shell, --help ...) get a small JVM (C1 only, serial GC, no perf-data
# file) and a class cache made by a training run: JDK 25+'s AOT cache (-XX:AOTCache; classes
# loaded, linked and profiled ahead of time), or on JDK 21-24 an AppCDS archive
# (-XX:SharedArchiveFile). The cache needs the class path as jar files; it lives in CACHE_DIR,
# named after the JDK's build and location, and is made again when a jar is newer than it. A
# missing or stale cache is made by a training run in the background while the command runs
# without one, so no run waits for it. `index` runs long: it gets the JIT and a parallel GC
# instead; `serve` the JIT and the default (low-pause) collector; `shell` a capped heap. Nothing
# here ever prints: the JVM's own logging is limited to errors.
#
# NEWSINDEX_AOT=off runs without the cache; NEWSINDEX_AOT=wait makes a missing cache before the
# command (benchmarks, packaging).

newsindex_launch() {
  local cp=$1 cache_dir=$2
  shift 2
  local java="$NEWSINDEX_JAVA_HOME/bin/java"
  # Lucene maps index files through the FFM API; without this JDK 22+ warns on stderr.
  local opts=(--enable-native-access=ALL-UNNAMED)
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    opts+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  case "${1:-}" in
    index)
      exec "$java" "${opts[@]}" -XX:+UseParallelGC -cp "$cp" dev.newsindex.cli.NewsCli "$@" ;;
    serve)
      # Latency over throughput: the JVM's default collector (G1), the JIT.
      exec "$java" "${opts[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@" ;;
  esac
  opts+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
  # The shell stays up for hours holding little (tens of MB live: the searcher, the last page):
  # without a cap the serial collector lets the heap grow towards a quarter of the machine's memory
  # with garbage, and never gives it back. A capped heap that shrinks after each full collection
  # keeps it near what it holds; a huge article still has room to be highlighted.
  if [ "${1:-}" = shell ]; then
    opts+=(-Xmx512m -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
  fi

  local mode=${NEWSINDEX_AOT:-auto}
  [ "$mode" = off ] && exec "$java" "${opts[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@"

  # The JDK's exact build, read without starting a process, names the cache.
  local line build="" feature
  if [ -r "$NEWSINDEX_JAVA_HOME/release" ]; then
    while IFS= read -r line; do
      case $line in JAVA_RUNTIME_VERSION=*) build=${line#*=}; build=${build//\"/} ;; esac
    done < "$NEWSINDEX_JAVA_HOME/release"
  fi
  feature=${build%%[.+-]*}
  case $feature in ''|*[!0-9]*) exec "$java" "${opts[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@" ;; esac
  local home_key=${NEWSINDEX_JAVA_HOME//[^A-Za-z0-9._-]/_}
  local cache use train
  if [ "$feature" -ge 25 ]; then
    cache="$cache_dir/newsindex-$build-$home_key.aot"
    use=(-XX:AOTCache="$cache")
    train=(-XX:AOTCacheOutput=)
  else
    cache="$cache_dir/newsindex-$build-$home_key.jsa"
    use=(-XX:SharedArchiveFile="$cache")
    train=(-XX:ArchiveClassesAtExit=)
  fi
  # A cache the JVM cannot use is ignored; its warnings must not reach the user.
  local quiet=(-Xlog:disable -Xlog:all=error:stderr)

  if _newsindex_cache_fresh "$cache" "$cp"; then
    exec "$java" "${opts[@]}" "${use[@]}" "${quiet[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@"
  fi

  # Make the cache: one training run at a time, written under a temporary name, then renamed.
  if mkdir -p "$cache_dir" 2>/dev/null; then
    local lock="$cache.lock"
    if [ -d "$lock" ] && [ -n "$(find "$lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]; then
      rmdir "$lock" 2>/dev/null # left behind by a training run that was killed
    fi
    if mkdir "$lock" 2>/dev/null; then
      local tmp="$cache.$$.tmp" home="$cache.$$.home"
      train[0]="${train[0]}$tmp"
      # The recorded run only searches, as users do, the default index of a newsindex home of its
      # own: another JVM writes and indexes its articles first, so that what indexing loads stays
      # out of the cache (see CacheTraining).
      local prepare=("$java" "${opts[@]}" "${quiet[@]}" -cp "$cp" dev.newsindex.cli.CacheTraining
        --prepare "$home")
      local run=("$java" "${opts[@]}" -Dnewsindex.home="$home" "${train[@]}" "${quiet[@]}"
        -cp "$cp" dev.newsindex.cli.CacheTraining)
      if [ "$mode" = wait ]; then
        { "${prepare[@]}" && NEWSINDEX_INDEX= "${run[@]}" && mv -f "$tmp" "$cache"
          rm -rf "$home"; rm -f "$tmp" "$tmp.config"; rmdir "$lock"; } </dev/null >/dev/null 2>&1
      else
        ( { "${prepare[@]}" && NEWSINDEX_INDEX= "${run[@]}" && mv -f "$tmp" "$cache"
          rm -rf "$home"; rm -f "$tmp" "$tmp.config"; rmdir "$lock"; } \
          </dev/null >/dev/null 2>&1 & )
      fi
    fi
  fi
  if _newsindex_cache_fresh "$cache" "$cp"; then
    exec "$java" "${opts[@]}" "${use[@]}" "${quiet[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@"
  fi
  exec "$java" "${opts[@]}" -cp "$cp" dev.newsindex.cli.NewsCli "$@"
}

# Whether the cache file $1 exists and no jar of class path $2 is newer (bash tests, no process).
_newsindex_cache_fresh() {
  local cache=$1 jar rest=$2:
  [ -f "$cache" ] || return 1
  while [ -n "$rest" ]; do
    jar=${rest%%:*}
    rest=${rest#*:}
    [ "$jar" -nt "$cache" ] && return 1
  done
  return 0
}
