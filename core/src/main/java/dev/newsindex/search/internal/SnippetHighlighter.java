package dev.newsindex.search.internal;

import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchLimits;
import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Lucene's {@link UnifiedHighlighter} configured for news: the whole title, the best sentences of
 * the body, the matches found by analysing the text again with the index's analyzer (the postings
 * hold no offsets), phrases highlighted only where the phrase matched, and results as {@link
 * Snippet} values with match offsets rather than marked-up strings.
 */
final class SnippetHighlighter extends UnifiedHighlighter {
  /** Longest field prefix analysed for passages (callers pass no more than this anyway). */
  private static final int MAX_LENGTH = SearchLimits.MAX_HIGHLIGHT_CHARS;

  private final int snippetChars;

  /**
   * A highlighter whose body passages are whole sentences ({@code snippetChars == 0}) or aim at
   * {@code snippetChars} characters: sentences are joined up to that length, and a longer sentence
   * is cut around its matches at word boundaries.
   */
  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, int snippetChars) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter(snippetChars))
        .withMaxLength(MAX_LENGTH)
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true)
        .withMaxNoHighlightPassages(1));
    this.snippetChars = snippetChars;
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (NewsSchema.isTitleField(field)) {
      return new WholeBreakIterator();
    }
    return snippetChars == 0 ? new NewsSentenceIterator()
        : LengthGoalBreakIterator.createClosestToLength(new NewsSentenceIterator(), snippetChars, 0.3f);
  }

  /** Field values already loaded by the caller, by doc id: spares a second stored-fields read. */
  private Map<Integer, Map<String, String>> preloaded = Map.of();

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
      int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> out = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = docIter.nextDoc()) {
      Map<String, String> values = preloaded.get(doc);
      if (values == null) {
        missing.add(doc);
        out.add(null);
        continue;
      }
      CharSequence[] row = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = values.getOrDefault(fields[i], "");
      }
      out.add(row);
    }
    if (!missing.isEmpty()) {
      // Not preloaded: read them as the highlighter would (doc ids in increasing order).
      int[] docs = missing.stream().mapToInt(Integer::intValue).toArray();
      List<CharSequence[]> loaded = super.loadFieldValues(fields, new DocIdSetIterator() {
        private int i = -1;

        @Override
        public int docID() {
          return i < 0 ? -1 : i >= docs.length ? NO_MORE_DOCS : docs[i];
        }

        @Override
        public int nextDoc() {
          i++;
          return docID();
        }

        @Override
        public int advance(int target) {
          int d;
          while ((d = nextDoc()) < target) {
            // skip
          }
          return d;
        }

        @Override
        public long cost() {
          return docs.length;
        }
      }, cacheCharsThreshold);
      int k = 0;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) == null) {
          out.set(i, loaded.get(k++));
        }
      }
    }
    return out;
  }

  /**
   * The snippets of {@code fields} for each of {@code docIds}: result[field index][doc index] is a
   * list (empty when the field has no text). {@code values} holds the field values of the documents
   * when the caller has them (else empty): they are then not read again.
   */
  List<List<List<Snippet>>> snippets(String[] fields, Query query, int[] docIds, int[] maxPassages,
      Map<Integer, Map<String, String>> values) throws IOException {
    this.preloaded = values;
    Map<String, Object[]> raw = highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    List<List<List<Snippet>>> out = new ArrayList<>(fields.length);
    for (String field : fields) {
      Object[] perDoc = raw.get(field);
      List<List<Snippet>> lists = new ArrayList<>(docIds.length);
      for (int i = 0; i < docIds.length; i++) {
        @SuppressWarnings("unchecked")
        List<Snippet> s = perDoc == null || perDoc[i] == null ? List.of()
            : (List<Snippet>) perDoc[i];
        lists.add(s);
      }
      out.add(lists);
    }
    return out;
  }

  /** Turns Lucene's passages into {@link Snippet}s, merging overlapping matches. */
  private static final class SnippetFormatter extends PassageFormatter {
    private final int snippetChars;

    SnippetFormatter(int snippetChars) {
      this.snippetChars = snippetChars;
    }

    @Override
    public Object format(Passage[] passages, String content) {
      List<Snippet> snippets = new ArrayList<>(passages.length);
      for (Passage p : passages) {
        int start = p.getStartOffset();
        int end = Math.min(p.getEndOffset(), content.length());
        // Trim white space at the edges, keeping the offsets of the matches right.
        while (start < end && Character.isWhitespace(content.charAt(start))) {
          start++;
        }
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
          end--;
        }
        // The window a passage is cut to, and the length beyond which it is cut: about the length
        // asked for, and never more than MAX_PASSAGE_CHARS (a body without full stops is one
        // "sentence").
        int window = snippetChars > 0 ? Math.min(snippetChars, SearchLimits.MAX_PASSAGE_CHARS)
            : SearchLimits.MAX_PASSAGE_CHARS;
        int cutAbove = snippetChars > 0
            ? Math.min(window + window / 4, SearchLimits.MAX_PASSAGE_CHARS)
            : SearchLimits.MAX_PASSAGE_CHARS;
        if (end - start > cutAbove) {
          // A sentence longer than asked for: keep a window around the first match.
          int first = p.getNumMatches() > 0 ? Math.max(start, p.getMatchStarts()[0]) : start;
          int from = Math.max(start, Math.min(first - window / 3, end - window));
          int to = Math.min(end, from + window);
          while (from > start && !Character.isWhitespace(content.charAt(from - 1))) {
            from++;
            if (from >= first) {
              break;
            }
          }
          while (to < end && to > from && !Character.isWhitespace(content.charAt(to))) {
            to--;
          }
          if (to <= from) {
            to = Math.min(end, from + window);
          }
          if (to < end && to > from && Character.isHighSurrogate(content.charAt(to - 1))) {
            to--; // never half a surrogate pair
          }
          if (from > start && Character.isLowSurrogate(content.charAt(from))) {
            from++;
          }
          start = from;
          end = to;
          while (start < end && Character.isWhitespace(content.charAt(start))) {
            start++;
          }
          while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
          }
        }
        snippets.add(new Snippet(content.substring(start, end), start, matches(p, start, end)));
      }
      return snippets;
    }

    private static List<Span> matches(Passage p, int start, int end) {
      int n = p.getNumMatches();
      int[][] ranges = new int[n][];
      for (int i = 0; i < n; i++) {
        ranges[i] = new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]};
      }
      Arrays.sort(ranges, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0])
          : Integer.compare(a[1], b[1]));
      List<Span> spans = new ArrayList<>(n);
      int curStart = -1;
      int curEnd = -1;
      for (int[] r : ranges) {
        int s = Math.max(r[0], start);
        int e = Math.min(r[1], end);
        if (e <= s) {
          continue;
        }
        if (curEnd >= s) {
          curEnd = Math.max(curEnd, e);
        } else {
          if (curStart >= 0) {
            spans.add(new Span(curStart - start, curEnd - start));
          }
          curStart = s;
          curEnd = e;
        }
      }
      if (curStart >= 0) {
        spans.add(new Span(curStart - start, curEnd - start));
      }
      return spans;
    }
  }
}
