/**
 * Text analysis for news, every chain defined here. {@link dev.newsindex.analysis.NewsAnalyzer}
 * (English, and text of unknown language) is used at index and at query time (its javadoc lists
 * the chain); the query-time variant adds the entity synonyms of {@link
 * dev.newsindex.analysis.NewsSynonyms}, and the {@link dev.newsindex.Stemmer} is chosen per index.
 * {@link dev.newsindex.analysis.LanguageAnalyzers} holds the Arabic, French, German and Spanish
 * chains and the ICU fallback for every other language (the schema indexes each language in
 * fields of its own).
 *
 * <p>Traps, and where they are handled:
 *
 * <ul>
 *   <li>case carries meaning only before lower-casing: {@link
 *       dev.newsindex.analysis.AcronymFilter} runs first and tells {@code US} (the country) from
 *       {@code us}, except in text set all in capitals, where it cannot;
 *   <li>highlighting finds matches by analysing a hit's text again, so every filter here keeps
 *       offsets exact
 *       (the tests check them, and positions, with Lucene's {@code BaseTokenStreamTestCase} and
 *       {@code checkRandomData});
 *   <li>{@link dev.newsindex.analysis.CompoundFilter} and the synonyms produce token graphs; only
 *       queries see the synonym graph (SynonymGraphFilter output must not be indexed unflattened),
 *       and the compound graph at index time only stacks the joined form, which is safe to index;
 *   <li>changing the index-time chain changes what is in existing indexes: bump {@link
 *       dev.newsindex.analysis.NewsAnalyzer#NAME} (or {@link
 *       dev.newsindex.analysis.LanguageAnalyzers#NAME}) so they are refused with the rebuild
 *       advice.
 * </ul>
 */
package dev.newsindex.analysis;
