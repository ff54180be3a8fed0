/**
 * The {@code metrics} command line: scores a predictions file against a references file with ROUGE,
 * BERTScore or F1 and prints one JSON document with per-example and mean scores
 * ({@link io.mlecs.eval.cli.MetricsCommand}).
 *
 * <p>Input files are read with a strict UTF-8 decoder, one example per line ({@code lines}) or one
 * JSON object per line ({@code jsonl}, text taken from {@code --field}). Every input problem is
 * reported with the file and the 1-based line number and exit status 2.
 */
package io.mlecs.eval.cli;
