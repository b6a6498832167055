package dev.newsindex.search.internal;

import dev.newsindex.QuerySyntaxException;
import dev.newsindex.ingest.Dates;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the default text fields (title boosted), with dates
 * understood: {@code date:2023-11-16} and {@code date:[2023-01-01 TO 2023-06-30]} (either end may
 * be {@code *}) become point queries on the date field. Errors become {@link QuerySyntaxException}s
 * that name the position.
 *
 * <p>Not thread-safe (the classic parser keeps state): make one per query.
 */
final class NewsQueryParser extends MultiFieldQueryParser {
  /** How much more a title match counts than a body match. */
  static final float TITLE_BOOST = 2.0f;

  NewsQueryParser(Analyzer analyzer, boolean matchAll) {
    super(NewsSchema.TEXT_FIELDS.toArray(String[]::new), analyzer,
        Map.of(NewsSchema.TITLE, TITLE_BOOST, NewsSchema.BODY, 1.0f));
    setDefaultOperator(matchAll ? QueryParser.AND_OPERATOR : QueryParser.OR_OPERATOR);
    setSplitOnWhitespace(true);
  }

  /** Parses {@code text}, or throws a {@link QuerySyntaxException} naming the position. */
  Query parseQuery(String text) {
    if (text.isBlank()) {
      throw new QuerySyntaxException(text, 0, "empty query", null);
    }
    try {
      return parse(text);
    } catch (ParseException e) {
      throw translate(text, e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(text, 0, "too many terms (at most "
          + IndexSearcher.getMaxClauseCount() + ")", e);
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    if (NewsSchema.DATE.equals(field)) {
      return LongPoint.newExactQuery(NewsSchema.DATE, day(queryText));
    }
    if (field == null && !quoted) {
      List<String> terms = analyze(queryText);
      if (terms.isEmpty()) {
        return null; // only stop words
      }
      if (terms.size() == 1) {
        return combined(terms.get(0));
      }
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    if (NewsSchema.DATE.equals(field)) {
      long lo = part1 == null || "*".equals(part1) ? Long.MIN_VALUE : day(part1);
      long hi = part2 == null || "*".equals(part2) ? Long.MAX_VALUE : day(part2);
      if (!startInclusive && lo != Long.MIN_VALUE) {
        lo++;
      }
      if (!endInclusive && hi != Long.MAX_VALUE) {
        hi--;
      }
      return LongPoint.newRangeQuery(NewsSchema.DATE, lo, hi);
    }
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  /**
   * One word over the default fields, scored as one combined field (BM25F): a title occurrence
   * counts as {@link #TITLE_BOOST} body occurrences, with one document frequency for both. Scoring
   * each field separately would let a rare title word outweigh an article matching every word.
   */
  private static Query combined(String term) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(term);
    b.addField(NewsSchema.TITLE, TITLE_BOOST);
    b.addField(NewsSchema.BODY, 1.0f);
    return b.build();
  }

  /** The terms the text fields' analyzer makes of {@code text}. */
  private List<String> analyze(String text) throws ParseException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = getAnalyzer().tokenStream(NewsSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new ParseException("cannot analyze '" + text + "': " + e.getMessage());
    }
    return terms;
  }

  private static long day(String text) throws ParseException {
    try {
      LocalDate date = Dates.parse(text);
      return NewsSchema.dateValue(date);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage());
    }
  }

  /** A one-line, positioned message for what the classic parser reported. */
  static QuerySyntaxException translate(String text, ParseException wrapped) {
    ParseException e = wrapped;
    if (wrapped.getCause() instanceof ParseException inner) {
      e = inner;
    }
    String message = String.valueOf(e.getMessage());
    if (e.currentToken != null && e.currentToken.next != null) {
      Token bad = e.currentToken.next;
      if (bad.kind == 0) { // <EOF>
        return new QuerySyntaxException(text, text.length() + 1,
            "the query ends too early (an unclosed parenthesis, range or quote?)", wrapped);
      }
      // The classic parser's columns are 0-based.
      return new QuerySyntaxException(text, bad.beginColumn + 1,
          "unexpected '" + bad.image + "'", wrapped);
    }
    java.util.regex.Matcher column = java.util.regex.Pattern.compile("column (\\d+)")
        .matcher(String.valueOf(wrapped.getCause() == null ? message
            : wrapped.getCause().getMessage()));
    int position = column.find() ? Integer.parseInt(column.group(1)) : 0;
    if (message.contains("Lexical error") || (wrapped.getCause() != null
        && String.valueOf(wrapped.getCause().getMessage()).contains("Lexical error"))) {
      int quote = text.lastIndexOf('"');
      return new QuerySyntaxException(text, quote >= 0 ? quote + 1 : position,
          "unclosed quote or stray escape character", wrapped);
    }
    if (message.contains("not allowed as first character")) {
      return new QuerySyntaxException(text, firstWildcard(text),
          "a term cannot start with '*' or '?'", wrapped);
    }
    String reason = message.replaceFirst("(?s)^Cannot parse '.*?': ", "").lines().findFirst()
        .orElse("syntax error");
    return new QuerySyntaxException(text, position, reason, wrapped);
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '*' || c == '?') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        return i + 1;
      }
    }
    return 0;
  }
}
