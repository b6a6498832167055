#!/usr/bin/env bash
# Start-up benchmark of the command line: the wall time of a cold `newsindex search` (a new JVM per
# query, top 10 hits with highlighted passages) beside the floor for a JVM, a bare Lucene search of
# the same index (bench BareSearch: analyzed term queries, BM25, UnifiedHighlighter, no newsindex
# code) run with the launcher's short-command JVM options and an AOT cache of its own (JDK 25+),
# and beside sqlite3 answering the same query from an FTS5 table of the same articles when sqlite3
# is installed. The commands are interleaved (one run of each per round), so load from other work
# touches them alike. Prints the median wall and CPU time of each and newsindex's ratios, and
# writes them to docs/benchmarks/Startup.md (BENCH_DOCS= writes nothing); every timing goes to
# WORK/startup-times.tsv.
#
# Usage: bench/startup.sh [--count N] [--runs N] [--work DIR] [--query Q] [--baseline DIR]...
#   defaults: --count 0 --runs 20 --work ${TMPDIR:-/tmp}/newsindex-startup
#             --query "deterrence strategy"
#   --count N: also a synthetic index of N articles (built once in WORK and reused; 100,000
#   articles take a few minutes on 2 cores).
#   --baseline DIR (repeatable): also time the newsindex of another checkout (e.g. an earlier
#   commit made with `git worktree add DIR COMMIT`), interleaved with this one.
# Needs hyperfine (Debian: apt-get install -y hyperfine); sqlite3 is optional.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
count=0 runs=20 work=${TMPDIR:-/tmp}/newsindex-startup query="deterrence strategy" baselines=()
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --baseline) baselines+=("$(cd "$2" && pwd)"); shift 2 ;;
    *) echo "usage: bench/startup.sh [--count N] [--runs N] [--work DIR] [--query Q]" \
      "[--baseline DIR]..." >&2; exit 2 ;;
  esac
done
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
sqlite=""
command -v sqlite3 >/dev/null && sqlite=yes
cd "$root"
mkdir -p "$work"
say() { echo "bench: $*" >&2; }

# The tool, the bundled index and the launcher's class cache, made before anything is timed.
NEWSINDEX_AOT=wait ./newsindex search "$query" >/dev/null
for b in "${baselines[@]}"; do
  (cd "$b" && NEWSINDEX_AOT=wait ./newsindex search "$query" >/dev/null)
done

index=""
if [ "$count" -gt 0 ]; then
  jsonl="$work/synthetic-$count.jsonl" index="$work/index-$count"
  if [ ! -f "$jsonl" ]; then
    say "generating $count synthetic articles into $jsonl"
    BENCH_DOCS= bench/run SyntheticCorpus --count "$count" --out "$jsonl.tmp" && mv "$jsonl.tmp" "$jsonl"
  fi
  if [ -d "$index" ] && ! ./newsindex stats --index "$index" >/dev/null 2>&1; then
    say "$index was built by another newsindex (schema); building it again"
    rm -rf "$index"
  fi
  if [ ! -d "$index" ]; then
    say "indexing $jsonl into $index"
    ./newsindex index --quiet --index "$index.tmp" "$jsonl" && mv "$index.tmp" "$index"
  fi
fi
sqlite_db() { # DB INPUT: an FTS5 table of the articles newsindex reads from INPUT
  if [ ! -f "$1" ]; then
    say "loading $2 into SQLite $1"
    BENCH_DOCS= bench/run SqliteExport --out "$1.sql" "$2"
    sqlite3 "$1.tmp" < "$1.sql" >/dev/null && mv "$1.tmp" "$1" && rm -f "$1.sql"
  fi
}
if [ -n "$sqlite" ]; then
  sqlite_db "$work/bundled.db" index-data/articles
  [ -z "$index" ] || sqlite_db "$work/synthetic-$count.db" "$jsonl"
fi

