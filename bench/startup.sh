#!/usr/bin/env bash
# Start-up benchmark of the command line: wall time of a cold `newsindex search` (a new JVM per
# query, top 10 hits with highlighted passages) on the bundled index and on a synthetic index of
# COUNT articles, beside sqlite3 answering the same query from an FTS5 table of the same articles
# (top 10 by bm25 with a snippet), and beside the floor for a JVM: a bare Lucene search of the same
# index (bench BareSearch: analyzed term queries, BM25, UnifiedHighlighter, no newsindex code) run
# with the launcher's JVM options and an AOT cache of its own (JDK 25+). Prints the median of each
# and its ratios to sqlite3 and to bare Lucene on the same articles, all measured in one run,
# the commands interleaved; every timing goes to WORK/startup-times.tsv.
#
# Usage: bench/startup.sh [--count N] [--runs N] [--work DIR] [--query Q] [--baseline DIR]
#   defaults: --count 1000000 --runs 20 --work ${TMPDIR:-/tmp}/newsindex-startup
#             --query "deterrence strategy"
#   --baseline DIR: also time the newsindex of another checkout (e.g. an earlier commit made with
#   `git worktree add DIR COMMIT`), interleaved with this one, and print this one's ratio to it.
# Needs hyperfine and sqlite3 (Debian: apt-get install -y hyperfine sqlite3). The first run builds
# the corpus, the index and the SQLite table in WORK (1M articles: about 2 GB of JSON Lines, 20 to
# 30 minutes on 2 cores); later runs reuse them.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
count=1000000 runs=20 work=${TMPDIR:-/tmp}/newsindex-startup query="deterrence strategy" baseline=""
while [ $# -gt 0 ]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --baseline) baseline=$(cd "$2" && pwd); shift 2 ;;
    *) echo "usage: bench/startup.sh [--count N] [--runs N] [--work DIR] [--query Q]" \
      "[--baseline DIR]" >&2; exit 2 ;;
  esac
done
for tool in hyperfine sqlite3; do
  command -v $tool >/dev/null || { echo "bench: needs $tool (apt-get install -y $tool)" >&2; exit 2; }
done
cd "$root"
mkdir -p "$work"
say() { echo "bench: $*" >&2; }

# The tool, the bundled index and the launcher's class cache, made before anything is timed.
NEWSINDEX_AOT=wait ./newsindex search "$query" >/dev/null
if [ -n "$baseline" ]; then
  (cd "$baseline" && NEWSINDEX_AOT=wait ./newsindex search "$query" >/dev/null)
fi

jsonl="$work/synthetic-$count.jsonl" index="$work/index-$count"
if [ ! -f "$jsonl" ]; then
  say "generating $count synthetic articles into $jsonl"
  bench/run SyntheticCorpus --count "$count" --out "$jsonl.tmp" && mv "$jsonl.tmp" "$jsonl"
fi
if [ -d "$index" ] && ! ./newsindex stats --index "$index" >/dev/null 2>&1; then
  say "$index was built by another newsindex (schema); building it again"
  rm -rf "$index"
fi
if [ ! -d "$index" ]; then
  say "indexing $jsonl into $index"
  ./newsindex index --index "$index.tmp" "$jsonl" && mv "$index.tmp" "$index"
fi
sqlite_db() { # DB INPUT: an FTS5 table of the articles newsindex reads from INPUT
  if [ ! -f "$1" ]; then
    say "loading $2 into SQLite $1"
    bench/run SqliteExport --out "$1.sql" "$2"
    sqlite3 "$1.tmp" < "$1.sql" >/dev/null && mv "$1.tmp" "$1" && rm -f "$1.sql"
  fi
}
sqlite_db "$work/bundled.db" index-data/articles
sqlite_db "$work/synthetic-$count.db" "$jsonl"

