package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BoostAttribute;

/**
 * Gives the tokens a synonym rule added to a query ({@link SynonymGraphFilter#TYPE_SYNONYM}) the
 * weight {@link NewsAnalyzer#SYNONYM_WEIGHT} through Lucene's {@link BoostAttribute}, which the
 * query parser turns into a boost: an article that uses the words the user typed ranks above one
 * that names the same thing by an alias.
 */
public final class SynonymWeightFilter extends TokenFilter {
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final BoostAttribute boostAtt = addAttribute(BoostAttribute.class);
  private final float weight;

  /** Wraps {@code in}, giving synonym tokens {@code weight}. */
  public SynonymWeightFilter(TokenStream in, float weight) {
    super(in);
    this.weight = weight;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (SynonymGraphFilter.TYPE_SYNONYM.equals(typeAtt.type())) {
      boostAtt.setBoost(weight);
    }
    return true;
  }
}
