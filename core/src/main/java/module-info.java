/**
 * newsindex: full-text search for news articles on Apache Lucene.
 *
 * <p>{@link dev.newsindex.NewsIndex} is the one entry point. The exported packages are the API:
 * {@code dev.newsindex} (the facade, the {@link dev.newsindex.NewsArchive} interface, {@link
 * dev.newsindex.Article}, the settings and the exceptions), {@code dev.newsindex.search} (request
 * and result values), {@code dev.newsindex.json} (their JSON form, as the command line and the
 * server write it), {@code dev.newsindex.ingest} (the format readers, for reading articles
 * without an index, and the values of an ingest run), {@code dev.newsindex.status} (what an index
 * holds and whether it is sound) and {@code dev.newsindex.eval} (scoring rankings against relevance
 * judgments). Everything else (schema, analysis, index writing, how searches run) is internal and
 * may change in any release.
 *
 * <p>Logging goes through the SLF4J API ({@code org.slf4j}); add any SLF4J 2 provider to see it.
 */
// jwarc has no module name of its own: its automatic name (from its jar) is the stable "jwarc".
@SuppressWarnings("requires-automatic")
module dev.newsindex {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.icu;
  // optimaize's language detector has no module name of its own either ("language.detector").
  requires language.detector;
  requires org.apache.lucene.queryparser;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.queries;
  requires org.apache.lucene.suggest;
  // NewsJson's methods take jackson-core's JsonGenerator.
  requires transitive com.fasterxml.jackson.core;
  requires java.xml;
  requires org.jsoup;
  requires jwarc;
  requires org.slf4j;

  exports dev.newsindex;
  exports dev.newsindex.eval;
  exports dev.newsindex.ingest;
  exports dev.newsindex.json;
  exports dev.newsindex.search;
  exports dev.newsindex.status;

  // Segments name their codec; readers find it by that name (SMALL's stored-fields blocks).
  provides org.apache.lucene.codecs.Codec with dev.newsindex.index.NewsCodec;
}
