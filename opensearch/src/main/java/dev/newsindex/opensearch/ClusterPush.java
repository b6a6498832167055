package dev.newsindex.opensearch;

import dev.newsindex.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsindex.Article;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.LanguageDetection;
import dev.newsindex.schema.NewsSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One push run: reads the sources with the local readers (same formats and skip rules), and
 * upserts the articles into the cluster in bulk requests of at most {@code bulkBytes}. Before a
 * batch is sent, the content hashes the cluster holds for its ids are fetched (realtime, no
 * refresh needed): an article with the same hash is unchanged and not sent; the others are
 * indexed by id, so sending one twice (a retry, a rerun) still leaves it on the cluster once.
 *
 * <p>{@link IngestOptions#threads()} lanes send at once, each its own share of the ids (so the
 * versions of one id are written in input order) and each preparing its documents on its own
 * thread while the sources are read.
 *
 * <p>Articles the cluster turns away for a passing reason (429, or 5xx while a node is lost and
 * its shards move) are sent again with backoff, for up to {@value #RETRY_SECONDS} seconds; any
 * other refusal stops the run with a one-line error naming the article. Everything acknowledged
 * is durable (the cluster writes its translog before answering), which the listener hears every
 * {@link IngestOptions#commitEveryArticles()} articles.
 */
final class ClusterPush {
  /** Bulk request size when none is given: within OpenSearch's advice of 5 to 15 MB. */
  static final long DEFAULT_BULK_BYTES = 5L << 20;
  /** How long refused articles are retried before the run gives up. */
  static final int RETRY_SECONDS = 180;
  private static final long PROGRESS_NANOS = 100_000_000L;
  /** The most concurrent bulk senders ({@link IngestOptions#threads()}, capped). */
  static final int MAX_LANES = 8;

  private final Cluster cluster;
  private final long bulkBytes;
  private final IngestListener listener;
  private final Map<IndexOutcome, Long> outcomes = new EnumMap<>(IndexOutcome.class);
  private long skipped;
  private long bytesRead;
  private long totalBytes;
  private long started;
  private long lastProgress;
  private long sinceDurable;
  private long commitEvery;

  private record Item(Article article, Origin origin, long hash, byte[] json) {}

  ClusterPush(Cluster cluster, long bulkBytes, IngestListener listener) {
    if (bulkBytes < 1) {
      throw new InvalidRequestException("the bulk size must be positive, not " + bulkBytes);
    }
    this.cluster = cluster;
    this.bulkBytes = bulkBytes;
    this.listener = listener;
    for (IndexOutcome o : IndexOutcome.values()) {
      outcomes.put(o, 0L);
    }
  }

  /** Creates the index from the schema unless it exists (another push creating it is fine). */
  static void createIndexIfMissing(Cluster cluster, IndexSettings settings, int shards,
      int replicas) throws IOException {
    String index = "/" + Cluster.escape(cluster.options().index());
    Cluster.Answer head = cluster.send("HEAD", index, null, (JsonNode) null);
    if (head.ok()) {
      return;
    }
    if (head.status() != 404) {
      throw cluster.failure("looking for index '" + cluster.options().index() + "'", head);
    }
    ObjectNode definition = ClusterSchema.definition(settings, shards, replicas);
    // One more than the deepest page a request reaches, which asks for one extra hit.
    ((ObjectNode) definition.path("settings").path("index"))
        .put("max_result_window", dev.newsindex.search.SearchRequest.MAX_WINDOW + 1);
    Cluster.Answer created = cluster.send("PUT", index,
        Cluster.params("wait_for_active_shards", "all"), definition);
    if (!created.ok() && !"resource_already_exists_exception".equals(
        created.body().path("error").path("type").asText())) {
      throw cluster.failure("creating index '" + cluster.options().index() + "'", created);
    }
  }

  IngestSummary run(List<Path> inputs, IngestOptions options) throws IOException {
    started = System.nanoTime();
    commitEvery = options.commitEveryArticles();
    List<Ingest.Source> sources = Ingest.resolve(inputs);
    totalBytes = Ingest.totalBytes(sources);
    Lane[] lanes = new Lane[Math.max(1, Math.min(MAX_LANES, options.threads()))];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(i);
    }
    try {
      Ingest.read(sources, options.format(), options.stdin(), new ArticleHandler() {
        @Override
        public void article(Article article, Origin origin) throws IOException {
          // By id: the versions of one id go through one lane, in input order.
          Lane lane = lanes[(article.id().hashCode() & 0x7fffffff) % lanes.length];
          lane.add(article, origin);
          long now = System.nanoTime();
          if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            synchronized (ClusterPush.this) {
              listener.progress(progress());
            }
          }
        }

        @Override
        public void rejected(Origin origin, String reason) {
          synchronized (ClusterPush.this) {
            skipped++;
            listener.skipped(origin, reason);
          }
        }

        @Override
        public void bytesRead(long count) {
          synchronized (ClusterPush.this) {
            bytesRead += count;
          }
        }
      });
      for (Lane lane : lanes) {
        lane.send();
      }
      for (Lane lane : lanes) {
        lane.await();
      }
    } finally {
      for (Lane lane : lanes) {
        lane.worker.shutdownNow();
      }
    }
    cluster.call("refreshing index '" + cluster.options().index() + "'", "POST",
        "/" + Cluster.escape(cluster.options().index()) + "/_refresh", null, null);
    synchronized (this) {
      listener.progress(progress());
      listener.committed(articles());
      return new IngestSummary(outcomes.get(IndexOutcome.INDEXED),
          outcomes.get(IndexOutcome.UPDATED), outcomes.get(IndexOutcome.UNCHANGED), skipped,
          Duration.ofNanos(System.nanoTime() - started), bytesRead);
    }
  }

  /**
   * One of the push's concurrent senders: collects the articles of its ids until about a bulk
   * request's worth, then prepares (documents, hashes) and sends them on its own thread while the
   * reading goes on; one batch in flight at a time, so a lane keeps its articles' order.
   */
  private final class Lane {
    final java.util.concurrent.ExecutorService worker;
    private List<Article> articles = new ArrayList<>();
    private List<Origin> origins = new ArrayList<>();
    private long estimate;
    private java.util.concurrent.Future<?> inFlight;

    Lane(int n) {
      worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsindex-push-" + n);
        t.setDaemon(true);
        return t;
      });
    }

    void add(Article article, Origin origin) throws IOException {
      articles.add(article);
      origins.add(origin);
      // About what the article's document takes: its text, its vocabulary, signature and keys.
      estimate += 2L * (article.title().length() + article.body().length()) + 256;
      if (estimate >= bulkBytes) {
        send();
      }
    }

    /** Hands the articles collected to the lane's thread, once the batch before is through. */
    void send() throws IOException {
      await();
      if (articles.isEmpty()) {
        return;
      }
      List<Article> a = articles;
      List<Origin> o = origins;
      articles = new ArrayList<>();
      origins = new ArrayList<>();
      estimate = 0;
      inFlight = worker.submit(() -> {
        List<Item> items = new ArrayList<>(a.size());
        long bytes = 0;
        for (int i = 0; i < a.size(); i++) {
          Item item = item(a.get(i), o.get(i));
          if (!items.isEmpty() && bytes + item.json().length > bulkBytes) {
            flush(items);
            items = new ArrayList<>();
            bytes = 0;
          }
          items.add(item);
          bytes += item.json().length;
        }
        flush(items);
        return null;
      });
    }

    void await() throws IOException {
      if (inFlight == null) {
        return;
      }
      try {
        inFlight.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while pushing");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        inFlight = null;
      }
    }
  }

  private long articles() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  private IngestProgress progress() {
    return new IngestProgress(articles(), skipped, bytesRead, totalBytes,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static Item item(Article article, Origin origin) throws IOException {
    article = LanguageDetection.withLanguage(article);
    long hash = NewsSchema.contentHash(article);
    byte[] json = Cluster.JSON.writeValueAsBytes(ClusterSchema.document(article, hash));
    return new Item(article, origin, hash, json);
  }

  /** Upserts one article, as a push of it alone would, and refreshes nothing. */
  IndexOutcome upsert(Article article) throws IOException {
    return flush(List.of(item(article, Origin.of("upsert")))).get(0);
  }

  /**
   * Sends {@code batch}: looks up the hashes the cluster holds for it, then indexes what is new
   * or changed; returns each article's outcome.
   */
  private List<IndexOutcome> flush(List<Item> batch) throws IOException {
    if (batch.isEmpty()) {
      return List.of();
    }
    Map<String, Long> held = heldHashes(batch);
    // The newest version of each id in the batch is sent; an earlier one counts as written.
    Map<String, Item> send = new LinkedHashMap<>();
    List<IndexOutcome> outcome = new ArrayList<>(batch.size());
    for (Item item : batch) {
      String id = item.article().id();
      Long before = send.containsKey(id) ? Long.valueOf(send.get(id).hash()) : held.get(id);
      IndexOutcome o = before == null ? IndexOutcome.INDEXED
          : before == item.hash() ? IndexOutcome.UNCHANGED : IndexOutcome.UPDATED;
      outcome.add(o);
      if (o != IndexOutcome.UNCHANGED) {
        send.put(id, item);
      }
      held.put(id, item.hash());
    }
    if (!send.isEmpty()) {
      index(new ArrayList<>(send.values()));
    }
    synchronized (this) {
      for (int i = 0; i < batch.size(); i++) {
        Item item = batch.get(i);
        outcomes.merge(outcome.get(i), 1L, Long::sum);
        listener.written(item.origin(), item.article().id(), outcome.get(i));
      }
      sinceDurable += batch.size();
      if (sinceDurable >= commitEvery) {
        sinceDurable = 0;
        listener.committed(articles());
      }
    }
    return outcome;
  }

  /** The content hashes the cluster holds for the batch's ids (absent ids are not in the map). */
  private Map<String, Long> heldHashes(List<Item> batch) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ArrayNode ids = body.putArray("ids");
    batch.stream().map(i -> i.article().id()).distinct().forEach(ids::add);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
    long backoff = 250;
    JsonNode answer;
    while (true) {
      answer = cluster.call("looking up articles in index '" + cluster.options().index() + "'",
          "POST", "/" + Cluster.escape(cluster.options().index()) + "/_mget",
          Cluster.params("_source_includes", NewsSchema.CONTENT_HASH), body);
      // A shard without a live copy (its node just lost) answers an error for its ids: ask again
      // rather than take them for new.
      JsonNode failed = null;
      for (JsonNode doc : answer.path("docs")) {
        if (doc.has("error")) {
          failed = doc;
        }
      }
      if (failed == null) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(ClusterException.Reason.UNREACHABLE, "the cluster at "
            + cluster.options().where() + " could not look up article '"
            + failed.path("_id").asText() + "' for " + RETRY_SECONDS + " s ("
            + Cluster.reason(failed) + "); run the same push again to finish", null);
      }
      pause(backoff);
      backoff = Math.min(8_000, backoff * 2);
    }
    Map<String, Long> held = new HashMap<>();
    for (JsonNode doc : answer.path("docs")) {
      if (doc.path("found").asBoolean(false)) {
        JsonNode h = doc.path("_source").path(NewsSchema.CONTENT_HASH);
        // An article without a hash (not pushed by newsindex) is replaced: never "unchanged".
        held.put(doc.path("_id").asText(), h.isNumber() ? h.asLong() : Long.MIN_VALUE);
      }
    }
    return held;
  }

  /** Indexes {@code items} by id, sending the refused ones again while the refusal passes. */
  private void index(List<Item> items) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
    long backoff = 250;
    List<Item> pending = items;
    while (true) {
      ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
      for (Item item : pending) {
        ObjectNode action = Cluster.JSON.createObjectNode();
        action.putObject("index").put("_id", item.article().id());
        ndjson.write(Cluster.JSON.writeValueAsBytes(action));
        ndjson.write('\n');
        ndjson.write(item.json());
        ndjson.write('\n');
      }
      JsonNode answer = bulk(cluster, ndjson.toByteArray(), "pushing articles");
      List<Item> again = new ArrayList<>();
      String lastReason = null;
      JsonNode results = answer.path("items");
      for (int i = 0; i < pending.size(); i++) {
        JsonNode r = results.path(i).path("index");
        int status = r.path("status").asInt(0);
        if (status >= 200 && status < 300) {
          continue;
        }
        String reason = r.path("error").path("reason").asText("no answer for it");
        if (status == 429 || status >= 500 || status == 0) {
          again.add(pending.get(i));
          lastReason = reason;
        } else {
          Item bad = pending.get(i);
          throw new ClusterException(ClusterException.Reason.REFUSED, "the cluster at "
              + cluster.options().where() + " refused article '" + bad.article().id()
              + "' from " + bad.origin() + " (" + status + "): " + reason, null);
        }
      }
      if (again.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(ClusterException.Reason.UNREACHABLE, "the cluster at "
            + cluster.options().where() + " kept turning away " + again.size() + " articles for "
            + RETRY_SECONDS + " s (last: " + lastReason + "); run the same push again to finish",
            null);
      }
      pause(backoff);
      backoff = Math.min(8_000, backoff * 2);
      pending = again;
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while pushing");
    }
  }

  /** Sends one bulk request of NDJSON {@code body} to the index; item failures are the caller's. */
  static JsonNode bulk(Cluster cluster, byte[] body, String what) throws IOException {
    Cluster.Answer a = cluster.send("POST", "/" + Cluster.escape(cluster.options().index())
        + "/_bulk", null, body, "application/x-ndjson");
    if (!a.ok()) {
      throw cluster.failure(what + " into index '" + cluster.options().index() + "'", a);
    }
    return a.body();
  }
}
