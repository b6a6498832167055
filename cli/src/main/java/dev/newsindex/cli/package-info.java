/**
 * The {@code newsindex} command line: picocli commands over the {@link dev.newsindex.NewsIndex}
 * facade, never Lucene directly. {@link dev.newsindex.cli.NewsCli#commandLine} wires output, error
 * handling (one line per error, stack traces only with {@code --verbose}) and the exit codes of
 * {@code ExitCode}.
 */
package dev.newsindex.cli;
