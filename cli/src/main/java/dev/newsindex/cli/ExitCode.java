package dev.newsindex.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code newsindex uses, defined once; the help text, docs/cli.md and the README list these. */
enum ExitCode {
  OK(0, "success (search: at least one hit)"),
  NO_HITS(1, "search found no hits (duplicates: no groups)"),
  USAGE(2, "bad command line or malformed query"),
  NO_INDEX(3, "no index at the given location (or no such article)"),
  LOCKED(4, "the index is locked by another writer"),
  INCOMPATIBLE(5, "the index was built with another schema; rebuild it"),
  IO_ERROR(6, "an input/output error"),
  DAMAGED(7, "check found the index damaged; rebuild it"),
  CLUSTER(8, "the OpenSearch cluster was unreachable or refused the request"),
  NOTHING_INDEXED(9, "index/rebuild read input but every record was skipped"),
  INTERNAL(70, "an internal error (a bug: please report it with --verbose output)"),
  INTERRUPTED(130, "interrupted by Ctrl-C (SIGINT); what was committed is kept"),
  TERMINATED(143, "stopped by SIGTERM; what was committed is kept");

  final int code;
  final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The exit code list for picocli's help: code to meaning. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode c : values()) {
      // Padded by hand: a formatter's first use costs every start a few ms (locale data).
      list.put((c.code < 10 ? "  " : c.code < 100 ? " " : "") + c.code, c.meaning);
    }
    return list;
  }
}
