package dev.newsindex.opensearch;

import dev.newsindex.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.opensearch.plugin.Names;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;

/**
 * {@link NewsSchema} on a cluster: the index definition (settings and mappings) and each article's
 * JSON document, both derived from the Lucene document {@link NewsSchema#toDocument} makes, so that
 * the schema is written once. Each field's kind follows from how NewsSchema indexes it:
 *
 * <table>
 *   <caption>Lucene field to OpenSearch mapping</caption>
 *   <tr><th>in the Lucene document</th><th>on the cluster</th></tr>
 *   <tr><td>analysed, with positions (title, body)</td><td>{@code text} with the {@value
 *       #TEXT_ANALYZER} analyzer and {@value #QUERY_ANALYZER} at query time</td></tr>
 *   <tr><td>analysed, documents only (the spelling vocabulary)</td><td>{@code text}, {@value
 *       #SPELLING_ANALYZER}, no norms or positions; the words are computed by core at push</td>
 *       </tr>
 *   <tr><td>an exact term (id, source)</td><td>{@code keyword}; lower-cased by a normalizer when
 *       the term is the stored value lower-cased, and then a {@value #RAW} sub-field holds the
 *       value as written, for counts</td></tr>
 *   <tr><td>a long point (date, in epoch days)</td><td>{@code long}, searched and sorted</td></tr>
 *   <tr><td>numeric doc values only (content hash)</td><td>{@code long}, not searched</td></tr>
 *   <tr><td>binary doc values (near-duplicate signature)</td><td>{@code binary}</td></tr>
 *   <tr><td>stored only (url, {@code meta.*})</td><td>kept in the source, not indexed</td></tr>
 * </table>
 *
 * <p>A stored value that differs from the one indexed (a title derived from the body is stored but
 * indexed empty) is kept in the document's {@value Names#STORED} object. The schema version, the
 * analyzer's name and the index's {@link IndexSettings} are in the mapping's {@code _meta}, which
 * searches check. Dates stay epoch days, as in a local index, so that core's query parser, running
 * on the shards, finds them.
 */
public final class ClusterSchema {
  /** The analyzer text fields are indexed with (plugin type {@value Names#ANALYZER}). */
  public static final String TEXT_ANALYZER = "news_text";
  /** The analyzer text fields are searched with (plugin type {@value Names#QUERY_ANALYZER}). */
  public static final String QUERY_ANALYZER = "news_query";
  /** The analyzer of the spelling vocabulary (plugin type {@value Names#SPELLING_ANALYZER}). */
  public static final String SPELLING_ANALYZER = "news_spelling";
  /** The normalizer of case-insensitive exact fields. */
  public static final String LOWERCASE_NORMALIZER = "news_lowercase";
  /** The sub-field of a lower-cased exact field holding the value as written. */
  public static final String RAW = "raw";
  /** The key of newsindex's entry in the mapping's {@code _meta}. */
  public static final String META_KEY = "newsindex";
  /** The object every {@link NewsSchema#METADATA_PREFIX} field goes into. */
  static final String META_OBJECT = NewsSchema.METADATA_PREFIX.substring(0,
      NewsSchema.METADATA_PREFIX.length() - 1);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** How a field is kept on the cluster. */
  enum Kind { TEXT, VOCABULARY, KEYWORD, LOWERCASE_KEYWORD, LONG, LONG_VALUES, BINARY, STORED }

  /** A schema field: its kind, and whether NewsSchema stores a value of its own for it. */
  record Field(String name, Kind kind, boolean stored) {}

  /** The fields, in NewsSchema's order, as derived from a probe article's document. */
  private static final List<Field> FIELDS = derive();

  private ClusterSchema() {}

  /** The fields of the cluster's documents. */
  static List<Field> fields() {
    return FIELDS;
  }

  /** The field named {@code name}, or null. */
  static Field field(String name) {
    for (Field f : FIELDS) {
      if (f.name.equals(name)) {
        return f;
      }
    }
    return null;
  }

