package io.mlecs.prep.vast;

/**
 * One VAST annotation record.
 *
 * @param clipId the clip id (names the feature files)
 * @param vastCap the omni-modal caption (the target text)
 * @param subtitle the subtitle text, or null when the clip has none
 * @param location file and record, for messages
 */
public record VastAnnotation(String clipId, String vastCap, String subtitle, String location) {}
