/**
 * Benchmarks: each prints its numbers (ratios measured in one run against a bare-Lucene yardstick
 * where one applies), writes them to {@code docs/benchmarks/<Name>.md} through {@link
 * dev.newsindex.bench.BenchDoc}, and is run with {@code bench/run CLASS [ARGS...]}; none runs during
 * the tests. {@link dev.newsindex.bench.SyntheticCorpus} generates a deterministic corpus of any
 * size.
 */
package dev.newsindex.bench;
