package dev.newsindex.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed by DEFLATE in blocks of 160 KiB: the codec
 * of {@link dev.newsindex.Compression#SMALL}. Each hit loaded inflates its block's preset
 * dictionary (a sixtieth of the block) and the tenth of the block it is in, so the block size
 * trades stored size against the time to load a hit. On Reuters-21578's stored values ({@code
 * bench/run StoredCompressionBench}): LZ4 (Lucene's {@code BEST_SPEED}) 11.7 MB, 12 µs to load an
 * article; DEFLATE in 80 KiB blocks 8.1 MB, 52 µs; in 160 KiB blocks 7.7 MB, 81 µs. Lucene's own {@code BEST_COMPRESSION} mode compresses blocks of 480 KiB, which makes stored text
 * smaller again but loading hits many times slower than LZ4.
 *
 * <p>The block size is the writer's alone: segments written with another one (80 KiB in earlier
 * versions) are read the same way, and rewritten in blocks of this size when merged.
 *
 * <p>Registered as a service ({@code module-info} and {@code META-INF/services}), because a
 * reader finds a segment's codec by its {@link #NAME}: an index written with it is opened only
 * where this class is on the class or module path. Changing the stored-fields format means a new
 * class with a new name, this one kept for reading.
 */
public final class NewsCodec extends FilterCodec {
  /** The codec's name, recorded in every segment it writes. */
  public static final String NAME = "NewsCodec1";

  /** Bytes of stored fields compressed together: twice Lucene's LZ4 block, a third of DEFLATE's. */
  private static final int BLOCK_BYTES = 160 * 1024;
  /** Most documents in a block: as many as Lucene's LZ4 mode allows. */
  private static final int BLOCK_DOCS = 1024;
  /** Blocks per entry of the stored-fields index: Lucene's value. */
  private static final int INDEX_BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "NewsStoredFields1", new DeflateWithPresetDictCompressionMode(), BLOCK_BYTES, BLOCK_DOCS,
      INDEX_BLOCK_SHIFT);

  /** The codec, as the service loader makes it. */
  public NewsCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
