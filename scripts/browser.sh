# Sourced by ./run-tests: the server's browser tests drive Debian's chromium through
# /usr/bin/chromedriver. When they are missing, install them if this is root with apt (about 20 s);
# otherwise say once why the browser tests will be skipped.
newsindex_browser() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: no /usr/bin/chromium and /usr/bin/chromedriver, and no root apt-get to install them: the browser tests will be skipped" >&2
    return 0
  fi
  echo "run-tests: installing chromium and chromium-driver for the browser tests (apt-get, about 20 s)..." >&2
  local log="${TMPDIR:-/tmp}/newsindex-browser-install.log"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends chromium chromium-driver; } >"$log" 2>&1; then
    echo "run-tests: installing chromium failed (see $log): the browser tests will be skipped" >&2
  fi
  return 0
}
