package dev.newsindex.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request as the resources see it: method, the path's segments after the resource's prefix
 * (percent-decoded), the query parameters and a size-limited body.
 */
final class Call {
  final String method;
  /** The decoded segments after the resource prefix, e.g. {@code [abc, related]}. */
  final List<String> segments;
  private final Map<String, List<String>> params;
  private final HttpExchange exchange;
  private final long maxBody;

  Call(HttpExchange exchange, String prefix, long maxBody) throws Problem {
    this.exchange = exchange;
    this.maxBody = maxBody;
    String method = exchange.getRequestMethod();
    this.method = method.equals("HEAD") ? "GET" : method;
    String raw = exchange.getRequestURI().getRawPath();
    List<String> parts = new ArrayList<>();
    for (String s : raw.substring(Math.min(prefix.length(), raw.length())).split("/")) {
      if (!s.isEmpty()) {
        parts.add(decode(s, false));
      }
    }
    this.segments = List.copyOf(parts);
    this.params = parse(exchange.getRequestURI().getRawQuery());
  }

  private static String decode(String s, boolean form) throws Problem {
    try {
      // In a path '+' is itself; in a query it is a space.
      return URLDecoder.decode(form ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Problem(400, "bad percent-encoding in '" + s + "'");
    }
  }

  private static Map<String, List<String>> parse(String query) throws Problem {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** Refuses parameters other than {@code known}, so a misspelt one is not silently ignored. */
  void only(Set<String> known) throws Problem {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new Problem(400, "unknown parameter '" + name + "'; this endpoint takes "
            + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  /** The single value of {@code name}, or null when absent. */
  String param(String name) throws Problem {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new Problem(400, "parameter '" + name + "' is given " + values.size()
          + " times; give it once");
    }
    return values.get(0);
  }

  /** Every value of a repeatable parameter, each also split at commas when {@code commas}. */
  List<String> params(String name, boolean commas) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      if (commas) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      } else {
        out.add(v);
      }
    }
    return out;
  }

  int intParam(String name, int fallback, int min, int max) throws Problem {
    String v = param(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new Problem(400, name + " must be a whole number, not '" + v + "'");
    }
    if (n < min || n > max) {
      throw new Problem(400, name + " must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }

  double doubleParam(String name, double fallback) throws Problem {
    String v = param(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new Problem(400, name + " must be a number, not '" + v + "'");
    }
  }

  /** A flag: absent is false; present with no value, {@code true}, {@code 1} or {@code yes} true. */
  boolean flag(String name) throws Problem {
    String v = param(name);
    if (v == null) {
      return false;
    }
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "", "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new Problem(400, name + " must be true or false, not '" + v + "'");
    };
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The body, refused with 413 beyond the limit (counted as read, not trusted from a header). */
  InputStream body() throws Problem {
    String length = header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBody) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new Problem(400, "bad Content-Length '" + length + "'");
      }
    }
    InputStream in = exchange.getRequestBody();
    return new InputStream() {
      long read;

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0 && ++read > maxBody) {
          throw new BodyTooLarge(tooLarge());
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0 && (read += n) > maxBody) {
          throw new BodyTooLarge(tooLarge());
        }
        return n;
      }
    };
  }

  /** The whole body as bytes, within the limit. */
  byte[] bodyBytes() throws Problem, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = body()) {
      in.transferTo(out);
    } catch (BodyTooLarge e) {
      throw e.problem;
    }
    return out.toByteArray();
  }

  private Problem tooLarge() {
    return new Problem(413, "the request body is larger than the server's limit of " + maxBody
        + " bytes; send fewer articles per request");
  }

  /** Carries a 413 through code that only lets IOExceptions pass. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    BodyTooLarge(Problem problem) {
      super(problem.getMessage());
      this.problem = problem;
    }
  }
}
