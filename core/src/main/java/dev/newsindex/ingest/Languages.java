package dev.newsindex.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the ways formats declare a language ({@code en-US}, {@code fr_FR}, {@code ara}, {@code
 * English}, {@code Français}: English names of every language, own names of the common ones) into
 * the one form {@link dev.newsindex.Article#lang()} holds: the lower-case ISO 639-1 code where
 * there is one ({@code en}, {@code fr}, {@code ar}), else the ISO 639-2 code. Region and script are dropped: an article in {@code en-GB} is in {@code en}.
 * Detection from the text is not done here; an empty result means "not declared".
 */
public final class Languages {
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");
  private static final Map<String, String> CODES = codes();

  private Languages() {}

  private static Map<String, String> codes() {
    Map<String, String> m = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      Locale l = Locale.of(two);
      m.put(two, two);
      try {
        m.putIfAbsent(l.getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code: the two-letter one is enough
      }
      // The English name: "French". (Each language's own name would load every locale's data,
      // seconds at start-up; the common ones are listed below instead.)
      m.putIfAbsent(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), two);
    }
    String[][] own = {{"français", "fr"}, {"francais", "fr"}, {"deutsch", "de"},
        {"español", "es"}, {"espanol", "es"}, {"castellano", "es"}, {"italiano", "it"},
        {"português", "pt"}, {"portugues", "pt"}, {"nederlands", "nl"}, {"polski", "pl"},
        {"türkçe", "tr"}, {"русский", "ru"}, {"українська", "uk"}, {"العربية", "ar"},
        {"عربي", "ar"}, {"فارسی", "fa"}, {"עברית", "he"}, {"中文", "zh"}, {"日本語", "ja"},
        {"한국어", "ko"}, {"ελληνικά", "el"}, {"svenska", "sv"}, {"dansk", "da"}, {"norsk", "no"},
        {"suomi", "fi"}, {"čeština", "cs"}, {"magyar", "hu"}, {"română", "ro"}, {"हिन्दी", "hi"},
        {"اردو", "ur"}, {"bahasa indonesia", "id"}, {"kiswahili", "sw"}};
    for (String[] o : own) {
      m.putIfAbsent(o[0], o[1]);
    }
    // ISO 639-2/B bibliographic codes that differ from the terminology codes Java knows.
    String[][] bibliographic = {{"fre", "fr"}, {"ger", "de"}, {"dut", "nl"}, {"chi", "zh"},
        {"cze", "cs"}, {"gre", "el"}, {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"arm", "hy"},
        {"baq", "eu"}, {"bur", "my"}, {"geo", "ka"}, {"ice", "is"}, {"mac", "mk"}, {"may", "ms"},
        {"alb", "sq"}, {"wel", "cy"}, {"tib", "bo"}, {"mao", "mi"}};
    for (String[] b : bibliographic) {
      m.putIfAbsent(b[0], b[1]);
    }
    // Codes Java renamed: Hebrew, Indonesian, Yiddish.
    m.put("iw", "he");
    m.put("in", "id");
    m.put("ji", "yi");
    return Map.copyOf(m);
  }

  /**
   * The language {@code declared} names, as a lower-case ISO 639 code.
   *
   * @param declared a language tag ({@code en-US}, {@code pt_BR}, {@code ara}) or a language's
   *     name in English or in itself; may be null
   * @return the code ({@code en}, {@code pt}, {@code ar}), or empty when {@code declared} is empty
   *     or names no known language
   */
  public static String code(String declared) {
    if (declared == null) {
      return "";
    }
    String s = declared.strip();
    if (s.isEmpty() || s.length() > 40) {
      return "";
    }
    String lower = s.toLowerCase(Locale.ROOT);
    String named = CODES.get(lower);
    if (named != null) {
      return named;
    }
    if (TAG.matcher(s).matches()) {
      String primary = lower.split("[-_]", 2)[0];
      return CODES.getOrDefault(primary, "");
    }
    return "";
  }
}
