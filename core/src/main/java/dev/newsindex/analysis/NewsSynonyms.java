package dev.newsindex.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

/**
 * Entity aliases for query-time expansion, in Solr's synonym format (one rule per line: {@code a, b,
 * c} makes each mean all of them; {@code a => b} rewrites {@code a}; {@code #} starts a comment).
 *
 * <p>The bundled list ({@value #BUNDLED}) covers countries, organisations and leaders as news
 * writes them ({@code DPRK, North Korea}; {@code UK, U.K., Britain, United Kingdom}; {@code Fed,
 * Federal Reserve}). Rules are read with {@link NewsAnalyzer}'s chain before synonyms, so case
 * matters as in text: the rule word {@code US} is the country, {@code us} would be the pronoun.
 * Rules are matched before stop words are removed, so a name's stop words count ({@code Bank of
 * England}), and an alias expanded to such a name is a phrase with the stop word's gap, as the name
 * is indexed.
 *
 * <p>The build also writes the bundled rules' map, already made, beside them ({@value
 * #BUNDLED_MAP}, by {@link #main}): reading it is far cheaper than parsing the rules and building
 * their FST, which was a large part of a cold command-line search. It is used only when
 * it was made from the very rules and analysis chain in the jar (their digest is in its header);
 * otherwise the rules are parsed as before.
 */
public final class NewsSynonyms {
  /** The class-path resource holding the bundled rules. */
  public static final String BUNDLED = "news-synonyms.txt";
  /** The class-path resource holding the bundled rules' map, made at build time. */
  public static final String BUNDLED_MAP = "news-synonyms.map";

  private NewsSynonyms() {}

  /**
   * The synonym map of the bundled rules (when {@code bundled}) and {@code userRules} (Solr format;
   * empty for none).
   *
   * @throws IllegalArgumentException naming the line of a malformed user rule
   */
  public static SynonymMap build(boolean bundled, String userRules) {
    if (bundled && userRules.isBlank()) {
      SynonymMap made = readBundledMap();
      if (made != null) {
        return made;
      }
    }
    return parse(bundled, userRules);
  }

  private static SynonymMap parse(boolean bundled, String userRules) {
    CaseRules parser = new CaseRules();
    try {
      if (bundled) {
        try (InputStream in = NewsSynonyms.class.getResourceAsStream(BUNDLED)) {
          if (in == null) {
            throw new IllegalStateException("the bundled synonyms " + BUNDLED + " are missing");
          }
          parse(parser, new InputStreamReader(in, StandardCharsets.UTF_8), "bundled synonyms");
        }
      }
      if (!userRules.isBlank()) {
        parse(parser, new StringReader(userRules), "synonyms");
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rules a line at a time, so that a malformed one is named by its own line. */
  private static void parse(CaseRules parser, Reader rules, String what) throws IOException {
    java.io.BufferedReader lines = new java.io.BufferedReader(rules);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      try {
        parser.parse(new StringReader(line));
      } catch (ParseException e) {
        // Solr's parser keeps the reason (the analyzer's or its own) as the cause.
        Throwable reason = e.getCause() == null ? e : e.getCause();
        throw new IllegalArgumentException(what + " line " + number + ": "
            + String.valueOf(reason.getMessage()).lines().findFirst().orElse("malformed rule"), e);
      }
    }
  }

  /** The bundled rules' text, or null when the resource is missing. */
  private static byte[] bundledRules() throws IOException {
    try (InputStream in = NewsSynonyms.class.getResourceAsStream(BUNDLED)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** What a made map must have been made from: the analysis chain's name and the rules. */
  private static String digest(byte[] rules) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(rules);
    // The map's own layout (2: its case words after the FST) is part of what it was made from.
    return NewsAnalyzer.NAME + "/2/" + rules.length + "/" + Long.toHexString(crc.getValue());
  }

  /** The bundled rules' map made at build time, or null when absent or made from other rules. */
  static SynonymMap readBundledMap() {
    try (InputStream in = NewsSynonyms.class.getResourceAsStream(BUNDLED_MAP)) {
      byte[] rules = bundledRules();
      if (in == null || rules == null) {
        return null;
      }
      DataInput data = new ByteArrayDataInput(in.readAllBytes());
      if (!data.readString().equals(digest(rules))) {
        return null;
      }
      int maxHorizontalContext = data.readVInt();
      int count = data.readVInt();
      BytesRefHash words = new BytesRefHash();
      for (int i = 0; i < count; i++) {
        byte[] word = new byte[data.readVInt()];
        data.readBytes(word, 0, word.length);
        words.add(new BytesRef(word));
      }
      FST<BytesRef> fst = new FST<>(FST.readMetadata(data, ByteSequenceOutputs.getSingleton()),
          data);
      SynonymMap map = new SynonymMap(fst, words, maxHorizontalContext);
      int cased = data.readVInt();
      CharArraySet caseWords = new CharArraySet(cased, true);
      for (int i = 0; i < cased; i++) {
        caseWords.add(data.readString());
      }
      CaseRules.remember(map, caseWords);
      return map;
    } catch (IOException | RuntimeException e) {
      return null; // parse the rules instead
    }
  }

  /** Writes the bundled rules' map, as {@link #readBundledMap} reads it, to {@code out}. */
  static void writeBundledMap(OutputStream out) throws IOException {
    byte[] rules = bundledRules();
    if (rules == null) {
      throw new IllegalStateException("the bundled synonyms " + BUNDLED + " are missing");
    }
    SynonymMap map = parse(true, "");
    DataOutput data = new OutputStreamDataOutput(out);
    data.writeString(digest(rules));
    data.writeVInt(map.maxHorizontalContext);
    data.writeVInt(map.words.size());
    BytesRef word = new BytesRef();
    for (int i = 0; i < map.words.size(); i++) {
      map.words.get(i, word); // ids count up from 0 in the order words were added
      data.writeVInt(word.length);
      data.writeBytes(word.bytes, word.offset, word.length);
    }
    map.fst.save(data, data);
    // What CaseRules.caseWords would find walking the FST, which a cold search need not do.
    CharArraySet caseWords = CaseRules.caseWords(map);
    data.writeVInt(caseWords.size());
    for (Object cased : caseWords) {
      data.writeString(new String((char[]) cased));
    }
  }

  /**
   * Build step: writes the bundled rules' map to the file {@code args[0]} (the build puts it in
   * the class output directory beside the rules).
   *
   * @param args the file to write
   * @throws IOException when it cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      writeBundledMap(out);
    }
  }

  /**
   * Checks {@code userRules} (Solr format) and returns them unchanged.
   *
   * @throws IllegalArgumentException naming the line of a malformed rule
   */
  public static String check(String userRules) {
    parse(false, userRules);
    return userRules;
  }
}
