#!/usr/bin/env bash
# A loopback OpenSearch cluster for newsindex's integration tests and benchmarks, from OpenSearch's
# own distribution on Maven Central (no other download), with the newsindex plugin installed.
#
#   scripts/opensearch.sh start [--nodes N] [--dir DIR] [--plugin ZIP] [--heap SIZE]
#                               [--port HTTP_PORT] [--transport-port PORT] [--watch PID]
#   scripts/opensearch.sh stop [--dir DIR]
#   scripts/opensearch.sh restart-node --node I [--nodes N] [--port HTTP_PORT] [--dir DIR]
#   scripts/opensearch.sh fetch [--dir DIR]
#
# start: obtains the distribution zip through Maven (dependency:copy into DIR), unpacks it into
#   DIR/install, installs the plugin zip offline, and starts N nodes (default 1) on 127.0.0.1 with
#   distinct ports (HTTP_PORT.., default 9250; transport PORT.., default HTTP_PORT+100), each with
#   SIZE of heap (default 512m); waits until the cluster is green with N nodes, then prints the
#   nodes' URLs on one line, comma-separated. OpenSearch refuses to run as root: run as root, the
#   nodes run as the unprivileged user newsindex-opensearch, created with useradd when missing.
#   A start that fails stops every node it started. With --watch PID, a watchdog stops the nodes
#   when process PID ends (a test JVM that dies cannot leave a cluster behind).
# stop: stops every node started in DIR (SIGTERM, then SIGKILL after 30 s) and its watchdog.
# restart-node: starts node I of DIR again (after a test killed it); waits for green with N nodes.
# fetch: only obtains the distribution zip.
#
# DIR defaults to opensearch/target/cluster in the repository. Exit status: 0 done; 2 bad usage or
# a failed start (the reason on stderr); 3 the distribution cannot be obtained (tests skip then).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
version=3.8.0
artifact=org.opensearch.distribution.integ-test-zip:opensearch:$version:zip
user=newsindex-opensearch

say() { echo "opensearch.sh: $*" >&2; }
die() { say "$*"; exit 2; }

command=${1:-}
[ $# -gt 0 ] && shift
nodes=1
dir=$root/opensearch/target/cluster
plugin=""
heap=512m
port=9250
transport=""
watch=""
node_index=""
while [ $# -gt 0 ]; do
  case $1 in
    --nodes) nodes=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --transport-port) transport=$2; shift 2 ;;
    --watch) watch=$2; shift 2 ;;
    --node) node_index=$2; shift 2 ;;
    *) die "unknown option '$1' (see the head of $0)" ;;
  esac
done
transport=${transport:-$((port + 100))}
case $nodes in ''|*[!0-9]*|0) die "--nodes takes a positive number, not '$nodes'" ;; esac
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
zip=$dir/opensearch-$version.zip

. "$root/scripts/find-jdk.sh"
newsindex_find_jdk || exit 2

# The distribution zip in DIR, copied from the local Maven repository (downloaded into it first
# when missing and the registry can be reached).
fetch() {
  [ -s "$zip" ] && return 0
  command -v mvn >/dev/null 2>&1 || { say "Maven (mvn) is needed to obtain $artifact"; exit 3; }
  local log=$dir/fetch.log
  local args=(-B -ntp -N -f "$root/pom.xml" dependency:copy -Dartifact="$artifact"
    -DoutputDirectory="$dir" -Dmdep.overWriteIfNewer=true)
  if ! JAVA_HOME=$NEWSINDEX_JAVA_HOME mvn -o "${args[@]}" >"$log" 2>&1 \
      && ! JAVA_HOME=$NEWSINDEX_JAVA_HOME mvn "${args[@]}" >>"$log" 2>&1; then
    say "cannot obtain $artifact through Maven (see $log)"
    exit 3
  fi
  [ -s "$zip" ] || { say "Maven copied no $zip (see $log)"; exit 3; }
}

