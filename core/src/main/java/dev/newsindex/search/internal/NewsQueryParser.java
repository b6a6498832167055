package dev.newsindex.search.internal;

import dev.newsindex.QuerySyntaxException;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.ingest.Dates;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's classic query syntax over the default text fields (title boosted), with dates
 * understood: {@code date:2023-11-16} and {@code date:[2023-01-01 TO 2023-06-30]} (either end may
 * be {@code *}) become point queries on the date field. Errors become {@link QuerySyntaxException}s
 * that name the position.
 *
 * <p>Not thread-safe (the classic parser keeps state): make one per query.
 */
final class NewsQueryParser extends MultiFieldQueryParser {
  /**
   * What the parts of a hyphenated compound, found apart, earn of their score (the compound itself,
   * as a phrase or one word, earns all of it). Chosen on TIME (docs/relevance.md): a round
   * figure among the values that did best there.
   */
  static final float COMPOUND_PARTS_WEIGHT = 0.5f;

  private final TextScoring scoring;
  /** The analysed title and body fields of the language this parser analyses the query for. */
  private final String titleField;
  private final String bodyField;

  NewsQueryParser(Analyzer analyzer, boolean matchAll) {
    this(analyzer, matchAll, TextScoring.DEFAULT);
  }

  NewsQueryParser(Analyzer analyzer, boolean matchAll, TextScoring scoring) {
    this(analyzer, matchAll, scoring, NewsSchema.ENGLISH);
  }

  /**
   * A parser whose words are analysed for the language chain {@code chain} (one of {@link
   * NewsSchema#TEXT_CHAINS}) and searched in its title and body fields; {@code title:} and {@code
   * body:} mean that chain's fields.
   */
  NewsQueryParser(Analyzer analyzer, boolean matchAll, TextScoring scoring, String chain) {
    super(new String[] {NewsSchema.titleField(chain), NewsSchema.bodyField(chain)}, analyzer,
        Map.of(NewsSchema.titleField(chain), scoring.titleWeight(), NewsSchema.bodyField(chain),
            1.0f));
    this.titleField = NewsSchema.titleField(chain);
    this.bodyField = NewsSchema.bodyField(chain);
    this.scoring = scoring;
    setDefaultOperator(matchAll ? QueryParser.AND_OPERATOR : QueryParser.OR_OPERATOR);
    // Runs of plain words reach the analyzer together, so multi-word synonyms (North Korea) and
    // compounds (high-level) are seen whole, and each multi-word alternative of such a token graph
    // is a phrase: DPRK matches and highlights "North Korea", not "Korea" in "South Korea".
    setSplitOnWhitespace(false);
    setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    setDeterminizeWorkLimit(SearchLimits.MAX_DETERMINIZE_WORK);
  }

  private String text = "";

  /**
   * The alternatives of a token graph ({@code DPRK} or the phrase {@code north korea}; {@code
   * high-level} as the phrase or the joined word) as the best of them rather than their sum: they
   * mean the same thing, so a text must not score more for one compound matched twice (its phrase
   * and its joined form are indexed at the same place) or for naming one entity both ways.
   *
   * <p>Where a synonym rule matched, the user's own words stay words ({@link #asTyped}) and each
   * alias counts as one unit, {@link NewsAnalyzer#SYNONYM_WEIGHT} of one occurrence of the typed
   * words ({@link AliasQuery}), never as the sum of its own words. A compound the user wrote with
   * a hyphen ({@code sino-soviet}) is the phrase or the joined word, and its parts on their own
   * earn {@link #COMPOUND_PARTS_WEIGHT} of their score: a text about "Soviet" policy is relevant
   * to a query about the "Sino-Soviet dispute", less so than one naming it.
   */
  @Override
  protected Query newGraphSynonymQuery(java.util.Iterator<Query> queries) {
    List<Query> alternatives = new java.util.ArrayList<>();
    queries.forEachRemaining(alternatives::add);
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    Query typed = null;
    for (Query q : alternatives) {
      if (!isSynonym(q)) {
        typed = asTyped(q);
        break;
      }
    }
    boolean synonyms = alternatives.stream().anyMatch(NewsQueryParser::isSynonym);
    List<Query> out = new java.util.ArrayList<>();
    for (Query q : alternatives) {
      if (isSynonym(q)) {
        Query alias = ((BoostQuery) q).getQuery();
        out.add(typed == null ? synonymWeighted(q)
            : new AliasQuery(alias, typed, NewsAnalyzer.SYNONYM_WEIGHT, scoring.titleWeight()));
      } else if (synonyms) {
        out.add(asTyped(q));
      } else {
        out.add(q);
        Query parts = asTyped(q);
        if (parts != q) {
          out.add(new BoostQuery(parts, COMPOUND_PARTS_WEIGHT));
        }
      }
    }
    return new DisjunctionMaxQuery(out, 0.0f);
  }

