package dev.newsindex.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Strict text decoding: input that is not UTF-8 is reported, never silently mangled. */
final class Text {
  private Text() {}

  /** Thrown for bytes that are not UTF-8 text (or that look binary). */
  static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    NotUtf8Exception(String message) {
      super(message);
    }
  }

  /** Decodes {@code bytes} as UTF-8, rejecting malformed input and NUL bytes (binary files). */
  static String decodeUtf8(byte[] bytes) throws NotUtf8Exception {
    return decodeUtf8(bytes, 0, bytes.length);
  }

  /** Decodes {@code length} bytes from {@code offset} as {@link #decodeUtf8(byte[])} does. */
  static String decodeUtf8(byte[] bytes, int offset, int length) throws NotUtf8Exception {
    boolean ascii = true;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == 0) {
        throw new NotUtf8Exception("binary file (contains NUL bytes), not news text");
      }
      ascii &= b > 0;
    }
    if (ascii) {
      return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new NotUtf8Exception("not valid UTF-8 text");
    }
  }

  /** A byte count for people: {@code 812 bytes}, {@code 16.0 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    if (n < 1 << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
