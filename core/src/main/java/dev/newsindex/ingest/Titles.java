package dev.newsindex.ingest;

import java.util.Set;

/**
 * Derives a headline for articles whose format carries none (the MENAFN text feed, some JSONL).
 *
 * <p>The rule: take the first sentence of the first paragraph (a sentence ends at {@code .}, {@code
 * !} or {@code ?}, possibly followed by a closing quote, then white space; not after a single
 * capital letter such as the {@code S} of {@code U.S.} nor after a common abbreviation such as
 * {@code Mr} or {@code Jan}); drop a final full stop; if the result is longer than {@value
 * #MAX_CHARS} characters, cut it at the last word boundary before that and append {@code …}.
 */
public final class Titles {
  /** The longest derived title, in characters, before the ellipsis. */
  public static final int MAX_CHARS = 100;

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
      "prof", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc", "approx",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  private Titles() {}

  /**
   * The title derived from {@code body} by the rule above; empty for an empty body.
   *
   * @param body the article text
   * @return the title, at most {@value #MAX_CHARS} characters plus an ellipsis
   */
  public static String derive(String body) {
    String text = body.strip();
    int paragraphEnd = text.indexOf("\n\n");
    if (paragraphEnd >= 0) {
      text = text.substring(0, paragraphEnd);
    }
    text = collapseSpaces(text);
    String sentence = firstSentence(text);
    if (sentence.endsWith(".")) {
      sentence = sentence.substring(0, sentence.length() - 1);
    }
    return shorten(sentence.strip());
  }

  /**
   * Whether {@code title} is the title {@link #derive} makes of {@code body}. Most titles are
   * headlines: a character-by-character check that the title begins the body's normalised text
   * rejects them without deriving (which normalises the whole first paragraph).
   *
   * @param title the article's title
   * @param body the article text
   * @return true when {@code title} is not empty and equals {@code derive(body)}
   */
  public static boolean isDerived(String title, String body) {
    return !title.isEmpty() && startsBody(title, body) && title.equals(derive(body));
  }

  /**
   * Whether {@code title}, less a final ellipsis, begins {@code body} once the body is stripped and
   * its runs of white space are single spaces: true of every title {@link #derive} makes (a
   * stripped prefix of the first sentence of that text, perhaps cut short with an ellipsis).
   */
  private static boolean startsBody(String title, String body) {
    int n = title.endsWith("\u2026") ? title.length() - 1 : title.length();
    int len = body.length();
    int i = 0;
    while (i < len && Character.isWhitespace(body.charAt(i))) {
      i++; // as String.strip (surrogate pairs are never white space)
    }
    for (int j = 0; j < n; j++, i++) {
      if (i >= len) {
        return false;
      }
      char c = body.charAt(i);
      if (isSpace(c)) {
        while (i + 1 < len && isSpace(body.charAt(i + 1))) {
          i++;
        }
        c = ' ';
      }
      if (c != title.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} with each run of white space ({@code [ \t\n\x0B\f\r]}, as the regular
   * expression {@code \s}) made one space: as {@code replaceAll("\\s+", " ")}, several times
   * faster (a derived title is checked for every article indexed).
   */
  static String collapseSpaces(String text) {
    StringBuilder out = null;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (!isSpace(c) || c == ' ' && (i + 1 == len || !isSpace(text.charAt(i + 1)))) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      // a run to collapse: a character other than a lone space
      if (out == null) {
        out = new StringBuilder(len).append(text, 0, i);
      }
      out.append(' ');
      while (i + 1 < len && isSpace(text.charAt(i + 1))) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static String firstSentence(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int end = i + 1;
      while (end < text.length() && isClosingQuote(text.charAt(end))) {
        end++;
      }
      boolean atBoundary = end == text.length() || Character.isWhitespace(text.charAt(end));
      if (atBoundary && !(c == '.' && isAbbreviation(text, i))) {
        return text.substring(0, end);
      }
    }
    return text;
  }

  private static boolean isClosingQuote(char c) {
    return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')';
  }

  /**
   * Whether the full stop at {@code dot} in {@code text} ends an abbreviation ({@code U.S.}, {@code
   * Mr.}, {@code Jan.}) rather than a sentence: the rule sentence splitting shares with titles.
   *
   * @param text the text
   * @param dot the index of a full stop in {@code text}
   * @return true when the full stop belongs to an abbreviation
   */
  public static boolean isAbbreviation(CharSequence text, int dot) {
    int start = dot;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    String word = text.subSequence(start, dot).toString();
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // U.S., J. Smith
    }
    return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static String shorten(String title) {
    if (title.length() <= MAX_CHARS) {
      return title;
    }
    int cut = title.lastIndexOf(' ', MAX_CHARS);
    if (cut <= 0) {
      cut = MAX_CHARS;
    }
    String head = title.substring(0, cut).replaceAll("[\\s,;:\\-\u2013\u2014]+$", "");
    return head + "\u2026";
  }
}
