package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Passes every token on unchanged and, when a {@link WordTap} was given to the stream ({@link
 * WordTap#attachTo}) before its reset, copies each into the tap (which derives the spelling
 * vocabulary's words from it).
 */
final class WordTapFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final WordTap.TapAttributeImpl tapAtt = new WordTap.TapAttributeImpl();
  private WordTap tap;

  WordTapFilter(TokenStream in) {
    super(in);
    addAttributeImpl(tapAtt);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (tap != null) {
      tap.add(termAtt.buffer(), termAtt.length());
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    tap = tapAtt.take(); // before the tokenizer's reset, whatever that clears
    if (tap != null) {
      tap.start();
    }
    super.reset();
  }

  @Override
  public void close() throws IOException {
    super.close();
    tap = null;
  }
}
