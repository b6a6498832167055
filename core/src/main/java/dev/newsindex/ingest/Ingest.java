package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import dev.newsindex.InvalidRequestException;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads articles from files, directories, glob patterns and standard input, choosing a reader per
 * file by {@link Format#detect} unless a format is forced. Directories are walked recursively in
 * name order, skipping hidden entries and Lucene index directories (so an index kept under the data
 * folder is never read as input). Gzip-compressed input (recognised by its magic bytes, whatever its
 * name) is decompressed on the fly. Problems with a file (missing, unreadable, unknown format,
 * truncated or corrupt compressed data) are reported to the handler as one rejection and the walk
 * goes on; articles read from a file before its damage are kept.
 */
public final class Ingest {
  /** The name that stands for standard input among the inputs, as on most command lines. */
  public static final String STDIN = "-";

  private static final int SNIFF_BYTES = 512;
  /** The longest glob pattern taken, in characters. */
  public static final int MAX_GLOB_CHARS = 1024;
  /**
   * The most wildcards ({@code *}, {@code ?}) in one glob pattern: each one multiplies the work of
   * matching a file name in the worst case.
   */
  public static final int MAX_GLOB_WILDCARDS = 16;

  private Ingest() {}

  /**
   * One input to read: a file, standard input, or a problem found while resolving the inputs.
   *
   * @param path the file, or {@code -} for standard input
   * @param size its size in bytes, or -1 when unknown (standard input)
   * @param problem why it cannot be read, or null
   */
  public record Source(Path path, long size, String problem) {
    /**
     * Whether this source is standard input.
     *
     * @return true when {@link #path()} is {@value Ingest#STDIN}
     */
    public boolean isStdin() {
      return path.toString().equals(STDIN);
    }
  }

  /**
   * The files to read for {@code inputs}: each file as is, each directory's files recursively,
   * each glob pattern ({@code *}, {@code ?}, {@code [...]}, {@code {a,b}}, {@code **} across
   * directories) expanded in name order, {@code -} as standard input. Inputs that do not exist, or
   * patterns that match nothing, become sources with a problem. A directory walk follows symbolic
   * links but reads each real directory once, and turns what it cannot or must not read into
   * sources with a problem: a subdirectory it cannot list, a link to a directory already read, a
   * FIFO, socket or device file (opening one may block forever; only a file named as an input
   * itself is opened whatever it is, so that {@code <(zcat feed.gz)} works).
   *
   * @param inputs files, directories, glob patterns and {@code -}, in the order to read them
   * @return one source per file found, in input order, and one with a problem per input that does
   *     not exist or pattern that matches nothing, and per entry a walk skipped; empty directories
   *     add none
   * @throws InvalidRequestException when a glob pattern is malformed, longer than {@value
   *     #MAX_GLOB_CHARS} characters or has more than {@value #MAX_GLOB_WILDCARDS} wildcards
   * @throws IOException when a pattern's directories cannot be walked
   */
  public static List<Source> resolve(List<Path> inputs) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Path input : inputs) {
      String text = input.toString();
      if (text.equals(STDIN)) {
        sources.add(new Source(input, -1, null));
      } else if (Files.isDirectory(input)) {
        walk(input, new HashSet<>(), sources);
      } else if (!Files.exists(input) && isGlob(text)) {
        List<Path> matches = glob(text);
        if (matches.isEmpty()) {
          sources.add(new Source(input, 0, "no files match this pattern"));
        }
        for (Path file : matches) {
          sources.add(new Source(file, size(file), null));
        }
      } else {
        sources.add(new Source(input, Files.exists(input) ? size(input) : 0,
            Files.exists(input) ? null : "no such file or directory"));
      }
    }
    return sources;
  }

  /**
   * The bytes {@code sources} hold, or -1 when one of them has an unknown size.
   *
   * @param sources the sources, as {@link #resolve} returns them
   * @return the sum of their sizes in bytes (as stored, so compressed for compressed files), or -1
   *     when one is standard input
   */
  public static long totalBytes(List<Source> sources) {
    long total = 0;
    for (Source s : sources) {
      if (s.size() < 0) {
        return -1;
      }
      total += s.size();
    }
    return total;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  static boolean isGlob(String text) {
    return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<Path> glob(String pattern) throws IOException {
    if (pattern.length() > MAX_GLOB_CHARS) {
      throw new InvalidRequestException("glob pattern '" + abbreviate(pattern) + "' is "
          + pattern.length() + " characters long; the limit is " + MAX_GLOB_CHARS);
    }
    if (pattern.chars().filter(c -> c == '*' || c == '?').count() > MAX_GLOB_WILDCARDS) {
      throw new InvalidRequestException("glob pattern '" + abbreviate(pattern) + "' has more than "
          + MAX_GLOB_WILDCARDS + " wildcards (* and ?)");
    }
    Path whole;
    PathMatcher matcher;
    try {
      whole = Path.of(pattern);
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      throw new InvalidRequestException("malformed glob pattern '" + abbreviate(pattern) + "': "
          + e.getDescription() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""),
          e);
    } catch (InvalidPathException e) {
      throw new InvalidRequestException("malformed glob pattern '" + abbreviate(pattern) + "': "
          + e.getReason(), e);
    }
    Path base = whole.getRoot();
    int depth = 0;
    boolean deep = pattern.contains("**");
    boolean inBase = true;
    for (Path part : whole) {
      if (inBase && !isGlob(part.toString())) {
        base = base == null ? part : base.resolve(part);
      } else {
        inBase = false;
        depth++;
      }
    }
    Path start = base == null ? Path.of("") : base;
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(start, deep ? Integer.MAX_VALUE : depth)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> matcher.matches(p))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "\u2026";
  }

  /**
   * Reads every article under {@code inputs}, in order, by detected format, reporting to {@code
   * handler}. An input {@code -} reads an empty stream, so it is rejected as an empty file.
   *
   * @param inputs files, directories and glob patterns, as {@link #resolve} takes them
   * @param handler receives each article, each rejected record or file, and the bytes read
   * @throws IOException when an input directory cannot be listed, or the handler throws it (input
   *     problems are rejections, not exceptions)
   */
  public static void read(List<Path> inputs, ArticleHandler handler) throws IOException {
    read(resolve(inputs), null, InputStream.nullInputStream(), handler);
  }

  /**
   * Reads every source in order. {@code format} forces one format for all (null: detect per file);
   * {@code stdin} is what {@code -} reads.
   *
   * @param sources the sources, as {@link #resolve} returns them; those with a problem are
   *     reported as rejected
   * @param format the format of every source, or null to recognise each one's
   * @param stdin the stream a standard-input source reads; not closed here
   * @param handler receives each article, each rejected record or file, and the bytes read
   * @throws IOException when the handler throws it (input problems are rejections, not exceptions)
   */
  public static void read(List<Source> sources, Format format, InputStream stdin,
      ArticleHandler handler) throws IOException {
    for (Source source : sources) {
      String name = source.path().toString();
      if (source.problem() != null) {
        handler.rejected(Origin.of(name), source.problem());
      } else if (source.isStdin()) {
        readStream(name, stdin, format, handler);
      } else {
        readFile(source.path(), format, handler);
      }
    }
  }

  /**
   * The readable files under {@code dir}, recursively, in name order.
   *
   * @param dir the directory to walk
   * @return the files, each directory's entries sorted by name and subdirectories expanded in
   *     place; hidden entries, Lucene index directories, what is not a regular file and what
   *     cannot be listed left out (see {@link #resolve}, which reports them); empty when there
   *     are none
   * @throws IOException when {@code dir}'s real path cannot be found
   */
  public static List<Path> listFiles(Path dir) throws IOException {
    List<Source> sources = new ArrayList<>();
    walk(dir, new HashSet<>(), sources);
    return sources.stream().filter(s -> s.problem() == null).map(Source::path).toList();
  }

  /**
   * Adds the files under {@code dir} to {@code out}, and a source with a problem for each entry
   * skipped: a directory already read (a symbolic link back up the tree, or a second link to the
   * same directory), a directory that cannot be listed, a FIFO, socket or device file (opening
   * one could block forever). {@code seen} holds the real paths of the directories read.
   */
  private static void walk(Path dir, Set<Path> seen, List<Source> out) throws IOException {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      out.add(new Source(dir, 0, "cannot resolve the directory (" + reason(e) + "); skipped"));
      return;
    }
    if (!seen.add(real)) {
      out.add(new Source(dir, 0, "the directory " + real + ", already read by another path (a"
          + " symbolic link); skipped, each directory is read once"));
      return;
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      out.add(new Source(dir, 0, "cannot list the directory (" + reason(e) + "); skipped"));
      return;
    }
    for (Path p : entries) {
      if (p.getFileName().toString().startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(p)) {
        if (!isLuceneIndex(p)) {
          walk(p, seen, out);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(new Source(p, size(p), null));
      } else if (Files.exists(p)) {
        out.add(new Source(p, 0, "not a regular file (a FIFO, socket or device); skipped"));
      } else {
        out.add(new Source(p, 0, "a broken symbolic link; skipped"));
      }
    }
  }

  private static String reason(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static boolean isLuceneIndex(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("segments_") || n.equals("write.lock");
      });
    } catch (IOException | UncheckedIOException e) {
      return false; // walking it reports why it cannot be read
    }
  }

  /**
   * Reads one file whatever its format, reporting a file-level problem as one rejection.
   *
   * @param file the file, plain or gzip-compressed
   * @param handler receives each article, each rejected record or the file's rejection, and the
   *     bytes read
   * @throws IOException when the handler throws it, or closing the file fails
   */
  public static void readFile(Path file, ArticleHandler handler) throws IOException {
    readFile(file, null, handler);
  }

  /**
   * Reads one file in {@code format} (null: detect it), reporting a file-level problem as one
   * rejection.
   *
   * @param file the file, plain or gzip-compressed
   * @param format the file's format, or null to recognise it from the name and content
   * @param handler receives each article, each rejected record or the file's rejection, and the
   *     bytes read
   * @throws IOException when the handler throws it, or closing the file fails
   */
  public static void readFile(Path file, Format format, ArticleHandler handler)
      throws IOException {
    String name = file.toString();
    Origin origin = Origin.of(name);
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      handler.rejected(origin, "no such file or directory");
      return;
    } catch (AccessDeniedException e) {
      handler.rejected(origin, "permission denied");
      return;
    } catch (IOException e) {
      handler.rejected(origin, "cannot open: " + e.getMessage());
      return;
    }
    try (raw) {
      readStream(name, raw, format, handler);
    }
  }

  /**
   * Reads one stream named {@code name} (in reports), decompressing gzip and detecting the format
   * unless {@code format} is given. The caller closes {@code raw}.
   *
   * @param name the stream's name in origins and for recognising its format, e.g. the file name
   * @param raw the content, plain or gzip-compressed; read to its end or to the first damage
   * @param format the content's format, or null to recognise it from {@code name} and content
   * @param handler receives each article, each rejected record or the stream's rejection, and
   *     the bytes read from {@code raw}
   * @throws IOException when the handler throws it (read errors and damaged data are rejections)
   */
  public static void readStream(String name, InputStream raw, Format format,
      ArticleHandler handler) throws IOException {
    Origin origin = Origin.of(name);
    CountingHandler counted = new CountingHandler(handler);
    try {
      InputStream in = new BufferedInputStream(new Guard(new Counting(raw, handler)), 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      boolean gzip = b1 == 0x1f && b2 == 0x8b;
      if (gzip) {
        try {
          in = new Guard(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
          throw e instanceof DamagedInputException d ? d : new DamagedInputException(e);
        }
      }
      PushbackInputStream sniffed = new PushbackInputStream(in, SNIFF_BYTES);
      byte[] head = sniffed.readNBytes(SNIFF_BYTES);
      sniffed.unread(head);
      if (head.length == 0) {
        handler.rejected(origin, gzip ? "empty (compressed) file" : "empty file");
        return;
      }
      Optional<Format> chosen = format != null ? Optional.of(format) : Format.detect(name, head);
      if (chosen.isEmpty()) {
        handler.rejected(origin, "unknown format: expected " + Format.known());
        return;
      }
      chosen.get().reader().read(name, sniffed, counted);
      if (counted.articles == 0 && counted.rejected == 0) {
        // Blank lines, or white space only: say so rather than pass over the file in silence.
        handler.rejected(origin, "no articles in it (only white space or blank lines)");
      }
    } catch (DamagedInputException e) {
      String what = e.getCause() instanceof java.util.zip.ZipException
          || e.getCause() instanceof java.io.EOFException
          ? "truncated or corrupt compressed data (" + e.getCause().getMessage() + ")"
          : "read error (" + e.getCause().getMessage() + ")";
      handler.rejected(origin, what + "; the rest of the file is skipped, the " + counted.articles
          + " articles read before it are kept");
    }
  }

  /** Marks I/O failures of the input itself, as opposed to failures of the handler. */
  static final class DamagedInputException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedInputException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Turns every I/O failure of the wrapped input into a {@link DamagedInputException}. */
  private static final class Guard extends FilterInputStream {
    Guard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (DamagedInputException e) {
        throw e;
      } catch (IOException e) {
        throw new DamagedInputException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (DamagedInputException e) {
        throw e;
      } catch (IOException e) {
        throw new DamagedInputException(e);
      }
    }
  }

  /** Reports the raw bytes read to the handler, for progress. */
  private static final class Counting extends FilterInputStream {
    private final ArticleHandler handler;

    Counting(InputStream in, ArticleHandler handler) {
      super(in);
      this.handler = handler;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        handler.bytesRead(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        handler.bytesRead(n);
      }
      return n;
    }
  }

  /** Counts the articles of one file, so a damaged file's report can say how many were kept. */
  private static final class CountingHandler implements ArticleHandler {
    private final ArticleHandler target;
    long articles;
    long rejected;

    CountingHandler(ArticleHandler target) {
      this.target = target;
    }

    @Override
    public void article(Article article, Origin origin) throws IOException {
      articles++;
      target.article(article, origin);
    }

    @Override
    public void rejected(Origin origin, String reason) {
      rejected++;
      target.rejected(origin, reason);
    }

    @Override
    public void bytesRead(long count) {
      target.bytesRead(count);
    }
  }
}
