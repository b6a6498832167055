package dev.newsindex.opensearch.plugin;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * A token filter of newsindex's chain, by name: wraps the stream in the core filter. Filters that
 * only change case or characters also serve normalizers (keyword fields, wildcard terms).
 */
class NewsTokenFilterFactory extends AbstractTokenFilterFactory {
  private final UnaryOperator<TokenStream> filter;

  private NewsTokenFilterFactory(IndexSettings index, String name, Settings settings,
      UnaryOperator<TokenStream> filter) {
    super(index, name, settings);
    this.filter = filter;
  }

  /** The factory of {@code filter}; a {@code normalizing} one may also serve normalizers. */
  static NewsTokenFilterFactory of(IndexSettings index, String name, Settings settings,
      UnaryOperator<TokenStream> filter, boolean normalizing) {
    return normalizing ? new Normalizing(index, name, settings, filter)
        : new NewsTokenFilterFactory(index, name, settings, filter);
  }

  @Override
  public TokenStream create(TokenStream in) {
    return filter.apply(in);
  }

  /** A filter that normalizers may use: it changes characters, never tokens. */
  private static final class Normalizing extends NewsTokenFilterFactory
      implements NormalizingTokenFilterFactory {
    Normalizing(IndexSettings index, String name, Settings settings,
        UnaryOperator<TokenStream> filter) {
      super(index, name, settings, filter);
    }
  }
}
