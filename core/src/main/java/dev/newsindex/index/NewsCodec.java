package dev.newsindex.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed by DEFLATE in blocks of 80 KiB: the codec of
 * {@link dev.newsindex.Compression#SMALL}. Lucene's own {@code BEST_COMPRESSION} mode compresses
 * blocks of 480 KiB, which makes stored text a little smaller but loading a page of hits
 * many times slower: each hit inflates its block's preset dictionary and the tenth of the block
 * it is in. With 80 KiB blocks (the block size of Lucene's LZ4 mode), a hit inflates a sixth of
 * that.
 *
 * <p>Registered as a service ({@code module-info} and {@code META-INF/services}), because a
 * reader finds a segment's codec by its {@link #NAME}: an index written with it is opened only
 * where this class is on the class or module path. Changing the stored-fields format means a new
 * class with a new name, this one kept for reading.
 */
public final class NewsCodec extends FilterCodec {
  /** The codec's name, recorded in every segment it writes. */
  public static final String NAME = "NewsCodec1";

  /** Bytes of stored fields compressed together: Lucene's LZ4 block size, not its DEFLATE one. */
  private static final int BLOCK_BYTES = 80 * 1024;
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
