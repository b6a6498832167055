package dev.newsindex.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the article's own text in a news page: without navigation, headers and footers, ads,
 * cookie notices, share bars, related-story lists and comments. In order:
 *
 * <ol>
 *   <li>Boilerplate is removed: elements that are never text (scripts, forms, media, AMP ads),
 *       page furniture by element and ARIA role ({@code nav}, {@code footer}, {@code aside},
 *       {@code role=banner} ...), hidden elements, and elements whose class or id names
 *       boilerplate ({@code ad}, {@code cookie}, {@code related}, {@code share}, {@code comments},
 *       {@code newsletter} ..., matched as whole words of the name, so {@code header} and {@code
 *       read} are not {@code ad}).
 *   <li>The container is chosen by the page's own structure when it has one: the elements marked
 *       {@code itemprop="articleBody"}; else the {@code <article>} holding the most text (or, for a
 *       live page whose entries are sibling {@code <article>}s, all those entries); else {@code
 *       <main>}. Without structure, or when the structure holds much less text than the page's
 *       densest block, paragraphs score their parent (fully) and grandparent (half) by their
 *       length and commas, damped by link density, and the best element wins with those of its
 *       siblings that score close to it (a body split in parts by ads).
 *   <li>Within the container, the paragraphs ({@code p}, subheadings, list items, quotes, and
 *       {@code div}s holding text of their own) are kept unless mostly links, or a boilerplate
 *       line ("Advertisement", "Read more: ...") in English, French, Spanish, German or Arabic.
 * </ol>
 *
 * <p>If removing boilerplate by class names left (almost) no text (a body whose class mentions
 * comments), those elements are put back and the text read again. Every walk is iterative.
 */
