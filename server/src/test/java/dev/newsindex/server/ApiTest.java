package dev.newsindex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import dev.newsindex.json.NewsJson;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint over real HTTP (java.net.http), the error answers and the safety checks. */
class ApiTest {
  @TempDir
  static Path tmp;
  static Path dir;
  static int size;
  static NewsIndex index;
  static NewsServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    dir = tmp.resolve("index");
    size = TestIndex.build(dir);
    index = NewsIndex.open(dir);
    server = NewsServer.start(index, loopback().build());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    index.close();
  }

  static ServerOptions.Builder loopback() {
    return ServerOptions.builder().address(InetAddress.getLoopbackAddress(), 0);
  }

  record Answer(int status, String body, HttpResponse<String> response) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  static Answer get(NewsServer s, String pathAndQuery) throws Exception {
    return send(s, HttpRequest.newBuilder(s.uri().resolve(pathAndQuery)).GET());
  }

  static Answer get(String pathAndQuery) throws Exception {
    return get(server, pathAndQuery);
  }

  static Answer send(NewsServer s, HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), r);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> all(String json, String field) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"" + field + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The ids of the hits (a hit's id follows its score). */
  static List<String> hitIds(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"score\":[^,]+,\"id\":\"([^\"]*)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static void assertProblem(Answer a, int status, String detailPart) {
    assertEquals(status, a.status(), a.body());
    assertEquals("application/problem+json", a.header("Content-Type"));
    assertTrue(a.body().startsWith("{\"status\":" + status + ",\"title\":\""), a.body());
    assertTrue(a.body().contains(detailPart), a.body());
    assertFalse(a.body().contains("at dev.newsindex") || a.body().contains("Exception"),
        "no stack trace or exception names: " + a.body());
  }

  @Test
  void searchAnswersWhatTheLibraryAnswersInTheCliFieldNames() throws Exception {
    Answer a = get("/api/search?q=korea&limit=3&facet=source,month");
    assertEquals(200, a.status(), a.body());
    assertEquals("application/json", a.header("Content-Type"));
    String expected;
    StringWriter w = new StringWriter();
    try (JsonGenerator g = NewsJson.generator(w)) {
      NewsJson.result(g, index.search(SearchRequest.builder("korea").limit(3)
          .facets(dev.newsindex.search.Facet.SOURCE, dev.newsindex.search.Facet.MONTH).build()));
    }
    expected = w.toString().replaceAll("\"took_ms\":\\d+", "");
    assertEquals(expected, a.body().strip().replaceAll("\"took_ms\":\\d+", ""));
    for (String field : List.of("\"total_hits\":7", "\"title_highlight\":{\"text\":",
        "\"matches\":[[", "\"facets\":{\"source\":{\"counts\":[{\"value\":\"MENAFN\"",
        "\"month\":{\"counts\":[{\"value\":\"2023-09\",\"count\":1}", "\"next_cursor\":\"")) {
      assertTrue(a.body().contains(field), field + " in " + a.body());
    }
  }

  @Test
  void langAnalysesTheQueryForTheLanguagesAsked() throws Exception {
    // "taux" (rates) is in the bundled French article on the ECB; as German it finds nothing.
    Answer french = get("/api/search?q=taux&lang=fr");
    assertEquals(200, french.status(), french.body());
    assertEquals("1107500042", all(french.body(), "id").get(0));
    assertEquals(List.of("1107500042"), all(get("/api/search?q=taux&lang=French").body(), "id")
        .subList(0, 1), "a language's name is its code");
    assertTrue(get("/api/search?q=taux&lang=de,es").body().contains("\"total_hits\":0"));
    Answer bad = get("/api/search?q=taux&lang=12");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.body().contains("ISO 639"), bad.body());
  }

  @Test
  void searchFiltersSortsAndPages() throws Exception {
    String sourced = get("/api/search?q=korea&source=menafn&source=" + enc("Northern Ledger"))
        .body();
    assertEquals(List.of("MENAFN", "MENAFN", "MENAFN", "Northern Ledger"),
        all(sourced, "source").stream().sorted().toList());
    String dated = get("/api/search?q=*&since=2023-11&until=2023-11&sort=newest&limit=100")
        .body();
    List<String> dates = all(dated, "date");
    assertFalse(dates.isEmpty());
    assertTrue(dates.stream().allMatch(d -> d.startsWith("2023-11")), dates.toString());
    assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    assertTrue(dated.contains("\"score\":null"), "sorted by date: no score");

    List<String> first = hitIds(get("/api/search?q=*&sort=oldest&limit=4").body());
    List<String> second = hitIds(get("/api/search?q=*&sort=oldest&limit=4&offset=4").body());
    List<String> both = hitIds(get("/api/search?q=*&sort=oldest&limit=8").body());
    assertEquals(both, concat(first, second));
    String page = get("/api/search?q=*&sort=oldest&limit=4").body();
    String cursor = all(page, "next_cursor").get(0);
    assertEquals(second, hitIds(get("/api/search?q=*&sort=oldest&limit=4&cursor=" + enc(cursor))
        .body()));

    String any = get("/api/search?q=" + enc("coffee zeppelin") + "&any").body();
    String all = get("/api/search?q=" + enc("coffee zeppelin")).body();
    assertTrue(hitIds(any).contains("wire-0001"));
    assertTrue(hitIds(all).isEmpty());

    String collapsed = get("/api/search?q=coffee+drought&collapse=true&passages=0").body();
    assertEquals(1, hitIds(collapsed).size(), collapsed);
    assertTrue(collapsed.contains("\"duplicates\":2,\"duplicate_ids\":[\""), collapsed);
    String explained = get("/api/search?q=coffee&explain=1&limit=1").body();
    assertTrue(explained.contains("\"explanation\":\""), explained);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void badSearchesAreProblemsWithThePositionOrTheParameter() throws Exception {
    Answer bad = get("/api/search?q=" + enc("korea AND (missile"));
    assertProblem(bad, 400, "bad query at position 19");
    assertTrue(bad.body().contains("\"query\":\"korea AND (missile\",\"position\":19"),
        bad.body());
    assertProblem(get("/api/search"), 400, "q is required");
    assertProblem(get("/api/search?q=korea&limt=5"), 400, "unknown parameter 'limt'");
    assertProblem(get("/api/search?q=korea&limit=0"), 400, "limit must be between 1 and 100");
    assertProblem(get("/api/search?q=korea&limit=ten"), 400, "limit must be a whole number");
    assertProblem(get("/api/search?q=korea&sort=best"), 400, "sort must be relevance");
    assertProblem(get("/api/search?q=korea&facet=week"), 400, "unknown facet 'week'");
    assertProblem(get("/api/search?q=korea&since=soon"), 400, "bad date 'soon'");
    assertProblem(get("/api/search?q=korea&since=2024&until=2023"), 400, "is after until");
    assertProblem(get("/api/search?q=korea&cursor=nonsense"), 400, "cursor");
    assertProblem(get("/api/search?q=korea&q=oil"), 400, "given 2 times");
    assertProblem(get("/api/search?q=" + "a".repeat(5000)), 400, "the limit is 4096");
    String badEscape = raw("GET /api/search?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    assertTrue(badEscape.startsWith("HTTP/1.1 400"), badEscape); // the JDK server refuses it
  }

  @Test
  void articlesRelatedAndDuplicates() throws Exception {
    Answer a = get("/api/articles/wire-0001");
    assertEquals(200, a.status());
    Article stored = index.get("wire-0001").orElseThrow();
    StringWriter w = new StringWriter();
    try (JsonGenerator g = NewsJson.generator(w)) {
      NewsJson.article(g, stored);
    }
    assertEquals(w.toString(), a.body().strip(), "the fields of get --json");
    assertProblem(get("/api/articles/no-such-id"), 404, "no article with id 'no-such-id'");

    String related = get("/api/articles/1107500001/related?limit=3").body();
    List<String> ids = hitIds(related);
    assertEquals(3, ids.size(), related);
    assertFalse(ids.contains("1107500001"));
    assertTrue(related.contains("\"query\":\"related:1107500001\""), related);
    assertProblem(get("/api/articles/nope/related"), 404, "no article with id 'nope'");
    assertProblem(get("/api/articles/1107500001/related?limit=500"), 400,
        "limit must be between 1 and 100");

    String copies = get("/api/articles/copy-coffee-2/duplicates").body();
    assertEquals(List.of("wire-0001", "copy-coffee-1", "copy-coffee-2"), all(copies, "id"));
    assertTrue(copies.startsWith("{\"size\":3,\"articles\":["), copies);
    String alone = get("/api/articles/1107500001/duplicates").body();
    assertEquals(List.of("1107500001"), all(alone, "id"));
    assertProblem(get("/api/articles/wire-0001/siblings"), 404, "no such resource");

    String groups = get("/api/duplicates").body();
    assertTrue(groups.startsWith("{\"group_count\":1,\"article_count\":3,\"groups\":[{\"size\":3"),
        groups);
    assertProblem(get("/api/duplicates?threshold=2"), 400, "threshold must be above 0");
  }

  @Test
  void anIdWithReservedCharactersIsFoundPercentEncoded() throws Exception {
    Path d = tmp.resolve("odd-ids");
    try (NewsIndex odd = NewsIndex.openOrCreate(d)) {
      odd.upsert(new Article("a/b c+d?é", "Odd id", LocalDate.of(2024, 1, 2), "Desk", "",
          "An article whose id has a slash, a space, a plus and a question mark."));
      odd.commit();
      try (NewsServer s = NewsServer.start(odd, loopback().build())) {
        Answer a = get(s, "/api/articles/" + enc("a/b c+d?é").replace("+", "%20"));
        assertEquals(200, a.status(), a.body());
        assertTrue(a.body().contains("\"id\":\"a/b c+d?é\""), a.body());
      }
    }
  }

  @Test
  void whatABackendCannotDoIs501AndABugIs500() throws Exception {
    // Another backend: every call goes to the local index except the two overridden.
    dev.newsindex.NewsArchive other = (dev.newsindex.NewsArchive) java.lang.reflect.Proxy
        .newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {dev.newsindex.NewsArchive.class}, (proxy, method, args) -> {
              if (method.getName().equals("duplicatesOf")) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
              }
              if (method.getName().equals("stats")) {
                throw new IllegalArgumentException("a bug deep inside");
              }
              try {
                return method.invoke(index, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
    try (NewsServer s = NewsServer.start(other, "another backend", loopback().build())) {
      assertProblem(get(s, "/api/articles/wire-0001/duplicates"), 501,
          "this archive cannot find the near-duplicates of one article");
      Answer bug = get(s, "/api/stats");
      assertProblem(bug, 500, "internal error (a bug)");
      assertFalse(bug.body().contains("a bug deep inside"), "internals stay on the server");
      assertEquals(200, get(s, "/api/search?q=korea").status());
    }
  }

  @Test
  void aRequestPastTheTimeLimitIs503() throws Exception {
    dev.newsindex.NewsArchive slow = (dev.newsindex.NewsArchive) java.lang.reflect.Proxy
        .newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {dev.newsindex.NewsArchive.class}, (proxy, method, args) -> {
              if (method.getName().equals("duplicates")) {
                Thread.sleep(2000); // a backend that does not stop at the search timeout
              }
              return method.invoke(index, args);
            });
    try (NewsServer s = NewsServer.start(slow, "slow", loopback()
        .limits(Duration.ofMillis(300), ServerOptions.DEFAULT_MAX_BODY).build())) {
      long t0 = System.nanoTime();
      assertProblem(get(s, "/api/duplicates"), 503, "longer than the server's limit of 300 ms");
      assertTrue(System.nanoTime() - t0 < 1_500_000_000L, "answered at the limit, not after");
      assertEquals(200, get(s, "/api/health").status());
    }
  }

  @Test
  void statsSuggestAndHealth() throws Exception {
    String stats = get("/api/stats").body();
    assertTrue(stats.contains("\"articles\":" + size + ",\"deleted\":0"), stats);
    assertTrue(stats.contains("\"index\":\"" + dir.toAbsolutePath().normalize() + "\""), stats);
    assertTrue(stats.contains("\"Test Desk\":1"), stats);
    String suggest = get("/api/suggest?q=koreaa").body();
    assertEquals("{\"query\":\"koreaa\",\"total_hits\":0,\"did_you_mean\":\"korea\"}", suggest.strip());
    assertTrue(get("/api/suggest?q=korea").body().contains("\"did_you_mean\":null"));
    assertProblem(get("/api/suggest"), 400, "q is required");
    String health = get("/api/health").body();
    assertTrue(health.startsWith("{\"status\":\"ok\",\"articles\":" + size + ",\"writes\":false"),
        health);
  }

  @Test
  void unknownPathsAndMethodsAreProblems() throws Exception {
    assertProblem(get("/api/nothing"), 404, "no such endpoint /api/nothing");
    assertProblem(get("/api/searchx?q=a"), 404, "no such endpoint");
    assertProblem(get("/api/search/more?q=a"), 404, "no such resource");
    Answer post = send(server, HttpRequest.newBuilder(server.uri().resolve("/api/search?q=a"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertProblem(post, 405, "POST is not allowed here; use GET");
    assertEquals("GET", post.header("Allow"));
    Answer head = send(server, HttpRequest.newBuilder(server.uri().resolve("/api/search?q=korea"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.status());
    assertEquals("", head.body());
  }

  @Test
  void writesAreRefusedWithoutAllowWrites() throws Exception {
    Answer post = send(server, HttpRequest.newBuilder(server.uri().resolve("/api/articles"))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x1\",\"title\":\"t\",\"body\":\"b\"}\n")));
    assertProblem(post, 403, "start it with --allow-writes");
    Answer delete = send(server, HttpRequest.newBuilder(server.uri().resolve(
        "/api/articles/wire-0001")).DELETE());
    assertProblem(delete, 403, "--allow-writes");
    assertTrue(index.get("wire-0001").isPresent());
    assertTrue(index.get("x1").isEmpty());
  }

  @Test
  void writesUpsertNdjsonAndDeleteWhenAllowed() throws Exception {
    Path d = tmp.resolve("writable");
    TestIndex.build(d);
    try (NewsIndex w = NewsIndex.open(d);
        NewsServer s = NewsServer.start(w, loopback().writes(true)
            .limits(Duration.ofSeconds(10), 4096).build())) {
      String ndjson = "{\"id\":\"new-1\",\"title\":\"Zeppelin returns to the harbour\","
          + "\"date\":\"2024-05-01\",\"source\":\"Air Desk\",\"body\":\"A zeppelin moored.\"}\n"
          + "not json at all\n"
          + "{\"id\":\"wire-0001\",\"title\":\"Coffee, corrected\",\"body\":\"Corrected text.\"}\n";
      Answer up = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles"))
          .header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
      assertEquals(200, up.status(), up.body());
      assertTrue(up.body().startsWith("{\"indexed\":1,\"updated\":1,\"unchanged\":0,\"skipped\":1"),
          up.body());
      assertTrue(up.body().contains("\"errors\":[{\"line\":2,\"reason\":\"bad JSON"), up.body());
      assertEquals(List.of("new-1"), hitIds(get(s, "/api/search?q=zeppelin").body()),
          "visible at once");
      assertEquals(List.of("Coffee, corrected"), all(get(s, "/api/articles/wire-0001").body(),
          "title"));

      Answer onlyBad = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles"))
          .header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"no id\"}\n")));
      assertProblem(onlyBad, 400, "no article could be read: line 1");
      Answer form = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles"))
          .header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
      assertProblem(form, 415, "Content-Type: application/x-ndjson");
      Answer big = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles"))
          .header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
      assertProblem(big, 413, "limit of 4096 bytes");
      Answer foreign = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles/new-1"))
          .header("Origin", "https://evil.example").DELETE());
      assertProblem(foreign, 403, "a page from https://evil.example may not change this index");

      Answer del = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles/new-1"))
          .DELETE());
      assertEquals(200, del.status(), del.body());
      assertTrue(del.body().startsWith("{\"id\":\"new-1\",\"deleted\":true"), del.body());
      assertProblem(get(s, "/api/articles/new-1"), 404, "no article with id 'new-1'");
      assertProblem(send(s, HttpRequest.newBuilder(s.uri().resolve("/api/articles/new-1"))
          .DELETE()), 404, "no article");
      assertTrue(get(s, "/api/health").body().contains("\"writes\":true"));
    }
    try (NewsIndex reopened = NewsIndex.open(d)) {
      assertTrue(reopened.get("new-1").isEmpty(), "the delete was committed");
      assertEquals("Coffee, corrected", reopened.get("wire-0001").orElseThrow().title(),
          "the upsert was committed");
    }
  }

  @Test
  void aTokenIsRequiredWhenSetAndOtherAddressesNeedOne() throws Exception {
    try (NewsServer s = NewsServer.start(index, loopback().token("s3cret-token").build())) {
      Answer none = get(s, "/api/health");
      assertProblem(none, 401, "send Authorization: Bearer");
      assertEquals("Bearer realm=\"newsindex\"", none.header("WWW-Authenticate"));
      Answer wrong = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/health"))
          .header("Authorization", "Bearer s3cret-tokex"));
      assertProblem(wrong, 401, "the token is not right");
      Answer right = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/search?q=korea"))
          .header("Authorization", "Bearer s3cret-token"));
      assertEquals(200, right.status());
      assertEquals(200, get(s, "/").status(), "the page itself holds no data");
    }
    InetAddress any = InetAddress.getByName("0.0.0.0");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loopback().address(any, 0).build());
    assertTrue(e.getMessage().contains("give --token FILE"), e.getMessage());
    assertTrue(loopback().noAuth(true).address(any, 0).build().noAuth());
    assertTrue(loopback().token("t").address(any, 0).build().token() != null);
  }

  @Test
  void aLoopbackServerAnswersOnlyToLoopbackHostNames() throws Exception {
    assertTrue(raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\n").startsWith(
        "HTTP/1.1 200"));
    String rebound = raw("GET /api/health HTTP/1.1\r\nHost: evil.example:"
        + server.address().getPort() + "\r\n");
    assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
    assertTrue(rebound.contains("answers only to a loopback host name"), rebound);
  }

  private static String raw(String head) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void corsOnlyForTheGivenOrigin() throws Exception {
    Answer plain = send(server, HttpRequest.newBuilder(server.uri().resolve("/api/health"))
        .header("Origin", "https://app.example"));
    assertEquals(200, plain.status());
    assertEquals(null, plain.header("Access-Control-Allow-Origin"), "no CORS unless asked");
    try (NewsServer s = NewsServer.start(index, loopback().cors("https://app.example").build())) {
      Answer ok = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/health"))
          .header("Origin", "https://app.example"));
      assertEquals("https://app.example", ok.header("Access-Control-Allow-Origin"));
      Answer other = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/health"))
          .header("Origin", "https://other.example"));
      assertEquals(null, other.header("Access-Control-Allow-Origin"));
      Answer preflight = send(s, HttpRequest.newBuilder(s.uri().resolve("/api/search"))
          .header("Origin", "https://app.example")
          .header("Access-Control-Request-Method", "GET")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertEquals(204, preflight.status());
      assertEquals("Authorization, Content-Type",
          preflight.header("Access-Control-Allow-Headers"));
    }
  }

  @Test
  void commitsOfAnotherWriterAreSeenWithoutRestart() throws Exception {
    Path d = tmp.resolve("nrt");
    TestIndex.build(d);
    try (NewsIndex served = NewsIndex.open(d); NewsServer s = NewsServer.start(served, loopback().build())) {
      assertTrue(hitIds(get(s, "/api/search?q=zeppelin").body()).isEmpty());
      try (NewsIndex writer = NewsIndex.open(d)) { // another writer, as another process would be
        writer.upsert(new Article("late-1", "Zeppelin spotted", LocalDate.of(2024, 6, 1),
            "Air Desk", "", "A zeppelin over the harbour."));
        writer.commit();
      }
      long committed = System.nanoTime();
      List<String> ids = List.of();
      while (ids.isEmpty() && System.nanoTime() - committed < 10_000_000_000L) {
        ids = hitIds(get(s, "/api/search?q=zeppelin").body());
        Thread.sleep(20);
      }
      assertEquals(List.of("late-1"), ids);
      System.out.printf("ApiTest: another writer's commit was found after %d ms%n",
          (System.nanoTime() - committed) / 1_000_000);
    }
  }

  @Test
  void thePageAndItsFilesComeFromAFixedList() throws Exception {
    Answer page = get("/");
    assertEquals(200, page.status());
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
    assertTrue(page.body().contains("<script src=\"app.js\" defer></script>"));
    assertEquals("text/javascript; charset=utf-8", get("/app.js").header("Content-Type"));
    assertEquals("text/css; charset=utf-8", get("/app.css").header("Content-Type"));
    for (String path : List.of("/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd",
        "/web/app.js", "/dev/newsindex/server/web/app.js", "/NewsServer.class", "/app.js/")) {
      String rawReply = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertTrue(rawReply.startsWith("HTTP/1.1 404") || rawReply.startsWith("HTTP/1.1 400"),
          path + ": " + rawReply);
    }
    assertProblem(send(server, HttpRequest.newBuilder(server.uri().resolve("/"))
        .POST(HttpRequest.BodyPublishers.noBody())), 405, "use GET");
  }

  @Test
  void theAccessLogHasOneLinePerRequest() throws Exception {
    StringWriter log = new StringWriter();
    try (NewsServer s = NewsServer.start(index, loopback().accessLog(new PrintWriter(log)).build())) {
      get(s, "/api/search?q=korea");
      get(s, "/api/articles/nope");
    }
    List<String> lines = log.toString().lines().toList();
    assertEquals(2, lines.size(), log.toString());
    assertTrue(lines.get(0).matches("\\S+Z 127\\.0\\.0\\.1 GET /api/search\\?q=korea 200 \\d+ "
        + "[\\d.]+ms"), lines.get(0));
    assertTrue(lines.get(1).contains(" GET /api/articles/nope 404 "), lines.get(1));
  }

  @Test
  void closingFinishesTheRequestsInFlightAndStopsAccepting() throws Exception {
    Path d = tmp.resolve("graceful");
    TestIndex.build(d);
    try (NewsIndex w = NewsIndex.open(d)) {
      NewsServer s = NewsServer.start(w, loopback().writes(true).build());
      int port = s.address().getPort();
      byte[] body = "{\"id\":\"late-2\",\"title\":\"Late\",\"body\":\"Sent slowly.\"}\n"
          .getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
            + " application/x-ndjson\r\nContent-Length: " + body.length + "\r\nConnection:"
            + " close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, 10); // the request is in the handler, waiting for the rest
        out.flush();
        Thread.sleep(200);
        Thread closer = Thread.ofVirtual().start(s::close);
        Thread.sleep(300);
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port)
            .close(), "no new connections once closing");
        out.write(body, 10, body.length - 10);
        out.flush();
        String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        closer.join();
      }
      assertTrue(w.get("late-2").isPresent(), "the request in flight was finished");
    }
    assertTrue(index.size() > 0, "a closed server leaves its index open for its owner");
  }


}
