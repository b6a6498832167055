package dev.newsindex.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the labels readers find (authors, categories, topics, places) into the values an article
 * keeps: white space collapsed, values longer than {@value #MAX_CHARS} characters dropped (that is
 * text in the wrong element, not a label, and an exact term must stay short), bylines without their
 * {@code By} and mail address.
 */
public final class Labels {
  /** The longest label kept, in characters. */
  public static final int MAX_CHARS = 200;

  private static final Pattern BY = Pattern.compile("(?i)^(?:by|par|por|von|door)\\s+");
  private static final Pattern MAIL_WITH_NAME =
      Pattern.compile("^\\s*[^\\s@()]+@[^\\s@()]+\\s*\\(([^()]+)\\)\\s*$");
  private static final Pattern NAME_WITH_MAIL = Pattern.compile("^([^<>]+?)\\s*<[^<>@]+@[^<>]+>$");
  /** A byline's trailing role: {@code , Times Staff Writer}, {@code , Business Correspondent}. */
  private static final Pattern ROLE = Pattern.compile(
      "(?i),[^,]*\\b(?:writers?|correspondents?|editors?|reporters?|staff|columnist)\\b[^,]*$");
  private static final Pattern AND = Pattern.compile("\\s+(?:and|&|et|y|und)\\s+");

  private Labels() {}

  /**
   * {@code value} as a label: white space collapsed and stripped.
   *
   * @param value a label as found; may be null
   * @return the label, or empty when {@code value} is blank or longer than {@value #MAX_CHARS}
   */
  public static String clean(String value) {
    if (value == null) {
      return "";
    }
    String s = Titles.collapseSpaces(value.replace('\u00A0', ' ')).strip();
    return s.length() > MAX_CHARS ? "" : s;
  }

  /**
   * The cleaned labels of {@code values}, blank ones left out.
   *
   * @param values labels as found
   * @return the cleaned, non-blank labels in order
   */
  public static List<String> clean(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      String c = clean(v);
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The labels of a list written as one string, as keyword fields are: {@code "oil, opec; gas"}.
   *
   * @param list labels separated by commas or semicolons
   * @return the cleaned, non-blank labels in order
   */
  public static List<String> split(String list) {
    return clean(List.of(list.split("[,;]")));
  }

  /**
   * The authors named by {@code bylines}: each without a leading {@code By} ({@code Par}, {@code
   * Por}, {@code Von}), a mail address reduced to the name beside it ({@code jane@example.com (Jane
   * Doe)}, {@code Jane Doe <jane@example.com>}), without a trailing role ({@code , Staff
   * Writer}), and a byline of two full names joined by {@code
   * and} ({@code &}, {@code et}, {@code y}, {@code und}) split in two.
   *
   * @param bylines bylines as found
   * @return the authors, cleaned, in order
   */
  public static List<String> authors(List<String> bylines) {
    List<String> out = new ArrayList<>();
    for (String b : bylines) {
      String s = clean(b);
      Matcher mail = MAIL_WITH_NAME.matcher(s);
      if (mail.matches()) {
        s = mail.group(1).strip();
      }
      Matcher named = NAME_WITH_MAIL.matcher(s);
      if (named.matches()) {
        s = named.group(1).strip();
      }
      s = BY.matcher(s).replaceFirst("");
      s = ROLE.matcher(s).replaceFirst("").strip();
      String[] parts = AND.split(s);
      boolean names = parts.length > 1;
      for (String p : parts) {
        names &= p.strip().split("\\s+").length >= 2;
      }
      if (names) {
        for (String p : parts) {
          out.add(p.strip());
        }
      } else if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
