/**
 * {@code mlecs quickstart}: generates a small UR-FALL-format data set, prepares it, trains a few rounds
 * on Spark local mode and writes the run's report — the README's first command.
 */
package io.mlecs.jobs.quickstart;
