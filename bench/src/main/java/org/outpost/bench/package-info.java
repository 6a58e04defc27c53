/**
 * JMH benchmarks of the local store's performance budget: a synthetic clinic (100,000 patients,
 * 1,000,000 observations) written once through the real {@link org.outpost.store.H2Vault} write path,
 * an unencrypted copy of the same file, and timings of search, chart reads and writes on both, with the
 * store's H2 page cache and a smaller one. {@link org.outpost.bench.BenchMain} is the entry point; the
 * data is synthetic, so nothing here is patient data.
 */
package org.outpost.bench;
