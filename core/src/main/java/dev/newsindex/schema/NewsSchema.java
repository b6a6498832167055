package dev.newsindex.schema;

import dev.newsindex.Article;
import dev.newsindex.IndexSettings;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.analysis.LanguageAnalyzers;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.analysis.NewsSynonyms;
import dev.newsindex.analysis.SpellingAnalyzer;
import dev.newsindex.analysis.WordTap;
import dev.newsindex.ingest.Titles;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The one place that maps an {@link Article} to a Lucene document and back. Every field's name,
 * type, storage, analysis and doc values are defined here and nowhere else.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>indexed as</th><th>stored</th><th>doc values</th><th>why</th></tr>
 *   <tr><td>{@value #ID}</td><td>exact term</td><td>yes</td><td>-</td>
 *       <td>unique key: upserts replace by this term</td></tr>
 *   <tr><td>{@value #TITLE}</td><td>{@link NewsAnalyzer}, positions</td><td>yes</td><td>-</td>
 *       <td>searched (boosted) and highlighted (by analysing the stored text again); a title
 *       derived from the body ({@link #isDerivedTitle}) is only stored</td></tr>
 *   <tr><td>{@value #BODY}</td><td>{@link NewsAnalyzer}, positions</td><td>yes</td><td>-</td>
 *       <td>searched and highlighted</td></tr>
 *   <tr><td>{@value #TITLE}{@code _}<i>chain</i>, {@value #BODY}{@code _}<i>chain</i></td>
 *       <td>the {@link LanguageAnalyzers} chain of the article's language, positions</td><td>no
 *       (the text is stored in {@value #TITLE} and {@value #BODY})</td><td>-</td><td>title and
 *       body of an article in another language than English ({@link #textChain}): {@code
 *       title_fr}, {@code body_ar}, {@code body_other}; English articles, and those whose
 *       language is unknown, keep {@value #TITLE} and {@value #BODY}, so their analysis and
 *       scores do not depend on what else the index holds</td></tr>
 *   <tr><td>{@value #DATE}</td><td>long point (epoch day)</td><td>yes</td><td>numeric</td>
 *       <td>range filters (points) and sorting (doc values)</td></tr>
 *   <tr><td>{@value #SOURCE}</td><td>exact term, lower-cased</td><td>yes</td><td>sorted set</td>
 *       <td>case-insensitive filters; counts by source from doc values</td></tr>
 *   <tr><td>{@value #CATEGORY}, {@value #TOPIC}, {@value #PLACE}, {@value #AUTHOR}, {@value
 *       #LANG}</td><td>exact term per value, lower-cased</td><td>yes</td><td>sorted set</td>
 *       <td>the labels of {@link Article} ({@link #LABEL_FIELDS}): case-insensitive queries and
 *       filters ({@code category:tech}), counts per value from doc values</td></tr>
 *   <tr><td>{@value #URL}</td><td>-</td><td>yes</td><td>-</td><td>shown, never searched</td></tr>
 *   <tr><td>{@value #CONTENT_HASH}</td><td>-</td><td>no</td><td>numeric</td>
 *       <td>re-indexing an unchanged article is detected without reading stored fields</td></tr>
 *   <tr><td>{@value #MINHASH}</td><td>-</td><td>no</td><td>binary</td>
 *       <td>near-duplicate signature ({@link MinHash}) compared when grouping copies; its bands
 *       ({@link MinHash#bandKeys}) find the candidates when the whole index is grouped</td></tr>
 *   <tr><td>{@value #WORDS}</td><td>{@link SpellingAnalyzer}'s words, docs only</td><td>no</td>
 *       <td>-</td><td>unstemmed vocabulary of title and body for did-you-mean suggestions, taken
 *       from the title and body analysis by a {@link WordTap}: the words the bundled {@link
 *       dev.newsindex.analysis.EnglishWords} do not already know (names, places, jargon)</td></tr>
 *   <tr><td>{@value #METADATA_PREFIX}<i>name</i></td><td>-</td><td>yes</td><td>-</td>
 *       <td>whatever else a format carries, kept for display</td></tr>
 * </table>
 */
public final class NewsSchema {
  /**
   * The schema version, stored in every commit. An index made with another version is refused with
   * the advice to rebuild it (the command line's default index is rebuilt by itself), so it changes
   * whenever what a document holds or how it is derived from an article changes: the fields and
   * their types, the {@link #contentHash}, the {@link MinHash} signatures, the spelling vocabulary.
   */
  public static final String VERSION = "8";

  /** Commit user-data key holding {@link #VERSION}. */
  public static final String SCHEMA_KEY = "newsindex.schema";
  /** Commit user-data key holding the analyzer's {@link NewsAnalyzer#NAME}. */
  public static final String ANALYZER_KEY = "newsindex.analyzer";

  /** The article's id: one exact term, the key of upserts. */
  public static final String ID = "id";

  /**
   * The most bytes (in UTF-8) of an exact-valued field's value: an {@value #ID}, a {@value
   * #SOURCE} or a value of one of the {@link #LABEL_FIELDS}. Such values are indexed as single
   * terms (and sources and labels as doc values too), which Lucene caps at 32,766 bytes; an article
   * over this far lower limit is refused ({@link #checkLimits}) rather than failing a whole run.
   */
  public static final int MAX_EXACT_BYTES = 512;
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String DATE = "date";
  public static final String SOURCE = "source";
  public static final String URL = "url";
  /** The publisher's sections or categories: {@link Article#categories()}. */
  public static final String CATEGORY = "category";
  /** Subject codes, keywords and tags: {@link Article#topics()}. */
  public static final String TOPIC = "topic";
  /** The places an article is about: {@link Article#places()}. */
  public static final String PLACE = "place";
  /** Bylines: {@link Article#authors()}. */
  public static final String AUTHOR = "author";
  /** The language as an ISO 639 code: {@link Article#lang()}. */
  public static final String LANG = "lang";
  public static final String CONTENT_HASH = "content_hash";
  public static final String METADATA_PREFIX = "meta.";
  /** Near-duplicate signature: {@link MinHash#SIZE} 4-bit values as binary doc values. */
  public static final String MINHASH = "minhash";
  /** Title and body words, unstemmed, for spelling suggestions, but for ordinary English words. */
  public static final String WORDS = "words";

  /**
   * Friendlier names users may give fields in queries, mapped to the field they mean. Every
   * searchable field's own name works too.
   */
  public static final Map<String, String> FIELD_ALIASES = Map.ofEntries(
      Map.entry("headline", TITLE), Map.entry("headlines", TITLE),
      Map.entry("text", BODY), Map.entry("content", BODY), Map.entry("article", BODY),
      Map.entry("publisher", SOURCE), Map.entry("outlet", SOURCE), Map.entry("site", SOURCE),
      Map.entry("published", DATE), Map.entry("day", DATE), Map.entry("docid", ID),
      Map.entry("categories", CATEGORY), Map.entry("section", CATEGORY),
      Map.entry("topics", TOPIC), Map.entry("subject", TOPIC), Map.entry("tag", TOPIC),
      Map.entry("tags", TOPIC), Map.entry("places", PLACE), Map.entry("location", PLACE),
      Map.entry("authors", AUTHOR), Map.entry("byline", AUTHOR), Map.entry("by", AUTHOR),
      Map.entry("language", LANG));

  /**
   * The labels of an article, each an exact-valued field: indexed as one lower-cased term per value
   * (so {@code category:Tech} and {@code category:tech} find the same articles), stored, and kept as
   * sorted-set doc values for counting (facets and {@code stats}). In this order in documents, in
   * JSON and in the facet list. {@value #LANG} has at most one value.
   */
  public static final Map<String, Function<Article, List<String>>> LABEL_FIELDS = labelFields();

  private static Map<String, Function<Article, List<String>>> labelFields() {
    Map<String, Function<Article, List<String>>> m = new LinkedHashMap<>();
    m.put(CATEGORY, Article::categories);
    m.put(TOPIC, Article::topics);
    m.put(PLACE, Article::places);
    m.put(AUTHOR, Article::authors);
    m.put(LANG, a -> a.lang().isEmpty() ? List.of() : List.of(a.lang()));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The exact-valued fields that can be counted as facets and filtered by value: {@value #SOURCE}
   * and the {@link #LABEL_FIELDS}.
   */
  public static final List<String> KEYWORD_FIELDS = keywordFields();

  private static List<String> keywordFields() {
    List<String> fields = new java.util.ArrayList<>();
    fields.add(SOURCE);
    fields.addAll(LABEL_FIELDS.keySet());
    return List.copyOf(fields);
  }

  /** The fields a query may name, besides their {@link #FIELD_ALIASES}. */
  public static final List<String> QUERY_FIELDS = queryFields();

  private static List<String> queryFields() {
    List<String> fields = new java.util.ArrayList<>(List.of(TITLE, BODY, SOURCE, DATE, ID));
    fields.addAll(LABEL_FIELDS.keySet());
    return List.copyOf(fields);
  }

  /** The analyzed fields a query searches by default, most important first. */
  public static final List<String> TEXT_FIELDS = List.of(TITLE, BODY);

  /** The chain of English text, {@link NewsAnalyzer}, in {@value #TITLE} and {@value #BODY}. */
  public static final String ENGLISH = "en";

  /**
   * Every text analysis chain an index may hold, English first: {@value #ENGLISH}, then {@link
   * LanguageAnalyzers#LANGUAGES}, then {@link LanguageAnalyzers#OTHER}.
   */
  public static final List<String> TEXT_CHAINS = textChains();

  private static List<String> textChains() {
    List<String> chains = new ArrayList<>();
    chains.add(ENGLISH);
    chains.addAll(LanguageAnalyzers.LANGUAGES);
    chains.add(LanguageAnalyzers.OTHER);
    return List.copyOf(chains);
  }

  /**
   * The chain that analyses text in {@code lang} (an ISO 639 code, empty when unknown): English
   * for {@code en} and for an unknown language, a language's own chain where it has one, else
   * {@link LanguageAnalyzers#OTHER}.
   */
  public static String textChain(String lang) {
    return lang == null || lang.isEmpty() || ENGLISH.equals(lang) ? ENGLISH
        : LanguageAnalyzers.chainOf(lang);
  }

  /** The field that holds the analysed title of text in {@code chain} (one of {@link #TEXT_CHAINS}). */
  public static String titleField(String chain) {
    return ENGLISH.equals(chain) ? TITLE : TITLE + "_" + chain;
  }

  /** The field that holds the analysed body of text in {@code chain} (one of {@link #TEXT_CHAINS}). */
  public static String bodyField(String chain) {
    return ENGLISH.equals(chain) ? BODY : BODY + "_" + chain;
  }

  /** Whether {@code field} holds an analysed title, in any chain. */
  public static boolean isTitleField(String field) {
    return TITLE.equals(field) || field.startsWith(TITLE + "_");
  }

  /**
   * Analyzed, stored, with positions (phrases) but no offsets in the postings: the highlighter
   * analyses the few articles it shows again instead (about half a millisecond per page of ten
   * with three passages each, on the synthetic benchmark index), which spares every article indexed
   * the writing of two numbers per word (the index is a sixth smaller).
   */
  private static final FieldType TEXT_TYPE = textType();

  /** The seed of {@link #contentHash}: any fixed value; changing it changes every digest. */
  private static final int CONTENT_HASH_SEED = 0x243F6A88;

  /** Words only, for a vocabulary: no frequencies, positions or norms. */
  private static final FieldType WORDS_TYPE = wordsType();

  private static FieldType wordsType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setOmitNorms(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.freeze();
    return t;
  }

  private static FieldType textType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    return t;
  }

  /** As {@link #TEXT_TYPE} but not stored: the indexed part of a derived title (empty). */
  private static final FieldType INDEXED_ONLY_TYPE = indexedOnlyType();

  private static FieldType indexedOnlyType() {
    FieldType t = new FieldType(TEXT_TYPE);
    t.setStored(false);
    t.freeze();
    return t;
  }

  private NewsSchema() {}

  /**
   * Whether {@code article}'s title is no headline but the one {@link Titles#derive} makes from its
   * body (formats without headlines, or a title that merely repeats the lead sentence). Such a title
   * is stored and shown, but not searched as a title: its words are already in the body, and the
   * title's boost would count the lead sentence three times (on TIME, whose articles have no
   * headlines, searching derived titles lowers MAP).
   */
  public static boolean isDerivedTitle(Article article) {
    return Titles.isDerived(article.title(), article.body());
  }

  /**
   * The analyzer for every field: {@link NewsAnalyzer} for text, exact lower-cased terms for the
   * {@link #KEYWORD_FIELDS}, exact terms for {@value #ID}. Use the same one for indexing and for queries.
   */
  public static Analyzer analyzer() {
    return analyzer(IndexSettings.DEFAULT);
  }

  /** The index-time analyzer for every field, text analysed as {@code settings} say. */
  public static Analyzer analyzer(IndexSettings settings) {
    return perField(new NewsAnalyzer(settings.stemmer()));
  }

  /**
   * The analyzer of the text fields of {@code chain} alone, for queries analysed in that language:
   * {@code english} for {@value #ENGLISH}, else {@link LanguageAnalyzers#forLanguage}.
   */
  public static Analyzer textAnalyzer(String chain, Analyzer english) {
    return ENGLISH.equals(chain) ? english : LanguageAnalyzers.forLanguage(chain);
  }

  /**
   * The query-time analyzer: as {@link #analyzer(IndexSettings)}, plus the synonyms {@code settings}
   * ask for on the text fields.
   */
  public static Analyzer queryAnalyzer(IndexSettings settings) {
    return perField(NewsAnalyzer.forQueries(settings.stemmer(),
        NewsSynonyms.build(settings.bundledSynonyms(), settings.synonyms())));
  }

  /**
   * The analyzer for every field with {@code text} for the text fields: for measuring another
   * chain ({@code bench/run RelevanceReport}) with everything else as an index has it.
   */
  public static Analyzer perField(Analyzer text) {
    Map<String, Analyzer> fields = new java.util.HashMap<>();
    Analyzer keyword = new LowercaseKeywordAnalyzer();
    for (String f : KEYWORD_FIELDS) {
      fields.put(f, keyword);
    }
    fields.put(ID, new LowercaseKeywordAnalyzer(false));
    fields.put(WORDS, new SpellingAnalyzer());
    for (String chain : TEXT_CHAINS.subList(1, TEXT_CHAINS.size())) {
      Analyzer a = LanguageAnalyzers.forLanguage(chain);
      fields.put(titleField(chain), a);
      fields.put(bodyField(chain), a);
    }
    return new PerFieldAnalyzerWrapper(text, fields);
  }

  /** The commit user data that records this schema and analysis in an index. */
  public static Map<String, String> commitData() {
    return Map.of(SCHEMA_KEY, VERSION, ANALYZER_KEY,
        NewsAnalyzer.NAME + "+" + LanguageAnalyzers.NAME);
  }

  /** {@link #commitData()} plus {@code settings}, as written at every commit. */
  public static Map<String, String> commitData(IndexSettings settings) {
    Map<String, String> data = new LinkedHashMap<>(settings.toCommitData());
    data.putAll(commitData());
    return data;
  }

  /** The schema description found in {@code commitData}, e.g. {@code 1/news-en-1}. */
  public static String describe(Map<String, String> commitData) {
    return commitData.getOrDefault(SCHEMA_KEY, "none") + "/"
        + commitData.getOrDefault(ANALYZER_KEY, "none");
  }

  /** Whether an index with this commit data can be searched and updated by this version. */
  public static boolean isCompatible(Map<String, String> commitData) {
    return describe(commitData).equals(describe(commitData()));
  }

  /** The form in which {@code source} is indexed for exact, case-insensitive matching. */
  public static String sourceTerm(String source) {
    return keywordTerm(source);
  }

  /**
   * The form in which a value of one of the {@link #KEYWORD_FIELDS} is indexed: stripped and
   * lower-cased, so filters match whatever the case.
   */
  public static String keywordTerm(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  /** A date as indexed in {@value #DATE}: days since 1970-01-01. */
  public static long dateValue(LocalDate date) {
    return date.toEpochDay();
  }

  /**
   * Checks that every exact value of {@code article} fits {@link #MAX_EXACT_BYTES}.
   *
   * @param article the article about to be indexed
   * @throws InvalidRequestException naming the first field over the limit and its size, e.g.
   *     {@code id longer than 512 bytes (40000 bytes)}
   */
  public static void checkLimits(Article article) {
    checkExact(ID, article.id());
    checkExact(SOURCE, article.source());
    for (Map.Entry<String, Function<Article, List<String>>> label : LABEL_FIELDS.entrySet()) {
      for (String value : label.getValue().apply(article)) {
        checkExact(label.getKey(), value);
      }
    }
  }

  private static void checkExact(String field, String value) {
    // A UTF-8 byte is at most one char, a char at most three bytes: most values need no count.
    if (value.length() * 3 <= MAX_EXACT_BYTES) {
      return;
    }
    int bytes = org.apache.lucene.util.UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length());
    if (bytes > MAX_EXACT_BYTES) {
      throw new InvalidRequestException(field + " longer than " + MAX_EXACT_BYTES + " bytes ("
          + bytes + " bytes)");
    }
  }

  /** The Lucene document for {@code article}. */
  public static Document toDocument(Article article) {
    return toDocument(article, contentHash(article));
  }

  /** The Lucene document for {@code article}, whose {@link #contentHash} is {@code contentHash}. */
  public static Document toDocument(Article article, long contentHash) {
    return toDocument(article, contentHash, textChain(article.lang()));
  }

  /**
   * As {@link #toDocument(Article, long)}, with title and body analysed by {@code chain} (one of
   * {@link #TEXT_CHAINS}) whatever the article's language: for a back end whose mapping has the
   * English fields only (the OpenSearch mapping).
   */
  public static Document toDocument(Article article, long contentHash, String chain) {
    Document doc = new Document();
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    // The spelling vocabulary's words are collected while title and body are analysed for search
    // (the writer inverts fields in document order, so the WORDS fields below find the taps
    // filled; were it not so, each tap would analyse its text itself).
    WordTap titleWords = new WordTap(article.title());
    WordTap bodyWords = new WordTap(article.body());
    if (ENGLISH.equals(chain)) {
      if (isDerivedTitle(article)) {
        // Stored for display; indexed empty, so the lead sentence, already in the body, is not
        // counted again (and boosted) as if it were a headline.
        doc.add(new Field(TITLE, "", INDEXED_ONLY_TYPE));
        doc.add(new StoredField(TITLE, article.title()));
      } else {
        doc.add(new TappedField(TITLE, article.title(), titleWords));
      }
      doc.add(new TappedField(BODY, article.body(), bodyWords));
    } else {
      // Stored where every article's text is (indexed empty there: a field's index options are
      // the same in every document); indexed in the fields of its language's chain.
      doc.add(new Field(TITLE, "", INDEXED_ONLY_TYPE));
      doc.add(new StoredField(TITLE, article.title()));
      doc.add(new Field(BODY, "", INDEXED_ONLY_TYPE));
      doc.add(new StoredField(BODY, article.body()));
      doc.add(new Field(titleField(chain), isDerivedTitle(article) ? "" : article.title(),
          INDEXED_ONLY_TYPE));
      doc.add(new Field(bodyField(chain), article.body(), INDEXED_ONLY_TYPE));
    }
    if (article.date() != null) {
      long day = dateValue(article.date());
      doc.add(new LongPoint(DATE, day));
      doc.add(new NumericDocValuesField(DATE, day));
      doc.add(new StoredField(DATE, day));
    }
    if (!article.source().isEmpty()) {
      doc.add(new StringField(SOURCE, sourceTerm(article.source()), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(article.source())));
      doc.add(new StoredField(SOURCE, article.source()));
    }
    if (!article.url().isEmpty()) {
      doc.add(new StoredField(URL, article.url()));
    }
    for (Map.Entry<String, Function<Article, List<String>>> label : LABEL_FIELDS.entrySet()) {
      String field = label.getKey();
      for (String value : label.getValue().apply(article)) {
        doc.add(new StringField(field, keywordTerm(value), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
        doc.add(new StoredField(field, value));
      }
    }
    for (Map.Entry<String, String> e : article.metadata().entrySet()) {
      doc.add(new StoredField(METADATA_PREFIX + e.getKey(), e.getValue()));
    }
    doc.add(new NumericDocValuesField(CONTENT_HASH, contentHash));
    doc.add(new Field(WORDS, titleWords.words(), WORDS_TYPE));
    doc.add(new Field(WORDS, bodyWords.words(), WORDS_TYPE));
    int[] signature = MinHash.of(article.title(), article.body());
    if (signature != null) {
      doc.add(new BinaryDocValuesField(MINHASH, new BytesRef(MinHash.encode(signature))));
    }
    return doc;
  }

  /** The article stored in {@code doc} (as loaded from the index's stored fields). */
  public static Article fromDocument(Document doc) {
    IndexableField date = doc.getField(DATE);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(METADATA_PREFIX)) {
        metadata.put(f.name().substring(METADATA_PREFIX.length()), f.stringValue());
      }
    }
    return Article.builder(doc.get(ID))
        .title(doc.get(TITLE))
        .date(date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()))
        .source(doc.get(SOURCE))
        .url(doc.get(URL))
        .body(doc.get(BODY))
        .metadata(metadata)
        .categories(List.of(doc.getValues(CATEGORY)))
        .topics(List.of(doc.getValues(TOPIC)))
        .places(List.of(doc.getValues(PLACE)))
        .authors(List.of(doc.getValues(AUTHOR)))
        .lang(doc.get(LANG))
        .build();
  }

  /**
   * A 64-bit digest of everything stored for {@code article}: equal digests mean unchanged. Not
   * cryptographic (it detects edits, not forgeries): Lucene's MurmurHash3 ({@link
   * StringHelper#murmurhash3_x64_128}) of each part's length and UTF-16 code units in turn, so that
   * any change alters it but for a chance of 2<sup>-64</sup>.
   */
  public static long contentHash(Article article) {
    List<String> parts = new ArrayList<>(6 + 2 * article.metadata().size());
    Collections.addAll(parts, article.id(), article.title(),
        article.date() == null ? "" : article.date().toString(), article.source(), article.url(),
        article.body());
    article.metadata().forEach((k, v) -> Collections.addAll(parts, k, v));
    for (Map.Entry<String, Function<Article, List<String>>> label : LABEL_FIELDS.entrySet()) {
      List<String> values = label.getValue().apply(article);
      if (!values.isEmpty()) {
        parts.add(label.getKey());
        parts.addAll(values);
      }
    }
    int size = 0;
    for (String part : parts) {
      size += Integer.BYTES + 2 * part.length();
    }
    // The code units as they are: an encoding would merge texts that differ in a lone surrogate.
    ByteBuffer bytes = ByteBuffer.allocate(size);
    for (String part : parts) {
      bytes.putInt(part.length());
      bytes.asCharBuffer().put(part);
      bytes.position(bytes.position() + 2 * part.length());
    }
    return StringHelper.murmurhash3_x64_128(bytes.array(), 0, size, CONTENT_HASH_SEED)[0];
  }

  /** A {@link #TEXT_TYPE} field whose analysis also fills a {@link WordTap}. */
  private static final class TappedField extends Field {
    private final WordTap tap;

    TappedField(String name, String value, WordTap tap) {
      super(name, value, TEXT_TYPE);
      this.tap = tap;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      TokenStream stream = super.tokenStream(analyzer, reuse);
      tap.attachTo(stream);
      return stream;
    }
  }

  /** Whole-value terms, lower-cased unless asked not to: for exact fields. */
  private static final class LowercaseKeywordAnalyzer extends Analyzer {
    private final boolean lowercase;

    LowercaseKeywordAnalyzer() {
      this(true);
    }

    LowercaseKeywordAnalyzer(boolean lowercase) {
      this.lowercase = lowercase;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KeywordTokenizer source = new KeywordTokenizer();
      TokenStream result = lowercase ? new LowerCaseFilter(source) : source;
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return lowercase ? new LowerCaseFilter(in) : in;
    }
  }
}
