package dev.newsindex.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads topics files in either of two formats, recognised by content:
 *
 * <ul>
 *   <li>TSV: one {@code qid<TAB>query} per line; blank lines and lines starting with {@code #} are
 *       skipped;
 *   <li>TREC topics: {@code <top> <num> Number: 301 <title> ... <desc> ... </top>}; the query is the
 *       {@code <title>} (the short query, as in most published baselines).
 * </ul>
 */
public final class Topics {
  private static final Pattern TREC_TOP = Pattern.compile("(?is)<top>(.*?)</top>");
  private static final Pattern TREC_NUM = Pattern.compile("(?is)<num>\\s*(?:Number:)?\\s*(\\S+)");
  private static final Pattern TREC_TITLE =
      Pattern.compile("(?is)<title>\\s*(?:Topic:)?(.*?)(?=<desc>|<narr>|<[a-z]+>|</top>)");

  private Topics() {}

  /**
   * The topics in {@code file}, in file order.
   *
   * @param file a TSV or TREC topics file
   * @return its topics
   * @throws EvalInputException naming the line when the file is malformed or holds none
   * @throws IOException when the file cannot be read
   */
  public static List<Topic> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return TREC_TOP.matcher(text).find() ? trec(file, text) : tsv(file, text);
  }

  private static List<Topic> tsv(Path file, String text) {
    List<Topic> topics = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int lineNo = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new EvalInputException(file, lineNo,
            "expected 'qid<TAB>query' (or TREC <top> topics)");
      }
      String id = line.substring(0, tab).strip();
      String query = line.substring(tab + 1).strip();
      add(file, lineNo, topics, seen, id, query);
    }
    if (topics.isEmpty()) {
      throw new EvalInputException(file, 0, "no topics");
    }
    return List.copyOf(topics);
  }

  private static List<Topic> trec(Path file, String text) {
    List<Topic> topics = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Matcher top = TREC_TOP.matcher(text);
    while (top.find()) {
      int lineNo = lineOf(text, top.start());
      Matcher num = TREC_NUM.matcher(top.group(1));
      Matcher title = TREC_TITLE.matcher(top.group(1));
      if (!num.find()) {
        throw new EvalInputException(file, lineNo, "topic without <num>");
      }
      if (!title.find()) {
        throw new EvalInputException(file, lineNo, "topic " + num.group(1) + " without <title>");
      }
      add(file, lineNo, topics, seen, num.group(1).strip(),
          title.group(1).replaceAll("\\s+", " ").strip());
    }
    return List.copyOf(topics);
  }

  private static void add(Path file, int lineNo, List<Topic> topics, Set<String> seen, String id,
      String query) {
    if (query.isEmpty()) {
      throw new EvalInputException(file, lineNo, "topic " + id + " has an empty query");
    }
    if (!seen.add(id)) {
      throw new EvalInputException(file, lineNo, "topic " + id + " appears twice");
    }
    topics.add(new Topic(id, query));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
