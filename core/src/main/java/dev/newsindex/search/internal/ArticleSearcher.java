package dev.newsindex.search.internal;

import dev.newsindex.Article;
import dev.newsindex.InvalidCursorException;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.schema.MinHash;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchLimits;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.SortOrder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Answers {@link SearchRequest}s against one point-in-time index reader: parses the query, adds
 * the filters as non-scoring clauses, ranks (BM25) or sorts by date, counts facets from doc values
 * in the same pass, folds near-duplicates, loads the stored articles of the page, highlights title
 * and body, and suggests a corrected query when little matched.
 *
 * <p>Guard rails: every search runs under the request's timeout (see {@link Deadline}); each wildcard, prefix, fuzzy or regular-expression term may expand to
 * at most {@value #MAX_EXPANSIONS} index terms; a query may hold at most {@link
 * IndexSearcher#getMaxClauseCount()} clauses. A query that breaks a limit fails with a {@link
 * QuerySyntaxException} that says which.
 */
public final class ArticleSearcher {
  /** Most index terms one multi-term query (wildcard, prefix, fuzzy, regexp) may expand to. */
  public static final int MAX_EXPANSIONS = dev.newsindex.search.SearchLimits.MAX_EXPANSIONS;
  /** Hits considered when folding near-duplicates, beyond the page itself. */
  static final int COLLAPSE_WINDOW = 200;
  /** How many hits are counted exactly before the total becomes a lower bound. */
  static final int TOTAL_HITS_THRESHOLD = 1000;

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final Analyzer indexAnalyzer;

  /**
   * A searcher over {@code searcher}'s reader, parsing queries with {@code analyzer}, which is also
   * how the index analysed its text (no query-time synonyms).
   */
  public ArticleSearcher(IndexSearcher searcher, Analyzer analyzer) {
    this(searcher, analyzer, analyzer);
  }

  /**
   * A searcher over {@code searcher}'s reader, parsing queries with {@code queryAnalyzer}; the
   * highlighter finds the words of a hit by analysing its text again as indexing did, with {@code
   * indexAnalyzer} (query-time synonyms there would mark an alias's words where the article does
   * not use them).
   */
  public ArticleSearcher(IndexSearcher searcher, Analyzer queryAnalyzer, Analyzer indexAnalyzer) {
    this(searcher, queryAnalyzer, indexAnalyzer, TextScoring.DEFAULT);
  }

  /**
   * As {@link #ArticleSearcher(IndexSearcher, Analyzer, Analyzer)}, scoring words over headline
   * and body as {@code scoring} says ({@code searcher}'s similarity should be {@link
   * TextScoring#similarity}'s): for measuring other scorings.
   */
  public ArticleSearcher(IndexSearcher searcher, Analyzer queryAnalyzer, Analyzer indexAnalyzer,
      TextScoring scoring) {
    this(searcher, queryAnalyzer, indexAnalyzer, scoring, System::nanoTime);
  }

  /** As above, reading the time for the request's deadline from {@code clock} (for tests). */
  ArticleSearcher(IndexSearcher searcher, Analyzer queryAnalyzer, Analyzer indexAnalyzer,
      TextScoring scoring, LongSupplier clock) {
    this.searcher = searcher;
    this.analyzer = queryAnalyzer;
    this.indexAnalyzer = indexAnalyzer;
    this.scoring = scoring;
    this.clock = clock;
  }

  private final TextScoring scoring;
  /** The time in nanoseconds, as {@link System#nanoTime}: what the deadline is checked against. */
  private final LongSupplier clock;

  /** Parses {@code request}'s query as this searcher would (without filters). */
  public Query parse(SearchRequest request) {
    return parse(request.query(), request.matchAll(), chains(request));
  }

