/**
 * The command-line plumbing: the {@link io.mlecs.jobs.cli.Command} interface, the
 * {@link io.mlecs.jobs.cli.CommandContext} with its lazily created SparkSession, the registry and a small option
 * parser.
 */
package io.mlecs.jobs.cli;
