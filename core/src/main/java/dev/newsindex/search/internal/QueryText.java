package dev.newsindex.search.internal;

import dev.newsindex.QuerySyntaxException;

/**
 * A query as the classic parser is to read it, after one pass over the user's text that finds
 * what the parser would misread or report badly, each with its position in the user's text.
 *
 * <ul>
 *   <li>A {@code /} starts a regular expression only where it stands alone: at the start of a
 *       term (after white space, a parenthesis, {@code field:} or an operator {@code + - !}),
 *       followed by something other than white space, up to the next unescaped {@code /}. Any other
 *       slash is a character of its term and is escaped for the parser, so that wire-style figures
 *       ({@code 3-1/2 pct}, {@code 7/8}, {@code 1/4 point}) and {@code km/h} are words, not the
 *       start of an expression that never ends.
 *   <li>An unclosed quote, an unclosed regular expression and a backslash with nothing after it
 *       are refused here, naming the character that opened them; the classic parser would
 *       report a lexical error with no usable position.
 *   <li>Parentheses nested deeper than {@link #MAX_DEPTH} are refused before they can exhaust the
 *       parser's stack.
 * </ul>
 *
 * <p>{@link #position} maps an offset in {@link #forParser} (where the classic parser reports its
 * errors) back to the 1-based position in the user's text.
 */
final class QueryText {
  /** Deepest nesting of parentheses accepted: deeper would risk the parser's stack. */
  static final int MAX_DEPTH = dev.newsindex.search.SearchLimits.MAX_NESTING;

  private final String forParser;
  /** For each char of {@link #forParser} (and one past its end), its offset in the user's text. */
  private final int[] origin;

  private QueryText(String forParser, int[] origin) {
    this.forParser = forParser;
    this.origin = origin;
  }

  /** The text the classic parser reads. */
  String forParser() {
    return forParser;
  }

  /** The 1-based position in the user's text of offset {@code offset} of {@link #forParser}. */
  int position(int offset) {
    return origin[Math.max(0, Math.min(offset, origin.length - 1))] + 1;
  }

  /**
   * Reads {@code text}.
   *
   * @throws QuerySyntaxException for an unclosed quote or regular expression, a dangling
   *     backslash or parentheses nested too deep, naming the position
   */
  static QueryText of(String text) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n + 8);
    int[] origin = new int[n * 2 + 1];
    int depth = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 == n) {
          throw new QuerySyntaxException(text, i + 1, "a backslash at the end escapes nothing"
              + " (put another backslash before it to search for it)", null);
        }
        i = copy(text, i, i + 2, out, origin);
      } else if (c == '"') {
        i = copy(text, i, closing(text, i, '"', "unclosed quote"), out, origin);
      } else if (c == '[' || c == '{') {
        i = copy(text, i, endOfRange(text, i), out, origin);
      } else if (c == '(') {
        if (++depth > MAX_DEPTH) {
          throw new QuerySyntaxException(text, i + 1, "parentheses nested more than " + MAX_DEPTH
              + " deep", null);
        }
        i = copy(text, i, i + 1, out, origin);
      } else if (c == ')') {
        depth--;
        i = copy(text, i, i + 1, out, origin);
      } else if (c == '/' && startsTerm(text, i) && i + 1 < n
          && !Character.isWhitespace(text.charAt(i + 1))) {
        i = copy(text, i, closing(text, i, '/', "unclosed regular expression"), out, origin);
      } else if (c == '/') {
        origin[out.length()] = i;
        out.append('\\');
        i = copy(text, i, i + 1, out, origin);
      } else {
        i = copy(text, i, i + 1, out, origin);
      }
    }
    origin[out.length()] = n;
    return new QueryText(out.toString(), java.util.Arrays.copyOf(origin, out.length() + 1));
  }

  /** Copies {@code text[from, to)} to {@code out}, recording where each char came from. */
  private static int copy(String text, int from, int to, StringBuilder out, int[] origin) {
    for (int k = from; k < to; k++) {
      origin[out.length()] = k;
      out.append(text.charAt(k));
    }
    return to;
  }

  /**
   * The offset just past the unescaped {@code close} that ends what opens at {@code open} (a quote
   * or a regular expression, which both end at the next unescaped copy of their opening char).
   */
  private static int closing(String text, int open, char close, String problem) {
    for (int k = open + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == close) {
        return k + 1;
      }
    }
    String hint = close == '/'
        ? "the '/' at position " + (open + 1) + " has no closing '/'; put a backslash before a '/'"
            + " that is part of a word"
        : "the quote at position " + (open + 1) + " has no closing quote";
    throw new QuerySyntaxException(text, open + 1, problem + ": " + hint, null);
  }

  /**
   * The offset just past the {@code ]} or {@code }} that ends the range opening at {@code open},
   * or the end of the text (the parser then reports a range that ends too early). Slashes in a
   * range are the parser's range text, not expressions; quotes inside it are skipped whole.
   */
  private static int endOfRange(String text, int open) {
    for (int k = open + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        int end = text.indexOf('"', k + 1);
        if (end < 0) {
          return text.length();
        }
        k = end;
      } else if (c == ']' || c == '}') {
        return k + 1;
      }
    }
    return text.length();
  }

  /** Whether the char at {@code i} begins a term: first, or after space, a bracket, ':' or +-!. */
  private static boolean startsTerm(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return Character.isWhitespace(before) || "():+-!".indexOf(before) >= 0;
  }
}
