package dev.newsindex.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands whose default for a shared option differs from the option's own {@code
 * defaultValue}, listed in one place; picocli asks this first, for parsing and help alike.
 */
final class CommandDefaults implements IDefaultValueProvider {
  /** "command --option" to its default. */
  static final Map<String, String> DEFAULTS = Map.of(
      "related --passages", "1", // a list of related articles: one passage each keeps it short
      "duplicates --limit", "20");

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option && arg.command() != null) {
      return DEFAULTS.get(arg.command().name() + " " + option.longestName());
    }
    return null;
  }
}