  /**
   * The language chains a query of {@code request} is analysed for: those of the languages it
   * names, else English and every other chain the index holds articles of (an index of English
   * articles only is searched exactly as before there were other chains).
   */
  List<String> chains(SearchRequest request) {
    java.util.Set<String> chains = new java.util.LinkedHashSet<>();
    if (!request.langs().isEmpty()) {
      for (String lang : request.langs()) {
        chains.add(NewsSchema.textChain(lang));
      }
      return List.copyOf(chains);
    }
    chains.add(NewsSchema.ENGLISH);
    if (searcher == null) { // parsing only, with no index to look at
      return List.copyOf(chains);
    }
    // Each segment's own field list: FieldInfos.getMergedFieldInfos would build a merged list on
    // every call (twice a search), and a field is in it exactly when some segment has it.
    List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (String chain : NewsSchema.TEXT_CHAINS) {
      String body = NewsSchema.bodyField(chain);
      for (org.apache.lucene.index.LeafReaderContext leaf : leaves) {
        if (leaf.reader().getFieldInfos().fieldInfo(body) != null) {
          chains.add(chain);
          break;
        }
      }
    }
    return List.copyOf(chains);
  }

  /**
   * {@code text} parsed once per chain, each analysing its words for its language and searching
   * its fields, as one query: an article matches in the fields of its own language only, so its
   * score is the one its chain gives it. A query of exclusions only excludes what any chain finds.
   */
  private Query parse(String text, boolean matchAll, List<String> chains) {
    java.util.Set<Query> each = new java.util.LinkedHashSet<>();
    for (String chain : chains) {
      each.add(new NewsQueryParser(analyzer, matchAll, scoring, chain).parseQuery(text));
    }
    if (each.size() == 1) {
      return allBut(each.iterator().next());
    }
    if (each.stream().allMatch(ArticleSearcher::onlyExclusions)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder()
          .add(org.apache.lucene.search.MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      each.forEach(q -> ((BooleanQuery) q).clauses().forEach(all::add));
      return all.build();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : each) {
      any.add(allBut(q), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static boolean onlyExclusions(Query q) {
    return q instanceof BooleanQuery b && !b.clauses().isEmpty() && b.clauses().stream()
        .allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT);
  }

  /**
   * A query of nothing but exclusions ({@code NOT korea}, {@code -source:menafn}) would match
   * nothing in Lucene; people mean "every article except these".
   */
  private static Query allBut(Query q) {
    if (q instanceof BooleanQuery b && !b.clauses().isEmpty() && b.clauses().stream()
        .allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder()
          .add(org.apache.lucene.search.MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return q;
  }

  /** The query with the request's filters added as non-scoring clauses. */
  public Query filtered(SearchRequest request) {
    return filtered(parse(request), request);
  }

  private Query filtered(Query query, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    boolean any = false;
    if (request.since() != null || request.until() != null) {
      long lo = request.since() == null ? Long.MIN_VALUE : NewsSchema.dateValue(request.since());
      long hi = request.until() == null ? Long.MAX_VALUE : NewsSchema.dateValue(request.until());
      b.add(LongPoint.newRangeQuery(NewsSchema.DATE, lo, hi), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (!request.sources().isEmpty()) {
      BooleanQuery.Builder sources = new BooleanQuery.Builder();
      for (String s : request.sources()) {
        sources.add(new TermQuery(new Term(NewsSchema.SOURCE, NewsSchema.sourceTerm(s))),
            BooleanClause.Occur.SHOULD);
      }
      b.add(sources.build(), BooleanClause.Occur.FILTER);
      any = true;
    }
    List<String> chains = request.filters().isEmpty() ? List.of() : chains(request);
    for (String f : request.filters()) {
      Query fq = parse(f, true, chains);
      b.add(fq, BooleanClause.Occur.FILTER);
      any = true;
    }
    return any ? b.build() : query;
  }

  /**
   * The top {@code request.limit()} article ids and scores for {@code request}, best first, without
   * loading articles or highlighting: cheap enough to run thousands of queries to depth 1000.
   */
  public List<Ranked> rank(SearchRequest request) throws IOException {
    Query query = parse(request);
    TopDocs top;
    try {
      top = searcher.search(query, request.limit());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new dev.newsindex.QuerySyntaxException(request.query(), 0,
          "the query expands to too many terms; make wildcards or fuzzy terms more specific", e);
    }
    StoredFields stored = searcher.storedFields();
    java.util.Set<String> idOnly = java.util.Set.of(NewsSchema.ID);
    List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc d : top.scoreDocs) {
      ranked.add(new Ranked(stored.document(d.doc, idOnly).get(NewsSchema.ID), d.score));
    }
    return ranked;
  }

  /** Runs {@code request}. */
  public SearchResult search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    Query userQuery = parse(request);
    Query query = filtered(userQuery, request);
    IndexSearcher s = searcher;
    // The whole request runs against this one deadline: collection, highlighting, did-you-mean.
    long deadline = clock.getAsLong() + request.timeout().toNanos();
    checkExpansions(request.query(), query);

    Cursor after = request.cursor() == null ? null : Cursor.decode(request.cursor());
    if (after != null && (after.version() != version() || after.fingerprint()
        != Cursor.fingerprint(request))) {
      throw new InvalidCursorException(after.version() != version()
          ? "the cursor belongs to an earlier version of the index; start again from the first page"
          : "the cursor belongs to another query, filter or sort; start again from the first page");
    }
    int skip = request.offset();
    int wanted = skip + request.limit();
    int collect = request.collapse() ? Math.min(SearchRequest.MAX_WINDOW,
        Math.max(wanted * 4, wanted + COLLAPSE_WINDOW)) : wanted + 1; // one more: is there a next?

    CollectorManager<?, ? extends TopDocs> top = topCollector(request, collect, after);
    TopDocs docs;
    List<FacetResult> facets = List.of();
    long facetHits = 0;
    boolean timedOut;
    try {
      if (request.facets().isEmpty()) {
        Deadline<?, ? extends TopDocs> limited = limit(top, deadline);
        docs = s.search(query, limited);
        timedOut = limited.expired();
      } else {
        Deadline<?, Object[]> limited = new Deadline<>(new MultiCollectorManager(top,
            new FacetCounter(request.facets(), request.facetLimit())), deadline, clock);
        Object[] both = s.search(query, limited);
        timedOut = limited.expired();
        docs = (TopDocs) both[0];
        FacetCounter.Result counted = (FacetCounter.Result) both[1];
        facets = counted.facets();
        facetHits = counted.hits();
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(request.query(), 0, "the query has too many clauses (at most "
          + dev.newsindex.search.SearchLimits.MAX_CLAUSES + ")", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(request.query(), 0,
          "a wildcard or regular expression is too complex", e);
    }

    ScoreDoc[] all = docs.scoreDocs;
    List<int[]> groups;
    if (request.collapse()) {
      groups = new NearDuplicates(s.getIndexReader(), MinHash.DEFAULT_THRESHOLD)
          .fold(Arrays.stream(all).mapToInt(d -> d.doc).toArray());
    } else {
      groups = new ArrayList<>(all.length);
      for (int i = 0; i < all.length; i++) {
        groups.add(new int[] {i});
      }
    }
    List<int[]> page = groups.subList(Math.min(skip, groups.size()),
        Math.min(wanted, groups.size()));
    ScoreDoc[] shown = page.stream().map(g -> all[g[0]]).toArray(ScoreDoc[]::new);

    boolean[] late = {false};
    List<Hit> hits = hits(s, request, userQuery, query, shown, page, all, deadline, late);
    timedOut |= late[0];
    int firstRank = (after == null ? skip : after.rank()) + 1;
    List<Hit> ranked = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      ranked.add(new Hit(firstRank + i, h.score(), h.article(), h.title(), h.passages(),
          h.duplicateIds(), h.explanation()));
    }

    String next = null;
    if (!request.collapse() && groups.size() > wanted && shown.length > 0) {
      next = cursorAfter(shown[shown.length - 1], request, firstRank + shown.length - 1);
    }
    long total = docs.totalHits.value();
    boolean exact = docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
    if (!facets.isEmpty()) {
      // The facet pass saw every hit, so the count is exact even when the ranking stopped early.
      total = facetHits;
      exact = true;
    }
    String suggestion = null;
    if (request.suggest() && total < Suggester.BELOW && after == null) {
      suggestion = suggest(request, total, deadline, late);
      timedOut |= late[0];
    }
    return new SearchResult(request, total, exact, ranked,
        Duration.ofNanos(System.nanoTime() - started), facets, suggestion, next, timedOut);
  }

  private boolean expired(long deadline) {
    return clock.getAsLong() - deadline > 0;
  }

  /**
   * The hits of the page, highlighted one after another while the deadline allows; once it has
   * passed, the remaining hits come with their title and body opening unmarked, and {@code
   * late[0]} is set.
   */
  private List<Hit> hits(IndexSearcher s, SearchRequest request, Query userQuery, Query query,
      ScoreDoc[] shown, List<int[]> page, ScoreDoc[] all, long deadline, boolean[] late)
      throws IOException {
    int[] ids = Arrays.stream(shown).mapToInt(d -> d.doc).toArray();
    StoredFields stored = s.storedFields();
    Article[] articles = new Article[shown.length];
    java.util.Map<Integer, java.util.Map<String, String>> values = new java.util.HashMap<>();
    // Each article is highlighted in the fields of its language's chain, analysed as indexed.
    List<String> chains = new ArrayList<>(chains(request));
    int[] chainOf = new int[shown.length];
    for (int i = 0; i < shown.length; i++) {
      articles[i] = NewsSchema.fromDocument(stored.document(shown[i].doc));
      String chain = NewsSchema.textChain(articles[i].lang());
      if (!chains.contains(chain)) {
        chains.add(chain);
      }
      chainOf[i] = chains.indexOf(chain);
      // Only the first MAX_HIGHLIGHT_CHARS are analysed again for matches (offsets stay right).
      int most = SearchLimits.MAX_HIGHLIGHT_CHARS;
      values.put(shown[i].doc, java.util.Map.of(
          NewsSchema.titleField(chain), prefix(articles[i].title(), most),
          NewsSchema.bodyField(chain), prefix(articles[i].body(), most)));
    }
    List<List<Snippet>> titleSnippets = new ArrayList<>();
    List<List<Snippet>> bodySnippets = new ArrayList<>();
    if (ids.length > 0 && request.passages() > 0) { // no passages: no highlighting at all
      int[] max = {1, Math.max(request.passages(), 1)};
      SnippetHighlighter highlighter = new SnippetHighlighter(s, indexAnalyzer,
          request.snippetChars());
      for (int i = 0; i < ids.length; i++) {
        if (late[0] || expired(deadline)) {
          late[0] = true;
          titleSnippets.add(List.of());
          bodySnippets.add(opening(articles[i].body(), request.snippetChars()));
          continue;
        }
        String chain = chains.get(chainOf[i]);
        String[] fields = {NewsSchema.titleField(chain), NewsSchema.bodyField(chain)};
        List<List<List<Snippet>>> one = highlighter.snippets(fields, userQuery,
            new int[] {ids[i]}, max, values);
        titleSnippets.add(one.get(0).get(0));
        bodySnippets.add(one.get(1).get(0));
      }
    }
    List<Hit> hits = new ArrayList<>(shown.length);
    for (int i = 0; i < shown.length; i++) {
      Article article = articles[i];
      List<Snippet> titles = titleSnippets.isEmpty() ? List.of() : titleSnippets.get(i);
      Snippet title = titles.isEmpty() ? new Snippet(article.title(), 0, List.of()) : titles.get(0);
      List<Snippet> passages = request.passages() == 0 ? List.of() : bodySnippets.get(i);
      List<String> dups = new ArrayList<>();
      int[] group = page.get(i);
      for (int k = 1; k < group.length; k++) {
        dups.add(stored.document(all[group[k]].doc, java.util.Set.of(NewsSchema.ID))
            .get(NewsSchema.ID));
      }
      String explanation = request.explain() ? s.explain(query, shown[i].doc).toString() : null;
      float score = request.sort() == SortOrder.RELEVANCE ? shown[i].score : Float.NaN;
      hits.add(new Hit(i + 1, score, article, title, passages, dups, explanation));
    }
    return hits;
  }

  private static String prefix(String text, int chars) {
    if (text == null || text.length() <= chars) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
    return text.substring(0, end);
  }

  /** The body's opening, unmarked, as one passage: what a hit shows when it was not highlighted. */
  private static List<Snippet> opening(String body, int snippetChars) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    int chars = snippetChars > 0 ? Math.min(snippetChars, SearchLimits.MAX_PASSAGE_CHARS)
        : SearchLimits.MAX_PASSAGE_CHARS;
    String text = prefix(body, chars);
    int cut = text.length() < body.length() ? text.lastIndexOf(' ') : -1;
    return List.of(new Snippet((cut > 0 ? text.substring(0, cut) : text).strip(), 0, List.of()));
  }

  /**
   * The highlighted snippets of one field of one document as a search shows them: the whole title
   * ({@link NewsSchema#TITLE}; at most one snippet) or up to {@code maxPassages} body passages (the
   * body's opening when no word matched). For an engine that ran the query over the same fields
   * itself (the OpenSearch plugin, on each shard), so that its passages and match offsets are
   * these.
   *
   * @param searcher a searcher over a reader holding {@code doc}
   * @param indexAnalyzer the analyzer {@code field} was indexed with (the text is analysed again)
   * @param query the user's query as {@link #parse} makes it, without the request's filters
   * @param field the field to highlight
   * @param doc the document, in {@code searcher}'s reader
   * @param text the field's text in that document
   * @param maxPassages the most snippets, at least 1
   * @param snippetChars as {@link SearchRequest#snippetChars()}
   * @return the snippets, best first in text order; empty when the field has no text
   * @throws IOException when the reader cannot be read
   */
  public static List<Snippet> snippets(IndexSearcher searcher, Analyzer indexAnalyzer, Query query,
      String field, int doc, String text, int maxPassages, int snippetChars) throws IOException {
    return new SnippetHighlighter(searcher, indexAnalyzer, snippetChars)
        .snippets(new String[] {field}, query, new int[] {doc}, new int[] {maxPassages},
            java.util.Map.of(doc, java.util.Map.of(field,
                prefix(text, SearchLimits.MAX_HIGHLIGHT_CHARS)))).get(0).get(0);
  }

  private CollectorManager<?, ? extends TopDocs> topCollector(SearchRequest r, int n,
      Cursor after) {
    if (r.sort() == SortOrder.RELEVANCE) {
      ScoreDoc a = after == null ? null
          : new ScoreDoc(after.doc(), Float.intBitsToFloat((int) after.value()));
      return new TopScoreDocCollectorManager(n, a, TOTAL_HITS_THRESHOLD);
    }
    FieldDoc a = after == null ? null
        : new FieldDoc(after.doc(), Float.NaN, new Object[] {after.value(), after.doc()});
    return new TopFieldCollectorManager(dateSort(r.sort()), n, a, TOTAL_HITS_THRESHOLD);
  }

  /** Date order with the doc id as tie-break, so that every position is unique. */
  static Sort dateSort(SortOrder order) {
    boolean newest = order == SortOrder.NEWEST;
    // Undated articles sort last either way.
    SortField date = new SortField(NewsSchema.DATE, SortField.Type.LONG, newest,
        newest ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new Sort(date, SortField.FIELD_DOC);
  }

  private String cursorAfter(ScoreDoc last, SearchRequest r, int rank) {
    long value = last instanceof FieldDoc fd ? (Long) fd.fields[0]
        : Float.floatToIntBits(last.score);
    return new Cursor(version(), Cursor.fingerprint(r), value, last.doc, rank).encode();
  }

  private long version() {
    IndexReader reader = searcher.getIndexReader();
    return reader instanceof DirectoryReader d ? d.getVersion() : 0;
  }

  private <C extends org.apache.lucene.search.Collector, T> Deadline<C, T> limit(
      CollectorManager<C, T> manager, long deadline) {
    return new Deadline<>(manager, deadline, clock);
  }

  /**
   * Refuses a query whose wildcard, prefix, fuzzy or regexp terms each expand to more than {@value
   * #MAX_EXPANSIONS} index terms: enumerating that many (and their postings) is what makes such a
   * query slow, and a more specific pattern is nearly always what was meant.
   */
  private void checkExpansions(String text, Query query) throws IOException {
    List<MultiTermQuery> multi = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public void visitLeaf(Query q) {
        if (q instanceof MultiTermQuery m) {
          multi.add(m);
        }
      }

      @Override
      public void consumeTermsMatching(Query q, String field,
          java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> a) {
        if (q instanceof MultiTermQuery m) {
          multi.add(m);
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
    for (MultiTermQuery m : multi) {
      long n = 0;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(m.getField());
        if (terms == null) {
          continue;
        }
        TermsEnum te = m.getTermsEnum(terms);
        while (te.next() != null) {
          if (++n > MAX_EXPANSIONS) {
            String pattern = m.toString(m.getField());
            int at = text.indexOf(pattern);
            throw new QuerySyntaxException(text, at + 1, "'" + QuerySyntaxException.window(pattern, 0)
                + "' matches more than "
                + MAX_EXPANSIONS + " different words; make it more specific", null);
          }
        }
      }
    }
  }

  /** A corrected query, by the {@link Suggester}'s rule over this reader's vocabulary. */
  private String suggest(SearchRequest request, long found, long deadline, boolean[] late)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    DirectSpellChecker spell = new DirectSpellChecker();
    return new Suggester(analyzer, indexAnalyzer).suggest(request, found,
        new Suggester.Vocabulary() {
          @Override
          public long[] docFreqs(List<Term> terms) throws IOException {
            long[] out = new long[terms.size()];
            for (int i = 0; i < out.length; i++) {
              out[i] = reader.docFreq(terms.get(i));
            }
            return out;
          }

          @Override
          public List<List<Suggester.Candidate>> similar(List<String> words) throws IOException {
            List<List<Suggester.Candidate>> out = new ArrayList<>();
            for (String w : words) {
              List<Suggester.Candidate> c = new ArrayList<>();
              if (expired(deadline)) {
                late[0] = true; // the words not reached keep no candidates
                out.add(c);
                continue;
              }
              for (SuggestWord s : spell.suggestSimilar(new Term(NewsSchema.WORDS, w),
                  Suggester.CANDIDATES, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                c.add(new Suggester.Candidate(s.string, s.freq));
              }
              out.add(c);
            }
            return out;
          }

          @Override
          public long count(SearchRequest again) throws IOException {
            if (expired(deadline)) {
              late[0] = true;
              return 0; // no time left to check the correction: none is offered
            }
            return searcher.count(filtered(again));
          }
        });
  }

  /**
   * Articles like the one with {@code request.id()}: a more-like-this query over title and body
   * (its most distinctive terms), the article itself excluded, optionally preferring articles dated
   * near it.
   *
   * @throws dev.newsindex.IndexNotFoundException never; returns null when there is no such article
   */
  public SearchResult related(RelatedRequest request) throws IOException {
    long started = System.nanoTime();
    IndexSearcher s = searcher;
    Term idTerm = new Term(NewsSchema.ID, request.id());
    TopDocs self = s.search(new TermQuery(idTerm), 1);
    if (self.scoreDocs.length == 0) {
      return null;
    }
    int doc = self.scoreDocs[0].doc;
    Article source = NewsSchema.fromDocument(s.storedFields().document(doc));
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(NewsSchema.TEXT_FIELDS.toArray(String[]::new));
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true);
    Query like = mlt.like(doc);
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(like, BooleanClause.Occur.MUST)
        .add(new TermQuery(idTerm), BooleanClause.Occur.MUST_NOT);
    if (request.nearDate() && source.date() != null) {
      TopDocs best = s.search(b.build(), 1);
      float weight = best.scoreDocs.length == 0 ? 1f : Math.max(best.scoreDocs[0].score, 1e-3f);
      b.add(org.apache.lucene.document.LongField.newDistanceFeatureQuery(NewsSchema.DATE, weight,
          NewsSchema.dateValue(source.date()), RelatedRequest.NEAR_DAYS), BooleanClause.Occur.SHOULD);
    }
    Query query = b.build();
    TopDocs docs = s.search(query, request.limit());
    SearchRequest shownAs = SearchRequest.builder("related:" + request.id())
        .limit(request.limit()).passages(request.passages()).build();
    List<int[]> page = new ArrayList<>();
    for (int i = 0; i < docs.scoreDocs.length; i++) {
      page.add(new int[] {i});
    }
    List<Hit> hits = hits(s, shownAs, like, query, docs.scoreDocs, page, docs.scoreDocs,
        Long.MAX_VALUE, new boolean[1]);
    return new SearchResult(shownAs, docs.totalHits.value(),
        docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO, hits,
        Duration.ofNanos(System.nanoTime() - started), List.of(), null, null, false);
  }

  /**
   * The article with {@code id} and the live articles whose bodies resemble it at {@code
   * threshold} or more, by date then id (undated last); null when there is no such article.
   */
  public DuplicateGroup duplicatesOf(String id, double threshold) throws IOException {
    TopDocs self = searcher.search(new TermQuery(new Term(NewsSchema.ID, id)), 1);
    if (self.scoreDocs.length == 0) {
      return null;
    }
    IndexReader reader = searcher.getIndexReader();
    StoredFields stored = reader.storedFields();
    List<Article> members = new ArrayList<>();
    for (int d : new NearDuplicates(reader, threshold).like(self.scoreDocs[0].doc)) {
      members.add(NewsSchema.fromDocument(stored.document(d)));
    }
    members.sort(Comparator.comparing(Article::date,
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Article::id));
    return new DuplicateGroup(members);
  }

  /**
   * The near-duplicate groups of the whole index, largest first, with the articles of the first
   * {@code limit} groups loaded.
   */
  public DuplicateReport duplicates(int limit, double threshold) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<int[]> groups = new ArrayList<>(new NearDuplicates(reader, threshold).groups());
    groups.sort(Comparator.<int[]>comparingInt(g -> -g.length).thenComparingInt(g -> g[0]));
    long articles = groups.stream().mapToLong(g -> g.length).sum();
    StoredFields stored = reader.storedFields();
    List<DuplicateGroup> out = new ArrayList<>();
    for (int[] g : groups.subList(0, Math.min(limit, groups.size()))) {
      List<Article> members = new ArrayList<>(g.length);
      for (int d : g) {
        members.add(NewsSchema.fromDocument(stored.document(d)));
      }
      members.sort(Comparator.comparing(Article::date,
          Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Article::id));
      out.add(new DuplicateGroup(members));
    }
    return new DuplicateReport(groups.size(), articles, out);
  }
}