  /** An alternative a synonym rule added: its words carry the synonym weight, below 1. */
  private static boolean isSynonym(Query q) {
    return q instanceof BoostQuery b && b.getBoost() < 1f;
  }

  /**
   * The user's own words where a synonym rule matched several of them ({@code Soviet Union} beside
   * {@code USSR}): as the words they are, each matching on its own as in any query, not as the
   * phrase Lucene makes of every multi-word alternative; an article that says "Soviet" and "Moscow"
   * but never "Soviet Union" must not lose the credit a query without the rule would give it.
   */
  private Query asTyped(Query q) {
    if (!(q instanceof PhraseQuery p) || p.getSlop() != 0) {
      return q;
    }
    BooleanClause.Occur occur = getDefaultOperator() == QueryParser.AND_OPERATOR
        ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (Term t : p.getTerms()) {
      words.add(new TermQuery(t), occur);
    }
    return words.build();
  }

  /**
   * A multi-word alternative a synonym rule added (a phrase such as {@code united nations}) comes
   * with the product of its words' weights; it gets the weight of one synonym, as a one-word
   * alternative does. (Only where no typed alternative is known to score it against.)
   */
  private static Query synonymWeighted(Query q) {
    if (q instanceof BoostQuery b && b.getBoost() < 1f) {
      return new BoostQuery(b.getQuery(), NewsAnalyzer.SYNONYM_WEIGHT);
    }
    return q;
  }

