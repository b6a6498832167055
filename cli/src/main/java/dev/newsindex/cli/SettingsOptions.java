package dev.newsindex.cli;

import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.Stemmer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The index settings {@code index} and {@code rebuild} take: analysis, ranking and storage,
 * recorded in the index so that searches use them with no options. {@code index} creates a new
 * index with them and changes an existing one's query-time settings (synonyms, BM25); the stemmer
 * and the compression of an existing index change only with {@code rebuild}.
 */
final class SettingsOptions {
  @Option(names = "--stemmer", paramLabel = "NAME", converter = StemmerConverter.class,
      description = "The stemmer: porter (default), kstem, minimal or none. Chosen when the index"
          + " is created; to change it, rebuild the index: newsindex rebuild --stemmer NAME.")
  Stemmer stemmer;

  @Option(names = "--synonyms", paramLabel = "FILE",
      description = "Your synonym rules (Solr format: 'a, b, c' or 'a => b' per line), added to"
          + " the bundled entity aliases at query time and stored in the index.")
  Path synonyms;

  @Option(names = "--no-bundled-synonyms", negatable = true, defaultValue = "true",
      description = "Do not expand the bundled entity aliases (DPRK = North Korea, ...) in queries.")
  boolean bundledSynonyms;

  @Option(names = "--bm25", paramLabel = "K1,B", split = ",", hideParamSyntax = true,
      description = "BM25 parameters k1 and b (default: "
          + IndexSettings.DEFAULT_K1 + "," + IndexSettings.DEFAULT_B + ").")
  float[] bm25;

  @Option(names = "--compression", paramLabel = "MODE", converter = CompressionConverter.class,
      description = "How stored text is compressed: small (DEFLATE, the default) or fast (LZ4:"
          + " an index about a quarter larger, and no faster to index). Chosen when the"
          + " index is created;"
          + " to change it, rebuild the index: newsindex rebuild --compression MODE.")
  Compression compression;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Whether any setting was given. */
  boolean given() {
    return stemmer != null || synonyms != null || !bundledSynonyms || bm25 != null
        || compression != null;
  }

  /**
   * The change these options make to an index's settings. The synonyms file is read, and the
   * options checked, now: a bad one is a command-line error before any index is touched.
   */
  UnaryOperator<IndexSettings> changes() throws IOException {
    String rules = null;
    if (synonyms != null) {
      if (!Files.isRegularFile(synonyms)) {
        throw new ParameterException(mixee.commandLine(), "no such synonyms file: " + synonyms);
      }
      rules = Files.readString(synonyms, StandardCharsets.UTF_8);
      try {
        IndexSettings.DEFAULT.withSynonyms(rules);
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(synonyms + ": " + e.getMessage(), e);
      }
    }
    if (bm25 != null && bm25.length != 2) {
      throw new ParameterException(mixee.commandLine(),
          "--bm25 takes two numbers, K1,B (e.g. 1.2,0.75)");
    }
    String checkedRules = rules;
    return base -> {
      IndexSettings s = base;
      if (stemmer != null) {
        s = s.withStemmer(stemmer);
      }
      if (checkedRules != null) {
        s = s.withSynonyms(checkedRules);
      }
      if (!bundledSynonyms) {
        s = s.withBundledSynonyms(false);
      }
      if (bm25 != null) {
        s = s.withBm25(bm25[0], bm25[1]);
      }
      if (compression != null) {
        s = s.withCompression(compression);
      }
      return s;
    };
  }

  /** A stemmer name, with the valid ones on error. */
  static final class StemmerConverter implements ITypeConverter<Stemmer> {
    @Override
    public Stemmer convert(String value) {
      try {
        return Stemmer.parse(value);
      } catch (InvalidRequestException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A compression mode, with the valid ones on error. */
  static final class CompressionConverter implements ITypeConverter<Compression> {
    @Override
    public Compression convert(String value) {
      try {
        return Compression.of(value);
      } catch (InvalidRequestException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
