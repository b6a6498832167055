package dev.newsindex.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where indexing spends its time, from a Java Flight Recorder recording of {@link IndexBench}: the
 * execution samples of each indexer (bare Lucene, newsindex), each put in the first step of the
 * pipeline found from the top of its stack, as shares of that indexer's samples.
 *
 * <p>Record, then read:
 *
 * <pre>
 * BENCH_JAVA_OPTS="-Xmx512m -XX:StartFlightRecording=filename=/tmp/index.jfr,settings=profile" \
 *   bench/run IndexBench --corpora ../shared/corpora --indexers bare,newsindex --repeat 5
 * bench/run IndexProfile /tmp/index.jfr
 * </pre>
 *
 * <p>Samples are taken at intervals of the threads' running time, so a share is roughly a share of
 * CPU time spent in Java code (not the JIT compiler's or the garbage collector's). Sampling
 * attributes some time to the wrong nearby frame; read shares of a few percent loosely.
 */
public final class IndexProfile {
  private IndexProfile() {}

  /** Steps, checked in this order against each frame from the top of the stack down. */
  private static final List<String[]> STEPS = List.of(
      new String[] {"Lucene: terms into the in-memory postings", "TermsHashPerField.add"},
      new String[] {"Lucene: segment flush", "DocumentsWriterPerThread.flush"},
      new String[] {"Lucene: stored fields", "StoredFieldsConsumer."},
      new String[] {"spelling vocabulary (WordTap)", "WordTap"},
      new String[] {"Porter stemming", "PorterStem"},
      new String[] {"tokenizer", "StandardTokenizer"},
      new String[] {"other analysis filters", ".incrementToken"},
      new String[] {"MinHash signature", "MinHash."},
      new String[] {"reading and parsing input", "JsonLinesReader", "Ingest.read"},
      new String[] {"content hash", "NewsSchema.contentHash"},
      new String[] {"building the document", "NewsSchema.toDocument", "IndexBench.document"});

  /** Prints the profile of the recording named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: bench/run IndexProfile RECORDING.jfr");
    }
    Map<String, Map<String, Integer>> byIndexer = new LinkedHashMap<>();
    byIndexer.put("bare", new LinkedHashMap<>());
    byIndexer.put("newsindex", new LinkedHashMap<>());
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      String indexer = indexer(frames);
      if (indexer != null) {
        byIndexer.get(indexer).merge(step(frames), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Map<String, Integer>> ix : byIndexer.entrySet()) {
      int total = ix.getValue().values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(Locale.ROOT, "%s: %,d samples%n", ix.getKey(), total);
      ix.getValue().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(s -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n",
              100.0 * s.getValue() / total, s.getKey()));
    }
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** Which indexer a sample belongs to (newsindex's pipeline is called from IndexBench too). */
  private static String indexer(List<RecordedFrame> frames) {
    boolean bench = false;
    for (RecordedFrame f : frames) {
      String n = name(f);
      if (n.startsWith("dev.newsindex.index.") || n.startsWith("dev.newsindex.NewsIndex.")) {
        return "newsindex";
      }
      bench |= n.startsWith("dev.newsindex.bench.IndexBench");
    }
    return bench ? "bare" : null;
  }

  private static String step(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = name(f);
      for (String[] step : STEPS) {
        for (int i = 1; i < step.length; i++) {
          if (n.contains(step[i])) {
            return step[0];
          }
        }
      }
    }
    return "other";
  }
}
