package dev.newsindex.opensearch;

import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A push in a process of its own, for the test that kills it: {@code PushProcess URLS INDEX
 * BULK_BYTES INPUT}. Prints {@code committed N} each time the listener hears that N articles are
 * durable.
 */
public final class PushProcess {
  private PushProcess() {}

  /**
   * Runs the push.
   *
   * @param args the URLs, the index, the bulk size in bytes and the input
   * @throws Exception when the push fails
   */
  public static void main(String[] args) throws Exception {
    OpenSearchArchive.push(ClusterOptions.of(args[0]).withIndex(args[1]), IndexSettings.DEFAULT,
        2, 0, List.of(Path.of(args[3])), IngestOptions.defaults().withCommitEvery(50, 1L << 30),
        Long.parseLong(args[2]), new IngestListener() {
          @Override
          public void committed(long articles) {
            System.out.println("committed " + articles);
            System.out.flush();
          }
        });
  }
}
