package dev.newsindex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every command shares. */
final class IndexOption {
  @Option(names = {"-i", "--index"}, paramLabel = "DIR",
      description = "The index directory (default: $NEWSINDEX_INDEX, else index-data/index"
          + " in the newsindex home).")
  Path index;

  /** Whether the user named the index rather than taking the default. */
  boolean given() {
    return index != null;
  }

  /** The index to use. */
  Path resolve(Defaults defaults) {
    return index != null ? index : defaults.index();
  }
}