  /**
   * Words stacked at one position: with equal weights one blended term (Lucene's {@link
   * SynonymQuery}); when a synonym rule added some of them with a lower weight, the typed word or
   * its one-word alias ({@link AliasQuery}), whichever scores more.
   */
  @Override
  protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
    boolean weighted = false;
    for (TermAndBoost t : terms) {
      weighted |= t.boost() != terms[0].boost();
    }
    if (!weighted) {
      return super.newSynonymQuery(field, terms);
    }
    float top = 0;
    for (TermAndBoost t : terms) {
      top = Math.max(top, t.boost());
    }
    List<Query> typed = new java.util.ArrayList<>();
    for (TermAndBoost t : terms) {
      if (t.boost() == top) {
        typed.add(newTermQuery(new Term(field, t.term()), 1f));
      }
    }
    Query typedQuery = typed.size() == 1 ? typed.get(0) : new DisjunctionMaxQuery(typed, 0f);
    List<Query> alternatives = new java.util.ArrayList<>(typed);
    for (TermAndBoost t : terms) {
      if (t.boost() != top) {
        alternatives.add(new AliasQuery(new TermQuery(new Term(field, t.term())), typedQuery,
            NewsAnalyzer.SYNONYM_WEIGHT, scoring.titleWeight()));
      }
    }
    return new DisjunctionMaxQuery(alternatives, 0.0f);
  }

  /** Parses {@code text}, or throws a {@link QuerySyntaxException} naming the position. */
  Query parseQuery(String text) {
    if (text.isBlank()) {
      throw new QuerySyntaxException(text, 0, "empty query", null);
    }
    if (text.length() > SearchLimits.MAX_QUERY_CHARS) {
      throw new QuerySyntaxException(text, SearchLimits.MAX_QUERY_CHARS + 1, "the query is "
          + text.length() + " characters long, more than the " + SearchLimits.MAX_QUERY_CHARS
          + " allowed", null);
    }
    String t = text.strip();
    if (t.equals("*") || t.equals("*:*")) {
      return MatchAllDocsQuery.INSTANCE;
    }
    QueryText read = QueryText.of(text);
    this.text = text;
    try {
      return parse(read.forParser());
    } catch (ParseException e) {
      throw translate(text, read, e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(text, 0, "too many terms (at most "
          + SearchLimits.MAX_CLAUSES + ")", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(text, 0, "a wildcard or regular expression is too complex",
          e);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException(text, 0, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * The field {@code name} means in a query: a field of {@link NewsSchema#QUERY_FIELDS}, any case,
   * or one of the {@link NewsSchema#FIELD_ALIASES}; null stays null (the default fields).
   */
  private String resolve(String name) {
    if (name == null || "*".equals(name) || name.equals(titleField) || name.equals(bodyField)) {
      return name;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (NewsSchema.QUERY_FIELDS.contains(lower)) {
      return ofChain(lower);
    }
    String alias = NewsSchema.FIELD_ALIASES.get(lower);
    if (alias != null) {
      return ofChain(alias);
    }
    int at = text.indexOf(name + ":");
    throw new QuerySyntaxException(text, at + 1, "unknown field '" + name + "' (fields: "
        + String.join(", ", NewsSchema.QUERY_FIELDS) + ", or "
        + String.join(", ", new java.util.TreeSet<>(NewsSchema.FIELD_ALIASES.keySet()))
        + "; put a backslash before ':' to search for the word)", null);
  }

  /** {@code field}, or this parser's language's own field for the title or the body. */
  private String ofChain(String field) {
    return NewsSchema.TITLE.equals(field) ? titleField
        : NewsSchema.BODY.equals(field) ? bodyField : field;
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    refuseLeadingWildcard(termStr);
    return super.getPrefixQuery(resolve(field), termStr);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    refuseLeadingWildcard(termStr);
    return super.getWildcardQuery(resolve(field), termStr);
  }

  /**
   * A term may not start with a wildcard (it would have to enumerate every word of the index), as
   * the classic parser's own check says; refused here so that the message has its position.
   */
  private void refuseLeadingWildcard(String termStr) {
    if (!getAllowLeadingWildcard() && (termStr.startsWith("*") || termStr.startsWith("?"))) {
      throw new QuerySyntaxException(text, firstWildcard(text),
          "a term cannot start with '*' or '?'", null);
    }
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    return super.getFuzzyQuery(resolve(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    int slash = text.indexOf("/" + termStr + "/");
    int start = slash >= 0 ? slash + 1 : Math.max(0, text.indexOf(termStr));
    int bad = excessiveRepeat(termStr);
    if (bad >= 0) {
      throw new QuerySyntaxException(text, start + bad + 1, "a repetition count in a regular"
          + " expression may be at most " + SearchLimits.MAX_REGEX_REPEAT
          + " (nested repetitions multiplied)", null);
    }
    try {
      return super.getRegexpQuery(resolve(field), termStr);
    } catch (TooComplexToDeterminizeException | IllegalArgumentException e) {
      String problem = e instanceof TooComplexToDeterminizeException
          ? "the regular expression is too complex"
          : "not a valid regular expression (" + QuerySyntaxException.window(
              String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 0) + ")";
      throw new QuerySyntaxException(text, start, problem, e);
    }
  }

  /**
   * Where in {@code regex} (0-based, at its '{') a repetition count, multiplied by the counts of
   * the groups around it, first exceeds {@link SearchLimits#MAX_REGEX_REPEAT}; -1 when none does.
   * Read the way Lucene's {@code RegExp} reads the syntax: a backslash escapes the next character,
   * and brackets hold a character class with no repetitions in it.
   */
  static int excessiveRepeat(String regex) {
    // For each open group, the largest product of counts inside it; outside any group, index 0.
    java.util.ArrayDeque<Long> inside = new java.util.ArrayDeque<>();
    inside.push(1L);
    long lastGroup = 1; // the product inside the group that just closed, for a count right after
    boolean afterGroup = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean closed = false;
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        int close = i + 1;
        while (close < regex.length() && regex.charAt(close) != ']') {
          close += regex.charAt(close) == '\\' ? 2 : 1;
        }
        i = close;
      } else if (c == '(') {
        inside.push(1L);
      } else if (c == ')' && inside.size() > 1) {
        lastGroup = inside.pop();
        closed = true;
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        if (close < 0) {
          return -1; // not a count: RegExp reports the syntax error
        }
        long count = 0;
        for (String bound : regex.substring(i + 1, close).split(",", -1)) {
          String digits = bound.strip();
          if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            count = Math.max(count, digits.length() > 9 ? Long.MAX_VALUE / 2
                : Long.parseLong(digits));
          }
        }
        long product = (afterGroup ? lastGroup : 1) * Math.max(count, 1);
        if (product > SearchLimits.MAX_REGEX_REPEAT) {
          return i;
        }
        inside.push(Math.max(inside.pop(), product));
        i = close;
      }
      if (closed) {
        inside.push(Math.max(inside.pop(), lastGroup));
      }
      afterGroup = closed;
    }
    return -1;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    field = resolve(field);
    if (NewsSchema.DATE.equals(field)) {
      return LongPoint.newExactQuery(NewsSchema.DATE, day(queryText));
    }
    if (field == null) {
      return acrossTextFields(super.getFieldQuery(titleField, queryText, quoted),
          super.getFieldQuery(bodyField, queryText, quoted));
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    field = resolve(field);
    if (field == null) {
      return acrossTextFields(getFieldQuery(titleField, queryText, slop),
          getFieldQuery(bodyField, queryText, slop));
    }
    return super.getFieldQuery(field, queryText, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    field = resolve(field);
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
   * The query for the default fields, from the same query built on the title ({@code title}) and on
   * the body ({@code body}); both come from one analyzer, so they have the same shape. Words (and
   * synonyms at one position) are scored as one combined field (BM25F) plus the headline's own
   * score, as {@link TextScoring} says; a phrase is scored as its words.
   */
  Query acrossTextFields(Query title, Query body) {
    if (title == null || body == null) {
      return title == null ? body : title;
    }
    if (title instanceof BoostQuery t && body instanceof BoostQuery b
        && t.getBoost() == b.getBoost()) {
      return new BoostQuery(acrossTextFields(t.getQuery(), b.getQuery()), t.getBoost());
    }
    if (title instanceof AliasQuery t && body instanceof AliasQuery b) {
      // The alias in either field, scored against the typed words over both.
      Query either = new BooleanQuery.Builder()
          .add(t.alias(), BooleanClause.Occur.SHOULD)
          .add(b.alias(), BooleanClause.Occur.SHOULD)
          .build();
      return new AliasQuery(either, acrossTextFields(t.typed(), b.typed()), t.weight(),
          t.titleWeight());
    }
    if (title instanceof TermQuery t && body instanceof TermQuery) {
      return combined(List.of(t.getTerm().bytes()));
    }
    if (title instanceof SynonymQuery t && body instanceof SynonymQuery) {
      return combined(t.getTerms().stream().map(Term::bytes).toList());
    }
    if (title instanceof PhraseQuery t && body instanceof PhraseQuery b && t.getSlop() == 0
        && b.getSlop() == 0) {
      return phraseScoredAsWords(t, b);
    }
    if (title instanceof DisjunctionMaxQuery t && body instanceof DisjunctionMaxQuery b
        && t.getDisjuncts().size() == b.getDisjuncts().size()) {
      // The disjuncts have no order: each title alternative is paired with the body alternative
      // of the same shape (the same text once the field name is left out); both come from one
      // analyzer, so every one has its pair (if not, the per-field disjunction below).
      Map<String, Query> bodyByShape = new java.util.HashMap<>();
      for (Query q : b.getDisjuncts()) {
        bodyByShape.put(q.toString(bodyField), q);
      }
      List<Query> both = new java.util.ArrayList<>();
      for (Query q : t.getDisjuncts()) {
        Query pair = bodyByShape.get(q.toString(titleField));
        if (pair == null) {
          both = null;
          break;
        }
        both.add(acrossTextFields(q, pair));
      }
      if (both != null) {
        return new DisjunctionMaxQuery(both, t.getTieBreakerMultiplier());
      }
    }
    if (title instanceof BooleanQuery t && body instanceof BooleanQuery b
        && t.clauses().size() == b.clauses().size()) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(t.getMinimumNumberShouldMatch());
      for (int i = 0; i < t.clauses().size(); i++) {
        BooleanClause tc = t.clauses().get(i);
        builder.add(acrossTextFields(tc.query(), b.clauses().get(i).query()), tc.occur());
      }
      return builder.build();
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, scoring.titleWeight()), BooleanClause.Occur.SHOULD)
        .add(body, BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * An exact phrase in the title or the body, scored as its words over both fields (BM25F) rather
   * than per field: a phrase scored per field takes the title's document frequency, and a phrase
   * found in a short title then outweighs everything else (measured: 3 points of MAP lost on
   * TIME). The word scores are hidden from the highlighter, which marks only the phrase.
   */
  private Query phraseScoredAsWords(PhraseQuery title, PhraseQuery body) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (Term t : body.getTerms()) {
      words.add(combined(List.of(t.bytes())), BooleanClause.Occur.MUST);
    }
    Query either = new BooleanQuery.Builder()
        .add(title, BooleanClause.Occur.SHOULD)
        .add(body, BooleanClause.Occur.SHOULD)
        .build();
    return new BooleanQuery.Builder()
        .add(either, BooleanClause.Occur.FILTER)
        .add(new UnhighlightedQuery(words.build()), BooleanClause.Occur.MUST)
        .build();
  }

  /**
   * One combined-field query per term, plus the headline's own score when {@link TextScoring}
   * asks for it; alternatives at one position (synonyms) as a disjunction.
   */
  private Query combined(List<BytesRef> terms) {
    if (terms.size() == 1) {
      CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(terms.get(0));
      b.addField(titleField, scoring.titleWeight());
      b.addField(bodyField, 1.0f);
      if (scoring.titleBonus() == 0) {
        return b.build();
      }
      return new BooleanQuery.Builder()
          .add(b.build(), BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(new TermQuery(new Term(titleField, terms.get(0))),
              scoring.titleBonus()), BooleanClause.Occur.SHOULD)
          .build();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (BytesRef term : terms) {
      any.add(combined(List.of(term)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static long day(String text) throws ParseException {
    try {
      LocalDate date = Dates.parse(text);
      return NewsSchema.dateValue(date);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage());
    }
  }

  /**
   * A one-line, positioned message for what the classic parser reported, from the exception's
   * type and the token it stopped at (never from its message text). Lexical errors (unclosed
   * quotes and expressions, a dangling backslash) were refused by {@link QueryText} before
   * parsing, with their positions.
   */
  static QuerySyntaxException translate(String text, QueryText read, ParseException wrapped) {
    // QueryParserBase.parse wraps what the generated parser threw.
    Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
    if (cause instanceof ParseException e && e.currentToken != null
        && e.currentToken.next != null) {
      Token bad = e.currentToken.next;
      if (bad.kind == QueryParserConstants.EOF) {
        return new QuerySyntaxException(text, text.length() + 1,
            "the query ends too early (an unclosed parenthesis, range or quote?)", wrapped);
      }
      // The classic parser's columns are 0-based offsets in the text it read.
      return new QuerySyntaxException(text, read.position(bad.beginColumn),
          "unexpected '" + QuerySyntaxException.window(bad.image, 0) + "'", wrapped);
    }
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return new QuerySyntaxException(text, 0, "too many terms (at most "
          + IndexSearcher.getMaxClauseCount() + ")", wrapped);
    }
    if (cause instanceof TokenMgrError) {
      return new QuerySyntaxException(text, 0, "a character the query syntax does not allow here;"
          + " put a backslash before it to search for it", wrapped);
    }
    // Thrown by QueryParserBase's own checks, with a message of its own and no position.
    return new QuerySyntaxException(text, 0, String.valueOf(cause.getMessage()).lines()
        .findFirst().orElse("syntax error"), wrapped);
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
