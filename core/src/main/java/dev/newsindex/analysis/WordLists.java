package dev.newsindex.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the word lists the chains are made from (spelling variants, stem families, stop words):
 * a resource read in one piece, cut into lines and words by hand. Every cold search reads them
 * before its first token, in the interpreter, where {@code BufferedReader} and a {@code \s+}
 * pattern per line cost more than the words themselves ({@code bench/startup.sh}).
 */
final class WordLists {
  private WordLists() {}

  /**
   * The lines of the class-path resource {@code name} beside {@code owner} (UTF-8), or null when
   * it is missing.
   */
  static List<String> lines(Class<?> owner, String name) {
    byte[] bytes;
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(text.substring(start, cut));
      start = end + 1;
    }
    return lines;
  }

  /** The words of {@code text[from, to)}: its runs of characters that are not whitespace. */
  static List<String> words(String text, int from, int to) {
    List<String> words = new ArrayList<>(2);
    int i = from;
    while (i < to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i));
      }
    }
    return words;
  }

  /** The words of {@code text}. */
  static List<String> words(String text) {
    return words(text, 0, text.length());
  }
}
