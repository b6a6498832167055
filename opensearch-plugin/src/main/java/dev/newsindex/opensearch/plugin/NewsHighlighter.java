package dev.newsindex.opensearch.plugin;

import dev.newsindex.search.Snippet;
import dev.newsindex.search.Span;
import dev.newsindex.search.internal.ArticleSearcher;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.text.Text;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.TextFieldMapper;
import org.opensearch.search.fetch.subphase.highlight.FieldHighlightContext;
import org.opensearch.search.fetch.subphase.highlight.HighlightField;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;
import org.opensearch.search.lookup.SourceLookup;

/**
 * The {@value Names#HIGHLIGHTER} highlighter: newsindex-core's passages (whole sentences, or the
 * length asked for with the {@value Names#SNIPPET_CHARS} option; the whole title) with the match
 * offsets, for the shown text of a hit, as a local index makes them. Each fragment is one passage
 * as JSON: {@code {"text": "...", "offset": 120, "matches": [4, 11, 30, 38]}} (the field offset of
 * the text, then start and end of each match within it).
 */
final class NewsHighlighter implements Highlighter {
  @Override
  public boolean canHighlight(MappedFieldType fieldType) {
    return fieldType instanceof TextFieldMapper.TextFieldType;
  }

  @Override
  public HighlightField highlight(FieldHighlightContext context) throws IOException {
    String text = shownText(context.hitContext.sourceLookup(), context.fieldName);
    if (text == null || text.isEmpty()) {
      return null;
    }
    int max = Math.max(1, context.field.fieldOptions().numberOfFragments());
    Object chars = context.field.fieldOptions().options() == null ? null
        : context.field.fieldOptions().options().get(Names.SNIPPET_CHARS);
    int snippetChars = chars instanceof Number n ? n.intValue() : 0;
    // The hit's segment alone: core's highlighter analyses the text again (no offsets are
    // indexed), so it needs the segment only for the field's settings and term expansion.
    IndexSearcher segment = new IndexSearcher(context.hitContext.reader());
    List<Snippet> snippets = ArticleSearcher.snippets(segment,
        context.context.mapperService().indexAnalyzer(), context.query, context.fieldName,
        context.hitContext.docId(), text, max, snippetChars);
    if (snippets.isEmpty()) {
      return null;
    }
    Text[] fragments = new Text[snippets.size()];
    for (int i = 0; i < fragments.length; i++) {
      fragments[i] = new Text(json(snippets.get(i)));
    }
    return new HighlightField(context.fieldName, fragments);
  }

  /** The text shown for {@code field}: its {@value Names#STORED} value, else the indexed one. */
  private static String shownText(SourceLookup source, String field) {
    Map<String, Object> doc = source.loadSourceIfNeeded();
    if (doc.get(Names.STORED) instanceof Map<?, ?> m && m.get(field) instanceof String s) {
      return s;
    }
    return doc.get(field) instanceof String s ? s : null;
  }

  private static String json(Snippet snippet) throws IOException {
    try (XContentBuilder b = XContentFactory.jsonBuilder()) {
      b.startObject().field("text", snippet.text()).field("offset", snippet.fieldOffset());
      b.startArray("matches");
      for (Span m : snippet.matches()) {
        b.value(m.start()).value(m.end());
      }
      b.endArray().endObject();
      return b.toString();
    }
  }
}
