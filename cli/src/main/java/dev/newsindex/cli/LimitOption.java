package dev.newsindex.cli;

import dev.newsindex.search.SearchRequest;
import picocli.CommandLine.Option;

/**
 * {@code -n/--limit N}: how many results a command shows (hits, related articles, groups). A
 * command whose default differs says so in {@link CommandDefaults}.
 */
final class LimitOption {
  @Option(names = {"-n", "--limit"}, paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_LIMIT,
      description = "How many results to show (default: ${DEFAULT-VALUE}).")
  int limit;
}
