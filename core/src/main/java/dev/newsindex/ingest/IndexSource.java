package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One input an index was read from, as its commit records it: the path (a file, directory or glob
 * pattern, made absolute) and the options that change how it is read. A {@link
 * dev.newsindex.NewsIndex#rebuild(Path, IngestOptions, java.util.function.UnaryOperator,
 * IngestListener) rebuild without inputs} reads the recorded sources again.
 * Standard input is never recorded: it cannot be read again.
 *
 * @param path the absolute path or glob pattern given to the ingest run
 * @param format the format every file of it was read as, or null when recognised per file
 * @param idPrefix the prefix put before every id read from it, empty for none
 */
public record IndexSource(String path, Format format, String idPrefix) {
  /**
   * The most sources an index records; beyond it the oldest recorded are dropped (an index fed
   * file by file should be fed a directory or pattern instead).
   */
  public static final int MAX_RECORDED = 128;

  /** Commit user-data keys of recorded sources: this prefix and a three-digit number. */
  private static final String KEY_PREFIX = "newsindex.source.";
  private static final char SEPARATOR = '\t';

  /**
   * A source; the path must not be blank.
   *
   * @param path the absolute path or glob pattern given to the ingest run
   * @param format the format every file of it was read as, or null when recognised per file
   * @param idPrefix the prefix put before every id read from it, null or empty for none
   */
  public IndexSource {
    Objects.requireNonNull(path, "path");
    if (path.isBlank()) {
      throw new IllegalArgumentException("a source needs a path");
    }
    idPrefix = idPrefix == null ? "" : idPrefix;
  }

  /**
   * The sources an ingest run of {@code inputs} with {@code options} reads, in order, without
   * standard input and without repeats.
   *
   * @param inputs files, directories, glob patterns or {@code -}, as given to the run
   * @param options the run's options (format and id prefix are recorded)
   * @return the sources to record, each path absolute and normalized
   */
  public static List<IndexSource> of(List<Path> inputs, IngestOptions options) {
    LinkedHashSet<IndexSource> sources = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (input.toString().equals(Ingest.STDIN)) {
        continue;
      }
      sources.add(new IndexSource(input.toAbsolutePath().normalize().toString(),
          options.format(), options.idPrefix()));
    }
    return List.copyOf(sources);
  }

  /**
   * This source's path, to read again.
   *
   * @return the recorded path or pattern
   */
  public Path input() {
    return Path.of(path);
  }

  /**
   * {@code base} with this source's format and id prefix.
   *
   * @param base the options of the run that reads this source again (threads, commit intervals)
   * @return the options to read this source with
   */
  public IngestOptions options(IngestOptions base) {
    return base.withFormat(format).withIdPrefix(idPrefix);
  }

  /**
   * {@code recorded} followed by those of {@code added} not already in it, at most {@link
   * #MAX_RECORDED} (the oldest dropped first).
   *
   * @param recorded the sources recorded so far
   * @param added the sources of a new run
   * @return the sources to record from now on
   */
  public static List<IndexSource> merge(List<IndexSource> recorded, List<IndexSource> added) {
    LinkedHashSet<IndexSource> all = new LinkedHashSet<>(recorded);
    all.addAll(added);
    List<IndexSource> list = new ArrayList<>(all);
    return List.copyOf(list.subList(Math.max(0, list.size() - MAX_RECORDED), list.size()));
  }

  /**
   * The sources recorded in {@code commitData}, in the order recorded; those this version cannot
   * read (an unknown format) are left out.
   *
   * @param commitData the user data of an index commit
   * @return the recorded sources, empty when none are
   */
  public static List<IndexSource> fromCommitData(Map<String, String> commitData) {
    List<IndexSource> sources = new ArrayList<>();
    for (int i = 0; i < MAX_RECORDED; i++) {
      String value = commitData.get(key(i));
      if (value == null) {
        break;
      }
      int first = value.indexOf(SEPARATOR);
      int second = first < 0 ? -1 : value.indexOf(SEPARATOR, first + 1);
      if (second < 0 || second == value.length() - 1) {
        continue;
      }
      String label = value.substring(0, first);
      Format format;
      try {
        format = label.isEmpty() ? null : Format.of(label);
      } catch (InvalidRequestException unknown) {
        continue;
      }
      sources.add(new IndexSource(value.substring(second + 1), format,
          value.substring(first + 1, second)));
    }
    return List.copyOf(sources);
  }

  /**
   * {@code commitData} with its recorded sources replaced by {@code sources}.
   *
   * @param commitData the user data of an index commit
   * @param sources the sources to record, at most {@link #MAX_RECORDED} (the last ones are kept)
   * @return new commit data
   */
  public static Map<String, String> withSources(Map<String, String> commitData,
      List<IndexSource> sources) {
    Map<String, String> data = new LinkedHashMap<>();
    commitData.forEach((k, v) -> {
      if (!k.startsWith(KEY_PREFIX)) {
        data.put(k, v);
      }
    });
    List<IndexSource> kept = merge(List.of(), sources);
    for (int i = 0; i < kept.size(); i++) {
      IndexSource s = kept.get(i);
      // The id prefix cannot hold the separator in practice; the path comes last, whole.
      data.put(key(i), (s.format == null ? "" : s.format.label()) + SEPARATOR
          + s.idPrefix.replace(SEPARATOR, ' ') + SEPARATOR + s.path);
    }
    return data;
  }

  private static String key(int i) {
    return KEY_PREFIX + (i < 10 ? "00" : i < 100 ? "0" : "") + i;
  }

  /**
   * The source as a user would type it again: the path, then the options, e.g. {@code
   * /data/reuters --format trec --id-prefix reuters:}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return path + (format == null ? "" : " --format " + format.label())
        + (idPrefix.isEmpty() ? "" : " --id-prefix " + idPrefix);
  }
}