# Runs "$@" as the nodes' user: the unprivileged user when we are root, else ourselves.
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

stop_nodes() {
  local pidfile pid i
  # The watchdog runs this very stop when its process ends: it must not kill itself.
  if [ -s "$dir/watchdog.pid" ] && [ "$(cat "$dir/watchdog.pid")" != "$$" ]; then
    kill "$(cat "$dir/watchdog.pid")" 2>/dev/null || true
  fi
  rm -f "$dir/watchdog.pid" "$dir/urls"
  local pids=()
  for pidfile in "$dir"/nodes/*/pid "$dir"/nodes/*/launcher.pid; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    rm -f "$pidfile"
  done
  for ((i = 0; i < 300; i++)); do
    local alive=0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    [ "$alive" -eq 0 ] && return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
}

health() {
  curl -s --max-time 5 "http://127.0.0.1:$port/_cluster/health?wait_for_status=green&wait_for_nodes=$nodes&timeout=4s" 2>/dev/null || true
}

# Where the nodes' files (install, nodes) live: DIR when the nodes' user can reach it; else (run as
# root in a checkout under a directory closed to others, as mktemp -d makes) a directory of their
# own under /var/tmp, named after DIR, with DIR/nodes a link to it.
run_base=/var/tmp/newsindex-opensearch
place() {
  run=$dir
  if [ "$(id -u)" -eq 0 ] && id "$user" >/dev/null 2>&1 && ! runuser -u "$user" -- test -x "$dir"; then
    mkdir -p "$run_base"
    run=$run_base/$(printf '%s' "$dir" | sha256sum | cut -c1-16)
  fi
}

