package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.json.NewsJson;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Prints results as JSON through {@link NewsJson} (the field names the HTTP API uses too): {@link
 * #document} one JSON document for the whole result, {@link #lines} one object per hit (NDJSON).
 */
final class JsonHits {
  private final PrintWriter out;

  JsonHits(PrintWriter out) {
    this.out = out;
  }

  /** One object per hit, one per line. */
  void lines(SearchResult result) throws IOException {
    for (Hit hit : result.hits()) {
      if (out.checkError()) {
        return; // the reader went away (e.g. | head): stop quietly
      }
      try (JsonGenerator g = NewsJson.generator(out)) {
        NewsJson.hit(g, hit);
      }
      out.println();
    }
  }

  /** The whole result as one document. */
  void document(SearchResult r) throws IOException {
    try (JsonGenerator g = NewsJson.generator(out)) {
      NewsJson.result(g, r);
    }
    out.println();
  }

  /** Duplicate groups as one document. */
  void duplicates(DuplicateReport report) throws IOException {
    try (JsonGenerator g = NewsJson.generator(out)) {
      NewsJson.duplicates(g, report);
    }
    out.println();
  }

  /** Duplicate groups, one per line. */
  void duplicateLines(DuplicateReport report) throws IOException {
    for (DuplicateGroup group : report.groups()) {
      if (out.checkError()) {
        return;
      }
      try (JsonGenerator g = NewsJson.generator(out)) {
        NewsJson.group(g, group);
      }
      out.println();
    }
  }
}
