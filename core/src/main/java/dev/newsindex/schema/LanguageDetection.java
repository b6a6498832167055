package dev.newsindex.schema;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.newsindex.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The language of an article whose format declares none, detected from its title and the start of
 * its body with optimaize's language-detector (n-gram profiles). Chosen over lingua and Tika's
 * OpenNLP detector by {@code bench/run LanguageDetectionBench} ({@code
 * docs/benchmarks/LanguageDetectionBench.md}): as accurate on the project's headlines and bodies,
 * with a fraction of the load time, heap and time per article.
 *
 * <p>Only {@link #LANGUAGES} are loaded: every profile more costs load time and heap, and all 71
 * of them make short headlines less accurate (English headlines read as Dutch, Swedish as
 * Norwegian). A text shorter than {@link #MIN_LETTERS} letters, or a guess below {@link
 * #MIN_PROBABILITY}, is no guess: the article keeps an empty language and the English chain, as
 * before detection existed. A declared language always wins.
 *
 * <p>Most English texts never reach the profiles: {@link EnglishEvidence} settles them by their
 * function words first, at a fraction of the cost (the profiles were the largest single cost of
 * indexing news whose format declares no language).
 */
public final class LanguageDetection {
  /** The languages the detector knows: the analysed ones and the most common others of news. */
  public static final List<String> LANGUAGES = List.of("en", "ar", "de", "es", "fr", "it", "nl",
      "pl", "pt", "ru", "sv", "tr");

  /** The least probability a guess needs to be taken. */
  static final double MIN_PROBABILITY = 0.9;

  /**
   * The fewest letters a text needs for a guess. A few words are too few to route an article to
   * another language's analysis: "São Paulo: Dönitz’s memoirs sold 12,000 copies" reads as
   * Portuguese. Shorter texts keep an empty language, analysed as English, as before detection.
   */
  static final int MIN_LETTERS = 100;

  /** How much of the text is read: the title and the body's first characters are enough. */
  static final int MAX_CHARS = 1000;

  private static final String ENGLISH = "en";

  private LanguageDetection() {}

  /** Loaded on first use: an index whose formats declare every language never loads it. */
  private static final class Holder {
    static final LanguageDetector DETECTOR = load();
    static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingShortCleanText();

    private static LanguageDetector load() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readBuiltIn(
                LANGUAGES.stream().map(LdLocale::fromString).toList()))
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("the language profiles bundled with the detector", e);
      }
    }
  }

  /**
   * {@code article} with its language: as declared, else as detected, else (too short, or no
   * language likely enough) unchanged.
   */
  public static Article withLanguage(Article article) {
    if (!article.lang().isEmpty()) {
      return article;
    }
    String lang = detect(article.title(), article.body());
    return lang.isEmpty() ? article : article.withLang(lang);
  }

  /** The language of a text given as title and body, or empty when none is likely enough. */
  public static String detect(String title, String body) {
    return detect(title, body, true);
  }

  /**
   * As {@link #detect} but always by the n-gram profiles, without the function-word evidence that
   * settles most English texts first: for {@code bench/run EnglishEvidenceBench}, which compares
   * the two.
   */
  public static String detectByProfiles(String title, String body) {
    return detect(title, body, false);
  }

  private static String detect(String title, String body, boolean evidence) {
    // What is read: the title, a line break, the body, MAX_CHARS at most.
    char[] text = new char[Math.min(MAX_CHARS, title.length() + 1 + body.length())];
    int length = Math.min(title.length(), MAX_CHARS);
    title.getChars(0, length, text, 0);
    if (length < MAX_CHARS) {
      text[length++] = '\n';
      int fromBody = Math.min(body.length(), MAX_CHARS - length);
      body.getChars(0, fromBody, text, length);
      length += fromBody;
    }
    EnglishEvidence scan = EnglishEvidence.scan(text, length);
    if (scan.letters < MIN_LETTERS) {
      return "";
    }
    if (evidence && scan.isEnglish()) {
      return ENGLISH;
    }
    return byProfiles(new String(text, 0, length), scan);
  }

  private static String byProfiles(String text, EnglishEvidence letters) {
    // The profiles are of mixed-case text: a text in capitals (old wire copy, TIME's archive) reads
    // as another language's n-grams ("THE ALLIES AFTER NASSAU" as German), so it is read in lower
    // case; mixed-case text is read as written (in lower case, Reuters' tables of figures read as
    // French or Swedish).
    String read = 2 * letters.capitals > letters.letters ? text.toLowerCase(Locale.ROOT) : text;
    List<DetectedLanguage> guesses = Holder.DETECTOR.getProbabilities(Holder.TEXTS.forText(read));
    if (guesses.isEmpty() || guesses.get(0).getProbability() < MIN_PROBABILITY) {
      return "";
    }
    return guesses.get(0).getLocale().getLanguage();
  }
}
