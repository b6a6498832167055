package dev.newsindex.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Folds British spellings to American ones ({@code organisation} → {@code organization}, {@code
 * labour} → {@code labor}, {@code defence} → {@code defense}, {@code programme} → {@code program},
 * {@code centre} → {@code center}), so that a story and a query meet whichever spelling each
 * uses. The pairs are whole words, listed in {@value #LIST} (about 1,650, made from the SCOWL word
 * lists: see the list's header); a word not listed is left as it is, so no pattern ever turns one
 * real word into another ({@code tour} is not {@code tor}). Expects lower-cased, folded terms;
 * keywords (acronyms) are left alone.
 */
final class SpellingVariantFilter extends TokenFilter {
  /** The class-path resource holding the pairs. */
  static final String LIST = "spelling-variants.txt";

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  SpellingVariantFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword()) {
      char[] american = Pairs.MAP.get(termAtt.buffer(), 0, termAtt.length());
      if (american != null) {
        termAtt.copyBuffer(american, 0, american.length);
      }
    }
    return true;
  }

  /** The pairs, read on first use. */
  private static final class Pairs {
    static final CharArrayMap<char[]> MAP = read();

    private static CharArrayMap<char[]> read() {
      CharArrayMap<char[]> map = new CharArrayMap<>(2048, false);
      try (InputStream in = SpellingVariantFilter.class.getResourceAsStream(LIST)) {
        if (in == null) {
          throw new IllegalStateException("the spelling variants " + LIST + " are missing");
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] pair = line.strip().split("\\s+");
          map.put(pair[0], pair[1].toCharArray());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return CharArrayMap.unmodifiableMap(map);
    }
  }
}
