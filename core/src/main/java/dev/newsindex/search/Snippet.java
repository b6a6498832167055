package dev.newsindex.search;

import java.util.List;

/**
 * A highlighted piece of a field: its text, where it sits in the field, and the matches in it.
 *
 * @param text the piece of the field's text
 * @param fieldOffset where {@code text} starts in the whole field value
 * @param matches the matched words, as offsets into {@code text}, in order and not overlapping
 */
public record Snippet(String text, int fieldOffset, List<Span> matches) {
  /** Copies the matches. */
  public Snippet {
    matches = List.copyOf(matches);
  }

  /**
   * The text with each match wrapped in {@code open} and {@code close}. Matches separated only by
   * spaces are wrapped together, so a matched phrase reads as one: {@code [deterrence strategy]}.
   *
   * @param open what goes before each match, e.g. {@code [} or an ANSI colour
   * @param close what goes after each match
   * @return the marked text
   */
  public String marked(String open, String close) {
    StringBuilder sb = new StringBuilder(text.length() + matches.size() * 8);
    int at = 0;
    int i = 0;
    while (i < matches.size()) {
      int start = matches.get(i).start();
      int end = matches.get(i).end();
      while (i + 1 < matches.size() && text.substring(end, matches.get(i + 1).start()).isBlank()
          && !text.substring(end, matches.get(i + 1).start()).contains("\n")) {
        end = matches.get(++i).end();
      }
      sb.append(text, at, start).append(open).append(text, start, end).append(close);
      at = end;
      i++;
    }
    return sb.append(text, at, text.length()).toString();
  }

  /**
   * The matched words themselves, in order.
   *
   * @return the matched words
   */
  public List<String> matchedText() {
    return matches.stream().map(m -> text.substring(m.start(), m.end())).toList();
  }
}