final class MainText {
  /** Class and id words that mark boilerplate. */
  private static final Set<String> BOILERPLATE = Set.of("ad", "ads", "adv", "advert", "adverts",
      "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored",
      "promo", "promoted", "cookie", "cookies", "consent", "gdpr", "cmp", "newsletter",
      "subscribe", "subscription", "signup", "paywall", "related", "recommended",
      "recommendations", "recirculation", "recirc", "share", "sharing", "sharebar", "social",
      "comment", "comments", "disqus", "breadcrumb", "breadcrumbs", "sidebar", "nav", "navbar",
      "navigation", "menu", "footer", "masthead", "popup", "modal", "overlay", "outbrain",
      "taboola", "widget", "trending", "popular", "tags", "taglist", "byline", "bio", "credit",
      "credits", "caption", "toolbar", "skip", "hidden", "offscreen", "meta", "dateline",
      "timestamp", "author", "authors", "teaser", "teasers", "banner", "print", "rating",
      "ratings", "poll", "donate", "donation", "pagination", "pager", "jump", "livefyre",
      "auteur", "autor", "signature", "published", "updated");
  /** Class and id names of several words that mark boilerplate, as written joined. */
  private static final List<String> BOILERPLATE_PHRASES = List.of("mostread", "most-read",
      "most_read", "morestories", "more-stories", "more_stories", "readnext", "read-next",
      "upnext", "up-next", "also-read", "alsoread", "you-may-like", "youmaylike", "see-also",
      "seealso", "lire-aussi", "a-lire");
  /** Elements that are page furniture wherever they are. */
  private static final Set<String> FURNITURE = Set.of("nav", "footer", "aside", "form", "dialog",
      "menu", "figure", "amp-ad", "amp-embed", "amp-sticky-ad", "amp-analytics",
      "amp-social-share", "amp-consent", "amp-user-notification", "amp-iframe", "amp-carousel");
  private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner",
      "contentinfo", "complementary", "search", "dialog", "alertdialog", "alert", "menu",
      "menubar", "toolbar", "status");
  /** Elements whose text is kept as one paragraph each. */
  private static final Set<String> PARAGRAPHS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li",
      "blockquote", "pre", "dd", "dt");
  /** Lines that are page furniture when they stand alone, lower case, without punctuation. */
  private static final Set<String> FURNITURE_LINES = Set.of("advertisement", "advertising",
      "ad", "sponsored", "sponsored content", "read more", "continue reading", "share",
      "share this", "share this article", "share this story", "follow us", "related",
      "related articles", "related stories", "related content", "most read", "subscribe",
      "sign up", "newsletter", "listen to this article", "click here", "see also", "also read",
      "read next", "up next", "back to top", "top", "publicité", "lire aussi", "à lire aussi",
      "partager", "lire la suite", "publicidad", "leer más", "werbung", "anzeige", "weiterlesen",
      "إعلان", "اقرأ أيضا", "اقرأ أيضاً", "شارك", "اقرأ المزيد");
  /** Lines that begin as furniture: a pointer to another story. */
  private static final Pattern POINTER = Pattern.compile("(?iu)^(?:read more|read also|also"
      + " read|related|see also|more on this|lire aussi|à lire aussi|voir aussi|lea también"
      + "|lesen sie auch|mehr zum thema|اقرأ أيضا|اقرأ أيضاً)\\s*[:\\-–—]");
  private static final org.jsoup.select.Evaluator HEADINGS =
      org.jsoup.select.QueryParser.parse("h2, h3, h4, h5, h6");
  private static final Pattern WORDS = Pattern.compile("\\p{L}");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final int TEXT = 0;
  private static final int LINKS = 1;
  private static final int ELEMENTS = 2;

  /** Text, link text and element counts per element of the page being read. */
  private final Map<Element, int[]> sizes;

  private MainText(Element body) {
    this.sizes = sizes(body);
  }

  /**
   * The article text of {@code page}, which this call modifies (boilerplate is removed from it).
   *
   * @param page a parsed page
   * @return the paragraphs of the article's text, in order; empty when none was found
   */
  static List<String> extract(Document page) {
    Element body = page.body();
    if (body == null) {
      return List.of();
    }
    remove(body, false);
    List<Removed> named = remove(body, true);
    List<String> text = read(body);
    if ((text.isEmpty() || length(text) < 100) && !named.isEmpty()) {
      // Names misled (a body whose class mentions comments): put those elements back, read again.
      for (int i = named.size() - 1; i >= 0; i--) {
        named.get(i).restore();
      }
      List<String> again = read(body);
      if (length(again) > length(text)) {
        return again;
      }
    }
    return text;
  }

  /** An element removed from its parent at a child index, to be put back in reverse order. */
  private record Removed(Element element, Element parent, int index) {
    void restore() {
      parent.insertChildren(index, element);
    }
  }

  private static int length(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }

  /** The paragraphs of the containers found in {@code body} as it now is. */
  private static List<String> read(Element body) {
    MainText reading = new MainText(body);
    List<Element> containers = reading.containers(body);
    List<String> out = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (Element c : containers) {
      for (String p : reading.paragraphs(c)) {
        if (seen.add(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * Removes page furniture ({@code byName} false: by element, role, hidden), or elements whose
   * class or id names boilerplate ({@code byName} true), and says what it removed.
   */
  private static List<Removed> remove(Element body, boolean byName) {
    List<Element> doomed = new ArrayList<>();
    // The marked body and what holds it are never removed by name: found once, not per element.
    Set<Element> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    if (byName) {
      for (Element marked : body.select("[itemprop=articleBody], [property=articleBody]")) {
        for (Element e = marked; e != null && holders.add(e); e = e.parent()) {
          // up to the body, or to a holder already recorded
        }
      }
    }
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || e == body) {
          return FilterResult.CONTINUE;
        }
        if (byName ? !holders.contains(e) && namedBoilerplate(e) : isFurniture(e)) {
          doomed.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, body);
    List<Removed> removed = new ArrayList<>(doomed.size());
    for (Element e : doomed) {
      Element parent = e.parent();
      if (parent != null) {
        removed.add(new Removed(e, parent, e.siblingIndex()));
        e.remove();
      }
    }
    return removed;
  }

  private static boolean isFurniture(Element e) {
    String tag = e.normalName();
    if (Markup.NEVER_TEXT.contains(tag) || FURNITURE.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && e.closest("article, main, [itemprop=articleBody]") == null) {
      return true; // the site's masthead; an article's own header holds its headline
    }
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    if (style.contains("display:none") || style.contains("visibility:hidden")) {
      return true;
    }
    return FURNITURE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT));
  }

  private static boolean namedBoilerplate(Element e) {
    String tag = e.normalName();
    if (tag.equals("article") || tag.equals("main")) {
      return false;
    }
    return namesBoilerplate(e.className()) || namesBoilerplate(e.id());
  }

  /** Whether a class or id names boilerplate, by its words ({@code related-links}, {@code adSlot}). */
  static boolean namesBoilerplate(String name) {
    if (name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String phrase : BOILERPLATE_PHRASES) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    // Words: split at anything but letters and digits, and where camel case turns upper.
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    for (String word : NON_WORD.split(spaced)) {
      if (BOILERPLATE.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The elements holding the article's text, in document order. */
  private List<Element> containers(Element body) {
    Elements marked = body.select("[itemprop=articleBody], [property=articleBody]");
    List<Element> structural = new ArrayList<>();
    boolean entries = false;
    if (!marked.isEmpty()) {
      for (Element e : marked) {
        if (structural.stream().noneMatch(outer -> isAncestor(outer, e))) {
          structural.add(e);
        }
      }
    } else {
      structural = articles(body);
      entries = structural.size() > 1;
      if (structural.isEmpty()) {
        Element main = body.selectFirst("main, [role=main]");
        if (main != null) {
          structural = List.of(main);
        }
      }
    }
    Scored scored = byScore(body);
    if (structural.isEmpty()) {
      return scored.kept();
    }
    int structuralText = 0;
    for (Element e : structural) {
      structuralText += textLength(e);
    }
    int scoredText = 0;
    for (Element e : scored.kept()) {
      scoredText += textLength(e);
    }
    // Markup can mislead (an <article> that is only the headline, with the text beside it).
    if (structuralText * 3 < scoredText) {
      return scored.kept();
    }
    // Many sibling <article>s are a live page's entries, or readers' comments: when the densest
    // text of the page lies outside all of them and outweighs the best of them twice over, they
    // are the comments.
    if (entries && scored.top() != null && disjoint(scored.top(), structural)) {
      double best = 0;
      for (Element e : structural) {
        best = Math.max(best, scored.within(e));
      }
      if (scored.topScore() > 2 * best) {
        return scored.kept();
      }
    }
    return structural;
  }

  private static boolean disjoint(Element e, List<Element> others) {
    for (Element o : others) {
      if (o == e || isAncestor(o, e) || isAncestor(e, o)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code <article>} with the most text; or, when no one holds most of it (a live page's
   * entries, each its own article), every article holding a fair share, in order.
   */
  private List<Element> articles(Element body) {
    Elements all = body.getElementsByTag("article");
    if (all.isEmpty()) {
      return List.of();
    }
    List<Element> outer = new ArrayList<>();
    for (Element a : all) {
      if (a.parents().stream().noneMatch(p -> p.normalName().equals("article"))) {
        outer.add(a);
      }
    }
    Element best = null;
    int bestText = -1;
    int total = 0;
    Map<Element, Integer> text = new IdentityHashMap<>();
    for (Element a : outer) {
      int n = textLength(a);
      text.put(a, n);
      total += n;
      if (n > bestText) {
        best = a;
        bestText = n;
      }
    }
    if (bestText <= 0) {
      return List.of();
    }
    if (bestText * 2 >= total) {
      return List.of(best);
    }
    List<Element> entries = new ArrayList<>();
    for (Element a : outer) {
      if (text.get(a) * 4 >= bestText) {
        entries.add(a);
      }
    }
    return entries;
  }

  /**
   * What paragraph scoring found.
   *
   * @param kept the best element and its siblings that score close to it, in order
   * @param top the best element, or null when no paragraph scored
   * @param topScore its score
   * @param scores every scored element's score
   */
  private record Scored(List<Element> kept, Element top, double topScore,
      Map<Element, Double> scores) {
    /** The best score of {@code e} or an element inside it. */
    double within(Element e) {
      double best = 0;
      for (Map.Entry<Element, Double> s : scores.entrySet()) {
        if (s.getKey() == e || isAncestor(e, s.getKey())) {
          best = Math.max(best, s.getValue());
        }
      }
      return best;
    }
  }

  /** The best element by paragraph score, with its siblings that score close to it. */
  private Scored byScore(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, blockquote, td, div, section")) {
      if (!p.normalName().equals("p") && !p.normalName().equals("pre")
          && !p.normalName().equals("blockquote") && ownText(p) < 25) {
        continue; // a div counts as a paragraph only for text of its own
      }
      String text = p.normalName().equals("p") ? p.text() : ownTextOf(p);
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
      score *= 1 - linkDensity(p);
      Element parent = p.parent();
      if (parent != null) {
        scores.merge(parent, score, Double::sum);
        Element grand = parent.parent();
        if (grand != null) {
          scores.merge(grand, score / 2, Double::sum);
        }
      }
    }
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey()));
      if (s > topScore) {
        top = e.getKey();
        topScore = s;
      }
    }
    if (top == null) {
      return new Scored(List.of(body), null, 0, scores);
    }
    Element parent = top.parent();
    if (parent == null) {
      return new Scored(List.of(top), top, topScore, scores);
    }
    List<Element> kept = new ArrayList<>();
    double threshold = Math.max(10, topScore * 0.2);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        kept.add(sibling);
        continue;
      }
      double s = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
      boolean paragraph = sibling.normalName().equals("p") && textOf(sibling) > 80
          && linkDensity(sibling) < 0.25;
      if (s >= threshold || paragraph) {
        kept.add(sibling);
      }
    }
    return new Scored(kept, top, topScore, scores);
  }

  /** The paragraphs of {@code container} that are article text. */
  private List<String> paragraphs(Element container) {
    List<String> out = new ArrayList<>();
    StringBuilder loose = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          loose.append(t.getWholeText());
          return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
          return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (tag.equals("h1")) {
          return FilterResult.SKIP_ENTIRELY; // the headline, read as the title
        }
        if (isCard(e) || isCardGroup(e)) {
          flush(loose, out);
          return FilterResult.SKIP_ENTIRELY; // teasers of other stories
        }
        if (PARAGRAPHS.contains(tag)) {
          if (tag.equals("li") || tag.equals("dd") || tag.equals("dt")) {
            Element list = e.parent();
            if (list != null && linkDensity(list) > 0.5) {
              return FilterResult.SKIP_ENTIRELY;
            }
          }
          if (tag.equals("li") && !e.select("p, li").isEmpty()) {
            return FilterResult.CONTINUE; // its paragraphs and nested items speak for it
          }
          if (tag.equals("blockquote") && !e.select("p").isEmpty()) {
            return FilterResult.CONTINUE;
          }
          flush(loose, out);
          keep(e, out);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (Markup.BLOCKS.contains(tag)) {
          flush(loose, out);
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && Markup.BLOCKS.contains(e.normalName())) {
          flush(loose, out);
        }
        return FilterResult.CONTINUE;
      }
    }, container);
    flush(loose, out);
    return out;
  }

  /**
   * Whether {@code e} is a teaser of another story: a short block whose heading is a link (an
   * article's own subheadings are not links).
   */
  private boolean isCard(Element e) {
    String tag = e.normalName();
    if (!tag.equals("div") && !tag.equals("li") && !tag.equals("section")
        && !tag.equals("article")) {
      return false;
    }
    int[] size = sizes.get(e);
    if (size == null || size[TEXT] >= 400 || size[ELEMENTS] > 40 || size[ELEMENTS] < 3
        || size[LINKS] == 0) {
      return false; // cheap tests first: a teaser is small, with a heading that is a link
    }
    Element heading = e.selectFirst(HEADINGS);
    return heading != null && textOf(heading) > 0 && linkDensity(heading) > 0.8
        && e.getElementsByTag("p").size() <= 2;
  }

  /** Whether {@code e} holds two or more teasers among its children. */
  private boolean isCardGroup(Element e) {
    int cards = 0;
    for (Element child : e.children()) {
      if (isCard(child) && ++cards >= 2) {
        return true;
      }
    }
    return false;
  }

  /** Text directly in a block (a {@code div} of text with {@code <br>}s), as paragraphs. */
  private static void flush(StringBuilder loose, List<String> out) {
    if (loose.isEmpty()) {
      return;
    }
    String text = Markup.collapse(loose);
    loose.setLength(0);
    if (text.length() >= 40 && isText(text)) {
      out.add(text);
    }
  }

  private void keep(Element e, List<String> out) {
    if (linkDensity(e) > 0.5) {
      return;
    }
    for (String p : Markup.paragraphs(e)) {
      if (isText(p)) {
        out.add(p);
      }
    }
  }

  /** Whether a paragraph is text rather than furniture. */
  private static boolean isText(String p) {
    if (!WORDS.matcher(p).find()) {
      return false; // a time or a date alone, a number, a symbol
    }
    String bare = NON_WORD.matcher(p.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    if (FURNITURE_LINES.contains(bare)) {
      return false;
    }
    return !(p.length() < 200 && POINTER.matcher(p).find());
  }

  private static int textLength(Element e) {
    int n = 0;
    for (Element p : e.select("p, pre, li, blockquote")) {
      n += p.text().length();
    }
    return n > 0 ? n : e.text().length() / 4;
  }

  private static int ownText(Element e) {
    int n = 0;
    for (TextNode t : e.textNodes()) {
      n += t.text().strip().length();
    }
    return n;
  }

  private static String ownTextOf(Element e) {
    StringBuilder b = new StringBuilder();
    for (TextNode t : e.textNodes()) {
      b.append(t.text()).append(' ');
    }
    return Markup.collapse(b);
  }

  /** The share of {@code e}'s text that is inside links. */
  double linkDensity(Element e) {
    int[] size = sizes.get(e);
    if (size == null) {
      return 0; // not in the page (cannot happen): no links
    }
    return size[TEXT] == 0 ? 0 : Math.min(1.0, size[LINKS] / (double) size[TEXT]);
  }

  /** The characters of text under {@code e} (white space runs counted once). */
  int textOf(Element e) {
    int[] size = sizes.get(e);
    return size == null ? 0 : size[TEXT];
  }

  /**
   * Text, link text and element counts of every element, summed bottom-up in one walk, so that
   * densities cost a look-up rather than a walk of the subtree (quadratic on deep pages).
   */
  private static Map<Element, int[]> sizes(Element root) {
    Map<Element, int[]> sizes = new IdentityHashMap<>();
    NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        int[] size = new int[3];
        size[ELEMENTS] = 1;
        for (Node child : e.childNodes()) {
          if (child instanceof TextNode t) {
            size[TEXT] += Markup.collapse(t.getWholeText()).length();
          } else if (child instanceof Element c) {
            int[] cs = sizes.get(c);
            if (cs != null) {
              size[TEXT] += cs[TEXT];
              size[LINKS] += cs[LINKS];
              size[ELEMENTS] += cs[ELEMENTS];
            }
          }
        }
        if (e.normalName().equals("a")) {
          size[LINKS] = size[TEXT];
        }
        sizes.put(e, size);
      }
    }, root);
    return sizes;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c || s.charAt(i) == '\u060C') { // the Arabic comma too
        n++;
      }
    }
    return n;
  }

  private static boolean isAncestor(Element outer, Element inner) {
    for (Element p = inner.parent(); p != null; p = p.parent()) {
      if (p == outer) {
        return true;
      }
    }
    return false;
  }
}
