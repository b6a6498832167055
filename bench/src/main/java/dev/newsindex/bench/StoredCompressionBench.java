package dev.newsindex.bench;

import com.github.luben.zstd.Zstd;
import dev.newsindex.Article;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Stored-text compression on its own: the compressions of newsindex's two {@code --compression}
 * modes (Lucene's DEFLATE with a preset dictionary in 160 KiB blocks, LZ4 with one in 80 KiB
 * blocks) beside Zstandard
 * (zstd-jni, not a dependency of newsindex) on whole blocks of several sizes, over the stored
 * values of a corpus's articles: compressed size, CPU time to compress every block, and the time
 * to load one article (decompress what its block needs), the cost each hit of a page pays; and the
 * time the first compression and decompression take in a new JVM, which a cold command-line search
 * pays once (zstd-jni sets up its native calls then).
 *
 * <pre>
 * bench/run StoredCompressionBench [--corpora DIR] [--only CORPUS] [--rounds N]
 * </pre>
 *
 * <p>Each article's stored values (id, title, body, date, source, url, labels, metadata) are
 * written as UTF-8 with lengths, as Lucene's stored fields write them, and blocks are cut as
 * Lucene cuts them: whole articles until the block reaches its size.
 */
public final class StoredCompressionBench {
  private StoredCompressionBench() {}

  /** A block of serialised articles and where each one starts in it. */
  private record Block(byte[] bytes, int[] starts) {}

