package dev.newsindex.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML page's own description of its article, each field from the first place that has it:
 * schema.org JSON-LD of an article type ({@code NewsArticle}, {@code ReportageNewsArticle}, {@code
 * Article}, {@code BlogPosting}, {@code LiveBlogPosting} ..., also inside {@code @graph}); then
 * Open Graph and {@code article:*} meta tags and the other common meta names ({@code author},
 * {@code news_keywords}, {@code date}); then {@code <title>}, {@code <html lang>} and {@code
 * <time datetime>}.
 *
 * @param title the headline, or empty
 * @param date the publication date, or null
 * @param source the publisher or site name, or empty
 * @param url the page's canonical address, or empty
 * @param authors the authors
 * @param categories the sections
 * @param topics keywords and tags
 * @param places the places the article is about
 * @param lang the declared language as an ISO 639 code, or empty
 * @param articleBody the text JSON-LD gives as {@code articleBody}, or empty
 */
record PageMetadata(String title, LocalDate date, String source, String url, List<String> authors,
    List<String> categories, List<String> topics, List<String> places, String lang,
    String articleBody) {

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
          .maxStringLength(4 << 20).build())
      .build();
  /** The article types of schema.org, best first. */
  private static final List<String> ARTICLE_TYPES = List.of("NewsArticle",
      "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
      "BackgroundNewsArticle", "LiveBlogPosting", "Article", "BlogPosting", "Report",
      "SocialMediaPosting", "TechArticle", "ScholarlyArticle");
  /** The longest JSON-LD block read. */
  private static final int MAX_JSON_LD_CHARS = 4 << 20;
  private static final Set<String> DATE_METAS = Set.of("article:published_time",
      "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
      "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
      "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate");

  /**
   * Reads the metadata of {@code page}.
   *
   * @param page the parsed page
   * @return what the page says of its article
   */
  static PageMetadata of(Document page) {
    Map<String, Object> ld = articleLd(page);
    Map<String, List<String>> meta = metas(page);

    String title = text(ld.get("headline"));
    if (title.isEmpty()) {
      title = first(meta, "og:title", "twitter:title", "title", "dc.title");
    }
    if (title.isEmpty()) {
      title = titleElement(page, first(meta, "og:site_name", "application-name"));
    }

    LocalDate date = date(text(ld.get("datePublished")));
    if (date == null) {
      date = date(text(ld.get("dateCreated")));
    }
    for (String key : DATE_METAS) {
      if (date == null) {
        date = date(first(meta, key));
      }
    }
    if (date == null) {
      Element published = page.selectFirst("[itemprop=datePublished]");
      if (published != null) {
        date = date(published.hasAttr("content") ? published.attr("content")
            : published.hasAttr("datetime") ? published.attr("datetime") : published.text());
      }
    }
    if (date == null) {
      date = date(text(ld.get("dateModified")));
    }
    if (date == null) {
      date = date(first(meta, "article:modified_time", "og:updated_time", "last-modified"));
    }
    if (date == null) {
      Element time = page.selectFirst("article time[datetime], main time[datetime],"
          + " time[pubdate][datetime], time[datetime]");
      if (time != null) {
        date = date(time.attr("datetime"));
      }
    }

    String source = name(ld.get("publisher"));
    if (source.isEmpty()) {
      source = first(meta, "og:site_name", "application-name", "publisher", "dc.publisher");
    }

    String url = text(ld.get("url"));
    if (!isWebAddress(url)) {
      Object main = ld.get("mainEntityOfPage");
      url = main instanceof Map<?, ?> m ? text(m.get("@id")) : text(main);
    }
    if (!isWebAddress(url)) {
      Element canonical = page.selectFirst("link[rel=canonical][href]");
      url = canonical != null ? canonical.absUrl("href") : "";
      if (url.isEmpty() && canonical != null) {
        url = canonical.attr("href");
      }
    }
    if (!isWebAddress(url)) {
      url = first(meta, "og:url");
    }
    if (!isWebAddress(url)) {
      url = "";
    }

    List<String> authors = names(ld.get("author"));
    if (authors.isEmpty()) {
      for (String a : all(meta, "article:author", "author", "byl", "dc.creator",
          "sailthru.author", "parsely-author")) {
        if (!isWebAddress(a)) {
          authors.add(a);
        }
      }
    }
    List<String> categories = strings(ld.get("articleSection"));
    if (categories.isEmpty()) {
      categories = all(meta, "article:section", "section", "parsely-section");
    }
    List<String> topics = keywords(ld.get("keywords"));
    if (topics.isEmpty()) {
      topics = new ArrayList<>(all(meta, "article:tag"));
      for (String k : all(meta, "news_keywords", "parsely-tags")) {
        topics.addAll(Labels.split(k));
      }
    }
    List<String> places = names(ld.get("contentLocation"));
    if (places.isEmpty()) {
      places = names(ld.get("locationCreated"));
    }

    String lang = language(ld.get("inLanguage"));
    if (lang.isEmpty()) {
      Element html = page.selectFirst("html");
      lang = html == null ? "" : Languages.code(html.hasAttr("lang") ? html.attr("lang")
          : html.attr("xml:lang"));
    }
    if (lang.isEmpty()) {
      lang = Languages.code(first(meta, "og:locale", "content-language", "language",
          "dc.language"));
    }
    return new PageMetadata(Labels.clean(Markup.collapse(title)), date, Labels.clean(source),
        url.strip(), Labels.authors(authors), Labels.clean(categories), Labels.clean(topics),
        Labels.clean(places), lang, text(ld.get("articleBody")));
  }

  private static boolean isWebAddress(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Dates.parse(text);
    } catch (dev.newsindex.InvalidRequestException e) {
      return null; // a date in words or a broken one: the next place may have a better one
    }
  }

  /**
   * The headline from {@code <title>}: the page's {@code <h1>} when the title contains it (the
   * title adds the site's name), else the title without the site's name ({@code Headline | Site},
   * {@code Headline - Site}), else the {@code <h1>}.
   */
  private static String titleElement(Document page, String site) {
    String t = Markup.collapse(page.title());
    Element h1 = page.selectFirst("article h1, main h1, h1");
    String heading = h1 == null ? "" : Markup.collapse(h1.text());
    if (!heading.isEmpty() && (t.isEmpty() || t.contains(heading))) {
      // (the h1 is checked before the site's name: it is the headline as the page shows it)
      return heading;
    }
    if (!site.isEmpty()) {
      for (String sep : new String[] {" | ", " - ", " \u2013 ", " \u2014 ", " : ", " \u00B7 "}) {
        if (t.endsWith(sep + site)) {
          return t.substring(0, t.length() - sep.length() - site.length()).strip();
        }
        if (t.startsWith(site + sep)) {
          return t.substring(site.length() + sep.length()).strip();
        }
      }
    }
    // An unnamed site: a short part (at most four words) beside a longer one.
    for (String sep : new String[] {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "}) {
      int last = t.lastIndexOf(sep);
      if (last > 0 && words(t.substring(last + sep.length())) <= 4
          && words(t.substring(0, last)) >= 4) {
        return t.substring(0, last).strip();
      }
      int first = t.indexOf(sep);
      if (first > 0 && words(t.substring(0, first)) <= 4
          && words(t.substring(first + sep.length())) >= 4) {
        return t.substring(first + sep.length()).strip();
      }
    }
    return t.isEmpty() ? heading : t;
  }

  private static int words(String s) {
    String stripped = s.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /** The content of every {@code <meta>} by lower-cased name or property, in page order. */
  private static Map<String, List<String>> metas(Document page) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Element m : page.select("meta[content]")) {
      String key = m.hasAttr("property") ? m.attr("property")
          : m.hasAttr("name") ? m.attr("name") : m.hasAttr("itemprop") ? m.attr("itemprop")
          : m.attr("http-equiv");
      if (!key.isEmpty()) {
        out.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(m.attr("content").strip());
      }
    }
    return out;
  }

  private static String first(Map<String, List<String>> meta, String... keys) {
    for (String k : keys) {
      for (String v : meta.getOrDefault(k, List.of())) {
        if (!v.isBlank()) {
          return v;
        }
      }
    }
    return "";
  }

  private static List<String> all(Map<String, List<String>> meta, String... keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      for (String v : meta.getOrDefault(k, List.of())) {
        if (!v.isBlank()) {
          out.add(v);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  // ---- JSON-LD ----

  /** The best article object in the page's JSON-LD blocks, or an empty map. */
  private static Map<String, Object> articleLd(Document page) {
    Map<String, Object> best = Map.of();
    int bestRank = Integer.MAX_VALUE;
    for (Element script : page.select("script[type=application/ld+json]")) {
      String json = script.data();
      if (json.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      Object tree;
      try {
        tree = parse(json);
      } catch (IOException | IllegalStateException e) {
        continue; // broken JSON-LD is common; the meta tags still count
      }
      List<Map<String, Object>> objects = new ArrayList<>();
      collect(tree, objects, 0);
      for (Map<String, Object> o : objects) {
        int rank = rank(o.get("@type"));
        if (rank < bestRank) {
          best = o;
          bestRank = rank;
        }
      }
    }
    return best;
  }

  /** The objects of a JSON-LD tree that may be the article: top level, in arrays, in @graph. */
  private static void collect(Object node, List<Map<String, Object>> out, int depth) {
    if (depth > 4) {
      return;
    }
    if (node instanceof List<?> list) {
      for (Object o : list) {
        collect(o, out, depth + 1);
      }
    } else if (node instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      out.add(m);
      collect(m.get("@graph"), out, depth + 1);
      Object main = m.get("mainEntity");
      if (main instanceof Map<?, ?>) {
        collect(main, out, depth + 1);
      }
    }
  }

  private static int rank(Object type) {
    int best = Integer.MAX_VALUE;
    for (String t : strings(type)) {
      String bare = t.substring(t.lastIndexOf('/') + 1).substring(t.lastIndexOf(':') + 1);
      int i = ARTICLE_TYPES.indexOf(bare);
      if (i >= 0) {
        best = Math.min(best, i);
      }
    }
    return best;
  }

  /** A JSON value as maps, lists, strings, numbers, booleans and nulls. */
  static Object parse(String json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t = p.nextToken();
      return t == null ? null : value(p, t);
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonToken next;
        while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          m.putIfAbsent(key, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY && next != null) {
          l.add(value(p, next));
        }
        return l;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return p.getText();
      }
    }
  }

  /** A string value, or the first string of an array; empty otherwise. */
  private static String text(Object o) {
    if (o instanceof String s) {
      return s.strip();
    }
    if (o instanceof List<?> l && !l.isEmpty()) {
      return text(l.get(0));
    }
    return "";
  }

  /** Every string of a value that is a string or an array of strings. */
  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof String s) {
      out.add(s);
    } else if (o instanceof List<?> l) {
      for (Object e : l) {
        if (e instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** A thing's name: a string, or an object's {@code name}. */
  private static String name(Object o) {
    if (o instanceof Map<?, ?> m) {
      return text(m.get("name"));
    }
    if (o instanceof List<?> l && !l.isEmpty()) {
      return name(l.get(0));
    }
    return text(o);
  }

  /** The names of one thing or a list of things. */
  private static List<String> names(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        String n = name(e);
        if (!n.isEmpty()) {
          out.add(n);
        }
      }
    } else {
      String n = name(o);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code keywords}: an array, or one string of comma-separated words. */
  private static List<String> keywords(Object o) {
    if (o instanceof String s) {
      return Labels.split(s);
    }
    return strings(o);
  }

  /** {@code inLanguage}: a tag, or a {@code Language} object with a name or alternate name. */
  private static String language(Object o) {
    if (o instanceof Map<?, ?> m) {
      String code = Languages.code(text(m.get("alternateName")));
      return code.isEmpty() ? Languages.code(text(m.get("name"))) : code;
    }
    return Languages.code(text(o));
  }
}
