package dev.newsindex.opensearch.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** Hands OpenSearch one of newsindex's analyzers, built once per index from its settings. */
final class NewsAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
  private final Analyzer analyzer;

  NewsAnalyzerProvider(IndexSettings index, String name, Settings settings, Analyzer analyzer) {
    super(index, name, settings);
    this.analyzer = analyzer;
  }

  @Override
  public Analyzer get() {
    return analyzer;
  }
}
