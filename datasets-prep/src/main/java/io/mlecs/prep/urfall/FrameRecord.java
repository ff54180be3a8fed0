package io.mlecs.prep.urfall;

/**
 * One row of a UR-FALL feature CSV.
 *
 * @param sequence sequence name, e.g. {@code fall-01}
 * @param frame 1-based frame number
 * @param label 0/1/2 (mapped from -1/0/1)
 * @param depth the 8 depth features in file order
 * @param location file and line, for messages
 */
public record FrameRecord(String sequence, int frame, int label, float[] depth, String location) {}
