package dev.newsindex.opensearch.plugin;

import java.io.Reader;
import java.util.function.UnaryOperator;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;

/** A char filter of newsindex's chain, by name: wraps the reader in the core char filter. */
final class NewsCharFilterFactory extends AbstractCharFilterFactory {
  private final UnaryOperator<Reader> filter;

  NewsCharFilterFactory(IndexSettings index, String name, UnaryOperator<Reader> filter) {
    super(index, name);
    this.filter = filter;
  }

  @Override
  public Reader create(Reader in) {
    return filter.apply(in);
  }
}
