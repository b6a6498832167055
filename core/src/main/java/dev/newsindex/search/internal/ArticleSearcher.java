package dev.newsindex.search.internal;

import dev.newsindex.Article;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Answers {@link SearchRequest}s against one point-in-time {@link IndexSearcher}: parses the query,
 * ranks with BM25, loads the stored articles and highlights title and body.
 */
public final class ArticleSearcher {
  private final IndexSearcher searcher;
  private final Analyzer analyzer;

  /** A searcher over {@code searcher}, parsing queries with {@code analyzer}. */
  public ArticleSearcher(IndexSearcher searcher, Analyzer analyzer) {
    this.searcher = searcher;
    this.analyzer = analyzer;
  }

  /** Parses {@code request}'s query as this searcher would. */
  public Query parse(SearchRequest request) {
    return new NewsQueryParser(analyzer, request.matchAll()).parseQuery(request.query());
  }

  /** Runs {@code request}. */
  public SearchResult search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    Query query = parse(request);
    TopDocs top;
    try {
      top = searcher.search(query, request.limit());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new dev.newsindex.QuerySyntaxException(request.query(), 0,
          "the query expands to too many terms; make wildcards or fuzzy terms more specific", e);
    }
    ScoreDoc[] docs = top.scoreDocs;
    int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();

    List<List<List<Snippet>>> snippets = List.of();
    if (ids.length > 0) {
      String[] fields = {NewsSchema.TITLE, NewsSchema.BODY};
      int[] max = {1, Math.max(request.passages(), 1)};
      snippets = new SnippetHighlighter(searcher, analyzer).snippets(fields, query, ids, max);
    }
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Article article = NewsSchema.fromDocument(stored.document(docs[i].doc));
      List<Snippet> titles = snippets.get(0).get(i);
      Snippet title = titles.isEmpty() ? new Snippet(article.title(), 0, List.of()) : titles.get(0);
      List<Snippet> passages = request.passages() == 0 ? List.of() : snippets.get(1).get(i);
      hits.add(new Hit(i + 1, docs[i].score, article, title, passages));
    }
    boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
    return new SearchResult(request, top.totalHits.value(), exact, hits,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