start() {
  [ -n "$plugin" ] || plugin=$(ls "$root"/opensearch-plugin/target/newsindex-opensearch-plugin-*.zip 2>/dev/null | head -n 1)
  [ -s "$plugin" ] || die "no plugin zip; build it (mvn -pl opensearch-plugin -am package) or pass --plugin ZIP"
  plugin=$(readlink -f "$plugin")
  command -v curl >/dev/null 2>&1 || die "curl is needed to wait for the cluster"
  fetch
  stop_nodes
  if [ "$(id -u)" -eq 0 ] && ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" \
      || die "cannot create the user $user for the nodes"
  fi
  trap 'say "start failed; stopping the nodes it started"; stop_nodes' EXIT
  place
  rm -rf "$dir/install" "$dir/nodes" "$run/install" "$run/nodes"
  mkdir -p "$run/install" "$run/nodes"
  if [ "$run" != "$dir" ]; then
    chmod 755 "$run_base" "$run"
    ln -s "$run/nodes" "$dir/nodes"
  fi
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$run/install"
  else
    (cd "$run/install" && "$NEWSINDEX_JAVA_HOME/bin/jar" xf "$zip")
    chmod +x "$run"/install/*/bin/*
  fi
  local home
  home=$(echo "$run"/install/opensearch-*)
  [ "$(id -u)" -eq 0 ] && chown -R "$user" "$run/install" "$run/nodes"
  # The plugin zip must be readable by the nodes' user: install it from a copy in DIR.
  cp "$plugin" "$run/install/newsindex-plugin.zip"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$run/install/newsindex-plugin.zip"
  if ! as_user env OPENSEARCH_JAVA_HOME="$NEWSINDEX_JAVA_HOME" "$home/bin/opensearch-plugin" \
      install --batch "file://$run/install/newsindex-plugin.zip" >"$dir/plugin-install.log" 2>&1; then
    cat "$dir/plugin-install.log" >&2
    die "installing the plugin failed"
  fi
  local seeds="" managers="" i
  for ((i = 0; i < nodes; i++)); do
    seeds+="${seeds:+, }\"127.0.0.1:$((transport + i))\""
    managers+="${managers:+, }node-$i"
  done
  for ((i = 0; i < nodes; i++)); do
    local node=$run/nodes/node-$i
    mkdir -p "$node/data" "$node/logs"
    cp -r "$home/config" "$node/config"
    {
      echo "cluster.name: newsindex-$port"
      echo "node.name: node-$i"
      echo "network.host: 127.0.0.1"
      echo "http.port: $((port + i))"
      echo "transport.port: $((transport + i))"
      echo "path.data: $node/data"
      echo "path.logs: $node/logs"
      # Other developers share the disk: a full-ish disk must not stop shard allocation.
      echo "cluster.routing.allocation.disk.threshold_enabled: false"
      if [ "$nodes" -eq 1 ]; then
        echo "discovery.type: single-node"
      else
        echo "discovery.seed_hosts: [$seeds]"
        echo "cluster.initial_cluster_manager_nodes: [$managers]"
      fi
    } > "$node/config/opensearch.yml"
    [ "$(id -u)" -eq 0 ] && chown -R "$user" "$node"
    launch_node "$i"
  done
  wait_green
  trap - EXIT
  if [ -n "$watch" ]; then
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec "$2" stop --dir "$3"' \
      _ "$watch" "$root/scripts/opensearch.sh" "$dir" >/dev/null 2>&1 < /dev/null &
    echo $! > "$dir/watchdog.pid"
  fi
  local urls=""
  for ((i = 0; i < nodes; i++)); do
    urls+="${urls:+,}http://127.0.0.1:$((port + i))"
  done
  echo "$urls" > "$dir/urls"
  echo "$urls"
}

# Starts node $1 of DIR, as configured by start, in the background.
launch_node() {
  place
  local node=$run/nodes/node-$1 home
  home=$(echo "$run"/install/opensearch-*)
  [ -d "$node/config" ] || die "no node-$1 in $dir (start the cluster first)"
  # setsid: the node is not in the caller's process group, so only stop_nodes ends it.
  setsid bash -c 'echo $$ > "$1/launcher.pid"; shift; exec "$@"' _ "$node" \
    env OPENSEARCH_JAVA_HOME="$NEWSINDEX_JAVA_HOME" OPENSEARCH_PATH_CONF="$node/config" \
    OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    $( [ "$(id -u)" -eq 0 ] && echo runuser -u "$user" -- ) \
    "$home/bin/opensearch" -p "$node/pid" >>"$node/console.log" 2>&1 < /dev/null &
}

# Waits until the cluster is green with $nodes nodes; a node that dies meanwhile fails it.
wait_green() {
  local waited=0 out i
  while true; do
    out=$(health)
    if [[ $out == *'"status":"green"'* && $out == *'"timed_out":false'* \
        && $out == *"\"number_of_nodes\":$nodes,"* ]]; then
      break
    fi
    for ((i = 0; i < nodes; i++)); do
      local lp=$dir/nodes/node-$i/launcher.pid
      if [ -s "$lp" ] && ! kill -0 "$(cat "$lp")" 2>/dev/null; then
        tail -n 20 "$dir/nodes/node-$i/console.log" >&2
        die "node-$i stopped while starting (log: $dir/nodes/node-$i/logs)"
      fi
    done
    waited=$((waited + 1))
    [ "$waited" -lt 300 ] || die "the cluster was not green after 300 s (logs: $dir/nodes/*/logs)"
    sleep 1
  done
}

# Starts again node --node I of a cluster start made (after it was stopped or killed), and waits
# until the cluster is green with all its --nodes N nodes.
restart_node() {
  [ -n "$node_index" ] || die "restart-node needs --node I"
  local pidfile=$dir/nodes/node-$node_index/launcher.pid
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "node-$node_index is running"
  fi
  launch_node "$node_index"
  wait_green
}

case $command in
  start) start ;;
  stop) stop_nodes ;;
  restart-node) restart_node ;;
  fetch) fetch; echo "$zip" ;;
  *) die "usage: $0 start|stop|fetch [options] (see the head of the script)" ;;
esac
