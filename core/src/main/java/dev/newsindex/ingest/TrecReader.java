package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TREC SGML, the layout of most public news test collections: many articles per file, each
 *
 * <pre>
 * &lt;DOC&gt;
 * &lt;DOCNO&gt; AP880212-0001 &lt;/DOCNO&gt;
 * &lt;DATE&gt;1988-02-12&lt;/DATE&gt;
 * &lt;HEADLINE&gt;Reports Say ...&lt;/HEADLINE&gt;
 * &lt;TEXT&gt;
 * First paragraph ...
 * &lt;/TEXT&gt;
 * &lt;/DOC&gt;
 * </pre>
 *
 * <p>The id is {@code DOCNO} (required). The title is the first non-empty {@code HEADLINE}, {@code
 * HL}, {@code HEAD}, {@code TITLE} or {@code TI}; without one it is derived from the body by {@link
 * Titles}. The body is every {@code TEXT} element in order; {@code <P>} tags become paragraph breaks
 * and other tags inside are dropped. {@code DATE} (or {@code DATE_TIME}) may be an ISO date or
 * date-time, {@code yyyyMMdd} or {@code yyMMdd}; an impossible ISO date ({@code 0000-00-00})
 * rejects the article like in the other formats, while a free-text date (some collections write
 * {@code January 1, 1990, Monday}) is kept as the metadata field {@code date}. {@code SOURCE} gives
 * the source; any other element is kept as metadata under its lower-cased name. SGML character
 * entities ({@code &lt;}, {@code &amp;}, {@code &#233;} ...) are decoded everywhere.
 *
 * <p>Each problem rejects one article, named by the file and the line of its {@code <DOC>}: a missing
 * {@code DOCNO}, a {@code <DOC>} that never ends, an unclosed {@code <TEXT>}, invalid UTF-8, an
 * article over {@value #MAX_DOC_CHARS} characters; reading goes on with the next {@code <DOC>}.
 */
public final class TrecReader implements ArticleReader {
  /** The largest article read, in characters; news articles are a few kilobytes. */
  static final int MAX_DOC_CHARS = 16 << 20;

  private static final String OPEN = "<DOC>";
  private static final String CLOSE = "</DOC>";
  private static final List<String> TITLE_TAGS = List.of("HEADLINE", "HL", "HEAD", "TITLE", "TI");
  private static final List<String> DATE_TAGS = List.of("DATE", "DATE_TIME");
  private static final Set<String> KNOWN = Set.of("DOCNO", "HEADLINE", "HL", "HEAD", "TITLE", "TI",
      "TEXT", "DATE", "DATE_TIME", "SOURCE");

  private static final Pattern ELEMENT =
      Pattern.compile("<([A-Za-z][\\w.-]*)(?:\\s[^>]*)?>(.*?)</\\1\\s*>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?P(?:\\s[^>]*)?>");
  private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ].*)?");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{2}|\\d{4})(\\d{2})(\\d{2})");
  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"),
      Map.entry("pound", "\u00A3"), Map.entry("euro", "\u20AC"), Map.entry("yen", "\u00A5"),
      Map.entry("cent", "\u00A2"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
      Map.entry("deg", "\u00B0"), Map.entry("frac12", "\u00BD"), Map.entry("frac14", "\u00BC"),
      Map.entry("frac34", "\u00BE"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
      Map.entry("aacute", "\u00E1"), Map.entry("agrave", "\u00E0"), Map.entry("ouml", "\u00F6"),
      Map.entry("uuml", "\u00FC"), Map.entry("auml", "\u00E4"), Map.entry("ccedil", "\u00E7"),
      Map.entry("ntilde", "\u00F1"), Map.entry("szlig", "\u00DF"), Map.entry("blank", " "),
      Map.entry("hyph", "-"), Map.entry("para", "\u00B6"), Map.entry("sect", "\u00A7"));

  /** A reader; it keeps no state, so one instance may be shared. */
  public TrecReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Lines lines = new Lines(in);
    StringBuilder doc = null;
    long docLine = 0;
    String problem = null;
    long strayLine = 0;
    while (lines.next()) {
      long n = lines.lineNumber();
      String text;
      if (lines.tooLong()) {
        text = null;
        if (doc != null && problem == null) {
          problem = lines.tooLongReason().replace("; skipped", "") + " (line " + n + ")";
        } else if (doc == null) {
          handler.rejected(new Origin(name, n), lines.tooLongReason());
        }
        continue;
      }
      try {
        text = Text.decodeUtf8(lines.bytes(), 0, lines.length());
      } catch (Text.NotUtf8Exception e) {
        if (doc != null) {
          problem = problem != null ? problem : e.getMessage() + " at line " + n;
        } else {
          handler.rejected(new Origin(name, n), e.getMessage());
        }
        continue;
      }
      int at = 0;
      while (at <= text.length()) {
        if (doc == null) {
          int open = text.indexOf(OPEN, at);
          String outside = open < 0 ? text.substring(at) : text.substring(at, open);
          if (!outside.isBlank() && !outside.strip().equals("\uFEFF") && strayLine != n) {
            strayLine = n;
            handler.rejected(new Origin(name, n), "text outside <DOC>...</DOC>: "
                + abbreviate(outside.strip()));
          }
          if (open < 0) {
            break;
          }
          doc = new StringBuilder();
          docLine = n;
          problem = null;
          at = open + OPEN.length();
          continue;
        }
        int close = text.indexOf(CLOSE, at);
        int reopen = text.indexOf(OPEN, at);
        if (reopen >= 0 && (close < 0 || reopen < close)) {
          handler.rejected(new Origin(name, docLine), "<DOC> without </DOC> (the next <DOC> starts"
              + " at line " + n + ")");
          doc = null;
          at = reopen;
          continue;
        }
        String part = close < 0 ? text.substring(at) : text.substring(at, close);
        if (doc.length() + part.length() > MAX_DOC_CHARS) {
          problem = problem != null ? problem : "article longer than " + MAX_DOC_CHARS
              + " characters";
        } else if (problem == null) {
          doc.append(part);
          if (close < 0) {
            doc.append('\n');
          }
        }
        if (close < 0) {
          break;
        }
        finish(name, docLine, doc, problem, handler);
        doc = null;
        at = close + CLOSE.length();
      }
    }
    if (doc != null) {
      handler.rejected(new Origin(name, docLine), "<DOC> without </DOC> at the end of the file");
    }
  }

  private static void finish(String name, long line, CharSequence doc, String problem,
      ArticleHandler handler) throws IOException {
    Origin origin = new Origin(name, line);
    if (problem != null) {
      handler.rejected(origin, problem);
      return;
    }
    Article article;
    try {
      article = parse(doc.toString());
    } catch (RejectedRecordException e) {
      handler.rejected(origin, e.getMessage());
      return;
    }
    handler.article(article, origin);
  }

  /**
   * Parses the inside of one {@code <DOC>} element.
   *
   * @param doc the text between {@code <DOC>} and {@code </DOC>}, tags and entities as in the file
   * @return the article: its id from {@code DOCNO}, its title from the first non-empty headline
   *     element (else derived from the body), its date when {@code DATE} parses (else null), and
   *     the other elements as metadata
   * @throws RejectedRecordException with a one-line reason when it is no usable article
   */
  public static Article parse(String doc) {
    Map<String, StringBuilder> elements = new LinkedHashMap<>();
    Matcher m = ELEMENT.matcher(doc);
    while (m.find()) {
      String tag = m.group(1).toUpperCase(Locale.ROOT);
      StringBuilder sb = elements.get(tag);
      if (sb == null) {
        elements.put(tag, new StringBuilder(m.group(2)));
      } else if (tag.equals("TEXT")) {
        sb.append("\n\n").append(m.group(2));
      }
    }
    String id = elements.containsKey("DOCNO") ? inline(elements.get("DOCNO")) : "";
    if (id.isEmpty()) {
      throw new RejectedRecordException("no <DOCNO> in the <DOC>");
    }
    if (!elements.containsKey("TEXT") && Pattern.compile("(?i)<TEXT[\\s>]").matcher(doc).find()) {
      throw new RejectedRecordException("<TEXT> without </TEXT> in " + id);
    }
    String title = "";
    for (String tag : TITLE_TAGS) {
      if (elements.containsKey(tag)) {
        title = inline(elements.get(tag));
        if (!title.isEmpty()) {
          break;
        }
      }
    }
    String body = elements.containsKey("TEXT") ? block(elements.get("TEXT")) : "";
    if (title.isEmpty() && body.isEmpty()) {
      throw new RejectedRecordException("empty article " + id + ": no headline and no text");
    }
    if (title.isEmpty()) {
      title = Titles.derive(body);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    LocalDate date = null;
    for (String tag : DATE_TAGS) {
      if (elements.containsKey(tag)) {
        String text = inline(elements.get(tag));
        if (!text.isEmpty()) {
          date = date(text);
          if (date == null) {
            metadata.put("date", text);
          }
          break;
        }
      }
    }
    String source = elements.containsKey("SOURCE") ? inline(elements.get("SOURCE")) : "";
    for (Map.Entry<String, StringBuilder> e : elements.entrySet()) {
      if (!KNOWN.contains(e.getKey())) {
        String value = inline(e.getValue());
        if (!value.isEmpty()) {
          metadata.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), value);
        }
      }
    }
    return new Article(id, title, date, source, "", body, metadata);
  }

  /** A date in one of the forms above; null for free text; throws for an impossible date. */
  private static LocalDate date(String text) {
    if (ISO_DATE.matcher(text).matches()) {
      return Dates.parseInRecord(text.replace(' ', 'T'));
    }
    Matcher compact = COMPACT_DATE.matcher(text);
    if (compact.matches()) {
      String year = compact.group(1);
      if (year.length() == 2) {
        year = (Integer.parseInt(year) >= 30 ? "19" : "20") + year;
      }
      return Dates.parseInRecord(year + "-" + compact.group(2) + "-" + compact.group(3));
    }
    return null;
  }

  /** Element text on one line: tags dropped, entities decoded, white space collapsed. */
  private static String inline(CharSequence raw) {
    String s = ANY_TAG.matcher(raw).replaceAll(" ");
    return decodeEntities(s).replaceAll("\\s+", " ").strip();
  }

  /** Element text as paragraphs: {@code <P>} breaks paragraphs, other tags dropped. */
  private static String block(CharSequence raw) {
    String s = PARAGRAPH_TAG.matcher(raw).replaceAll("\n\n");
    s = ANY_TAG.matcher(s).replaceAll("");
    return MenafnTextReader.paragraphs(decodeEntities(s));
  }

  /** Decodes SGML/HTML character entities; unknown names are left as they are. */
  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String replacement;
      if (e.charAt(0) == '#') {
        int cp = e.charAt(1) == 'x' || e.charAt(1) == 'X'
            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
        replacement = Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp)
            : m.group();
      } else {
        String lower = e.toLowerCase(Locale.ROOT);
        replacement = ENTITIES.containsKey(e) ? ENTITIES.get(e)
            : ENTITIES.containsKey(lower) ? ENTITIES.get(lower).toUpperCase(Locale.ROOT)
            : m.group(); // &Eacute; is the capital of &eacute;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
  }
}