  /** A compression and the block size it is used with. */
  private record Mode(String name, CompressionMode mode, int blockBytes) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Runs the comparison and writes {@code docs/benchmarks/StoredCompressionBench.md}. */
  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("../shared/corpora");
    String only = "reuters21578";
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("usage: bench/run StoredCompressionBench"
            + " [--corpora DIR] [--only CORPUS] [--rounds N]; unknown: " + args[i]);
      }
    }
    Path source = corpora.resolve(only).resolve("docs.jsonl");
    List<byte[]> articles = BenchReport.read(source).stream()
        .map(StoredCompressionBench::serialise).toList();
    long raw = articles.stream().mapToLong(a -> a.length).sum();
    List<Mode> modes = List.of(
        new Mode("DEFLATE, preset dictionary (--compression small)",
            new DeflateWithPresetDictCompressionMode(), 160 * 1024),
        new Mode("DEFLATE, preset dictionary", new DeflateWithPresetDictCompressionMode(),
            80 * 1024),
        new Mode("LZ4, preset dictionary (--compression fast)",
            new LZ4WithPresetDictCompressionMode(), 80 * 1024),
        new Mode("Zstandard 1, whole block", new ZstdMode(1), 80 * 1024),
        new Mode("Zstandard 3, whole block", new ZstdMode(3), 48 * 1024),
        new Mode("Zstandard 3, whole block", new ZstdMode(3), 80 * 1024),
        new Mode("Zstandard 3, whole block", new ZstdMode(3), 128 * 1024));
    Map<Mode, double[]> best = new LinkedHashMap<>();
    Map<Mode, Long> sizes = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (Mode m : modes) {
        List<Block> blocks = blocks(articles, m.blockBytes());
        double[] run = run(m, blocks, sizes);
        best.merge(m, run, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])});
      }
    }
    BenchDoc doc = BenchDoc.create("StoredCompressionBench", "Compressed size, compression CPU and"
        + " the time to load one article, of newsindex's stored-text compressions beside"
        + " Zstandard, on the same articles' stored values.", args);
    doc.corpus("CORPORA", corpora.toString(), String.format(Locale.ROOT, "the docs.jsonl of %s,"
        + " %,d articles, %.1f MB of stored values (see [Corpora](../benchmarks.md#corpora))",
        only, articles.size(), raw / 1e6));
    BenchDoc.Table table = doc.table(String.format(Locale.ROOT, "Best of %d interleaved rounds,"
        + " one thread", rounds), "compression", "block KiB", "compressed MB",
        "size / DEFLATE's", "compress CPU s", "CPU / DEFLATE's", "µs to load one article",
        "ms to first use in a new JVM");
    Map<String, Double> firstUse = new LinkedHashMap<>();
    Mode deflate = modes.get(0);
    for (Mode m : modes) {
      double[] b = best.get(m);
      String kind = m.mode() instanceof ZstdMode ? "zstd" : m.mode().getClass().getSimpleName();
      double first = firstUse.computeIfAbsent(kind, StoredCompressionBench::firstUse);
      table.row(m.name(), m.blockBytes() / 1024, String.format(Locale.ROOT, "%.2f",
          sizes.get(m) / 1e6), String.format(Locale.ROOT, "%.2f",
          sizes.get(m) / (double) sizes.get(deflate)), String.format(Locale.ROOT, "%.3f", b[0]),
          String.format(Locale.ROOT, "%.2f", b[0] / best.get(deflate)[0]),
          String.format(Locale.ROOT, "%.1f", b[1]), String.format(Locale.ROOT, "%.0f", first));
    }
    doc.note("The time to load one article is the mean over 20,000 articles drawn at random:"
        + " its block read and decompressed as far as the article needs (Zstandard: the whole"
        + " block). The first use is the median of 3 new JVMs (with the command line's"
        + " -XX:TieredStopAtLevel=1) compressing and decompressing one small block.");
    doc.write();
  }

  /** Milliseconds to the first compression and decompression of {@code kind} in a new JVM. */
  private static double firstUse(String kind) {
    List<Double> times = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < 3; i++) {
      try {
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
            "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            FirstUse.class.getName(), kind).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("first use of " + kind + " failed: " + out);
        }
        times.add(Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return times.stream().sorted().toList().get(1);
  }

  /** In a new JVM: compresses and decompresses one small block, prints the milliseconds. */
  static final class FirstUse {
    private FirstUse() {}

    public static void main(String[] args) throws IOException {
      long t0 = System.nanoTime();
      CompressionMode mode = switch (args[0]) {
        case "zstd" -> new ZstdMode(3);
        case "LZ4WithPresetDictCompressionMode" -> new LZ4WithPresetDictCompressionMode();
        default -> new DeflateWithPresetDictCompressionMode();
      };
      byte[] block = "a small block of stored text, a small block of stored text"
          .getBytes(StandardCharsets.UTF_8);
      ByteBuffersDataOutput in = new ByteBuffersDataOutput();
      in.writeBytes(block);
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      try (Compressor c = mode.newCompressor()) {
        c.compress(in.toDataInput(), out);
      }
      BytesRef bytes = new BytesRef();
      mode.newDecompressor().decompress(new ByteArrayDataInput(out.toArrayCopy()), block.length,
          0, block.length, bytes);
      System.out.printf(Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e6);
    }
  }

  /** Compresses every block, then loads random articles; returns {CPU s, µs per load}. */
  private static double[] run(Mode m, List<Block> blocks, Map<Mode, Long> sizes)
      throws IOException {
    List<byte[]> compressed = new ArrayList<>(blocks.size());
    long t0 = THREADS.getCurrentThreadCpuTime();
    try (Compressor c = m.mode().newCompressor()) {
      for (Block b : blocks) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        ByteBuffersDataOutput in = new ByteBuffersDataOutput();
        in.writeBytes(b.bytes());
        c.compress(in.toDataInput(), out);
        compressed.add(out.toArrayCopy());
      }
    }
    double cpu = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
    sizes.put(m, compressed.stream().mapToLong(x -> x.length).sum());
    Decompressor d = m.mode().newDecompressor();
    Random random = new Random(42);
    BytesRef bytes = new BytesRef();
    int loads = 20_000;
    long t1 = System.nanoTime();
    for (int i = 0; i < loads; i++) {
      int k = random.nextInt(blocks.size());
      Block b = blocks.get(k);
      int a = random.nextInt(b.starts().length);
      int start = b.starts()[a];
      int end = a + 1 < b.starts().length ? b.starts()[a + 1] : b.bytes().length;
      d.decompress(new ByteArrayDataInput(compressed.get(k)), b.bytes().length, start,
          end - start, bytes);
      if (bytes.length != end - start || bytes.bytes[bytes.offset] != b.bytes()[start]) {
        throw new IllegalStateException(m.name() + " loaded the wrong bytes");
      }
    }
    return new double[] {cpu, (System.nanoTime() - t1) / 1e3 / loads};
  }

  private static List<Block> blocks(List<byte[]> articles, int blockBytes) {
    List<Block> blocks = new ArrayList<>();
    ByteBuffersDataOutput current = new ByteBuffersDataOutput();
    List<Integer> starts = new ArrayList<>();
    for (byte[] a : articles) {
      starts.add((int) current.size());
      current.writeBytes(a);
      if (current.size() >= blockBytes) {
        blocks.add(new Block(current.toArrayCopy(), starts.stream().mapToInt(x -> x).toArray()));
        current = new ByteBuffersDataOutput();
        starts.clear();
      }
    }
    if (!starts.isEmpty()) {
      blocks.add(new Block(current.toArrayCopy(), starts.stream().mapToInt(x -> x).toArray()));
    }
    return blocks;
  }

  /** An article's stored values, each as a length and its UTF-8 bytes. */
  private static byte[] serialise(Article a) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    List<String> values = new ArrayList<>(List.of(a.id(), a.title(), a.body(),
        a.date() == null ? "" : a.date().toString(), a.source(), a.url()));
    values.addAll(a.categories());
    values.addAll(a.topics());
    values.addAll(a.places());
    values.addAll(a.authors());
    a.metadata().forEach((k, v) -> {
      values.add(k);
      values.add(v);
    });
    try {
      for (String v : values) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeVInt(b.length);
        out.writeBytes(b);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toArrayCopy();
  }

  /** Zstandard on the whole block: the compressed length, then the frame. */
  private static final class ZstdMode extends CompressionMode {
    private final int level;

    ZstdMode(int level) {
      this.level = level;
    }

    @Override
    public Compressor newCompressor() {
      return new Compressor() {
        private byte[] in = new byte[0];
        private byte[] out = new byte[0];

        @Override
        public void compress(ByteBuffersDataInput buffers, DataOutput dest) throws IOException {
          int length = (int) buffers.length();
          in = ArrayUtil.growNoCopy(in, length);
          buffers.readBytes(in, 0, length);
          out = ArrayUtil.growNoCopy(out, (int) Zstd.compressBound(length));
          long n = Zstd.compressByteArray(out, 0, out.length, in, 0, length, level);
          if (Zstd.isError(n)) {
            throw new IOException("zstd: " + Zstd.getErrorName(n));
          }
          dest.writeVInt((int) n);
          dest.writeBytes(out, 0, (int) n);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Decompressor newDecompressor() {
      return new Decompressor() {
        private byte[] in = new byte[0];

        @Override
        public void decompress(DataInput source, int originalLength, int offset, int length,
            BytesRef bytes) throws IOException {
          int n = source.readVInt();
          in = ArrayUtil.growNoCopy(in, n);
          source.readBytes(in, 0, n);
          bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, originalLength);
          long got = Zstd.decompressByteArray(bytes.bytes, 0, originalLength, in, 0, n);
          if (Zstd.isError(got) || got != originalLength) {
            throw new IOException("zstd: a corrupt block");
          }
          bytes.offset = offset;
          bytes.length = length;
        }

        @Override
        public Decompressor clone() {
          return newDecompressor();
        }
      };
    }
  }
}
