package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Sets every position increment to 1: used only to analyse synonym rules, whose words must be
 * consecutive, after stop words were removed (the query stream then matches the rule across the
 * removed stop word too).
 */
final class GapClosingFilter extends TokenFilter {
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  GapClosingFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    posIncAtt.setPositionIncrement(1);
    return true;
  }
}
