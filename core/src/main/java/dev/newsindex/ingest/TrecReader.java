package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * the source. Labels: {@code BYLINE}, {@code AUTHOR} give authors; {@code SECTION}, {@code
 * CATEGORY} categories; {@code SUBJECT}, {@code TOPIC}, {@code TOPICS}, {@code KEYWORDS} topics;
 * {@code PLACE}, {@code PLACES}, {@code COUNTRY}, {@code LOCATION} places; {@code LANGUAGE}, {@code
 * LANG} the language; each element may repeat, and one holding {@code <D>} elements (as the
 * original Reuters-21578 SGML does) gives one value per {@code <D>}. Any other element is kept as
 * metadata under its lower-cased name. SGML character entities ({@code &lt;}, {@code &amp;}, {@code &#233;} ...) are decoded everywhere.
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
  /** The elements that give labels, mapped to the label. */
  private static final Map<String, String> LABEL_TAGS = Map.ofEntries(
      Map.entry("BYLINE", "author"), Map.entry("AUTHOR", "author"),
      Map.entry("SECTION", "category"), Map.entry("CATEGORY", "category"),
      Map.entry("SUBJECT", "topic"), Map.entry("TOPIC", "topic"), Map.entry("TOPICS", "topic"),
      Map.entry("KEYWORDS", "topic"), Map.entry("PLACE", "place"), Map.entry("PLACES", "place"),
      Map.entry("COUNTRY", "place"), Map.entry("LOCATION", "place"),
      Map.entry("LANGUAGE", "lang"), Map.entry("LANG", "lang"));
  // A tag's attributes end at the next '>' and never hold a '<': "[^<>]*" rather than "[^>]*",
  // which on a run of "<a<a<a..." without '>' scans to the end from each '<' (quadratic).
  private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?P(?:\\s[^<>]*)?>");
  private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
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
      // Where the next <DOC> and </DOC> are at or after 'at' (-1: none on this line; -2: not yet
      // looked for), so a line of many tags is searched once, not once per tag.
      int nextOpen = -2;
      int nextClose = -2;
      while (at <= text.length()) {
        if (nextOpen != -1 && nextOpen < at) {
          nextOpen = text.indexOf(OPEN, at);
        }
        if (nextClose != -1 && nextClose < at) {
          nextClose = text.indexOf(CLOSE, at);
        }
        if (doc == null) {
          int open = nextOpen;
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
        int close = nextClose;
        int reopen = nextOpen;
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
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (String[] element : elements(doc)) {
      String tag = element[0].toUpperCase(Locale.ROOT);
      String content = element[1];
      String label = LABEL_TAGS.get(tag);
      if (label != null) {
        List<String> values = labels.computeIfAbsent(label, k -> new ArrayList<>());
        List<String> ds = dValues(content);
        for (String d : ds) {
          values.add(inline(d));
        }
        if (ds.isEmpty()) {
          values.add(inline(content));
        }
        continue;
      }
      StringBuilder sb = elements.get(tag);
      if (sb == null) {
        elements.put(tag, new StringBuilder(content));
      } else if (tag.equals("TEXT")) {
        sb.append("\n\n").append(content);
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
    String lang = "";
    for (String declared : labels.getOrDefault("lang", List.of())) {
      lang = Languages.code(declared);
      if (lang.isEmpty()) {
        metadata.putIfAbsent("language", declared);
      } else {
        break;
      }
    }
    return Article.builder(id).title(title).date(date).source(source).body(body)
        .metadata(metadata)
        .authors(Labels.authors(labels.getOrDefault("author", List.of())))
        .categories(Labels.clean(labels.getOrDefault("category", List.of())))
        .topics(Labels.clean(labels.getOrDefault("topic", List.of())))
        .places(Labels.clean(labels.getOrDefault("place", List.of())))
        .lang(lang)
        .build();
  }

  /**
   * The elements of {@code doc} as the regular expression {@code <(NAME)(\s[^>]*)?>(.*?)</\1\s*>}
   * finds them, scanning left to right and going on after each element's end, but in one pass:
   * every tag is found once, and each open tag's close is looked up among the closes of its name
   * after it, so a document of many unclosed tags costs no more than one of closed ones.
   */
  static List<String[]> elements(CharSequence doc) {
    List<int[]> opens = new ArrayList<>(); // start, end (after '>'), name start, name end
    Map<String, List<int[]>> closes = new HashMap<>(); // per name: start, end
    int n = doc.length();
    int i = 0;
    while (i < n) {
      if (doc.charAt(i) != '<') {
        i++;
        continue;
      }
      boolean close = i + 1 < n && doc.charAt(i + 1) == '/';
      int nameStart = close ? i + 2 : i + 1;
      if (nameStart >= n || !isAsciiLetter(doc.charAt(nameStart))) {
        i++;
        continue;
      }
      int nameEnd = nameStart + 1;
      while (nameEnd < n && isNameChar(doc.charAt(nameEnd))) {
        nameEnd++;
      }
      if (close) {
        int j = nameEnd;
        while (j < n && Character.isWhitespace(doc.charAt(j))) {
          j++;
        }
        if (j < n && doc.charAt(j) == '>') {
          // By the name as written: the regex's back-reference is case-sensitive.
          closes.computeIfAbsent(doc.subSequence(nameStart, nameEnd).toString(),
              k -> new ArrayList<>()).add(new int[] {i, j + 1});
          i = j + 1;
        } else {
          i++;
        }
        continue;
      }
      int j = nameEnd;
      if (j < n && doc.charAt(j) == '>') {
        opens.add(new int[] {i, j + 1, nameStart, nameEnd});
        i = j + 1;
        continue;
      }
      if (j < n && Character.isWhitespace(doc.charAt(j))) {
        // Attributes: up to the next '>', but not past the next '<' (no tag holds one).
        int k = j;
        while (k < n && doc.charAt(k) != '>' && doc.charAt(k) != '<') {
          k++;
        }
        if (k < n && doc.charAt(k) == '>') {
          opens.add(new int[] {i, k + 1, nameStart, nameEnd});
          i = k + 1;
          continue;
        }
      }
      i++;
    }
    List<String[]> found = new ArrayList<>();
    Map<String, Integer> nextClose = new HashMap<>();
    int after = 0;
    for (int[] open : opens) {
      if (open[0] < after) {
        continue; // inside the element found last
      }
      String raw = doc.subSequence(open[2], open[3]).toString();
      List<int[]> candidates = closes.get(raw);
      if (candidates == null) {
        continue;
      }
      int c = nextClose.getOrDefault(raw, 0);
      while (c < candidates.size() && candidates.get(c)[0] < open[1]) {
        c++;
      }
      nextClose.put(raw, c);
      if (c == candidates.size()) {
        continue;
      }
      int[] end = candidates.get(c);
      found.add(new String[] {raw, doc.subSequence(open[1], end[0]).toString()});
      after = end[1];
    }
    return found;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }

  /** The contents of the {@code <D>} elements in {@code s}, any case, in one pass. */
  private static List<String> dValues(String s) {
    List<String> values = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = indexOfIgnoreCase(s, "<D>", from);
      if (open < 0) {
        break;
      }
      int close = indexOfIgnoreCase(s, "</D>", open + 3);
      if (close < 0) {
        break; // no close after this open, so none after any later one
      }
      values.add(s.substring(open + 3, close));
      from = close + 4;
    }
    return values;
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    for (int i = from; i + what.length() <= s.length(); i++) {
      if (s.charAt(i) == '<' && s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
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