# The floor: bench's BareSearch with the launcher's short-command JVM options; on JDK 25+ with an
# AOT cache trained on one search of the bundled index (made again at every benchmark run).
bench/run BareSearch index-data/index $query >/dev/null
. scripts/find-jdk.sh
newsindex_find_jdk
bare_cp=$(echo bench/target/newsindex-bench-*.jar)
for lib in bench/target/lib/*.jar; do bare_cp+=":$lib"; done
bare="$NEWSINDEX_JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1"
bare+=" -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr"
if "$NEWSINDEX_JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null \
    | grep -q ' AOTCacheOutput '; then
  rm -f "$work/bare.aot"
  $bare -XX:AOTCacheOutput="$work/bare.aot" -cp "$bare_cp" dev.newsindex.bench.BareSearch \
    index-data/index $query >/dev/null 2>&1
  bare+=" -XX:AOTCache=$work/bare.aot"
fi
bare+=" -cp $bare_cp dev.newsindex.bench.BareSearch"

sql="SELECT id, title, date, source, snippet(articles, 2, '**', '**', '…', 24) FROM articles"
sql+=" WHERE articles MATCH '$query' ORDER BY rank LIMIT 10"
for check in "./newsindex search '$query'" "./newsindex search --index '$index' '$query'"; do
  eval "$check" >/dev/null || { say "no hits for '$query': pick another --query"; exit 1; }
done

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
names=("newsindex, bundled index" "newsindex, bundled index, no class cache"
  "bare Lucene, bundled index" "sqlite3, bundled articles" "newsindex, $count articles"
  "bare Lucene, $count articles" "sqlite3, $count articles")
cmds=("./newsindex search '$query'" "env NEWSINDEX_AOT=off ./newsindex search '$query'"
  "$bare index-data/index $query" "sqlite3 '$work/bundled.db' \"$sql\""
  "./newsindex search --index '$index' '$query'" "$bare $index $query"
  "sqlite3 '$work/synthetic-$count.db' \"$sql\"")
if [ -n "$baseline" ]; then
  names+=("baseline, bundled index" "baseline, $count articles")
  cmds+=("$baseline/newsindex search '$query'"
    "$baseline/newsindex search --index '$index' '$query'")
fi

# Interleaved: each round runs every command once (hyperfine, one run, no shell), so a load that
# comes and goes on a shared machine touches all of them alike and their ratios hold.
say "timing $runs rounds of the ${#cmds[@]} commands, interleaved (hyperfine)," \
  "after 3 warm-up rounds"
times="$work/startup-times.tsv" # command index, wall ms, CPU (user + system) ms
: > "$times"
for ((r = -3; r < runs; r++)); do
  for i in "${!cmds[@]}"; do
    hyperfine -N --style none --runs 1 --export-json "$work/one.json" "${cmds[$i]}" >/dev/null 2>&1
    ((r < 0)) || awk -v i="$i" '
      function value(line) { sub(/.*": /, "", line); sub(/,$/, "", line); return line + 0 }
      /"median":/ { wall = value($0) * 1000 }
      /"user":/ { cpu = value($0) * 1000 }
      /"system":/ { cpu += value($0) * 1000 }
      END { printf "%d\t%.2f\t%.2f\n", i, wall, cpu }' "$work/one.json" >> "$times"
  done
done

# Medians and ratios. CPU is the median user + system time: on a busy machine it moves less than
# wall time.
echo
echo "cold search for \"$query\": median wall time ($runs runs; $(nproc) cores; $(date -u +%F);" \
  "load average before: $load):"
for i in "${!names[@]}"; do printf '%s\n' "${names[$i]}"; done | awk -F'\t' '
  function median(list, n,   a, m, r, p, x) { # insertion sort: any awk
    m = split(list, a, " ")
    for (r = 2; r <= m; r++) {
      x = a[r] + 0; p = r
      while (p > 1 && a[p - 1] + 0 > x) { a[p] = a[p - 1]; p-- }
      a[p] = x
    }
    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  FNR == NR { order[NR - 1] = $0; n = NR; next }
  { wall[order[$1]] = wall[order[$1]] " " $2; cpu[order[$1]] = cpu[order[$1]] " " $3 }
  END {
    for (i = 0; i < n; i++) {
      name = order[i]; med[name] = median(wall[name]); c[name] = median(cpu[name])
    }
    for (i = 0; i < n; i++) {
      name = order[i]; base = ""
      if (name ~ /^newsindex, bundled/) base = "sqlite3, bundled articles"
      else if (name ~ /^newsindex, /) { base = name; sub(/^newsindex, /, "sqlite3, ", base) }
      ratio = (base in med) ? sprintf("%6.0fx sqlite3", med[name] / med[base]) : ""
      floor = name; sub(/^newsindex, /, "bare Lucene, ", floor); sub(/, no class cache$/, "", floor)
      if (name ~ /^newsindex, / && floor in med)
        ratio = ratio sprintf(" %5.2fx bare", med[name] / med[floor])
      before = name; sub(/^newsindex, /, "baseline, ", before)
      if (name ~ /^newsindex, / && before in med)
        ratio = ratio sprintf(" %5.2fx baseline", med[name] / med[before])
      printf "  %-42s %8.1f ms  %-27s (CPU %.0f ms)\n", name, med[name], ratio, c[name]
    }
  }' - "$times"

# Where a cold search's time goes: NEWSINDEX_TRACE makes the command print its phases (see
# cli StartupTrace); before-main is the launcher's shell, the JVM's creation and its class cache.
echo
echo "where the time goes (median of $runs traced runs, ms):"
for index_arg in "" "--index $index"; do
  for ((i = 0; i < runs; i++)); do
    NEWSINDEX_TRACE=$(date +%s%N) ./newsindex search $index_arg "$query" 2>&1 >/dev/null \
      | grep '^newsindex trace:' || true
  done | awk -v what="${index_arg:+$count articles}" '
    {
      for (i = 3; i <= NF; i++) {
        split($i, kv, "="); v[kv[1], NR] = kv[2]; if (NR == 1) k[++n] = kv[1]
      }
    }
    END {
      line = sprintf("  %-26s", "newsindex, " (what == "" ? "bundled index" : what))
      for (j = 1; j <= n; j++) {
        m = 0
        for (r = 1; r <= NR; r++) { # insertion sort: any awk
          x = v[k[j], r] + 0; p = ++m
          while (p > 1 && a[p - 1] > x) { a[p] = a[p - 1]; p-- }
          a[p] = x
        }
        med = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        line = line sprintf(" %s %.1f", k[j], med)
      }
      print line
    }'
done
