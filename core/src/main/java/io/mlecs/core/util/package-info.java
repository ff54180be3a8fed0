/**
 * Small shared utilities: {@link io.mlecs.core.util.Seeds} derives every random stream from (master
 * seed, round, device, purpose), so retries, resumes and transports replay the same streams.
 */
package io.mlecs.core.util;
