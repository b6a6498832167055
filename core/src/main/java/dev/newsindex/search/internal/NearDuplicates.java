package dev.newsindex.search.internal;

import dev.newsindex.schema.MinHash;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;

/**
 * Near-duplicate detection over the {@link MinHash} signatures stored in the index: folding the
 * copies among a list of hits, and grouping the whole index through the signatures' bands.
 */
final class NearDuplicates {
  /** Band keys shared by more articles than this are skipped as uninformative (boilerplate). */
  private static final int MAX_BUCKET = 1000;

  private final IndexReader reader;
  private final double threshold;

  NearDuplicates(IndexReader reader, double threshold) {
    this.reader = reader;
    this.threshold = threshold;
  }

  /** The signatures of {@code docs} (null for a document without one), in the given order. */
  int[][] signatures(int[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    int[][] out = new int[docs.length][];
    List<LeafReaderContext> leaves = reader.leaves();
    BinaryDocValues values = null;
    int leaf = -1;
    for (int i : order) {
      int doc = docs[i];
      int l = ReaderUtil.subIndex(doc, leaves);
      if (l != leaf) {
        leaf = l;
        values = leaves.get(l).reader().getBinaryDocValues(NewsSchema.MINHASH);
      }
      int local = doc - leaves.get(l).docBase;
      if (values != null && values.docID() <= local && values.advanceExact(local)) {
        BytesRef b = values.binaryValue();
        out[i] = MinHash.decode(b.bytes, b.offset, b.length);
      }
    }
    return out;
  }

  /**
   * Folds {@code docs} (best first) into groups: each document joins the first earlier kept one it
   * resembles, else starts a group. Returns, per kept document in order, its index in {@code docs}
   * followed by the indexes of those folded into it.
   */
  List<int[]> fold(int[] docs) throws IOException {
    return MinHash.fold(signatures(docs), threshold);
  }

  /**
   * The live documents whose signatures resemble that of {@code doc} at the threshold or more,
   * {@code doc} itself included, in doc id order; just {@code doc} when it has no signature. One
   * pass over the signatures: the cost of reading them, no banding.
   */
  int[] like(int doc) throws IOException {
    int[] self = signatures(new int[] {doc})[0];
    if (self == null) {
      return new int[] {doc};
    }
    List<Integer> out = new ArrayList<>();
    forEachLive((other, signature) -> {
      if (other == doc || MinHash.similar(self, signature, threshold)) {
        out.add(other);
      }
    });
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** What {@link #forEachLive} calls: a live document and its decoded signature. */
  private interface SignatureVisitor {
    void visit(int doc, int[] signature);
  }

  /** Calls {@code visitor} for every live document with a signature, in doc id order. */
  private void forEachLive(SignatureVisitor visitor) throws IOException {
    Bits live = MultiBits.getLiveDocs(reader);
    for (LeafReaderContext leaf : reader.leaves()) {
      BinaryDocValues values = leaf.reader().getBinaryDocValues(NewsSchema.MINHASH);
      if (values == null) {
        continue;
      }
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        int doc = leaf.docBase + d;
        if (live == null || live.get(doc)) {
          BytesRef b = values.binaryValue();
          visitor.visit(doc, MinHash.decode(b.bytes, b.offset, b.length));
        }
      }
    }
  }

  /**
   * Every group of two or more live documents, as sorted doc ids; groups in no special order.
   *
   * <p>Candidates are documents whose signatures share a band ({@link MinHash#bandKeys}): the band
   * keys of every live signature are read once (16 ints per document), then, band by band, sorted
   * with their documents so that equal keys fall together.
   */
  List<int[]> groups() throws IOException {
    // One entry per live document with a signature: at most numDocs.
    int[] docs = new int[reader.numDocs()];
    int[][] keys = new int[MinHash.BANDS][docs.length];
    int[] count = {0};
    forEachLive((doc, signature) -> {
      int[] bands = MinHash.bandKeys(signature);
      int at = count[0]++;
      docs[at] = doc;
      for (int band = 0; band < keys.length; band++) {
        keys[band][at] = bands[band];
      }
    });
    int n = count[0];
    // Pass 1: which documents share a band with another at all. Key in the high half, the
    // document's index (ascending, like its id) in the low half: sorting groups equal keys.
    List<int[]> buckets = new ArrayList<>();
    long[] sorted = new long[n];
    for (int[] band : keys) {
      for (int i = 0; i < n; i++) {
        sorted[i] = (long) band[i] << 32 | i;
      }
      Arrays.sort(sorted);
      for (int start = 0; start < n; ) {
        int key = (int) (sorted[start] >> 32);
        int end = start + 1;
        while (end < n && (int) (sorted[end] >> 32) == key) {
          end++;
        }
        if (end - start >= 2 && end - start <= MAX_BUCKET) {
          int[] bucket = new int[end - start];
          for (int i = start; i < end; i++) {
            bucket[i - start] = docs[(int) sorted[i]];
          }
          buckets.add(bucket);
        }
        start = end;
      }
    }
    int[] candidates = buckets.stream().flatMapToInt(Arrays::stream).distinct().sorted()
        .toArray();
    int[][] sigs = signatures(candidates);
    Map<Integer, Integer> slot = new HashMap<>(candidates.length * 2);
    for (int i = 0; i < candidates.length; i++) {
      slot.put(candidates[i], i);
    }
    // Pass 2: confirm pairs within each bucket and join them (union-find).
    int[] parent = new int[candidates.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int[] bucket : buckets) {
      for (int a = 0; a < bucket.length; a++) {
        int sa = slot.get(bucket[a]);
        // Small buckets: every pair; large ones: each member against the first few.
        int upto = bucket.length <= 32 ? bucket.length : Math.min(bucket.length, a + 8);
        for (int b = a + 1; b < upto; b++) {
          int sb = slot.get(bucket[b]);
          if (find(parent, sa) != find(parent, sb)
              && MinHash.similar(sigs[sa], sigs[sb], threshold)) {
            parent[find(parent, sa)] = find(parent, sb);
          }
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (int i = 0; i < candidates.length; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(candidates[i]);
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> g : byRoot.values()) {
      if (g.size() >= 2) {
        out.add(g.stream().mapToInt(Integer::intValue).sorted().toArray());
      }
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
