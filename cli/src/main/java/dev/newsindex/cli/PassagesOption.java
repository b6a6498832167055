package dev.newsindex.cli;

import dev.newsindex.search.SearchRequest;
import picocli.CommandLine.Option;

/**
 * {@code --passages N}: highlighted body passages per hit. A command whose default differs says so
 * in {@link CommandDefaults}.
 */
final class PassagesOption {
  @Option(names = "--passages", paramLabel = "N",
      defaultValue = "" + SearchRequest.DEFAULT_PASSAGES,
      description = "Highlighted body passages per hit, 0-10; 0 turns highlighting off"
          + " (default: ${DEFAULT-VALUE}).")
  int passages;
}
