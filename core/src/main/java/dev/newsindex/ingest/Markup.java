package dev.newsindex.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns HTML into article text: paragraphs, separated by one blank line, as {@link
 * dev.newsindex.Article#body()} holds them. Block elements ({@code p}, {@code div}, {@code li},
 * headings, {@code br} ...) end a paragraph; inline elements run on; scripts, styles, forms,
 * embedded media and images contribute nothing. The walk is iterative (jsoup's {@link
 * NodeTraversor}), so deeply nested markup cannot overflow the stack.
 */
final class Markup {
  /** Elements that end a paragraph before and after them. */
  static final Set<String> BLOCKS = Set.of("p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt",
      "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article",
      "header", "footer", "main", "aside", "nav", "address", "figure", "figcaption", "table", "tr",
      "thead", "tbody", "tfoot", "caption", "details", "summary", "center", "form", "fieldset",
      "body", "html");

  /** Elements whose content is never article text. */
  static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg",
      "math", "iframe", "object", "embed", "video", "audio", "canvas", "head", "title", "button",
      "select", "option", "textarea", "input", "map", "picture", "source", "img");

  /**
   * The deepest nesting the HTML parser keeps (jsoup's default is 512); deeper elements are
   * placed at this depth. Article markup is a few dozen levels deep; the parser's work per tag grows
   * with the depth, so hostile nesting (8 MiB of {@code <div>}) parses in seconds, not minutes.
   */
  static final int MAX_DEPTH = 128;

  private Markup() {}

  /**
   * A new HTML parser (parsers are not shared between threads) keeping at most {@value
   * #MAX_DEPTH} levels.
   *
   * @return the parser
   */
  static Parser parser() {
    return Parser.htmlParser().setMaxDepth(MAX_DEPTH);
  }

  /**
   * The text of an HTML fragment, as in a feed's {@code description} or {@code content:encoded}.
   *
   * @param html the markup; plain text passes through (entities decoded)
   * @return the paragraphs joined by a blank line; empty when there is no text
   */
  static String fragmentText(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return MenafnTextReader.paragraphs(html);
    }
    return text(Jsoup.parse(html, "", parser()).body());
  }

  /**
   * The text under {@code root}, by the rules above.
   *
   * @param root the element to read, itself included
   * @return the paragraphs joined by a blank line
   */
  static String text(Element root) {
    return String.join("\n\n", paragraphs(root));
  }

  /**
   * The paragraphs under {@code root}, white space collapsed, empty ones left out.
   *
   * @param root the element to read, itself included
   * @return the paragraphs in document order
   */
  static List<String> paragraphs(Node root) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          current.append(t.getWholeText());
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (NEVER_TEXT.contains(tag)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (BLOCKS.contains(tag)) {
            flush(current, out);
          } else if (tag.equals("td") || tag.equals("th")) {
            current.append(' ');
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          flush(current, out);
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.isEmpty()) {
      return;
    }
    String p = collapse(current);
    current.setLength(0);
    if (!p.isEmpty()) {
      out.add(p);
    }
  }

  /** {@code s} with every run of white space (no-break spaces included) one space, stripped. */
  static String collapse(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B' || c == '\u2007'
          || c == '\u202F') {
        space = !b.isEmpty();
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
