package dev.newsindex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads articles from files and directories, choosing a reader per file by {@link Format#detect}.
 * Directories are walked recursively in name order, skipping hidden entries and Lucene index
 * directories (so an index kept under the data folder is never read as input). Problems with a file
 * (missing, unreadable, unknown format) are reported to the handler and the walk goes on.
 */
public final class Ingest {
  private static final int SNIFF_BYTES = 512;

  private Ingest() {}

  /**
   * Reads every article under {@code inputs}, in order, reporting to {@code handler}.
   *
   * @param inputs files and directories (walked recursively)
   * @param handler receives each article and each rejected record or file
   * @throws IOException when reading fails, or the handler throws it
   */
  public static void read(List<Path> inputs, ArticleHandler handler) throws IOException {
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        for (Path file : listFiles(input)) {
          readFile(file, handler);
        }
      } else {
        readFile(input, handler);
      }
    }
  }

  /**
   * The readable files under {@code dir}, recursively, in name order.
   *
   * @param dir the directory
   * @return the files, in name order
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> listFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        if (p.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          if (!isLuceneIndex(p)) {
            files.addAll(listFiles(p));
          }
        } else {
          files.add(p);
        }
      }
    }
    return files;
  }

  private static boolean isLuceneIndex(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("segments_") || n.equals("write.lock");
      });
    }
  }

  /**
   * Reads one file whatever its format, reporting a file-level problem as one rejection.
   *
   * @param file the file
   * @param handler receives each article and each rejected record
   * @throws IOException when reading fails, or the handler throws it
   */
  public static void readFile(Path file, ArticleHandler handler) throws IOException {
    String name = file.toString();
    Origin origin = Origin.of(name);
    try (InputStream raw = Files.newInputStream(file)) {
      PushbackInputStream in = new PushbackInputStream(raw, SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.unread(head);
      if (head.length == 0) {
        handler.rejected(origin, "empty file");
        return;
      }
      Optional<Format> format = Format.detect(name, head);
      if (format.isEmpty()) {
        handler.rejected(origin, "unknown format: expected " + Format.known());
        return;
      }
      format.get().reader().read(name, in, handler);
    } catch (NoSuchFileException e) {
      handler.rejected(origin, "no such file or directory");
    } catch (java.nio.file.AccessDeniedException e) {
      handler.rejected(origin, "permission denied");
    }
  }
}
