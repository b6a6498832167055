package dev.newsindex.opensearch.plugin;

import dev.newsindex.analysis.AcronymFilter;
import dev.newsindex.analysis.CaseMarkFilter;
import dev.newsindex.analysis.CompoundFilter;
import dev.newsindex.analysis.DottedKeywordFilter;
import dev.newsindex.analysis.LanguageAnalyzers;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.Stemmer;
import dev.newsindex.analysis.Stemming;
import dev.newsindex.analysis.SynonymWeightFilter;
import dev.newsindex.analysis.NewsCharFilter;
import dev.newsindex.analysis.SpellingVariantFilter;
import dev.newsindex.analysis.StemGuard;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;

/**
 * newsindex inside OpenSearch: registers, by name, newsindex's analyzers and each step of their
 * chain as a char or token filter, the query that parses newsindex's query syntax on each shard,
 * and the highlighter that returns newsindex's passages. Every factory is a thin adapter that reads
 * its settings and builds the newsindex-core class, which is the one implementation: a cluster
 * analyses, parses and highlights exactly as a local index does.
 *
 * <p>The names are in {@link Names}.
 */
public final class NewsIndexPlugin extends Plugin implements AnalysisPlugin, SearchPlugin {
  /** Called by OpenSearch when a node starts. */
  public NewsIndexPlugin() {}

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
    m.put(Names.ANALYZER, (index, env, name, settings) -> new NewsAnalyzerProvider(index, name,
        settings, new NewsAnalyzer(AnalysisSettings.stemmer(settings))));
    m.put(Names.QUERY_ANALYZER, (index, env, name, settings) -> new NewsAnalyzerProvider(index,
        name, settings, NewsAnalyzer.forQueries(AnalysisSettings.stemmer(settings),
            AnalysisSettings.synonyms(env, settings))));
    m.put(Names.SPELLING_ANALYZER, (index, env, name, settings) -> new NewsAnalyzerProvider(index,
        name, settings, new dev.newsindex.analysis.SpellingAnalyzer()));
    List<String> chains = new java.util.ArrayList<>(LanguageAnalyzers.LANGUAGES);
    chains.add(LanguageAnalyzers.OTHER);
    for (String chain : chains) {
      m.put(Names.LANGUAGE_ANALYZER_PREFIX + chain, (index, env, name, settings) ->
          new NewsAnalyzerProvider(index, name, settings, LanguageAnalyzers.forLanguage(chain)));
    }
    return m;
  }

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    return Map.of(Names.HYPHEN_CHAR_FILTER,
        (index, env, name, settings) -> new NewsCharFilterFactory(index, name,
            NewsCharFilter::new));
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
    m.put(Names.POSSESSIVE_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, EnglishPossessiveFilter::new, false));
    m.put(Names.ACRONYM_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, AcronymFilter::new, false));
    m.put(Names.LOWERCASE_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, LowerCaseFilter::new, true));
    m.put(Names.FOLDING_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, ASCIIFoldingFilter::new, true));
    m.put(Names.COMPOUND_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, CompoundFilter::new, false));
    m.put(Names.SPELLING_VARIANT_FILTER, (index, env, name, settings) -> {
      boolean protect = settings.getAsBoolean(Names.STEM_GUARD,
          AnalysisSettings.stemmer(settings) == Stemmer.PORTER);
      return NewsTokenFilterFactory.of(index, name, settings,
          in -> SpellingVariantFilter.of(in, protect), false);
    });
    m.put(Names.DOTTED_KEYWORD_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, DottedKeywordFilter::new, false));
    m.put(Names.STEMMER_FILTER, (index, env, name, settings) -> {
      Stemmer stemmer = AnalysisSettings.stemmer(settings);
      return NewsTokenFilterFactory.of(index, name, settings, in -> Stemming.wrap(stemmer, in, StemGuard.DEFAULT),
          false);
    });
    m.put(Names.SYNONYM_FILTER, (index, env, name, settings) -> {
      var map = AnalysisSettings.synonyms(env, settings);
      return NewsTokenFilterFactory.of(index, name, settings,
          in -> map == null ? in : new SynonymGraphFilter(in, map, false), false);
    });
    m.put(Names.CASE_MARK_FILTER, (index, env, name, settings) -> {
      var mark = CaseMarkFilter.forRules(AnalysisSettings.synonyms(env, settings));
      return NewsTokenFilterFactory.of(index, name, settings, mark, false);
    });
    m.put(Names.CASE_STRIP_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings, CaseMarkFilter::strip, false));
    m.put(Names.SYNONYM_WEIGHT_FILTER, (index, env, name, settings) ->
        NewsTokenFilterFactory.of(index, name, settings,
            in -> new SynonymWeightFilter(in, NewsAnalyzer.SYNONYM_WEIGHT), false));
    return m;
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(new QuerySpec<>(Names.QUERY, NewsQueryBuilder::new,
        NewsQueryBuilder::fromXContent));
  }

  @Override
  public Map<String, Highlighter> getHighlighters() {
    return Map.of(Names.HIGHLIGHTER, new NewsHighlighter());
  }
}
