package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.FilterInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.MissingResourceException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * Reads RSS 2.0 (and the RSS 0.9x and 1.0 it grew from) and Atom feeds with the JDK's streaming XML
 * parser (StAX): one article per {@code <item>} or {@code <entry>}, in a single pass, whatever the
 * size of the feed.
 *
 * <table>
 *   <caption>How each field is read</caption>
 *   <tr><th>field</th><th>RSS</th><th>Atom</th></tr>
 *   <tr><td>id</td><td>{@code guid}</td><td>{@code id}</td></tr>
 *   <tr><td>url</td><td>{@code link}</td><td>{@code link rel="alternate"} (or without
 *       {@code rel})</td></tr>
 *   <tr><td>title</td><td>{@code title}</td><td>{@code title}</td></tr>
 *   <tr><td>date</td><td>{@code pubDate}, else {@code dc:date}</td><td>{@code published}, else
 *       {@code updated}</td></tr>
 *   <tr><td>body</td><td>{@code content:encoded}, else {@code description}</td><td>{@code
 *       content}, else {@code summary}</td></tr>
 *   <tr><td>source</td><td>the item's {@code source}, else the channel's {@code title}</td><td>the
 *       entry's {@code source/title}, else the feed's {@code title}</td></tr>
 *   <tr><td>author</td><td>{@code author}, {@code dc:creator}</td><td>{@code author/name}, {@code
 *       dc:creator}</td></tr>
 *   <tr><td>category</td><td>{@code category}</td><td>{@code category} ({@code label}, else
 *       {@code term})</td></tr>
 *   <tr><td>topic</td><td colspan="2">{@code dc:subject}, {@code media:keywords}</td></tr>
 *   <tr><td>place</td><td colspan="2">{@code dc:coverage}</td></tr>
 *   <tr><td>lang</td><td>{@code xml:lang} of the item, its {@code dc:language}, the channel's
 *       {@code language}, {@code dc:language} or {@code xml:lang}</td><td>{@code xml:lang} of the
 *       entry or the feed</td></tr>
 * </table>
 *
 * <p>Without an id the article's id is made from its address ({@link Ids#ofUrl}), without either
 * from its title and date. Markup in titles and bodies (escaped HTML, CDATA sections, Atom's {@code
 * type="html"} and {@code type="xhtml"}) is turned into text by {@link Markup}. A date that cannot
 * be read leaves the article undated and is kept as the metadata field {@code date}.
 *
 * <p>Hostile feeds: DTDs are never read and entities they declare are never expanded, so neither
 * external entities (XXE) nor entity expansion ("billion laughs") can reach anything; a feed whose
 * DOCTYPE declares entities is rejected as a whole, with that reason. HTML's named entities
 * ({@code &eacute;}) are decoded without a DTD. Every element's text is bounded by {@value
 * #MAX_ELEMENT_CHARS} characters (a longer one rejects its item), a tag, comment or CDATA section
 * without a {@code >} by {@value #MAX_MARKUP_BYTES} bytes, and what comes before the root element
 * by {@value #MAX_PROLOG_BYTES} bytes, so memory stays bounded whatever the input. Malformed XML
 * rejects the rest of the file, naming the line and column; the articles before it are kept.
 */
public final class FeedReader implements ArticleReader {
  /** The most characters of text kept for one element: far above any article. */
  static final int MAX_ELEMENT_CHARS = 4 << 20;
  /** The most bytes between a {@code <} and the next {@code >}: tags, comments, CDATA. */
  static final int MAX_MARKUP_BYTES = 4 << 20;
  /** The most bytes before the root element (prolog and DOCTYPE). */
  static final int MAX_PROLOG_BYTES = 1 << 20;

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String RSS1 = "http://purl.org/rss/1.0/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String DCTERMS = "http://purl.org/dc/terms/";
  private static final String MEDIA = "http://search.yahoo.com/mrss/";

  /** The parser factory, made when a feed is first read (not when {@link Format} is loaded). */
  private static final class Xml {
    static final XMLInputFactory FACTORY = factory();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Entity references come as events: HTML's names are decoded here, anything else is dropped.
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external resources are not read: " + systemId);
    });
    return f;
  }

  /** A reader; it keeps no state, so one instance may be shared. */
  public FeedReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Guard guard = new Guard(in);
    Run run = new Run(name, handler);
    XMLStreamReader r = null;
    try {
      r = Xml.FACTORY.createXMLStreamReader(guard);
      run.read(r, guard);
    } catch (XMLStreamException e) {
      IOException io = inputFailure(e);
      // Bytes invalid in the declared encoding are the content's fault, as a syntax error is.
      boolean encoding = io instanceof CharConversionException;
      if (io != null && !(io instanceof Guard.TooLarge) && !encoding) {
        throw io; // the input itself failed (e.g. a truncated .gz): the caller reports it
      }
      Location at = e.getLocation();
      String where = at == null || at.getLineNumber() < 0 ? ""
          : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
      String why = encoding ? "bad character encoding" + where + ": " + firstLine(io.getMessage())
          : io != null ? io.getMessage() : "malformed XML" + where + ": "
          + firstLine(e.getMessage());
      rejectRest(name, at == null ? 0 : Math.max(0, at.getLineNumber()), why, run, handler);
    } catch (CharConversionException e) {
      rejectRest(name, 0, "bad character encoding: " + firstLine(e.getMessage()), run, handler);
    } catch (MissingResourceException e) {
      // The JDK's parser, describing some DTD errors, looks for a message it does not have.
      rejectRest(name, 0, "malformed XML (in its DTD)", run, handler);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // closing never fails for a stream we close ourselves
        }
      }
    }
  }

  private static void rejectRest(String name, long line, String why, Run run,
      ArticleHandler handler) {
    handler.rejected(new Origin(name, line), why + (run.articles > 0
        ? "; the rest of the file is skipped, the " + run.articles
        + " articles read before it are kept" : "; skipped"));
  }

  /** The I/O failure under a parse failure, if that is what it was. */
  private static IOException inputFailure(XMLStreamException e) {
    Throwable t = e;
    for (int i = 0; t != null && i < 8; i++) {
      if (t instanceof IOException io) {
        return io;
      }
      Throwable next = t instanceof XMLStreamException x && x.getNestedException() != null
          ? x.getNestedException() : t.getCause();
      t = next == t ? null : next;
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    String m = message;
    int at = m.indexOf("Message: ");
    if (at >= 0) {
      m = m.substring(at + "Message: ".length());
    }
    return m.lines().findFirst().orElse("syntax error").strip();
  }

  /** One pass over one feed. */
  private static final class Run {
    private final String name;
    private final ArticleHandler handler;
    long articles;
    private String feedTitle = "";
    private String feedLang = "";

    Run(String name, ArticleHandler handler) {
      this.name = name;
      this.handler = handler;
    }

    void read(XMLStreamReader r, Guard guard) throws XMLStreamException, IOException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          String dtd = r.getText();
          if (dtd != null && dtd.contains("<!ENTITY")) {
            handler.rejected(Origin.of(name), "the feed's DOCTYPE declares entities, which are"
                + " never expanded (no external entities, no entity expansion); skipped");
            return;
          }
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          guard.rootSeen = true;
          String root = r.getLocalName();
          if (!root.equals("rss") && !root.equals("RDF") && !root.equals("feed")
              && !root.equals("channel")) {
            handler.rejected(Origin.of(name), "not an RSS or Atom feed: the root element is <"
                + r.getName().toString().replaceFirst("^\\{.*}", "") + ">; skipped");
            return;
          }
          feedLang = Languages.code(xmlLang(r));
          body(r, 1);
          return;
        }
      }
      handler.rejected(Origin.of(name), "no root element; skipped");
    }

    /** Reads the children of a feed-level element (root, channel) up to its end. */
    private void body(XMLStreamReader r, int depth) throws XMLStreamException, IOException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          return;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = r.getLocalName();
        String ns = namespace(r);
        if (local.equals("item") && !ns.equals(ATOM) || local.equals("entry") && ns.equals(ATOM)
            || local.equals("entry") && ns.isEmpty()) {
          item(r);
        } else if (local.equals("channel") && depth == 1) {
          String lang = Languages.code(xmlLang(r));
          if (!lang.isEmpty()) {
            feedLang = lang;
          }
          body(r, 2);
        } else if (local.equals("title") && (ns.isEmpty() || ns.equals(ATOM) || ns.equals(RSS1))
            && feedTitle.isEmpty()) {
          feedTitle = Labels.clean(Markup.collapse(text(r, Mode.HTML).text));
          if (feedTitle.indexOf('<') >= 0 || feedTitle.indexOf('&') >= 0) {
            feedTitle = Labels.clean(Markup.fragmentText(feedTitle));
          }
        } else if (local.equals("language") && (ns.isEmpty() || ns.equals(DC))) {
          String lang = Languages.code(text(r, Mode.PLAIN).text);
          if (!lang.isEmpty()) {
            feedLang = lang;
          }
        } else {
          skip(r);
        }
      }
    }

    private void item(XMLStreamReader r) throws XMLStreamException, IOException {
      Location start = r.getLocation();
      Origin origin = new Origin(name, Math.max(0, start.getLineNumber()));
      Item item = new Item();
      item.lang = Languages.code(xmlLang(r));
      String about = r.getAttributeValue("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        field(r, item);
      }
      if (item.link.isEmpty() && about != null) {
        item.link = about.strip();
      }
      Article article;
      try {
        article = item.toArticle(feedTitle, feedLang);
      } catch (RejectedRecordException e) {
        handler.rejected(origin, e.getMessage());
        return;
      }
      articles++;
      handler.article(article, origin);
    }

    /** Reads one child of an item or entry into {@code item}. */
    private static void field(XMLStreamReader r, Item item) throws XMLStreamException {
      String local = r.getLocalName();
      String ns = namespace(r);
      boolean plain = ns.isEmpty() || ns.equals(RSS1);
      boolean atom = ns.equals(ATOM);
      if (plain || atom) {
        switch (local) {
          case "title" -> item.title = item.keep(text(r, atom ? typed(r) : Mode.HTML), "title");
          case "link" -> {
            if (atom) {
              String rel = r.getAttributeValue(null, "rel");
              String href = r.getAttributeValue(null, "href");
              if (href != null && (rel == null || rel.equals("alternate"))
                  && item.link.isEmpty()) {
                item.link = href.strip();
              }
              skip(r);
            } else {
              String link = item.keep(text(r, Mode.PLAIN), "link").strip();
              if (item.link.isEmpty()) {
                item.link = link;
              }
            }
          }
          case "guid", "id" -> item.id = item.keep(text(r, Mode.PLAIN), local).strip();
          case "pubDate", "published" -> item.published = item.keep(text(r, Mode.PLAIN), local);
          case "updated" -> item.updated = item.keep(text(r, Mode.PLAIN), local);
          case "description", "summary" -> item.summary =
              item.keep(text(r, atom ? typed(r) : Mode.HTML), local);
          case "content" -> {
            if (r.getAttributeValue(null, "src") != null) {
              skip(r); // content elsewhere: not in the feed
            } else {
              item.content = item.keep(text(r, typed(r)), local);
            }
          }
          case "author" -> {
            if (atom) {
              item.authors.add(childText(r, item, "name", "author"));
            } else {
              item.authors.add(item.keep(text(r, Mode.PLAIN), local));
            }
          }
          case "category" -> {
            if (atom) {
              String label = r.getAttributeValue(null, "label");
              String term = r.getAttributeValue(null, "term");
              item.categories.add(label != null && !label.isBlank() ? label
                  : term == null ? "" : term);
              skip(r);
            } else {
              item.categories.add(item.keep(text(r, Mode.PLAIN), local));
            }
          }
          case "source" -> item.source = atom ? childText(r, item, "title", "source")
              : Markup.collapse(item.keep(text(r, Mode.PLAIN), local));
          default -> skip(r);
        }
      } else if (ns.equals(CONTENT) && local.equals("encoded")) {
        item.content = item.keep(text(r, Mode.HTML), "content:encoded");
      } else if (ns.equals(DC) || ns.equals(DCTERMS)) {
        switch (local) {
          case "creator" -> item.authors.add(item.keep(text(r, Mode.PLAIN), "dc:creator"));
          case "date", "issued", "created" -> item.dcDate = item.dcDate.isEmpty()
              ? item.keep(text(r, Mode.PLAIN), "dc:" + local) : skipText(r);
          case "subject" -> item.topics.add(item.keep(text(r, Mode.PLAIN), "dc:subject"));
          case "coverage" -> item.places.add(item.keep(text(r, Mode.PLAIN), "dc:coverage"));
          case "language" -> item.declaredLang = item.keep(text(r, Mode.PLAIN), "dc:language");
          default -> skip(r);
        }
      } else if (ns.equals(MEDIA) && local.equals("keywords")) {
        item.topics.addAll(Labels.split(item.keep(text(r, Mode.PLAIN), "media:keywords")));
      } else {
        skip(r);
      }
    }

    /**
     * The text of the first child named {@code child} of the current element ({@code name} of an
     * Atom person, {@code title} of an Atom {@code source}), reading to the element's end.
     */
    private static String childText(XMLStreamReader r, Item item, String child, String field)
        throws XMLStreamException {
      String found = "";
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          return found;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (r.getLocalName().equals(child) && found.isEmpty()) {
            found = Markup.collapse(item.keep(text(r, Mode.PLAIN), field));
          } else {
            skip(r);
          }
        }
      }
      return found;
    }
  }

  /** How an element's content is to be read. */
  private enum Mode {
    /** Text: markup in it is literal. */
    PLAIN,
    /** HTML, escaped or in CDATA (RSS, Atom {@code type="html"}). */
    HTML,
    /** XHTML as child elements (Atom {@code type="xhtml"}). */
    XHTML
  }

  /** An element's text, and whether it was cut at the bound. */
  private record Content(String text, Mode mode, boolean tooLong) {}

  /** Atom's {@code type} attribute: {@code text} (the default), {@code html} or {@code xhtml}. */
  private static Mode typed(XMLStreamReader r) {
    String type = r.getAttributeValue(null, "type");
    if (type == null) {
      return Mode.PLAIN;
    }
    type = type.strip().toLowerCase(Locale.ROOT);
    return type.equals("html") || type.equals("text/html") ? Mode.HTML
        : type.equals("xhtml") || type.endsWith("xhtml+xml") ? Mode.XHTML : Mode.PLAIN;
  }

  /**
   * Reads the current element's content to its end tag: character data, HTML named entities, and
   * (serialised as tags) any child elements; at most {@value #MAX_ELEMENT_CHARS} characters.
   */
  private static Content text(XMLStreamReader r, Mode mode) throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    boolean tooLong = false;
    int depth = 0;
    while (r.hasNext()) {
      int event = r.next();
      String piece = null;
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE -> piece = mode == Mode.XHTML ? escape(r.getText())
                : r.getText();
        case XMLStreamConstants.ENTITY_REFERENCE -> {
          String decoded = Entities.getByName(r.getLocalName());
          piece = mode == Mode.XHTML ? escape(decoded) : decoded;
        }
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          piece = mode == Mode.PLAIN ? "" : "<" + r.getLocalName() + ">";
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 0) {
            return new Content(tooLong ? "" : b.toString(), mode, tooLong);
          }
          depth--;
          piece = mode == Mode.PLAIN ? "" : "</" + r.getLocalName() + ">";
        }
        default -> piece = null;
      }
      if (piece != null && !tooLong) {
        if (b.length() + piece.length() > MAX_ELEMENT_CHARS) {
          tooLong = true;
          b = new StringBuilder();
        } else {
          b.append(piece);
        }
      }
    }
    return new Content(tooLong ? "" : b.toString(), mode, tooLong);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String skipText(XMLStreamReader r) throws XMLStreamException {
    skip(r);
    return "";
  }

  /** Skips the current element and everything in it. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
        return;
      }
    }
  }

  private static String namespace(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  private static String xmlLang(XMLStreamReader r) {
    return r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
  }

  /** What one item or entry holds, as read. */
  private static final class Item {
    String id = "";
    String link = "";
    String title = "";
    String published = "";
    String updated = "";
    String dcDate = "";
    String summary = "";
    String content = "";
    String source = "";
    String lang = "";
    String declaredLang = "";
    Mode titleMode = Mode.PLAIN;
    Mode contentMode = Mode.PLAIN;
    Mode summaryMode = Mode.PLAIN;
    String tooLong;
    final List<String> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final List<String> places = new ArrayList<>();

    /** The text of {@code t}, noting an element over the bound; remembers its mode. */
    String keep(Content t, String element) {
      if (t.tooLong() && tooLong == null) {
        tooLong = element;
      }
      switch (element) {
        case "title" -> titleMode = t.mode();
        case "content", "content:encoded" -> contentMode = t.mode();
        case "description", "summary" -> summaryMode = t.mode();
        default -> { }
      }
      return t.text();
    }

    Article toArticle(String feedTitle, String feedLang) {
      if (tooLong != null) {
        throw new RejectedRecordException("<" + tooLong + "> longer than " + MAX_ELEMENT_CHARS
            + " characters; item skipped");
      }
      String headline = titleMode == Mode.PLAIN ? Markup.collapse(title)
          : Markup.collapse(Markup.fragmentText(title));
      String body = !content.isBlank() ? toText(content, contentMode)
          : toText(summary, summaryMode);
      String articleId = Markup.collapse(id);
      String url = link.strip();
      String dateText = !published.isBlank() ? published
          : !dcDate.isBlank() ? dcDate : updated;
      LocalDate date = null;
      java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
      if (!dateText.isBlank()) {
        try {
          date = Dates.parse(dateText);
        } catch (dev.newsindex.InvalidRequestException e) {
          metadata.put("date", Markup.collapse(dateText));
        }
      }
      if (headline.isEmpty()) {
        headline = Titles.derive(body);
      }
      if (articleId.isEmpty()) {
        if (!url.isEmpty()) {
          articleId = Ids.ofUrl(url);
        } else if (!headline.isEmpty()) {
          articleId = Ids.ofText(headline + "\n" + Markup.collapse(dateText));
        } else {
          throw new RejectedRecordException("item with no guid, id, link, title or text; skipped");
        }
      }
      if (headline.isEmpty() && body.isEmpty()) {
        throw new RejectedRecordException("empty item " + articleId + ": no title and no text");
      }
      String language = !lang.isEmpty() ? lang : Languages.code(declaredLang);
      return Article.builder(articleId).title(headline).date(date)
          .source(Labels.clean(!source.isBlank() ? source : feedTitle)).url(url).body(body)
          .metadata(metadata)
          .authors(Labels.authors(authors)).categories(Labels.clean(categories))
          .topics(Labels.clean(topics)).places(Labels.clean(places))
          .lang(language.isEmpty() ? feedLang : language)
          .build();
    }

    private static String toText(String s, Mode mode) {
      return mode == Mode.PLAIN ? MenafnTextReader.paragraphs(s) : Markup.fragmentText(s);
    }
  }

  /**
   * Bounds what the parser may hold at once: the bytes between a {@code <} and the next {@code >}
   * (an attribute value or comment is kept whole by the parser, text is not), and the bytes before
   * the root element.
   */
  static final class Guard extends FilterInputStream {
    /** Input beyond a bound: the feed is hostile or broken. */
    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;

      TooLarge(String message) {
        super(message);
      }
    }

    volatile boolean rootSeen;
    /** Where the scan is: text, a tag, a CDATA section or a comment. */
    private int state = TEXT;
    /** How much of {@code <![CDATA[} or {@code <!--} a tag has begun with, or -1. */
    private int opening;
    /** Trailing {@code ]} or {@code -} seen in a CDATA section or comment. */
    private int closing;
    private long markup;
    private long prolog;

    private static final int TEXT = 0;
    private static final int TAG = 1;
    private static final int CDATA = 2;
    private static final int COMMENT = 3;
    private static final byte[] CDATA_OPEN = "![CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMENT_OPEN = "!--".getBytes(StandardCharsets.US_ASCII);

    Guard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        check((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = 0; i < n; i++) {
        check(buf[off + i]);
      }
      return n;
    }

    /**
     * The next step in matching {@code <![CDATA[} or {@code <!--} at the start of a tag, entering
     * that state when one is complete; -1 once neither can match.
     */
    private int opens(byte b) {
      boolean cdata = opening < CDATA_OPEN.length && b == CDATA_OPEN[opening];
      boolean comment = opening < COMMENT_OPEN.length && b == COMMENT_OPEN[opening];
      if (!cdata && !comment) {
        return -1;
      }
      int next = opening + 1;
      if (cdata && next == CDATA_OPEN.length) {
        state = CDATA;
        closing = 0;
        return -1;
      }
      if (!cdata && next == COMMENT_OPEN.length) {
        state = COMMENT;
        closing = 0;
        return -1;
      }
      return next;
    }

    /**
     * Follows the markup byte by byte: a tag ends at {@code >}, a CDATA section at {@code ]]>}, a
     * comment at {@code -->} (the parser keeps each whole, so each is bounded); text between is
     * not counted (the parser hands it on in pieces).
     */
    private void check(byte b) throws TooLarge {
      if (!rootSeen && ++prolog > MAX_PROLOG_BYTES) {
        throw new TooLarge("more than " + Text.bytes(MAX_PROLOG_BYTES) + " before the root"
            + " element");
      }
      switch (state) {
        case TEXT -> {
          if (b == '<') {
            state = TAG;
            markup = 0;
            opening = 0;
          }
        }
        case TAG -> {
          if (opening >= 0) {
            opening = opens(b);
          }
          if (state == TAG && b == '>') {
            state = TEXT;
          }
        }
        case CDATA -> {
          if (b == '>' && closing >= 2) {
            state = TEXT;
          }
          closing = b == ']' ? closing + 1 : 0;
        }
        default -> { // COMMENT
          if (b == '>' && closing >= 2) {
            state = TEXT;
          }
          closing = b == '-' ? closing + 1 : 0;
        }
      }
      if (state != TEXT && ++markup > MAX_MARKUP_BYTES) {
        throw new TooLarge("a tag, comment or CDATA section longer than "
            + Text.bytes(MAX_MARKUP_BYTES));
      }
    }
  }
}
