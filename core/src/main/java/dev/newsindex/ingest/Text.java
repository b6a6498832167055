package dev.newsindex.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    for (byte b : bytes) {
      if (b == 0) {
        throw new NotUtf8Exception("binary file (contains NUL bytes), not news text");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NotUtf8Exception("not valid UTF-8 text");
    }
  }
}
