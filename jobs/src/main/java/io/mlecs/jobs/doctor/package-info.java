/**
 * {@code mlecs doctor}: checks Java, Spark and ND4J on the driver and inside Spark tasks with a fixed SameDiff
 * computation whose checksums must agree.
 */
package io.mlecs.jobs.doctor;
