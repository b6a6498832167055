package dev.newsindex.server;

import dev.newsindex.Article;
import dev.newsindex.NewsArchive;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Format;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.json.NewsJson;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchRequest;
import dev.newsindex.search.SearchResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API's resources, one per path under {@code /api}; each answers one {@link Call}. */
final class Resources {
  private Resources() {}

  /** One resource: answers a call or throws a {@link Problem} (or any exception, mapped). */
  interface Resource {
    Response answer(Call call) throws Exception;
  }

  static Problem notAllowed(String method, String allow) {
    return new Problem(405, method + " is not allowed here; use " + allow,
        Map.of("Allow", allow));
  }

  static void getOnly(Call call) throws Problem {
    if (!call.method.equals("GET")) {
      throw notAllowed(call.method, "GET");
    }
  }

  static void noSegments(Call call) throws Problem {
    if (!call.segments.isEmpty()) {
      throw new Problem(404, "no such resource; see GET /api/health for the endpoints");
    }
  }

  /** {@code GET /api/search}: ranked hits with passages, facets and paging. */
  record Search(NewsArchive index, ServerOptions options) implements Resource {
    @Override
    public Response answer(Call call) throws Exception {
      noSegments(call);
      getOnly(call);
      SearchResult r = index.search(SearchParams.parse(call, options.requestTimeout()));
      return Response.json(g -> NewsJson.result(g, r));
    }
  }

  /** {@code GET /api/suggest?q=}: the did-you-mean correction of a query, if any. */
  record Suggest(NewsArchive index, ServerOptions options) implements Resource {
    @Override
    public Response answer(Call call) throws Exception {
      noSegments(call);
      getOnly(call);
      call.only(Set.of("q"));
      String q = call.param("q");
      if (q == null || q.isBlank()) {
        throw new Problem(400, "q is required: the query to correct");
      }
      SearchResult r = index.search(SearchRequest.builder(q).limit(1).passages(0).suggest(true)
          .timeout(SearchParams.timeout(null, options.requestTimeout())).build());
      return Response.json(g -> {
        g.writeStartObject();
        g.writeStringField("query", q);
        g.writeNumberField("total_hits", r.totalHits());
        g.writeStringField("did_you_mean", r.didYouMean());
        g.writeEndObject();
      });
    }
  }

  /**
   * {@code /api/articles}: {@code GET /{id}}, {@code GET /{id}/related}, {@code GET
   * /{id}/duplicates}, and with writes allowed {@code POST} (NDJSON upsert) and {@code DELETE
   * /{id}}.
   */
  record Articles(NewsArchive index, ServerOptions options) implements Resource {
    @Override
    public Response answer(Call call) throws Exception {
      List<String> s = call.segments;
      if (s.isEmpty()) {
        if (!call.method.equals("POST")) {
          throw notAllowed(call.method, "POST (an NDJSON upsert); to list articles use GET"
              + " /api/search?q=*");
        }
        return upsert(call);
      }
      String id = s.get(0);
      if (s.size() == 1) {
        return switch (call.method) {
          case "GET" -> article(call, id);
          case "DELETE" -> delete(call, id);
          default -> throw notAllowed(call.method, "GET, DELETE");
        };
      }
      if (s.size() == 2 && s.get(1).equals("related")) {
        getOnly(call);
        call.only(Set.of("limit", "passages", "near_date"));
        Optional<SearchResult> r = index.related(new RelatedRequest(id,
            call.intParam("limit", 10, 1, 100), call.intParam("passages", 1, 0, 10),
            call.flag("near_date")));
        SearchResult result = r.orElseThrow(() -> noArticle(id));
        return Response.json(g -> NewsJson.result(g, result));
      }
      if (s.size() == 2 && s.get(1).equals("duplicates")) {
        getOnly(call);
        call.only(Set.of("threshold"));
        DuplicateGroup group = index.duplicatesOf(id,
            call.doubleParam("threshold", DuplicateReport.DEFAULT_THRESHOLD)).orElseThrow(
                () -> noArticle(id));
        return Response.json(g -> NewsJson.group(g, group));
      }
      throw new Problem(404, "no such resource under /api/articles/" + id
          + "; there are /related and /duplicates");
    }

    private static Problem noArticle(String id) {
      return new Problem(404, "no article with id '" + id + "'");
    }

    private Response article(Call call, String id) throws Exception {
      call.only(Set.of());
      Article a = index.get(id).orElseThrow(() -> noArticle(id));
      return Response.json(g -> NewsJson.article(g, a));
    }

