package dev.newsindex.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Article ids for formats whose records have no id of their own: made from the article's address,
 * so reading the same feed item, saved page or crawled page again replaces the article instead of
 * adding a copy.
 */
public final class Ids {
  /** What every id made from an address starts with. */
  public static final String URL_PREFIX = "url-";

  private Ids() {}

  /**
   * The id of the article at {@code url}: {@value #URL_PREFIX} and 24 hexadecimal digits (96 bits
   * of the SHA-256 of the address), the same for the same address. The address is taken without
   * its fragment ({@code #comments}) and with the scheme and host in lower case, which never change
   * the page.
   *
   * @param url an absolute address, e.g. {@code https://news.example/2024/03/story}
   * @return the id
   */
  public static String ofUrl(String url) {
    return URL_PREFIX + digest(normalise(url));
  }

  /**
   * An id made from any text (for records with neither an id nor an address).
   *
   * @param text the text that identifies the record, e.g. its title and date
   * @return {@code sha-} and 24 hexadecimal digits
   */
  public static String ofText(String text) {
    return "sha-" + digest(text);
  }

  static String normalise(String url) {
    String s = url.strip();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int scheme = s.indexOf("://");
    if (scheme > 0) {
      int hostEnd = s.indexOf('/', scheme + 3);
      if (hostEnd < 0) {
        hostEnd = s.length();
      }
      s = s.substring(0, hostEnd).toLowerCase(Locale.ROOT) + s.substring(hostEnd);
    }
    return s;
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
