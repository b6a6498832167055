/**
 * Benchmarks: each prints its numbers (ratios measured in one run against a bare-Lucene yardstick
 * where one applies), writes them to {@code docs/benchmarks/<Name>.md} through {@link
 * dev.newsindex.bench.BenchDoc}, and is run with {@code bench/run CLASS [ARGS...]}; none runs during
 * the tests. {@link dev.newsindex.bench.SyntheticCorpus} generates a deterministic corpus of any
 * size. {@link dev.newsindex.bench.PoolTopics} and {@link dev.newsindex.bench.JudgeSheet} make and
 * judge the pools of the judged collections in {@code bench/relevance/} (see its README).
 */
package dev.newsindex.bench;