    private void checkWrites() throws Problem {
      if (!options.allowWrites()) {
        throw new Problem(403, "this server is read-only; start it with --allow-writes to"
            + " upsert and delete articles");
      }
    }

    private Response delete(Call call, String id) throws Exception {
      checkWrites();
      call.only(Set.of());
      if (!index.delete(id)) {
        throw noArticle(id);
      }
      index.commit();
      return Response.json(g -> {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeBooleanField("deleted", true);
        g.writeNumberField("index_articles", index.size());
        g.writeEndObject();
      });
    }

    private Response upsert(Call call) throws Exception {
      checkWrites();
      call.only(Set.of());
      String type = call.header("Content-Type");
      String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
      // A browser form can only send simple types; demanding these keeps other sites' pages
      // from writing through a user's browser.
      if (!Set.of("application/x-ndjson", "application/jsonl", "application/json")
          .contains(media)) {
        throw new Problem(415, "send the articles as JSON Lines, one object per line, with"
            + " Content-Type: application/x-ndjson (not '" + (type == null ? "" : type) + "')");
      }
      byte[] body = call.bodyBytes();
      long started = System.nanoTime();
      long[] outcomes = new long[IndexOutcome.values().length];
      List<String[]> errors = new ArrayList<>();
      // Read here, written through the archive: the same on any backend.
      Format.JSONL.reader().read("request body", new ByteArrayInputStream(body),
          new ArticleHandler() {
            @Override
            public void article(Article article, Origin origin) throws IOException {
              outcomes[index.upsert(article).ordinal()]++;
            }

            @Override
            public void rejected(Origin origin, String reason) {
              errors.add(new String[] {Long.toString(origin.line()), reason});
            }
          });
      if (java.util.Arrays.stream(outcomes).sum() == 0 && !errors.isEmpty()) {
        String[] first = errors.get(0);
        throw new Problem(400, "no article could be read: line " + first[0] + ": " + first[1]);
      }
      index.commit();
      IngestSummary summary = new IngestSummary(outcomes[IndexOutcome.INDEXED.ordinal()],
          outcomes[IndexOutcome.UPDATED.ordinal()], outcomes[IndexOutcome.UNCHANGED.ordinal()],
          errors.size(), Duration.ofNanos(System.nanoTime() - started), body.length);
      long total = index.size();
      return Response.json(g -> {
        g.writeStartObject();
        NewsJson.ingestFields(g, summary);
        g.writeNumberField("index_articles", total);
        g.writeArrayFieldStart("errors");
        for (String[] e : errors) {
          g.writeStartObject();
          g.writeNumberField("line", Long.parseLong(e[0]));
          g.writeStringField("reason", e[1]);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      });
    }
  }

  /** {@code GET /api/duplicates}: the near-duplicate groups of the index, largest first. */
  record Duplicates(NewsArchive index) implements Resource {
    @Override
    public Response answer(Call call) throws Exception {
      noSegments(call);
      getOnly(call);
      call.only(Set.of("limit", "threshold"));
      DuplicateReport report = index.duplicates(call.intParam("limit", 20, 1, 1000),
          call.doubleParam("threshold", DuplicateReport.DEFAULT_THRESHOLD));
      return Response.json(g -> NewsJson.duplicates(g, report));
    }
  }

  /** {@code GET /api/stats}: what the index holds. */
  record Stats(NewsArchive index, String name) implements Resource {
    @Override
    public Response answer(Call call) throws Exception {
      noSegments(call);
      getOnly(call);
      call.only(Set.of());
      var stats = index.stats();
      return Response.json(g -> NewsJson.stats(g, stats, name));
    }
  }

  /** {@code GET /api/health}: whether the server answers and the index is readable. */
  record Health(NewsArchive index, ServerOptions options) implements Resource {
    @Override
    public Response answer(Call call) throws IOException, Problem {
      noSegments(call);
      getOnly(call);
      call.only(Set.of());
      int size = index.size();
      return Response.json(g -> {
        g.writeStartObject();
        g.writeStringField("status", "ok");
        g.writeNumberField("articles", size);
        g.writeBooleanField("writes", options.allowWrites());
        g.writeArrayFieldStart("endpoints");
        for (String e : List.of("GET /api/search", "GET /api/articles/{id}",
            "GET /api/articles/{id}/related", "GET /api/articles/{id}/duplicates",
            "GET /api/duplicates", "GET /api/stats", "GET /api/suggest", "GET /api/health")) {
          g.writeString(e);
        }
        if (options.allowWrites()) {
          g.writeString("POST /api/articles");
          g.writeString("DELETE /api/articles/{id}");
        }
        g.writeEndArray();
        g.writeEndObject();
      });
    }
  }
}
