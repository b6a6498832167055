package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks terms with a dot between two letters ({@code u.s}) as keywords, so no stemmer touches
 * them: they are acronyms, also when a synonym rule put them into a query.
 */
public final class DottedKeywordFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  /** Wraps {@code in}. */
  public DottedKeywordFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] b = termAtt.buffer();
    for (int i = 1; i + 1 < termAtt.length(); i++) {
      if (b[i] == '.' && Character.isLetter(b[i - 1]) && Character.isLetter(b[i + 1])) {
        keywordAtt.setKeyword(true);
        break;
      }
    }
    return true;
  }
}