# The floor: bench's BareSearch with the launcher's short-command JVM options; on JDK 25+ with an
# AOT cache trained on one search of the bundled index (made again at every benchmark run).
BENCH_DOCS= bench/run BareSearch index-data/index $query >/dev/null
. scripts/find-jdk.sh
newsindex_find_jdk
bench_cp=$(echo bench/target/newsindex-bench-*.jar)
for lib in bench/target/lib/*.jar; do bench_cp+=":$lib"; done
bare="$NEWSINDEX_JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1"
bare+=" -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr"
if "$NEWSINDEX_JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null \
    | grep -q ' AOTCacheOutput '; then
  rm -f "$work/bare.aot"
  $bare -XX:AOTCacheOutput="$work/bare.aot" -cp "$bench_cp" dev.newsindex.bench.BareSearch \
    index-data/index $query >/dev/null 2>&1
  bare+=" -XX:AOTCache=$work/bare.aot"
fi
bare+=" -cp $bench_cp dev.newsindex.bench.BareSearch"

sql="SELECT id, title, date, source, snippet(articles, 2, '**', '**', '…', 24) FROM articles"
sql+=" WHERE articles MATCH '$query' ORDER BY rank LIMIT 10"
# A search with an option goes through picocli's model; a plain one does not (SearchCommand.plain).
names=("newsindex, bundled index" "newsindex with --limit 10, bundled index"
  "bare Lucene, bundled index")
cmds=("./newsindex search '$query'" "./newsindex search --limit 10 '$query'"
  "$bare index-data/index $query")
if [ -n "$sqlite" ]; then
  names+=("sqlite3, bundled index")
  cmds+=("sqlite3 '$work/bundled.db' \"$sql\"")
fi
for b in "${baselines[@]}"; do
  names+=("baseline ${b##*/}, bundled index" "baseline ${b##*/} with --limit 10, bundled index")
  cmds+=("$b/newsindex search '$query'" "$b/newsindex search --limit 10 '$query'")
done
if [ -n "$index" ]; then
  names+=("newsindex, $count articles" "bare Lucene, $count articles")
  cmds+=("./newsindex search --index '$index' '$query'" "$bare $index $query")
  if [ -n "$sqlite" ]; then
    names+=("sqlite3, $count articles")
    cmds+=("sqlite3 '$work/synthetic-$count.db' \"$sql\"")
  fi
  for b in "${baselines[@]}"; do
    names+=("baseline ${b##*/}, $count articles")
    cmds+=("$b/newsindex search --index '$index' '$query'")
  done
fi
for check in "./newsindex search '$query'" ${index:+"./newsindex search --index '$index' '$query'"}; do
  eval "$check" >/dev/null || { say "no hits for '$query': pick another --query"; exit 1; }
done

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)
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

# Medians and ratios, as a Markdown table. CPU is the median user + system time: on a busy machine
# it moves less than wall time. Each newsindex row (baselines included) gets its ratios to bare
# Lucene on the same index.
table=$(for i in "${!names[@]}"; do printf '%s\n' "${names[$i]}"; done | awk -F'\t' '
  function median(list,   a, m, r, p, x) { # insertion sort: any awk
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
    print "| command | median wall ms | median CPU ms | wall / bare Lucene | CPU / bare Lucene |"
    print "|---|---|---|---|---|"
    for (i = 0; i < n; i++) {
      name = order[i]; bare = name; r1 = r2 = ""
      sub(/^[^,]*, /, "bare Lucene, ", bare)
      if (name !~ /^(bare Lucene|sqlite3)/ && bare in med) {
        r1 = sprintf("%.2f", med[name] / med[bare]); r2 = sprintf("%.2f", c[name] / c[bare])
      }
      printf "| %s | %.1f | %.0f | %s | %s |\n", name, med[name], c[name], r1, r2
    }
  }' - "$times")
echo
echo "cold search for \"$query\", $runs interleaved rounds (system load before: $load):"
echo "$table"

corpus=("the bundled articles (index-data/articles)")
[ -z "$index" ] || corpus+=("$count synthetic articles (SyntheticCorpus, seed 42)")
corpus_args=()
for c in "${corpus[@]}"; do corpus_args+=(--corpus "$c"); done
{
  echo "## Cold search for \"$query\" ($runs interleaved rounds)"
  echo
  echo "$table"
  echo
  echo "bare Lucene: bench BareSearch with the launcher's short-command JVM options and an AOT"
  echo "cache of its own; sqlite3: an FTS5 table of the same articles, top 10 by bm25 with a snippet."
  [ ${#baselines[@]} -eq 0 ] || echo "baseline: the newsindex of another checkout, run the same way."
} | "$NEWSINDEX_JAVA_HOME/bin/java" -Dnewsindex.bench.docs="${BENCH_DOCS-$root/docs/benchmarks}" \
  -cp "$bench_cp" dev.newsindex.bench.BenchDoc --name Startup \
  --about "A cold newsindex search (a new JVM per query) beside a bare Lucene search and sqlite3." \
  --command "bench/startup.sh${args[*]:+ ${args[*]}}" "${corpus_args[@]}"