  private static List<Field> derive() {
    // Every field set (labels with two values each), so that every field NewsSchema can write
    // is seen with its kind.
    Article probe = Article.builder("Probe-Id").title("Probe Headline")
        .date(LocalDate.of(2000, 1, 2)).source("Probe Source").url("https://probe.example/a")
        .body("A probe body long enough for a signature, one two three four five six seven eight"
            + " nine ten eleven twelve thirteen fourteen fifteen.")
        .metadata(Map.of("probe", "Probe"))
        .categories(List.of("Probe Category", "Other Category"))
        .topics(List.of("Probe Topic", "Other Topic"))
        .places(List.of("Probe Place", "Other Place"))
        .authors(List.of("Probe Author", "Other Author"))
        .lang("Probe-Lang").build();
    // The mapping has the English text fields only (docs/languages.md): every article's text is
    // mapped with the English chain there.
    Document doc = NewsSchema.toDocument(probe, NewsSchema.contentHash(probe), NewsSchema.ENGLISH);
    Map<String, Field> fields = new LinkedHashMap<>();
    boolean meta = false;
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(NewsSchema.METADATA_PREFIX)) {
        meta = true;
        continue;
      }
      if (!fields.containsKey(f.name())) {
        fields.put(f.name(), classify(doc, f.name()));
      }
    }
    if (!meta) {
      throw new IllegalStateException("NewsSchema stored no " + NewsSchema.METADATA_PREFIX
          + " field for the probe's metadata");
    }
    return List.copyOf(fields.values());
  }

  private static Field classify(Document doc, String name) {
    IndexableField indexed = null;
    IndexableField point = null;
    IndexableField sortedSet = null;
    IndexableField numeric = null;
    IndexableField binary = null;
    boolean stored = false;
    for (IndexableField f : doc.getFields(name)) {
      IndexableFieldType t = f.fieldType();
      stored |= t.stored();
      if (t.indexOptions() != IndexOptions.NONE) {
        indexed = f;
      }
      if (t.pointDimensionCount() > 0) {
        point = f;
      }
      switch (t.docValuesType()) {
        case SORTED_SET, SORTED -> sortedSet = f;
        case NUMERIC, SORTED_NUMERIC -> numeric = f;
        case BINARY -> binary = f;
        default -> { }
      }
    }
    Kind kind;
    if (indexed != null && indexed.fieldType().tokenized()) {
      kind = indexed.fieldType().indexOptions() == IndexOptions.DOCS ? Kind.VOCABULARY : Kind.TEXT;
    } else if (indexed != null) {
      String term = indexed.stringValue();
      String written = sortedSet != null ? sortedSet.binaryValue().utf8ToString()
          : doc.get(name);
      kind = written != null && !written.equals(term)
          && written.toLowerCase(Locale.ROOT).equals(term) ? Kind.LOWERCASE_KEYWORD : Kind.KEYWORD;
    } else if (point != null) {
      kind = Kind.LONG;
    } else if (numeric != null) {
      kind = Kind.LONG_VALUES;
    } else if (binary != null) {
      kind = Kind.BINARY;
    } else if (stored) {
      kind = Kind.STORED;
    } else {
      throw new IllegalStateException("NewsSchema field '" + name + "' is of a kind the cluster"
          + " mapping does not know; teach ClusterSchema.classify about it");
    }
    if (point != null && kind != Kind.LONG) {
      throw new IllegalStateException("NewsSchema field '" + name + "' is both a point and "
          + kind + "; teach ClusterSchema.classify about it");
    }
    if (kind == Kind.LONG && point.fieldType().pointNumBytes() != Long.BYTES) {
      throw new IllegalStateException("NewsSchema field '" + name + "' is a point of "
          + point.fieldType().pointNumBytes() + " bytes; the cluster mapping knows longs only");
    }
    return new Field(name, kind, stored);
  }

  /**
   * The index definition for articles analysed as {@code settings} say, as {@code PUT /index}
   * takes it: settings (shards, replicas, BM25, the plugin's analyzers) and mappings.
   *
   * @param settings the analysis and ranking settings, recorded in the mapping's {@code _meta}
   * @param shards primary shards, at least 1
   * @param replicas copies of each shard, 0 or more
   * @return the definition; a new object each call
   */
  public static ObjectNode definition(IndexSettings settings, int shards, int replicas) {
    if (shards < 1 || replicas < 0) {
      throw new InvalidRequestException("shards must be at least 1 and replicas at least 0, not "
          + shards + " and " + replicas);
    }
    ObjectNode root = JSON.objectNode();
    ObjectNode index = root.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    if (settings.compression() == dev.newsindex.Compression.SMALL) {
      index.put("codec", "best_compression"); // DEFLATE for stored fields, as locally
    }
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", settings.k1());
    bm25.put("b", settings.b());
    ObjectNode analysis = index.putObject("analysis");
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzers.putObject(TEXT_ANALYZER).put("type", Names.ANALYZER)
        .put(Names.STEMMER, settings.stemmer().id());
    ObjectNode query = analyzers.putObject(QUERY_ANALYZER).put("type", Names.QUERY_ANALYZER)
        .put(Names.STEMMER, settings.stemmer().id())
        .put(Names.BUNDLED_SYNONYMS, settings.bundledSynonyms());
    if (!settings.synonyms().isBlank()) {
      var rules = query.putArray(Names.SYNONYMS);
      settings.synonyms().lines().forEach(rules::add);
    }
    analyzers.putObject(SPELLING_ANALYZER).put("type", Names.SPELLING_ANALYZER);
    analysis.putObject("normalizer").putObject(LOWERCASE_NORMALIZER).put("type", "custom")
        .putArray("filter").add(Names.LOWERCASE_FILTER);
    root.set("mappings", mappings(settings));
    return root;
  }

  /**
   * The schema and analysis a cluster index records in {@code _meta}: the schema version and the
   * English chain, the one analysis a cluster index applies (the per-language chains of a local
   * index are not mapped on a cluster).
   */
  static final Map<String, String> META = Map.of(NewsSchema.SCHEMA_KEY, NewsSchema.VERSION,
      NewsSchema.ANALYZER_KEY, NewsAnalyzer.NAME);

  /** The mappings: one property per schema field, and the schema in {@code _meta}. */
  static ObjectNode mappings(IndexSettings settings) {
    ObjectNode mappings = JSON.objectNode();
    // Strict: a document that is not one of ours fails at once instead of widening the mapping.
    mappings.put("dynamic", "strict");
    ObjectNode meta = mappings.putObject("_meta").putObject(META_KEY);
    META.forEach(meta::put);
    ObjectNode recorded = meta.putObject("settings");
    settings.toCommitData().forEach(recorded::put);
    ObjectNode props = mappings.putObject("properties");
    for (Field f : FIELDS) {
      ObjectNode p = props.putObject(f.name);
      switch (f.kind) {
        case TEXT -> p.put("type", "text").put("analyzer", TEXT_ANALYZER)
            .put("search_analyzer", QUERY_ANALYZER).put("search_quote_analyzer", QUERY_ANALYZER)
            .put("index_options", "positions");
        case VOCABULARY -> p.put("type", "text").put("analyzer", SPELLING_ANALYZER)
            .put("index_options", "docs").put("norms", false);
        case KEYWORD -> p.put("type", "keyword");
        case LOWERCASE_KEYWORD -> {
          p.put("type", "keyword").put("normalizer", LOWERCASE_NORMALIZER)
              .put("doc_values", false);
          p.putObject("fields").putObject(RAW).put("type", "keyword");
        }
        case LONG -> p.put("type", "long");
        case LONG_VALUES -> p.put("type", "long").put("index", false);
        case BINARY -> p.put("type", "binary").put("doc_values", true);
        case STORED -> p.put("type", "keyword").put("index", false).put("doc_values", false);
        default -> throw new AssertionError(f.kind);
      }
    }
    props.putObject(META_OBJECT).put("type", "object").put("enabled", false);
    props.putObject(Names.STORED).put("type", "object").put("enabled", false);
    return mappings;
  }

  /**
   * The JSON document for {@code article}, whose content hash is {@code contentHash}: the values of
   * the Lucene document NewsSchema makes of it, by field kind.
   */
  static ObjectNode document(Article article, long contentHash) {
    Document doc = NewsSchema.toDocument(article, contentHash, NewsSchema.ENGLISH);
    ObjectNode json = JSON.objectNode();
    ObjectNode stored = null;
    for (Field f : FIELDS) {
      IndexableField[] values = doc.getFields(f.name);
      if (values.length == 0) {
        continue;
      }
      switch (f.kind) {
        case TEXT -> {
          String indexed = null;
          String shown = null;
          for (IndexableField v : values) {
            if (v.fieldType().indexOptions() != IndexOptions.NONE) {
              indexed = v.stringValue();
            } else if (v.fieldType().stored()) {
              shown = v.stringValue();
            }
          }
          if (indexed != null && !indexed.isEmpty()) {
            json.put(f.name, indexed);
          }
          if (shown != null && !shown.equals(indexed)) {
            if (stored == null) {
              stored = JSON.objectNode();
            }
            stored.put(f.name, shown);
          }
        }
        case VOCABULARY -> {
          StringBuilder words = new StringBuilder();
          for (IndexableField v : values) {
            appendTokens(v, words);
          }
          if (!words.isEmpty()) {
            json.put(f.name, words.toString());
          }
        }
        case KEYWORD, LOWERCASE_KEYWORD, STORED -> {
          List<String> all = writtenAll(values);
          if (all.size() == 1) {
            json.put(f.name, all.get(0));
          } else {
            all.forEach(json.putArray(f.name)::add);
          }
        }
        case LONG, LONG_VALUES -> {
          for (IndexableField v : values) {
            if (v.fieldType().docValuesType() != DocValuesType.NONE) {
              json.put(f.name, v.numericValue().longValue());
            }
          }
        }
        case BINARY -> {
          var bytes = values[0].binaryValue();
          json.put(f.name, Base64.getEncoder().encodeToString(
              java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset,
              bytes.offset + bytes.length)));
        }
        default -> throw new AssertionError(f.kind);
      }
    }
    ObjectNode meta = null;
    for (IndexableField v : doc.getFields()) {
      if (v.name().startsWith(NewsSchema.METADATA_PREFIX)) {
        if (meta == null) {
          meta = json.putObject(META_OBJECT);
        }
        meta.put(v.name().substring(NewsSchema.METADATA_PREFIX.length()), v.stringValue());
      }
    }
    if (stored != null) {
      json.set(Names.STORED, stored);
    }
    return json;
  }

  /** Each value of a (possibly multi-valued) exact field as written: one per stored value. */
  private static List<String> writtenAll(IndexableField[] values) {
    List<String> sorted = new java.util.ArrayList<>();
    List<String> shown = new java.util.ArrayList<>();
    for (IndexableField v : values) {
      if (v.fieldType().docValuesType() == DocValuesType.SORTED_SET
          || v.fieldType().docValuesType() == DocValuesType.SORTED) {
        sorted.add(v.binaryValue().utf8ToString());
      } else if (v.fieldType().stored() && v.stringValue() != null) {
        shown.add(v.stringValue());
      }
    }
    if (!shown.isEmpty()) {
      return shown;
    }
    return sorted.isEmpty() ? List.of(written(values)) : sorted;
  }

  /** The value as written: the sorted doc value or stored value, else the indexed term. */
  private static String written(IndexableField[] values) {
    String term = null;
    for (IndexableField v : values) {
      if (v.fieldType().docValuesType() == DocValuesType.SORTED_SET
          || v.fieldType().docValuesType() == DocValuesType.SORTED) {
        return v.binaryValue().utf8ToString();
      }
      if (v.fieldType().stored() && v.stringValue() != null) {
        return v.stringValue();
      }
      term = v.stringValue();
    }
    return term;
  }

  private static void appendTokens(IndexableField field, StringBuilder out) {
    // The vocabulary field's value is its token stream (a WordTap's words); any other value is
    // words separated by spaces.
    try (TokenStream ts = field.tokenStream(
        new org.apache.lucene.analysis.core.WhitespaceAnalyzer(), null)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (!out.isEmpty()) {
          out.append(' ');
        }
        out.append(term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The article in a cluster document's source, read back as NewsSchema reads a local one. */
  static Article article(JsonNode source) {
    Document doc = new Document();
    JsonNode shown = source.path(Names.STORED);
    for (Field f : FIELDS) {
      if (!f.stored) {
        continue;
      }
      JsonNode v = shown.has(f.name) ? shown.get(f.name) : source.get(f.name);
      if (v == null || v.isNull()) {
        continue;
      }
      if (f.kind == Kind.LONG || f.kind == Kind.LONG_VALUES) {
        doc.add(new StoredField(f.name, v.asLong()));
      } else if (v.isArray()) {
        v.forEach(e -> doc.add(new StoredField(f.name, e.asText())));
      } else {
        doc.add(new StoredField(f.name, v.asText()));
      }
    }
    JsonNode meta = source.path(META_OBJECT);
    for (Map.Entry<String, JsonNode> e : meta.properties()) {
      doc.add(new StoredField(NewsSchema.METADATA_PREFIX + e.getKey(), e.getValue().asText()));
    }
    return NewsSchema.fromDocument(doc);
  }

  /** The fields of a source that {@link #article} reads (the rest stays on the cluster). */
  static List<String> sourceFields() {
    List<String> out = new java.util.ArrayList<>();
    for (Field f : FIELDS) {
      if (f.stored) {
        out.add(f.name);
      }
    }
    out.add(META_OBJECT);
    out.add(Names.STORED);
    return out;
  }

  /** The name of the field of {@code kind} (the first), for the few the backend uses by role. */
  static String fieldOf(Kind kind) {
    for (Field f : FIELDS) {
      if (f.kind == kind) {
        return f.name;
      }
    }
    throw new IllegalStateException("NewsSchema has no " + kind + " field");
  }
}
